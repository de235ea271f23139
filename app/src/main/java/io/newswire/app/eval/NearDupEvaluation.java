package io.newswire.app.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import io.newswire.app.eval.EvalDocuments.Document;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.TopologySettings;

/**
 * {@code eval neardup}: makes syndication variants of every real article — headline rewritten, wire
 * boilerplate added, up to 10% of words edited, last paragraph dropped — with a fixed seed, streams the
 * originals and then the variants through the topology, and reports near-duplicate recall (a variant
 * joined by a duplicate link, in either direction, to an article of its own story: its original, a sibling
 * variant, or a copy of its original that the corpus itself holds) and false links (an article linked to one of a different story), also as a
 * rate over all different-story pairs. Stories are the gold {@code cluster_id}s.
 */
public final class NearDupEvaluation {

    static final long SEED = 20261121L;
    static final int VARIANTS = 2;
    static final double MAX_EDIT_SHARE = 0.10;
    private static final List<String> BOILERPLATE = List.of(
            "(Reporting by Staff Writers; Editing by the Desk)",
            "© 2026 Wire Service. All rights reserved. This material may not be published, broadcast or redistributed.",
            "Follow us for the latest updates on this developing story.",
            "This story has been corrected to fix a typographical error.");
    private static final List<String> HEADLINE_PREFIXES = List.of("UPDATE 1-", "WRAPUP-", "Report: ", "BREAKING: ");

    private final TopologySettings settings;
    private final DecisionRunner runner;
    private final String where;

    /** @param where how the runner runs, for the report */
    public NearDupEvaluation(TopologySettings settings, DecisionRunner runner, String where) {
        this.settings = settings;
        this.runner = runner;
        this.where = where;
    }

    /** The usual way: in-process, on one partition, originals strictly before variants. */
    public static NearDupEvaluation inProcess(TopologySettings settings) {
        return new NearDupEvaluation(settings, TopologyRunner.inProcess(Enrichment.none(), settings),
                "in-process, 1 partition");
    }

    /** @return recall */
    public double run(Path jsonl, PrintStream out) throws Exception {
        List<Document> docs = EvalDocuments.read(jsonl);
        Random random = new Random(SEED);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Article> stream = new ArrayList<>();
        Map<String, String> familyOf = new HashMap<>();
        Map<String, String> storyOf = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            stream.add(EvalDocuments.article(d.id(), EvalDocuments.sentences(d.text()), t0.plusSeconds(i)));
            familyOf.put(d.id(), d.id());
            storyOf.put(d.id(), d.cluster());
        }
        int variants = 0;
        for (int v = 0; v < VARIANTS; v++) {
            for (int i = 0; i < docs.size(); i++) {
                Document d = docs.get(i);
                String id = d.id() + "~v" + v;
                List<String> sentences = variant(EvalDocuments.sentences(d.text()), random);
                stream.add(EvalDocuments.article(id, sentences, t0.plusSeconds(docs.size() * (v + 1L) + i)));
                familyOf.put(id, d.id());
                storyOf.put(id, d.cluster());
                variants++;
            }
        }
        long started = System.nanoTime();
        List<Decision> decisions = runner.decide(stream);
        double seconds = (System.nanoTime() - started) / 1e9;

        int found = 0;
        int foundInFamily = 0;
        int falseLinks = 0;
        int originalsLinked = 0;
        int late = 0;
        // A variant is recognised when a duplicate link joins it to an article of its story in either
        // direction: where its copy was decided first, the copy is the original and the variant points to it,
        // and the other way round (the -late methods).
        java.util.Set<String> paired = new java.util.HashSet<>();
        for (Decision d : decisions) {
            if (d.revision() > 0) {
                continue; // a revision moves an article between stories; its copy link is the first decision's
            }
            boolean linked = d.decision() == Decision.Kind.NEAR_DUPLICATE || d.decision() == Decision.Kind.EXACT_DUPLICATE;
            boolean isVariant = d.articleId().contains("~v");
            if (!linked) {
                continue;
            }
            late += d.method().endsWith("-late") ? 1 : 0;
            if (!storyOf.get(d.articleId()).equals(storyOf.get(d.matchedId()))) {
                falseLinks++;
                continue;
            }
            paired.add(d.articleId());
            paired.add(d.matchedId());
            if (isVariant) {
                found++;
                foundInFamily += familyOf.get(d.articleId()).equals(familyOf.get(d.matchedId())) ? 1 : 0;
            } else {
                originalsLinked++;
            }
        }
        long variantsPaired = paired.stream().filter(id -> id.contains("~v")).count();
        Map<String, Long> perStory = new HashMap<>();
        storyOf.values().forEach(s -> perStory.merge(s, 1L, Long::sum));
        long articles = stream.size();
        long sameStoryPairs = perStory.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
        long differentPairs = articles * (articles - 1) / 2 - sameStoryPairs;
        double recall = (double) variantsPaired / variants;
        out.printf(Locale.ROOT, "%s: %d articles, %d variants (%d per article, seed %d), %.1f s through the topology "
                + "(%s)%n", jsonl, docs.size(), variants, VARIANTS, SEED, seconds, where);
        out.printf(Locale.ROOT, "near-duplicate threshold %.2f (estimated Jaccard, %d bands x %d rows)%n",
                settings.nearThreshold(), io.newswire.processors.match.lsh.MinHash.BANDS,
                io.newswire.processors.match.lsh.MinHash.ROWS);
        out.printf(Locale.ROOT, "variants linked to an article of their story: %d/%d (%d to their own original or "
                + "sibling, the rest to a copy of it in the corpus)%n", found, variants, foundInFamily);
        out.printf(Locale.ROOT, "variants in a duplicate pair with an article of their story, either way: %d/%d "
                + "(%d links made by the article that arrived first, its copy having been decided before it)%n",
                variantsPaired, variants, late);
        out.printf(Locale.ROOT, "false links (to a different story): %d of %d different-story pairs%n",
                falseLinks, differentPairs);
        out.printf(Locale.ROOT, "originals linked to another original of their story: %d%n", originalsLinked);
        out.printf(Locale.ROOT, "near-dup recall %.3f, false rate %.6f%n", recall, (double) falseLinks / differentPairs);
        return recall;
    }

    /** A syndicated copy: new headline, boilerplate, some words edited, last paragraph dropped. */
    static List<String> variant(List<String> sentences, Random random) {
        List<String> out = new ArrayList<>(sentences);
        out.set(0, HEADLINE_PREFIXES.get(random.nextInt(HEADLINE_PREFIXES.size())) + rewrite(out.get(0), random));
        if (out.size() > 2) {
            out.remove(out.size() - 1);
        }
        double share = random.nextDouble() * MAX_EDIT_SHARE;
        for (int i = 1; i < out.size(); i++) {
            out.set(i, edit(out.get(i), share, random));
        }
        out.add(BOILERPLATE.get(random.nextInt(BOILERPLATE.size())));
        return out;
    }

    private static String rewrite(String headline, Random random) {
        String[] words = headline.split(" ");
        if (words.length > 3) {
            int i = random.nextInt(words.length - 1);
            String w = words[i];
            words[i] = words[i + 1];
            words[i + 1] = w;
        }
        return String.join(" ", words);
    }

    private static final List<String> REPLACEMENTS = List.of("reportedly", "officials", "the", "said", "new",
            "on", "local", "several", "also", "according");

    private static String edit(String sentence, double share, Random random) {
        String[] words = sentence.split(" ");
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (random.nextDouble() >= share) {
                out.add(w);
            } else {
                switch (random.nextInt(3)) {
                    case 0 -> out.add(REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
                    case 1 -> { } // deleted
                    default -> {
                        out.add(w);
                        out.add(REPLACEMENTS.get(random.nextInt(REPLACEMENTS.size())));
                    }
                }
            }
        }
        return String.join(" ", out);
    }
}
