package io.newswire.sinks.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import io.newswire.common.Json;
import io.newswire.sinks.SinkRecord;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static SinkRecord article(String id, int version, String source, String headline, String body,
                                      String published, String entity) throws Exception {
        return SinkRecord.of(SinkRecord.Kind.ARTICLE, id, Json.MAPPER.readTree("""
                {"id":"%s","version":%d,"source":"%s","headline":"%s","body":["%s"],"published":"%s",
                 "story_id":"s-%s","entities":[{"key":"person:%s","type":"PERSON","name":"%s"}]}"""
                .formatted(id, version, source, headline, body, published, id, entity.toLowerCase(), entity)));
    }

    private static SearchIndex.Query query(String text) {
        return new SearchIndex.Query(text, null, null, null, null, null, 10);
    }

    @Test
    void shouldFindArticlesByTheirWordsWithTheMatchesMarked() throws Exception {
        try (SearchIndex index = new SearchIndex(Optional.empty())) {
            index.apply(article("a1", 1, "wire", "Netanyahu meets Biden", "Benjamin Netanyahu spoke with the president.",
                    "2026-12-01T08:00:00Z", "Netanyahu"));
            index.apply(article("a2", 1, "web", "Fires near Sydney", "Crews fought fires overnight.",
                    "2026-11-01T08:00:00Z", "Crews"));
            SearchIndex.Result result = index.search(query("netanyahu"));
            assertThat(result.total()).isEqualTo(1);
            assertThat(result.hits()).singleElement().satisfies(h -> {
                assertThat(h.id()).isEqualTo("a1");
                assertThat(h.snippet()).contains(SearchIndex.MARK_START + "Netanyahu" + SearchIndex.MARK_END);
                assertThat(h.published()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
            });
            assertThat(index.search(query("fires -sydney")).total()).isZero();
            assertThat(index.search(query("\"crews fought\"")).total()).isEqualTo(1);
        }
    }

    @Test
    void shouldFilterBySourceEntityStoryAndTime() throws Exception {
        try (SearchIndex index = new SearchIndex(Optional.empty())) {
            index.apply(article("a1", 1, "wire", "Talks resume", "Officials met.", "2026-12-01T08:00:00Z", "Egypt"));
            index.apply(article("a2", 1, "web", "Talks resume again", "Officials met again.", "2026-11-01T08:00:00Z",
                    "Qatar"));
            assertThat(index.search(new SearchIndex.Query("talks", "web", null, null, null, null, 10)).hits())
                    .extracting(SearchIndex.Hit::id).containsExactly("a2");
            assertThat(index.search(new SearchIndex.Query("talks", null, "Egypt", null, null, null, 10)).hits())
                    .extracting(SearchIndex.Hit::id).containsExactly("a1");
            assertThat(index.search(new SearchIndex.Query(null, null, null, "s-a2", null, null, 10)).hits())
                    .extracting(SearchIndex.Hit::id).containsExactly("a2");
            assertThat(index.search(new SearchIndex.Query("talks", null, null, null,
                    Instant.parse("2026-11-15T00:00:00Z"), null, 10)).hits()).extracting(SearchIndex.Hit::id)
                    .containsExactly("a1");
        }
    }

    @Test
    void shouldKeepTheLatestVersionAndForgetAKill() throws Exception {
        try (SearchIndex index = new SearchIndex(Optional.empty())) {
            index.apply(article("a1", 1, "wire", "Storm nears the coast", "The storm neared.", "2026-12-01T08:00:00Z", "X"));
            index.apply(article("a1", 2, "wire", "Storm reaches the coast", "The storm arrived.", "2026-12-01T09:00:00Z",
                    "X"));
            assertThat(index.search(query("storm")).hits()).singleElement()
                    .extracting(SearchIndex.Hit::headline).isEqualTo("Storm reaches the coast");
            index.apply(SinkRecord.of(SinkRecord.Kind.ARTICLE, "a1", null));
            assertThat(index.search(query("storm")).total()).isZero();
        }
    }
}
