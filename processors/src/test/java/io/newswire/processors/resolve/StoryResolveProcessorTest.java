package io.newswire.processors.resolve;

import io.newswire.processors.state.KeyOwnership;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.JsonSerde;
import io.newswire.common.StoryLink;
import io.newswire.processors.TestStores;
import io.newswire.processors.match.ArticlePartitioner;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.resolve.GatherRecords.Seen;
import io.newswire.processors.resolve.StoryResolveProcessor.Resolution;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryResolveProcessorTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final int PARTITIONS = 3;

    private MockProcessorContext<String, Resolution> context;
    private KeyValueStore<String, StoryLink> links;
    private KeyValueStore<String, Seen> seen;
    private StoryResolveProcessor processor;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        links = TestStores.add(context, StoryResolveProcessor.LINKS, new JsonSerde<>(StoryLink.class));
        TestStores.add(context, StoryResolveProcessor.WAITING, new JsonSerde<>(StoryResolveProcessor.Waiting.class));
        seen = TestStores.add(context, DedupGatherProcessor.SEEN, new JsonSerde<>(Seen.class));
        processor = new StoryResolveProcessor(Duration.ofDays(7), PARTITIONS, 0.25);
        processor.init(context);
        context.setCurrentSystemTimeMs(T0.toEpochMilli());
    }

    private void decide(String id, Decision.Kind kind, String story, Candidate... laterCopies) {
        Article article = Article.ingested(id, 1, "wire", "text", null, "Headline " + id, List.of("Body."), null, "en",
                T0, T0).withLinks(null, story);
        Decision decision = new Decision(id, 1, kind, null, story, "tfidf-entities-time", 0.5, 0.24);
        processor.process(new Record<>(id, new Deduplicated(article, decision, List.of(), List.of(laterCopies)),
                T0.toEpochMilli()));
    }

    private void decideCopy(String id, String matched, String story) {
        Article article = Article.ingested(id, 1, "wire", "text", null, "Headline " + id, List.of("Body."), null, "en",
                T0, T0).withLinks(matched, story);
        Decision decision = new Decision(id, 1, Decision.Kind.NEAR_DUPLICATE, matched, story, "minhash-lsh", 0.8, 0.5);
        seen.put(id, new Seen(1, matched, story, Decision.Kind.NEAR_DUPLICATE.name(), T0.toEpochMilli()));
        processor.process(new Record<>(id, new Deduplicated(article, decision, List.of(), List.of()), T0.toEpochMilli()));
    }

    private static Candidate later(String id, double similarity) {
        return new Candidate(id, "hash-" + id, T0.plusSeconds(1).toEpochMilli(), similarity);
    }

    private List<Deduplicated> articlesOut() {
        return context.forwarded().stream().map(f -> (Resolution) f.record().value())
                .filter(r -> r.resolved() != null).map(Resolution::resolved).toList();
    }

    private List<Resolution> linksOut() {
        return context.forwarded().stream().map(f -> (Resolution) f.record().value())
                .filter(r -> r.resolved() == null).toList();
    }

    private void punctuate(long millisLater) {
        long now = T0.toEpochMilli() + millisLater;
        context.setCurrentSystemTimeMs(now);
        context.scheduledPunctuators().stream().filter(p -> !p.cancelled())
                .forEach(p -> p.getPunctuator().punctuate(now));
    }

    @Test
    void shouldPublishEachFirstDecisionsLinkAndLetAFounderThroughAtOnce() {
        decide("a", Decision.Kind.NEW, "a");

        assertThat(linksOut()).singleElement().satisfies(r -> {
            assertThat(r.linkId()).isEqualTo("a");
            assertThat(r.link().storyId()).isEqualTo("a");
        });
        assertThat(articlesOut()).extracting(d -> d.decision().storyId()).containsExactly("a");
    }

    @Test
    void shouldHoldAnArticleWhoseStoryFounderIsNotDecidedYetAndGiveItTheFoundersStory() {
        decide("b", Decision.Kind.SAME_STORY, "a");
        assertThat(articlesOut()).as("a's link is not known yet").isEmpty();

        links.put("a", new StoryLink("s", null, T0.toEpochMilli()));
        links.put("s", new StoryLink("s", null, T0.toEpochMilli()));
        punctuate(StoryResolveProcessor.RETRY_MILLIS);

        assertThat(articlesOut()).singleElement().satisfies(d -> {
            assertThat(d.decision().storyId()).isEqualTo("s");
            assertThat(d.article().storyId()).isEqualTo("s");
            assertThat(d.decision().decision()).isEqualTo(Decision.Kind.SAME_STORY);
        });
        punctuate(2 * StoryResolveProcessor.RETRY_MILLIS);
        assertThat(articlesOut()).as("released once").hasSize(1);
    }

    @Test
    void shouldReleaseAnArticleThatWaitedAcrossARestartOfTheTask() {
        decide("b", Decision.Kind.SAME_STORY, "a");
        processor.close();
        context.scheduledPunctuators().forEach(MockProcessorContext.CapturedPunctuator::cancel);
        processor = new StoryResolveProcessor(Duration.ofDays(7), PARTITIONS, 0.25);
        processor.init(context);

        links.put("a", new StoryLink("s", null, T0.toEpochMilli()));
        links.put("s", new StoryLink("s", null, T0.toEpochMilli()));
        punctuate(StoryResolveProcessor.RETRY_MILLIS);

        assertThat(articlesOut()).singleElement().satisfies(d -> assertThat(d.decision().storyId()).isEqualTo("s"));
        assertThat(context.getStateStore(StoryResolveProcessor.WAITING) instanceof KeyValueStore<?, ?> w
                && w.approximateNumEntries() == 0).as("the store is emptied as it leaves").isTrue();
    }

    @Test
    void shouldReleaseEveryWaitingArticleOnceWhenMoreWaitThanItHolds() {
        int count = StoryResolveProcessor.HELD_WAITING + 1;
        for (int i = 0; i < count; i++) {
            decide("b" + i, Decision.Kind.SAME_STORY, "a");
        }
        punctuate(StoryResolveProcessor.RETRY_MILLIS);
        assertThat(articlesOut()).isEmpty();

        links.put("a", new StoryLink("s", null, T0.toEpochMilli()));
        links.put("s", new StoryLink("s", null, T0.toEpochMilli()));
        punctuate(2 * StoryResolveProcessor.RETRY_MILLIS);
        punctuate(3 * StoryResolveProcessor.RETRY_MILLIS);
        assertThat(articlesOut()).hasSize(count).allSatisfy(d -> assertThat(d.decision().storyId()).isEqualTo("s"));

        decide("c", Decision.Kind.SAME_STORY, "z");
        links.put("z", new StoryLink("s", null, T0.toEpochMilli()));
        punctuate(4 * StoryResolveProcessor.RETRY_MILLIS);
        assertThat(articlesOut()).hasSize(count + 1).last()
                .satisfies(d -> assertThat(d.decision().articleId()).isEqualTo("c"));
    }

    @Test
    void shouldLetAnArticleGoWithTheStoryItChoseWhenALinkNeverComes() {
        decide("b", Decision.Kind.SAME_STORY, "a");
        punctuate(StoryResolveProcessor.GIVE_UP_SECONDS * 1000 - 1);
        assertThat(articlesOut()).isEmpty();

        punctuate(StoryResolveProcessor.GIVE_UP_SECONDS * 1000 + StoryResolveProcessor.RETRY_MILLIS);

        assertThat(articlesOut()).extracting(d -> d.decision().storyId()).containsExactly("a");
    }

    @Test
    void shouldMakeAnOriginalTheCopyOfALaterArrivalThatWasDecidedFirstAsAnOriginal() {
        // y arrived after x but was indexed first, saw nothing, and was decided new: x is the copy.
        links.put("y", new StoryLink("y", null, T0.toEpochMilli()));
        decide("x", Decision.Kind.NEW, "x", later("y", 0.8));

        assertThat(articlesOut()).singleElement().satisfies(d -> {
            assertThat(d.decision().decision()).isEqualTo(Decision.Kind.NEAR_DUPLICATE);
            assertThat(d.decision().method()).isEqualTo("minhash-lsh-late");
            assertThat(d.decision().matchedId()).isEqualTo("y");
            assertThat(d.decision().storyId()).isEqualTo("y");
            assertThat(d.article().duplicateOf()).isEqualTo("y");
            assertThat(d.laterCopies()).isEmpty();
        });
        assertThat(linksOut()).singleElement().satisfies(r -> assertThat(r.link().duplicateOf()).isEqualTo("y"));
        assertThat(seen.get("x").duplicateOf()).as("a redelivery of x gets the same answer").isEqualTo("y");
    }

    @Test
    void shouldStayAnOriginalWhenTheLaterArrivalFoundItAndCopiedIt() {
        links.put("y", new StoryLink("x", "x", T0.toEpochMilli()));
        decide("x", Decision.Kind.NEW, "x", later("y", 0.8));

        assertThat(articlesOut()).singleElement().satisfies(d -> {
            assertThat(d.decision().decision()).isEqualTo(Decision.Kind.NEW);
            assertThat(d.article().duplicateOf()).isNull();
        });
        assertThat(linksOut()).singleElement().satisfies(r -> assertThat(r.link().duplicateOf()).isNull());
    }

    @Test
    void shouldWaitForTheLaterArrivalsDecisionBeforeSettlingWhichIsTheCopy() {
        decide("x", Decision.Kind.NEW, "x", later("y", 0.9), later("z", 0.7));
        assertThat(articlesOut()).isEmpty();
        assertThat(linksOut()).as("x's own link waits for its final decision").isEmpty();

        links.put("y", new StoryLink("w", "w", T0.toEpochMilli()));
        links.put("z", new StoryLink("s", null, T0.toEpochMilli()));
        links.put("s", new StoryLink("s", null, T0.toEpochMilli()));
        punctuate(StoryResolveProcessor.RETRY_MILLIS);

        assertThat(articlesOut()).as("y's copies lead to w, not yet known").isEmpty();

        links.put("w", new StoryLink("w", "x", T0.toEpochMilli()));
        punctuate(2 * StoryResolveProcessor.RETRY_MILLIS);

        assertThat(articlesOut()).as("y copies w, which copies x; z is an original").singleElement().satisfies(d -> {
            assertThat(d.decision().matchedId()).isEqualTo("z");
            assertThat(d.decision().storyId()).isEqualTo("s");
        });
    }

    @Test
    void shouldCopyALaterCopyOfAnotherOriginal() {
        // y copied w (an original that arrived before both); x, which y never saw, copies y.
        links.put("w", new StoryLink("w", null, T0.toEpochMilli()));
        links.put("y", new StoryLink("w", "w", T0.toEpochMilli()));
        decide("x", Decision.Kind.NEW, "x", later("y", 0.9));

        assertThat(articlesOut()).singleElement().satisfies(d -> {
            assertThat(d.decision().matchedId()).isEqualTo("y");
            assertThat(d.decision().storyId()).isEqualTo("w");
        });
    }

    @Test
    void shouldPointACopyOfACopyAtTheOriginalAndKeepTheArticleItMatchedInTheDecision() {
        links.put("a", new StoryLink("a", null, T0.toEpochMilli()));
        links.put("b", new StoryLink("a", "a", T0.toEpochMilli()));
        decideCopy("c", "b", "a");

        assertThat(articlesOut()).singleElement().satisfies(d -> {
            assertThat(d.article().duplicateOf()).isEqualTo("a");
            assertThat(d.decision().matchedId()).as("its score is against b").isEqualTo("b");
            assertThat(d.decision().storyId()).isEqualTo("a");
        });
        assertThat(linksOut()).singleElement().satisfies(r -> assertThat(r.link().duplicateOf()).isEqualTo("b"));
        assertThat(seen.get("c").duplicateOf()).as("a later version of c carries it too").isEqualTo("a");
    }

    @Test
    void shouldHoldACopyUntilItsChainReachesAnOriginalAndLetItGoAsDecidedWhenALinkNeverComes() {
        links.put("a", new StoryLink("a", null, T0.toEpochMilli()));
        links.put("b", new StoryLink("a", "m", T0.toEpochMilli()));
        decideCopy("c", "b", "a");
        assertThat(articlesOut()).as("m's link is not known yet").isEmpty();

        links.put("m", new StoryLink("a", "a", T0.toEpochMilli()));
        punctuate(StoryResolveProcessor.RETRY_MILLIS);
        assertThat(articlesOut()).extracting(d -> d.article().duplicateOf()).containsExactly("a");

        decideCopy("e", "unknown", "a");
        punctuate(StoryResolveProcessor.GIVE_UP_SECONDS * 1000 + 2 * StoryResolveProcessor.RETRY_MILLIS);
        assertThat(articlesOut()).extracting(d -> d.article().duplicateOf()).containsExactly("a", "unknown");
    }

    @Test
    void shouldNotPublishALinkForAnUpdate() {
        links.put("s", new StoryLink("s", null, T0.toEpochMilli()));
        decide("b", Decision.Kind.UPDATE, "s");

        assertThat(linksOut()).isEmpty();
        assertThat(articlesOut()).extracting(d -> d.decision().storyId()).containsExactly("s");
    }

    @Test
    void shouldTombstoneExpiredLinksOfItsOwnPartitionOnly() {
        long old = T0.minus(Duration.ofDays(8)).toEpochMilli();
        List<String> ids = List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8");
        ids.forEach(id -> links.put(id, new StoryLink(id, null, old)));
        links.put("fresh", new StoryLink("fresh", null, T0.toEpochMilli()));
        punctuate(Duration.ofSeconds(10).toMillis());
        assertThat(linksOut()).as("nothing processed yet: no arrival to count the window back from").isEmpty();

        decide("now", Decision.Kind.NEW, "now");
        punctuate(Duration.ofSeconds(20).toMillis());

        List<String> expected = ids.stream().filter(id -> KeyOwnership.articlePartition(id, PARTITIONS) == 0).toList();
        assertThat(expected).as("the fixture has ids on this partition").isNotEmpty().hasSizeLessThan(ids.size());
        assertThat(linksOut()).filteredOn(r -> r.link() == null)
                .extracting(Resolution::linkId).containsExactlyInAnyOrderElementsOf(expected);
    }
}
