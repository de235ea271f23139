package io.newswire.app.eval;

import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Entity;
import io.newswire.common.Json;

/**
 * {@code eval linking}: end-to-end entity linking on ZELDA-format lines ({@code text}, {@code index} of
 * [start, end) character spans, {@code wikipedia_titles}). Each text goes through the stream's own
 * enrichment (NER, entity assembly, linking) as one body paragraph, so offsets are the text's own.
 * <ul>
 *   <li>A gold mention is found when a predicted mention overlapping its span carries the same title
 *       (compared with '_' as space).</li>
 *   <li>Precision counts the predicted linked mentions that overlap a gold span (the sets annotate only some
 *       names, so a link elsewhere is neither right nor wrong); a prediction is correct when its title is
 *       that of a gold span it overlaps.</li>
 * </ul>
 * Per type: recall by the type the NER gave the predicted mention that found it (gold spans carry no type;
 * "none" counts gold spans no predicted mention overlaps).
 */
public final class LinkingEvaluation {

    private final BiFunction<String, List<String>, List<Entity>> extractor;
    private final PrintStream details;

    /**
     * @param extractor headline and body paragraphs to linked entities, as the stream's enrich stage does
     * @param details where to write one tab-separated line per gold mention (document, surface, gold title,
     *                predicted title or empty, NER type), or null
     */
    public LinkingEvaluation(BiFunction<String, List<String>, List<Entity>> extractor, PrintStream details) {
        this.extractor = extractor;
        this.details = details;
    }

    private record Gold(int start, int end, String title) {
    }

    private record Predicted(int start, int end, String title, String type) {
    }

    /** Counts for one type: predictions overlapping gold, those right, gold spans found. */
    private static final class Tally {
        int predicted;
        int correct;
        int gold;
        int found;

        void add(Tally other) {
            predicted += other.predicted;
            correct += other.correct;
            gold += other.gold;
            found += other.found;
        }

        double precision() {
            return predicted == 0 ? 0 : (double) correct / predicted;
        }

        double recall() {
            return gold == 0 ? 0 : (double) found / gold;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /** @return overall F1 */
    public double run(Path jsonl, PrintStream out) throws Exception {
        Map<String, Tally> byType = new TreeMap<>();
        int documents = 0;
        long started = System.nanoTime();
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode doc = Json.MAPPER.readTree(line);
                String text = doc.path("text").asText();
                List<Gold> gold = gold(doc);
                List<Predicted> predicted = predicted(text);
                score(gold, predicted, byType);
                if (details != null) {
                    write(doc.path("id").asText(), text, gold, predicted);
                }
                documents++;
            }
        }
        Tally all = new Tally();
        byType.values().forEach(all::add);
        out.printf(Locale.ROOT, "%s: %d documents, %d gold mentions, %.1f s%n%n", jsonl, documents, all.gold,
                (System.nanoTime() - started) / 1e9);
        out.printf(Locale.ROOT, "%-14s %9s %9s %9s %9s %9s%n", "type", "predicted", "precision", "gold", "recall", "F1");
        byType.forEach((type, t) -> row(out, type, t));
        row(out, "all", all);
        out.printf(Locale.ROOT, "%nlinking F1 %.3f%n", all.f1());
        return all.f1();
    }

    /**
     * Linking on a CoNLL-2003 file, which names entities but gives no pages: each document's tokens joined by
     * spaces (as ZELDA builds its news set from these documents), run through the enrichment, and per gold NER
     * type the share of mentions that a linked prediction overlaps. With {@code details}, one line per gold
     * mention (document, surface, "?" and the gold type, predicted title, predicted type): the file two versions
     * of the linker write can be compared line by line, and the changed links judged by hand.
     *
     * @return the share of gold mentions overlapped by a linked prediction
     */
    public double coverage(Path conll, PrintStream out) throws Exception {
        Map<String, int[]> byType = new TreeMap<>();
        List<ConllReader.Document> documents = ConllReader.read(conll);
        long started = System.nanoTime();
        for (int d = 0; d < documents.size(); d++) {
            ConllReader.Document doc = documents.get(d);
            String text = doc.text().replace('\n', ' '); // offsets kept: the sentence breaks become spaces
            List<Gold> gold = doc.gold().stream().map(g -> new Gold(g.start(), g.end(), "?" + g.type())).toList();
            List<Predicted> predicted = predicted(text);
            for (Gold g : gold) {
                int[] counts = byType.computeIfAbsent(g.title.substring(1), k -> new int[2]);
                counts[0]++;
                if (predicted.stream().anyMatch(p -> overlaps(g.start, g.end, p.start, p.end))) {
                    counts[1]++;
                }
            }
            if (details != null) {
                write(String.valueOf(d), text, gold, predicted);
            }
        }
        int mentions = byType.values().stream().mapToInt(c -> c[0]).sum();
        int linked = byType.values().stream().mapToInt(c -> c[1]).sum();
        out.printf(Locale.ROOT, "%s: %d documents, %d gold NER mentions (no page titles: coverage only), %.1f s%n%n",
                conll, documents.size(), mentions, (System.nanoTime() - started) / 1e9);
        out.printf(Locale.ROOT, "%-6s %9s %9s %9s%n", "type", "mentions", "linked", "share");
        byType.forEach((type, c) -> out.printf(Locale.ROOT, "%-6s %9d %9d %9.3f%n", type, c[0], c[1],
                c[0] == 0 ? 0 : (double) c[1] / c[0]));
        double share = mentions == 0 ? 0 : (double) linked / mentions;
        out.printf(Locale.ROOT, "%nlinked share %.3f%n", share);
        return share;
    }

    private void write(String id, String text, List<Gold> gold, List<Predicted> predicted) {
        for (Gold g : gold) {
            Predicted p = predicted.stream().filter(x -> overlaps(g.start, g.end, x.start, x.end)).findFirst().orElse(null);
            String surface = g.end <= text.length() ? text.substring(g.start, g.end).replaceAll("\\s+", " ") : "";
            details.println(String.join("\t", id, surface, g.title, p == null ? "" : p.title.replace('_', ' '),
                    p == null ? "" : p.type));
        }
    }

    private static void row(PrintStream out, String type, Tally t) {
        out.printf(Locale.ROOT, "%-14s %9d %9.3f %9d %9.3f %9.3f%n", type, t.predicted, t.precision(), t.gold,
                t.recall(), t.f1());
    }

    private static List<Gold> gold(JsonNode doc) {
        List<Gold> gold = new ArrayList<>();
        JsonNode index = doc.path("index");
        JsonNode titles = doc.path("wikipedia_titles");
        for (int i = 0; i < index.size() && i < titles.size(); i++) {
            gold.add(new Gold(index.get(i).get(0).asInt(), index.get(i).get(1).asInt(), titles.get(i).asText()));
        }
        return gold;
    }

    private List<Predicted> predicted(String text) {
        List<Predicted> out = new ArrayList<>();
        for (Entity entity : extractor.apply("", List.of(text))) {
            if (!entity.linked()) {
                continue;
            }
            String title = entity.kbId().substring(entity.kbId().lastIndexOf('/') + 1);
            title = java.net.URLDecoder.decode(title, StandardCharsets.UTF_8);
            for (Entity.Mention m : entity.mentions()) {
                if (m.field() == Entity.Mention.Field.BODY) {
                    out.add(new Predicted(m.start(), m.end(), title, entity.type().name()));
                }
            }
        }
        return out;
    }

    private static void score(List<Gold> gold, List<Predicted> predicted, Map<String, Tally> byType) {
        for (Predicted p : predicted) {
            List<Gold> overlapping = gold.stream().filter(g -> overlaps(g.start, g.end, p.start, p.end)).toList();
            if (overlapping.isEmpty()) {
                continue;
            }
            Tally t = byType.computeIfAbsent(p.type, k -> new Tally());
            t.predicted++;
            if (overlapping.stream().anyMatch(g -> same(g.title, p.title))) {
                t.correct++;
            }
        }
        for (Gold g : gold) {
            List<Predicted> overlapping = predicted.stream().filter(p -> overlaps(g.start, g.end, p.start, p.end)).toList();
            String type = overlapping.isEmpty() ? "none" : overlapping.get(0).type;
            Tally t = byType.computeIfAbsent(type, k -> new Tally());
            t.gold++;
            if (overlapping.stream().anyMatch(p -> same(g.title, p.title))) {
                t.found++;
            }
        }
    }

    private static boolean overlaps(int aStart, int aEnd, int bStart, int bEnd) {
        return aStart < bEnd && bStart < aEnd;
    }

    private static boolean same(String gold, String predicted) {
        return gold.replace('_', ' ').equals(predicted.replace('_', ' '));
    }
}
