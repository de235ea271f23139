package io.newswire.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import io.newswire.common.Article;

/**
 * An endless stream of articles at real article sizes, made from real texts: most are new (paragraphs
 * drawn at random from all the texts, their words shuffled); every {@value #COPY_EVERY}th is an exact copy
 * of one of the last {@value #RECENT} articles and every {@value #COPY_EVERY}th (offset by half) a copy
 * with {@value #EDIT_PERCENT}% of its words edited, as syndicated feeds bring. Fixed seed; articles are
 * {@code spacing} apart in time. Not thread-safe.
 */
public final class BenchCorpus {

    static final int COPY_EVERY = 10;
    static final int EDIT_PERCENT = 3;
    private static final int RECENT = 1000;

    private final List<Article> base;
    private final List<String> paragraphs = new ArrayList<>();
    private final int perArticle;
    private final Random random = new Random(7);
    private final Article[] recent = new Article[RECENT];
    private final Instant t0;
    private final Duration spacing;
    private int produced;

    public BenchCorpus(List<Article> base, Instant t0, Duration spacing) {
        this.base = base;
        base.forEach(b -> paragraphs.addAll(b.body()));
        this.perArticle = Math.max(1, paragraphs.size() / base.size());
        this.t0 = t0;
        this.spacing = spacing;
    }

    public Article next() {
        int i = produced++;
        Article copied = i == 0 ? null : recent[(i - 1 - random.nextInt(Math.min(i, RECENT))) % RECENT];
        String headline;
        List<String> body;
        if (copied != null && i % COPY_EVERY == 0) {
            headline = copied.headline();
            body = copied.body();
        } else if (copied != null && i % COPY_EVERY == COPY_EVERY / 2) {
            headline = copied.headline();
            body = edited(copied.body());
        } else {
            headline = base.get(random.nextInt(base.size())).headline();
            body = new ArrayList<>();
            for (int p = 0; p < perArticle; p++) {
                body.add(shuffled(paragraphs.get(random.nextInt(paragraphs.size()))));
            }
        }
        Instant at = t0.plus(spacing.multipliedBy(i));
        Article article = Article.ingested("bench-" + i, 1, "bench-" + (i % 7), "text", null, headline, body, null,
                null, at, at);
        recent[i % RECENT] = article;
        return article;
    }

    /**
     * A paragraph's words in a random order: real words at real frequencies (what TF-IDF and the keys
     * see) without the word sequences another article drew too (what shingles see), so new articles are
     * new to dedup however large the corpus is next to its few thousand source paragraphs.
     */
    private String shuffled(String paragraph) {
        List<String> words = new ArrayList<>(List.of(paragraph.split(" ")));
        java.util.Collections.shuffle(words, random);
        return String.join(" ", words);
    }

    private List<String> edited(List<String> body) {
        List<String> out = new ArrayList<>();
        for (String p : body) {
            String[] words = p.split(" ");
            for (int w = 0; w < words.length; w++) {
                if (random.nextInt(100) < EDIT_PERCENT) {
                    words[w] = "edited" + random.nextInt(1000);
                }
            }
            out.add(String.join(" ", words));
        }
        return out;
    }
}
