package io.newswire.processors.resolve;

import io.newswire.processors.match.MatchRecords;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.JsonSerde;
import io.newswire.processors.TestStores;
import io.newswire.processors.match.MatchRecords.Answer;
import io.newswire.processors.match.lsh.LshRecords.Candidate;
import io.newswire.processors.match.MatchRecords.GatherInput;
import io.newswire.processors.resolve.GatherRecords.Pending;
import io.newswire.processors.resolve.GatherRecords.Seen;
import io.newswire.processors.match.vectors.StoryRecords.StoryCandidate;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gather step on one partition, fed in the interleavings the broker can produce. */
class DedupGatherProcessorTest {

    static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    static final Duration RETENTION = Duration.ofDays(7);

    private MockProcessorContext<String, Deduplicated> context;
    private DedupGatherProcessor gather;
    private KeyValueStore<String, Seen> seen;

    @BeforeEach
    void setUp() {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(T0.toEpochMilli());
        TestStores.add(context, DedupGatherProcessor.PENDING, new JsonSerde<>(Pending.class));
        seen = TestStores.add(context, DedupGatherProcessor.SEEN, new JsonSerde<>(Seen.class));
        TestStores.add(context, DedupGatherProcessor.ARTICLES, new JsonSerde<>(GatherInput.class));
        gather = new DedupGatherProcessor(new DedupDecider(0.25, 0.24), 3, RETENTION);
        gather.init(context);
    }

    private static Article article(String id) {
        return article(id, T0);
    }

    private static Article article(String id, Instant received) {
        return Article.ingested(id, 1, "wire", "text", null, "Talks resume in Cairo",
                List.of("Officials met in Cairo."), null, "en", received, received);
    }

    private void send(String request, GatherInput input) {
        gather.process(new Record<>(request, input, T0.toEpochMilli()));
    }

    private static GatherInput answer(String request, int partition) {
        return answer(request, partition, List.of(), null);
    }

    private static GatherInput answer(String request, int partition, List<StoryCandidate> stories, String indexed) {
        return GatherInput.of(new Answer(MatchRecords.articleIdOf(request), partition, List.of(), stories, indexed));
    }

    private void decideAlone(String id, String arrival, Instant received) {
        String request = MatchRecords.requestId(id, arrival);
        send(request, GatherInput.of(article(id, received), 1, null));
        send(request, answer(request, 0, List.of(), id));
    }

    private void punctuate(Instant at) {
        context.setCurrentSystemTimeMs(at.toEpochMilli());
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(at.toEpochMilli()));
    }

    @Test
    void shouldRememberAnIdsDecisionForTheRetentionWindowCountedBackFromTheLatestArrival() {
        decideAlone("a1", "0@1", T0);
        assertThat(seen.get("a1")).isNotNull().extracting(Seen::receivedMillis).isEqualTo(T0.toEpochMilli());
        punctuate(T0.plus(RETENTION).plus(RETENTION));
        assertThat(seen.get("a1")).as("the wall clock alone expires nothing").isNotNull();

        decideAlone("a2", "0@2", T0.plus(RETENTION).minusSeconds(1));
        punctuate(T0.plus(RETENTION).plus(RETENTION));
        assertThat(seen.get("a1")).as("within the window of the latest arrival").isNotNull();

        decideAlone("a3", "0@3", T0.plus(RETENTION).plusSeconds(1));
        punctuate(T0.plus(RETENTION).plus(RETENTION));
        assertThat(seen.get("a1")).as("past it").isNull();
        assertThat(seen.get("a3")).isNotNull();
    }

    @Test
    void shouldDecideEachArrivalOfOneIdInFlightAtOnceAndAnswerTheSecondLikeTheFirst() {
        String first = MatchRecords.requestId("a1", "0@10");
        String second = MatchRecords.requestId("a1", "0@11");
        // Both arrivals and their answers interleave, as when the same file is dropped twice in a burst.
        send(first, GatherInput.of(article("a1"), 3, null));
        send(second, GatherInput.of(article("a1"), 3, null));
        send(first, answer(first, 0, List.of(), "a1"));
        send(second, answer(second, 0));
        send(second, answer(second, 1));
        send(first, answer(first, 2, List.of(), "a1"));
        assertThat(context.forwarded()).isEmpty();
        send(second, answer(second, 2));
        send(first, answer(first, 1, List.of(), "a1"));

        assertThat(context.forwarded()).hasSize(2).allSatisfy(f -> assertThat(f.record().key()).isEqualTo("a1"));
        Decision firstDecision = context.forwarded().get(0).record().value().decision();
        Decision secondDecision = context.forwarded().get(1).record().value().decision();
        assertThat(firstDecision.decision()).isEqualTo(Decision.Kind.NEW);
        assertThat(secondDecision.decision()).as("a redelivery gets the first answer").isEqualTo(Decision.Kind.NEW);
        assertThat(secondDecision.storyId()).isEqualTo(firstDecision.storyId()).isEqualTo("a1");
        assertThat(context.forwarded()).allSatisfy(f -> assertThat(f.record().value().corrections())
                .as("every partition guessed right").isEmpty());
    }

    @Test
    void shouldListTheLaterCopiesAFirstDecisionCouldNotSeeAndNoneForARedelivery() {
        Article a1 = new io.newswire.processors.prepare.NormalizeStage().apply(article("a1"));
        assertThat(a1.contentHash()).isNotNull();
        long later = T0.plusSeconds(5).toEpochMilli();
        List<Candidate> found = List.of(new Candidate("b-near", "other-hash", later, 0.6),
                new Candidate("b-exact", a1.contentHash(), later, 0.5),
                new Candidate("b-far", "far-hash", later, 0.1),
                new Candidate("b-earlier-far", "far-hash", T0.minusSeconds(5).toEpochMilli(), 0.2));
        for (String request : List.of(MatchRecords.requestId("a1", "0@10"), MatchRecords.requestId("a1", "0@11"))) {
            send(request, GatherInput.of(a1, 1, null));
            send(request, GatherInput.of(new Answer("a1", 0, found, List.of(), "a1")));
        }

        assertThat(context.forwarded()).hasSize(2);
        Deduplicated first = context.forwarded().get(0).record().value();
        assertThat(first.decision().decision()).isEqualTo(Decision.Kind.NEW);
        assertThat(first.laterCopies()).extracting(Candidate::articleId).as("exact first, then by similarity")
                .containsExactly("b-exact", "b-near");
        assertThat(context.forwarded().get(1).record().value().laterCopies()).as("a redelivery").isEmpty();
    }

    @Test
    void shouldWaitForEveryPartitionAndIgnoreARepeatedAnswer() {
        String request = MatchRecords.requestId("a2", "1@5");
        send(request, answer(request, 0));
        send(request, answer(request, 0));
        send(request, GatherInput.of(article("a2"), 2, null));
        assertThat(context.forwarded()).isEmpty();
        send(request, answer(request, 1));
        assertThat(context.forwarded()).singleElement()
                .satisfies(f -> assertThat(f.record().value().article().storyId()).isEqualTo("a2"));
    }

    @Test
    void shouldCorrectOnlyThePartitionsThatIndexedTheArticleUnderAnotherStory() {
        String request = MatchRecords.requestId("a3", "0@7");
        StoryCandidate close = new StoryCandidate("s1-member", "s1", 0.6);
        StoryCandidate weak = new StoryCandidate("s2-member", "s2", 0.3);
        send(request, GatherInput.of(article("a3"), 3, null));
        // Partition 0 saw only a story below its threshold, partition 1 the best one, partition 2 no key.
        send(request, answer(request, 0, List.of(), "a3"));
        send(request, answer(request, 1, List.of(close, weak), "s1"));
        send(request, answer(request, 2, List.of(), null));

        Deduplicated out = context.forwarded().get(0).record().value();
        assertThat(out.decision().decision()).isEqualTo(Decision.Kind.SAME_STORY);
        assertThat(out.decision().storyId()).isEqualTo("s1");
        assertThat(out.corrections()).containsExactly(new StoryCorrection("a3", "s1", 0, 3));
    }
}
