package io.newswire.processors;

import io.newswire.processors.nlp.EnrichStage;
import io.newswire.processors.nlp.EntityExtractor;
import io.newswire.processors.nlp.LanguageDetector;
import io.newswire.processors.prepare.Checked;
import io.newswire.processors.prepare.NormalizeStage;
import io.newswire.processors.prepare.ValidateStage;
import static io.newswire.processors.TestArticles.T0;
import static io.newswire.processors.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.ArticleIds;
import io.newswire.common.Entity;
import io.newswire.common.Topics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StagesTest {

    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    static final Topics TOPICS = Topics.withPrefix("");
    static final LanguageDetector ENGLISH = LanguageDetector.fixed("en");

    @Nested
    class Validate {
        ValidateStage stage = new ValidateStage(TOPICS.raw(), 10_000, CLOCK);

        byte[] json(Article a) {
            return TOPICS.raw().valueSerde().serializer().serialize("t", a);
        }

        @Test
        void shouldAcceptAWellFormedArticle() {
            Checked<Article> result = stage.apply("a1", json(article("a1", "H", "B")));
            assertThat(result.isOk()).isTrue();
            assertThat(result.value().id()).isEqualTo("a1");
        }

        @Test
        void shouldDeadLetterEachKindOfBadInputWithItsReason() {
            assertThat(reason("k", null)).isEqualTo("empty record");
            assertThat(reason("k", "{oops".getBytes(StandardCharsets.UTF_8))).startsWith("not a valid Article JSON");
            assertThat(reason("k", "null".getBytes(StandardCharsets.UTF_8))).isEqualTo("JSON null is not an article");
            assertThat(reason("a1", json(article("", "H", "B")))).isEqualTo("missing id");
            assertThat(reason("a1", json(article("a1", " ", "B")))).isEqualTo("missing headline");
            assertThat(reason("a1", json(article("a1", "H", " ")))).isEqualTo("missing body");
            assertThat(reason("other", json(article("a1", "H", "B")))).contains("differs from article id");
            assertThat(reason("a1", new byte[20_000])).contains("exceeds max.article.bytes");
        }

        @Test
        void shouldKeepThePayloadAndStageInTheDeadLetter() {
            Checked<Article> result = stage.apply("k", "{oops".getBytes(StandardCharsets.UTF_8));
            assertThat(result.rejection().stage()).isEqualTo("validate");
            assertThat(result.rejection().payload()).isEqualTo("{oops");
            assertThat(result.rejection().origin()).isEqualTo("news.raw");
            assertThat(result.rejection().at()).isEqualTo(T0);
        }

        private String reason(String key, byte[] value) {
            Checked<Article> result = stage.apply(key, value);
            assertThat(result.isOk()).isFalse();
            return result.rejection().reason();
        }
    }

    @Nested
    class Normalize {
        @Test
        void shouldCanonicalizeTextAndStampTheContentHash() {
            Article a = new NormalizeStage().apply(article("a", "  Cafe\u0301\u00a0 talks ",
                    "One\u200b  two.", "   ", "Three\tfour."));
            assertThat(a.headline()).isEqualTo("Café talks");
            assertThat(a.body()).containsExactly("One two.", "Three four.");
            assertThat(a.contentHash()).isEqualTo(ArticleIds.contentHash(a.headline(), a.body()));
        }
    }

    @Nested
    class Enrich {
        @Test
        void shouldAttachWhatTheExtractorFinds() {
            Entity e = new Entity("person:x", Entity.EntityType.PERSON, "X", List.of("X"), 1, 1.0, List.of());
            Checked<Article> result = new EnrichStage(ENGLISH, a -> List.of(e), "news.raw", CLOCK).apply("a", article("a", "H", "B"));
            assertThat(result.value().entities()).containsExactly(e);
            assertThat(result.value().language()).isEqualTo("en");
            assertThat(result.value().entityStatus()).isEqualTo(Article.ENTITIES_ANALYSED);
        }

        @Test
        void shouldTrustTheDeclaredLanguageOverAGuessOnAShortText() {
            LanguageDetector guessesPolish = text -> new LanguageDetector.Detected("pl", 0.3);
            Article declared = Article.ingested("a", 1, "wire", "ninjs", null, "F1 Test", List.of("Body"), null,
                    "en-AU", T0, T0);
            Checked<Article> result = new EnrichStage(guessesPolish, a -> List.of(), "news.raw", CLOCK).apply("a", declared);
            assertThat(result.value().language()).isEqualTo("en");
            Checked<Article> undeclared = new EnrichStage(guessesPolish, a -> List.of(), "news.raw", CLOCK)
                    .apply("a", article("a", "F1 Test", "Body"));
            assertThat(undeclared.value().language()).isEqualTo("pl");
        }

        @Test
        void shouldCallAGuessUndeterminedUnlessALanguageIsDeclared() {
            LanguageDetector guessesVolapuk = text -> new LanguageDetector.Detected("vo", 0.012);
            EntityExtractor mustNotRun = a -> {
                throw new AssertionError("extractor called for an undetermined language");
            };
            Checked<Article> undeclared = new EnrichStage(guessesVolapuk, mustNotRun, "news.raw", CLOCK)
                    .apply("a", article("a", "x7 q9", "zz kk"));
            assertThat(undeclared.value().language()).isEqualTo("und");
            assertThat(undeclared.value().entityStatus()).isEqualTo(Article.ENTITIES_NOT_ANALYSED);
            Article declared = Article.ingested("a", 1, "wire", "ninjs", null, "Flood warning", List.of("Flood warning"),
                    null, "en", T0, T0);
            assertThat(new EnrichStage(guessesVolapuk, a -> List.of(), "news.raw", CLOCK).apply("a", declared).value()
                    .language()).isEqualTo("en");
        }

        @Test
        void shouldPassOtherLanguagesThroughMarkedNotAnalysed() {
            EntityExtractor mustNotRun = a -> {
                throw new AssertionError("extractor called for German");
            };
            Checked<Article> result = new EnrichStage(LanguageDetector.fixed("de"), mustNotRun, "news.raw", CLOCK)
                    .apply("a", article("a", "Gespräche in Kairo", "Die Minister trafen sich."));
            assertThat(result.value().language()).isEqualTo("de");
            assertThat(result.value().languageConfidence()).isEqualTo(1.0);
            assertThat(result.value().entities()).isEmpty();
            assertThat(result.value().entityStatus()).isEqualTo(Article.ENTITIES_NOT_ANALYSED);
        }

        @Test
        void shouldDeadLetterAnExtractorFailureWithTheWholeArticle() {
            EntityExtractor broken = a -> {
                throw new IllegalStateException("model not loaded");
            };
            Checked<Article> result = new EnrichStage(ENGLISH, broken, "news.raw", CLOCK).apply("a", article("a", "Head", "B"));
            assertThat(result.rejection().stage()).isEqualTo("enrich");
            assertThat(result.rejection().reason()).contains("model not loaded");
            assertThat(result.rejection().payload()).contains("\"headline\":\"Head\"");
        }
    }
}
