package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JsonRoundTripTest {

    static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");

    static Article article() {
        Entity biden = new Entity("person:joe-biden", Entity.EntityType.PERSON, "Joe Biden",
                List.of("Joe Biden", "Biden"), 2, 0.8,
                List.of(new Entity.Mention(Entity.Mention.Field.HEADLINE, 0, 5),
                        new Entity.Mention(Entity.Mention.Field.BODY, 10, 19)));
        return new Article("urn:x:1", 2, "wire", "text", "https://example.org/a", "Biden speaks",
                List.of("First paragraph.", "Second paragraph."), "A. Writer", "en", T0, T0.plusSeconds(60),
                "abc", List.of(biden), "urn:x:0", "story-1", 0.97, Article.ENTITIES_ANALYSED,
                new ItemMeta("AFP", List.of("medtop:04000000"), 4, ItemMeta.USABLE, T0.plusSeconds(3600), T0, T0));
    }

    @Nested
    class ArticleJson {
        JsonSerde<Article> serde = new JsonSerde<>(Article.class);

        @Test
        void shouldRoundTripEveryField() {
            Article original = article();
            byte[] bytes = serde.serialize("t", original);
            assertThat(serde.deserialize("t", bytes)).isEqualTo(original);
        }

        @Test
        void shouldWriteSnakeCaseNamesAndIsoTimes() {
            String json = new String(serde.serialize("t", article()), StandardCharsets.UTF_8);
            assertThat(json).contains("\"duplicate_of\":\"urn:x:0\"", "\"story_id\":\"story-1\"",
                    "\"content_hash\":\"abc\"", "\"published\":\"2024-08-20T07:13:00Z\"", "\"surface_forms\"");
        }

        @Test
        void shouldKeepParagraphsApart() {
            Article back = serde.deserialize("t", serde.serialize("t", article()));
            assertThat(back.body()).containsExactly("First paragraph.", "Second paragraph.");
            assertThat(back.bodyText()).isEqualTo("First paragraph.\n\nSecond paragraph.");
        }

        @Test
        void shouldFallBackToArrivalTimeWhenNoPublishedTime() {
            Article a = Article.ingested("id", 1, "s", "text", null, "h", List.of("b"), null, null, null, T0);
            assertThat(a.published()).isEqualTo(T0);
        }

        @Test
        void shouldIgnoreUnknownFieldsFromNewerWriters() {
            String json = "{\"id\":\"a\",\"version\":1,\"headline\":\"h\",\"body\":[\"b\"],\"future_field\":42}";
            Article a = serde.deserialize("t", json.getBytes(StandardCharsets.UTF_8));
            assertThat(a.id()).isEqualTo("a");
            assertThat(a.entities()).isEmpty();
        }

        @Test
        void shouldRejectMalformedJsonWithAReason() {
            assertThatThrownBy(() -> serde.deserialize("t", "{not json".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("not a valid Article");
        }

        @Test
        void shouldMapNullToTombstone() {
            assertThat(serde.serialize("t", null)).isNull();
            assertThat(serde.deserialize("t", null)).isNull();
        }
    }

    @Test
    void shouldRoundTripDeadLetter() {
        JsonSerde<DeadLetter> serde = new JsonSerde<>(DeadLetter.class);
        DeadLetter letter = DeadLetter.of("validate", "missing id", "news.raw", "k", "{}", T0);
        assertThat(serde.deserialize("t", serde.serialize("t", letter))).isEqualTo(letter);
    }

    @Test
    void shouldGiveTheSameDeadLetterTheSameId() {
        DeadLetter a = DeadLetter.of("validate", "r", "o", "k", "payload", T0);
        DeadLetter b = DeadLetter.of("validate", "r", "o", "k", "payload", T0.plusSeconds(5));
        DeadLetter c = DeadLetter.of("validate", "r", "o", "k", "other payload", T0);
        assertThat(a.id()).isEqualTo(b.id()).isNotEqualTo(c.id());
    }

    @Test
    void shouldTruncateHugeDeadLetterPayloads() {
        DeadLetter letter = DeadLetter.of("ingest", "too big", "o", null, "x".repeat(DeadLetter.MAX_PAYLOAD_CHARS + 10), T0);
        assertThat(letter.payload()).hasSize(DeadLetter.MAX_PAYLOAD_CHARS);
    }

    @Test
    void shouldRoundTripDecisionAndStory() {
        JsonSerde<Decision> decisions = new JsonSerde<>(Decision.class);
        Decision d = new Decision("a", 1, Decision.Kind.EXACT_DUPLICATE, "b", null, "content-hash", 1.0, 1.0);
        assertThat(decisions.deserialize("t", decisions.serialize("t", d))).isEqualTo(d);

        JsonSerde<Story> stories = new JsonSerde<>(Story.class);
        Story s = new Story("s1", "h", T0, T0.plusSeconds(1), 2, 2, List.of("person:x"), List.of("a", "b"),
                List.of("AFP", "AP"), 1);
        assertThat(stories.deserialize("t", stories.serialize("t", s))).isEqualTo(s);
    }
}
