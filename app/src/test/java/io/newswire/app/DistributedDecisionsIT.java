package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.newswire.app.bench.BenchCorpus;
import io.newswire.app.eval.BrokerRunner;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.NewswireConfig;
import io.newswire.processors.nlp.Enrichment;
import org.junit.jupiter.api.Test;

/**
 * The processors as deployed (embedded broker, 3 partitions, exactly-once) draining a backlog, where
 * partitions interleave and copies and stories race: the invariants that must hold whatever the order.
 */
class DistributedDecisionsIT {

    private static final int ARTICLES = 400;

    @Test
    void shouldDecideABacklogOnThreePartitionsWithoutOrphanStoriesCopyCyclesOrSplitCopies() throws Exception {
        List<Article> base = BenchCommand.corpus(List.of(RunIT.SEEDS), 0);
        BenchCorpus corpus = new BenchCorpus(base, Instant.now(), Duration.ofMillis(1));
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(corpus.next());
        }
        BrokerRunner.Outcome outcome;
        try (EmbeddedKafka broker = EmbeddedKafka.start(Optional.empty())) {
            NewswireConfig config = NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers());
            assertThat(config.partitions()).isEqualTo(3);
            outcome = new BrokerRunner(config, Enrichment.none()).run(articles);
        }
        List<Decision> decisions = outcome.decisions();

        // The latest decision of each article: first decisions come first, then revisions in order.
        Map<String, Decision> byId = new HashMap<>();
        decisions.forEach(d -> byId.merge(d.articleId(), d, (a, b) -> b.revision() >= a.revision() ? b : a));
        assertThat(byId).hasSize(ARTICLES);
        // Every story is named by an article that is in it: no article left in the story of a founder that
        // was decided into another, or that moved to another since.
        assertThat(byId.values()).allSatisfy(d -> assertThat(byId.get(d.storyId()).storyId())
                .as("story of %s's story founder %s", d.articleId(), d.storyId()).isEqualTo(d.storyId()));
        // Copy links never loop.
        for (Decision d : decisions) {
            Set<String> seen = new HashSet<>();
            Decision at = d;
            while (isCopy(at)) {
                assertThat(seen.add(at.articleId())).as("a cycle of copies through %s", d.articleId()).isTrue();
                at = byId.get(at.matchedId());
            }
        }
        // Identical texts end up in one duplicate group (their copy links lead to one original), whichever
        // of them was decided first, and so do most articles: a copy is never left out as an original.
        Map<String, List<String>> identical = new HashMap<>();
        articles.forEach(a -> identical.computeIfAbsent(a.headline() + "\n" + String.join("\n", a.body()),
                k -> new ArrayList<>()).add(a.id()));
        int copies = 0;
        for (List<String> ids : identical.values()) {
            assertThat(ids.stream().map(id -> original(id, byId)).distinct().toList())
                    .as("originals of the identical %s", ids.stream().map(byId::get).toList()).hasSize(1);
            copies += ids.size() - 1;
        }
        assertThat(copies).as("the corpus holds exact copies").isGreaterThan(ARTICLES / 20);
        // Every copy's duplicate_of names an original, whichever copy it matched.
        assertThat(outcome.enriched().values()).filteredOn(a -> a.duplicateOf() != null).isNotEmpty()
                .allSatisfy(a -> assertThat(outcome.enriched().get(a.duplicateOf()).duplicateOf())
                        .as("duplicate_of of %s's original %s", a.id(), a.duplicateOf()).isNull());
    }

    @Test
    void shouldDecideArticlesPublishedOneByOneWhileTheProcessorsRun() throws Exception {
        List<Article> base = BenchCommand.corpus(List.of(RunIT.SEEDS), 0);
        BenchCorpus corpus = new BenchCorpus(base, Instant.now(), Duration.ofMillis(1));
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            articles.add(corpus.next());
        }
        BrokerRunner.Outcome outcome;
        try (EmbeddedKafka broker = EmbeddedKafka.start(Optional.empty())) {
            NewswireConfig config = NewswireConfig.defaults().withBootstrapServers(broker.bootstrapServers());
            outcome = new BrokerRunner(config, Enrichment.none(), Duration.ofMillis(50)).run(articles);
        }
        assertThat(outcome.decisions().stream().filter(d -> d.revision() == 0).map(Decision::articleId))
                .containsExactlyInAnyOrderElementsOf(articles.stream().map(Article::id).distinct().toList());
        assertThat(outcome.enriched()).containsOnlyKeys(articles.stream().map(Article::id).distinct().toList());
    }

    private static String original(String id, Map<String, Decision> byId) {
        Decision at = byId.get(id);
        while (isCopy(at)) {
            at = byId.get(at.matchedId());
        }
        return at.articleId();
    }

    private static boolean isCopy(Decision d) {
        return d.decision() == Decision.Kind.EXACT_DUPLICATE || d.decision() == Decision.Kind.NEAR_DUPLICATE;
    }
}
