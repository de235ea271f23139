package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void shouldPreferTheSourcesOwnGuid() {
        assertThat(ArticleIds.of(" urn:newsml:x:1 ", "wire", "h", List.of("b"))).isEqualTo("urn:newsml:x:1");
    }

    @Test
    void shouldHashSourceAndNormalizedTextWhenThereIsNoGuid() {
        String a = ArticleIds.of(null, "wire", "Biden speaks", List.of("He said “yes”."));
        String sameTextRetyped = ArticleIds.of("", "wire", "biden  SPEAKS", List.of("He said \"yes\""));
        String otherSource = ArticleIds.of(null, "other", "Biden speaks", List.of("He said “yes”."));
        assertThat(a).hasSize(32).isEqualTo(sameTextRetyped).isNotEqualTo(otherSource);
    }

    @Test
    void shouldGiveTheSameContentHashAcrossSources() {
        assertThat(ArticleIds.contentHash("Talks in Cairo", List.of("Officials met.")))
                .isEqualTo(ArticleIds.contentHash("talks in cairo", List.of("Officials met")))
                .isNotEqualTo(ArticleIds.contentHash("Talks in Doha", List.of("Officials met.")));
    }
}
