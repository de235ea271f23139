package io.newswire.processors.nlp;

import io.newswire.processors.prepare.Checked;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Entity;
import io.newswire.common.Json;

/**
 * Detects the language, then adds named entities where the extractor covers that language; other
 * languages pass through with their language set, no entities and status
 * {@link Article#ENTITIES_NOT_ANALYSED}, so models can be added later without changing the record.
 * An extractor that fails on one article dead-letters that article (with the
 * whole article as payload, so it can be replayed) instead of stopping the stream.
 */
public final class EnrichStage {

    public static final String NAME = "enrich";
    private static final int LEAD_CHARS = 1000;
    private static final int SHORT_TEXT_CHARS = 200;
    private static final double MIN_CONFIDENCE = 0.6;
    /**
     * Below this the detector is guessing: its 103 languages share the probability, so a guess sits near
     * 1/103 ≈ 0.01 (junk, a few words: 0.009–0.015), while even a one-line headline in a real language scores
     * 0.04–0.09 and an article 0.6–0.9.
     */
    static final double GUESS_CONFIDENCE = 0.02;
    /** ISO 639-2's code for a language that cannot be told. */
    public static final String UNDETERMINED = "und";

    private final LanguageDetector languages;
    private final EntityExtractor extractor;
    private final String origin;
    private final Clock clock;

    public EnrichStage(LanguageDetector languages, EntityExtractor extractor, String origin, Clock clock) {
        this.languages = languages;
        this.extractor = extractor;
        this.origin = origin;
        this.clock = clock;
    }

    public Checked<Article> apply(String key, Article article) {
        Job job = start(key, article);
        job.analyse();
        return job.finish();
    }

    /**
     * An article's enrichment in three parts: this call detects the language; {@link Job#analyse} runs the
     * tagger, the costly part, on whichever thread is given it; {@link Job#finish} assembles and links the
     * entities. With enrich workers the first and last run on the stream thread, which is otherwise waiting.
     */
    public Job start(String key, Article article) {
        LanguageDetector.Detected language = language(article);
        return new Job(key, article, article.withLanguage(language.code(), language.confidence()),
                extractor.supports(language.code()));
    }

    /** One article's enrichment between {@link #start} and {@link Job#finish}. */
    public final class Job {

        private final String key;
        private final Article article;
        private final Article detected;
        private final boolean supported;
        private Supplier<List<Entity>> entities;
        private RuntimeException failure;

        private Job(String key, Article article, Article detected, boolean supported) {
            this.key = key;
            this.article = article;
            this.detected = detected;
            this.supported = supported;
        }

        /** Whether {@link #analyse} has work to do (a language the extractor covers). */
        public boolean needsAnalysis() {
            return supported;
        }

        /** The tagger's part. What it throws (short of an Error) dead-letters the article at {@link #finish}. */
        public void analyse() {
            if (!supported) {
                return;
            }
            try {
                entities = extractor.analyse(detected);
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        /** The enriched article, or its dead letter; after {@link #analyse} has returned. */
        public Checked<Article> finish() {
            if (!supported) {
                return Checked.ok(detected.withEntities(List.of(), Article.ENTITIES_NOT_ANALYSED));
            }
            if (failure != null) {
                return rejected(key, article, "entity extraction failed: " + failure);
            }
            try {
                return Checked.ok(detected.withEntities(entities.get(), Article.ENTITIES_ANALYSED));
            } catch (RuntimeException e) {
                return rejected(key, article, "entity extraction failed: " + e);
            }
        }
    }

    /** The article as a dead letter of this stage, whole, so that it can be replayed. */
    Checked<Article> rejected(String key, Article article, String reason) {
        return Checked.rejected(DeadLetter.of(NAME, reason, origin, key, Json.payloadOf(article), clock.instant()));
    }

    /**
     * The detected language, unless the source declared one and detection has little to go on (a short
     * text or a low confidence): then the declaration, in its ISO 639-1 form, with confidence 1. A guess
     * below {@value #GUESS_CONFIDENCE} with nothing declared is {@value #UNDETERMINED}.
     */
    private LanguageDetector.Detected language(Article article) {
        String lead = lead(article);
        LanguageDetector.Detected detected = languages.detect(lead);
        String declared = article.language() == null ? "" : article.language().strip().toLowerCase(java.util.Locale.ROOT)
                .replaceFirst("[-_].*$", "");
        boolean unsure = lead.length() < SHORT_TEXT_CHARS || detected.confidence() < MIN_CONFIDENCE;
        if (declared.length() == 2 && unsure && !declared.equals(detected.code())) {
            return new LanguageDetector.Detected(declared, 1.0);
        }
        if (detected.confidence() < GUESS_CONFIDENCE) {
            return new LanguageDetector.Detected(UNDETERMINED, detected.confidence());
        }
        return detected;
    }

    /** Headline and opening paragraphs: enough text to tell the language, without copying the whole body. */
    private static String lead(Article article) {
        StringBuilder text = new StringBuilder(article.headline());
        for (String paragraph : article.body()) {
            if (text.length() >= LEAD_CHARS) {
                break;
            }
            text.append("\n\n").append(paragraph);
        }
        return text.toString();
    }
}
