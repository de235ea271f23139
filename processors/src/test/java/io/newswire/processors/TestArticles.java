package io.newswire.processors;

import java.time.Instant;
import java.util.List;
import io.newswire.common.Article;

/** Test-data factory for articles. */
final class TestArticles {

    static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");

    private TestArticles() {
    }

    static Article article(String id, String headline, String... body) {
        return Article.ingested(id, 1, "wire", "text", null, headline, List.of(body), null, null, T0, T0);
    }
}
