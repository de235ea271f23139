package io.newswire.processors.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.JsonSerde;
import io.newswire.common.Story;
import io.newswire.common.StoryLink;
import io.newswire.processors.TestStores;
import io.newswire.processors.TopologySettings;
import io.newswire.processors.match.vectors.StoryScorer;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.nlp.RegistryMirror;
import io.newswire.processors.resolve.Deduplicated;
import io.newswire.processors.resolve.StoryResolveProcessor;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One story partition's records as members join, are killed, and stories merge, split and rename. Messages the
 * step sends to other stories (news.story-moves) are delivered back to it, as the loop topic does.
 */
class StoryAggregatorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Duration RETENTION = Duration.ofDays(7);

    private MockProcessorContext<String, StoryOutput> context;
    private StoryAggregator stories;
    private KeyValueStore<String, StoryAggregator.StoryState> store;
    private KeyValueStore<String, StoryMember> members;
    private KeyValueStore<String, StoryLink> links;
    /** Everything emitted, in order, messages included (they are also delivered). */
    private final List<Record<String, StoryOutput>> out = new ArrayList<>();

    @BeforeEach
    void setUp() {
        setUp(TopologySettings.defaults());
    }

    private void setUp(TopologySettings settings) {
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(0);
        store = TestStores.add(context, StoryAggregator.STORE, new JsonSerde<>(StoryAggregator.StoryState.class));
        members = TestStores.add(context, StoryAggregator.MEMBERS, new JsonSerde<>(StoryMember.class));
        links = TestStores.add(context, StoryResolveProcessor.LINKS, new JsonSerde<>(StoryLink.class));
        stories = new StoryAggregator(settings.retention(), new StoryScorer(settings.storyThreshold(),
                settings.retention()), settings.partitions(), settings.revisions(), new RegistryMirror());
        stories.init(context);
        out.clear();
    }

    /** Processes one message and every message it leads to, in order. */
    private void deliver(String key, StoryMessage message) {
        Deque<Record<String, StoryMessage>> queue = new ArrayDeque<>();
        queue.add(new Record<>(key, message, 0L));
        while (!queue.isEmpty()) {
            context.resetForwards();
            stories.process(queue.poll());
            for (var f : context.forwarded()) {
                Record<String, StoryOutput> r = new Record<>(f.record().key(), f.record().value(), 0L);
                out.add(r);
                if (r.value().kind() == StoryOutput.Kind.MESSAGE) {
                    queue.add(new Record<>(r.key(), r.value().message(), 0L));
                }
                if (r.value().kind() == StoryOutput.Kind.LINK) {
                    links.put(r.key(), r.value().link());
                }
            }
        }
    }

    /** Processes one message alone: the messages it sends are returned, not delivered. */
    private List<Record<String, StoryMessage>> processHolding(String key, StoryMessage message) {
        context.resetForwards();
        stories.process(new Record<>(key, message, 0L));
        List<Record<String, StoryMessage>> held = new ArrayList<>();
        for (var f : context.forwarded()) {
            Record<String, StoryOutput> r = new Record<>(f.record().key(), f.record().value(), 0L);
            out.add(r);
            if (r.value().kind() == StoryOutput.Kind.MESSAGE) {
                held.add(new Record<>(r.key(), r.value().message(), 0L));
            }
        }
        return held;
    }

    private static StoryVector vector(String words, Instant time) {
        Map<String, Double> terms = new LinkedHashMap<>();
        String[] split = words.split(" ");
        for (String w : split) {
            terms.put(w, 1 / Math.sqrt(split.length));
        }
        return StoryVector.of(terms, Map.of(), List.of(), time.toEpochMilli());
    }

    private Article article(String id, String story, String source, int version, Instant received, String headline) {
        return Article.ingested(id, version, source, "text", null, headline, List.of("Body."), null, "en", received,
                received).withLinks(null, story);
    }

    private void join(String story, String id, String words, Instant received, List<String> close) {
        join(story, id, words, received, close, "Quake hits island " + id);
    }

    private void join(String story, String id, String words, Instant received, List<String> close, String headline) {
        Article a = article(id, story, "afp", 1, received, headline);
        Decision.Kind kind = id.equals(story) ? Decision.Kind.NEW : Decision.Kind.SAME_STORY;
        deliver(story, StoryMessage.joined(new Deduplicated(a, new Decision(id, 1, kind, null, story, "x", 0.5, 0.24),
                List.of(), List.of(), vector(words, received), close)));
    }

    private Story join(String id, String source, int version) {
        Article a = article(id, "s1", source, version, T0, "Quake hits island " + id);
        out.clear();
        deliver("s1", StoryMessage.joined(new Deduplicated(a, new Decision(id, version, Decision.Kind.SAME_STORY,
                "a0", "s1", "x", 0.5, 0.24), List.of(), List.of(), vector("quake island rescue", T0), List.of())));
        return lastStory("s1");
    }

    private Story lastStory(String id) {
        Story last = null;
        for (Record<String, StoryOutput> r : out) {
            if (r.value().kind() == StoryOutput.Kind.STORY && r.key().equals(id)) {
                last = r.value().story();
            }
        }
        return last;
    }

    /** The latest story of each article, as a consumer of news.decisions would keep it. */
    private Map<String, String> storyOfArticles(List<String> ids) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : ids) {
            for (String story : List.of("a1", "a2", "a3", "b1", "b2", "s1", "x0")) {
                StoryMember m = members.get(story + '\u0000' + id);
                if (m != null && m.movedTo() == null) {
                    out.put(id, story);
                }
            }
        }
        return out;
    }

    private List<Deduplicated> revised() {
        return out.stream().filter(r -> r.value().kind() == StoryOutput.Kind.REVISED).map(r -> r.value().revised())
                .toList();
    }

    @Test
    void shouldCountEveryMemberAndListTheNewestHundred() {
        Story story = null;
        for (int i = 0; i < 150; i++) {
            story = join("a" + i, i % 2 == 0 ? "afp" : "reuters", 1);
        }
        assertThat(story.articleCount()).isEqualTo(150);
        assertThat(story.memberIds()).hasSize(StoryAggregator.LISTED_MEMBERS).startsWith("a50").endsWith("a149");
        assertThat(story.sources()).containsExactly("afp", "reuters");
        assertThat(story.sourceCount()).isEqualTo(2);

        assertThat(join("a149", "reuters", 2).articleCount()).as("an update counts once").isEqualTo(150);
        Story afterKill = kill("a149");
        assertThat(afterKill.articleCount()).isEqualTo(149);
        assertThat(afterKill.memberIds()).doesNotContain("a149");
        assertThat(kill("a149")).as("a second kill of the same id changes nothing").isNull();
    }

    private Story kill(String id) {
        out.clear();
        deliver("s1", StoryMessage.joined(new Deduplicated(null, new Decision(id, 2, Decision.Kind.KILL, id, "s1",
                "version", 1, 1), List.of(), List.of())));
        return lastStory("s1");
    }

    @Test
    void shouldDropAStoryWithNoArrivalWithinTheWindowOfTheLatestOneAndKeepTheOthers() {
        join("s1", "a1", "quake island", T0, List.of());
        join("s1", "a2", "quake island", T0.plusSeconds(60), List.of());
        join("x0", "x0", "election vote", T0.plus(RETENTION), List.of());
        punctuate();
        assertThat(store.get("s1")).as("its newest member arrived within the window").isNotNull();

        join("x0", "b2", "election vote", T0.plus(RETENTION).plusSeconds(61), List.of());
        out.clear();
        punctuate();

        assertThat(store.get("s1")).isNull();
        assertThat(members.approximateNumEntries()).as("x0 and b2 only").isEqualTo(2);
        assertThat(store.get("x0").story().articleCount()).isEqualTo(2);
        assertThat(out).as("the story's last record stays on the topic").isEmpty();
    }

    private void punctuate() {
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(0L));
    }

    /** Runs the punctuators at wall-clock time {@code now} and delivers the messages they send. */
    private void punctuateAndDeliver(long now) {
        context.resetForwards();
        context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(now));
        List<Record<String, StoryOutput>> forwarded = context.forwarded().stream()
                .map(f -> new Record<>(f.record().key(), f.record().value(), 0L)).toList();
        for (Record<String, StoryOutput> r : forwarded) {
            out.add(r);
            if (r.value().kind() == StoryOutput.Kind.LINK) {
                links.put(r.key(), r.value().link());
            }
        }
        forwarded.stream().filter(r -> r.value().kind() == StoryOutput.Kind.MESSAGE)
                .forEach(r -> deliver(r.key(), r.value().message()));
    }

    @Test
    void shouldMergeTwoStoriesOfOneEventIntoTheEarlierAndReviseTheMovedMembers() {
        join("a1", "a1", "quake island rescue toll", T0, List.of());
        join("a1", "a2", "quake island rescue toll", T0.plusSeconds(10), List.of());
        join("b1", "b1", "quake island rescue aid", T0.plusSeconds(20), List.of());
        out.clear();
        // b2 joins b1 but also scored close to a1: the two stories are weighed, and b1 (later) moves into a1.
        join("b1", "b2", "quake island rescue aid", T0.plusSeconds(30), List.of("a1"));

        assertThat(storyOfArticles(List.of("a1", "a2", "b1", "b2")).values()).containsOnly("a1");
        assertThat(revised()).extracting(d -> d.article().id()).containsExactlyInAnyOrder("b1", "b2");
        assertThat(revised()).allSatisfy(d -> {
            assertThat(d.article().storyId()).isEqualTo("a1");
            assertThat(d.article().revision()).isEqualTo(1);
            assertThat(d.decision().revision()).isEqualTo(1);
            assertThat(d.decision().method()).isEqualTo(Decision.METHOD_STORY_MERGE);
            assertThat(d.decision().score()).isGreaterThanOrEqualTo(d.decision().threshold());
        });
        Story merged = out.stream().filter(r -> r.key().equals("b1") && r.value().story() != null)
                .map(r -> r.value().story()).reduce((x, y) -> y).orElseThrow();
        assertThat(merged.mergedInto()).isEqualTo("a1");
        assertThat(out.get(out.size() - 1).value().kind()).isNotNull();
        assertThat(out).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo("b1");
            assertThat(r.value().tombstone()).isTrue();
        });
        assertThat(lastStory("a1").articleCount()).isEqualTo(4);
        assertThat(links.get("b1").storyId()).as("later joiners of b1 resolve to a1").isEqualTo("a1");

        out.clear();
        join("b1", "b3", "quake island rescue aid", T0.plusSeconds(40), List.of());
        assertThat(revised()).as("a late joiner of the merged story follows it, for the merge").singleElement()
                .satisfies(d -> {
                    assertThat(d.article().storyId()).isEqualTo("a1");
                    assertThat(d.decision().method()).isEqualTo(Decision.METHOD_STORY_MERGE);
                    assertThat(d.decision().threshold()).isEqualTo(TopologySettings.defaults().revisions()
                            .mergeThreshold());
                    assertThat(d.decision().score()).isGreaterThanOrEqualTo(d.decision().threshold());
                });
    }

    @Test
    void shouldMoveAtMostOneOfTwoStoriesThatOfferEachOtherAMergeWithOutdatedCounts() {
        String words = "quake island rescue toll";
        join("a1", "a1", words, T0, List.of());
        join("b1", "b1", words, T0.plusSeconds(10), List.of());
        // Each story's offer left when it had one member; both grew before the other's offer arrived.
        StoryMessage fromA = StoryMessage.offer(new StoryMessage.MergeOffer("a1", T0.toEpochMilli(), "a1", 1,
                vector(words, T0), T0.toEpochMilli()));
        StoryMessage fromB = StoryMessage.offer(new StoryMessage.MergeOffer("b1", T0.plusSeconds(10).toEpochMilli(),
                "b1", 1, vector(words, T0.plusSeconds(10)), T0.plusSeconds(10).toEpochMilli()));
        join("a1", "a2", words, T0.plusSeconds(20), List.of());
        join("b1", "b2", words, T0.plusSeconds(30), List.of());
        join("b1", "b3", words, T0.plusSeconds(40), List.of());
        out.clear();

        // a1 (2 members) outweighs the b1 it was told of (1) and asks it in; b1 (3) does the same with a1 (1).
        List<Record<String, StoryMessage>> answersOfA = processHolding("a1", fromB);
        List<Record<String, StoryMessage>> answersOfB = processHolding("b1", fromA);
        assertThat(answersOfA).singleElement().satisfies(r -> assertThat(r.value().absorbInto()).isEqualTo("a1"));
        assertThat(answersOfB).singleElement().satisfies(r -> assertThat(r.value().absorbInto()).isEqualTo("b1"));
        for (Record<String, StoryMessage> answer : List.of(answersOfA.get(0), answersOfB.get(0))) {
            deliver(answer.key(), answer.value());
        }

        assertThat(store.get("b1").merged()).as("b1 outweighs a1 as it stands").isFalse();
        assertThat(store.get("a1").merged()).isTrue();
        assertThat(storyOfArticles(List.of("a1", "a2", "b1", "b2", "b3")).values()).containsOnly("b1");
        assertThat(lastStory("b1").articleCount()).isEqualTo(5);
        assertThat(revised()).extracting(d -> d.article().id()).containsExactlyInAnyOrder("a1", "a2");
    }

    @Test
    void shouldSendTheAnswerToAnOfferBackWhenTheStoryToldToMoveHasOutgrownTheOther() {
        String words = "quake island rescue toll";
        join("a1", "a1", words, T0, List.of());
        join("b1", "b1", words, T0.plusSeconds(10), List.of());
        StoryMessage fromB = StoryMessage.offer(new StoryMessage.MergeOffer("b1", T0.plusSeconds(10).toEpochMilli(),
                "b1", 1, vector(words, T0.plusSeconds(10)), T0.plusSeconds(10).toEpochMilli()));
        join("a1", "a2", words, T0.plusSeconds(20), List.of());
        List<Record<String, StoryMessage>> answer = processHolding("a1", fromB);
        join("b1", "b2", words, T0.plusSeconds(30), List.of());
        join("b1", "b3", words, T0.plusSeconds(40), List.of());
        out.clear();

        // a1 (2) told b1 (then 1) to move in; b1 has 3 members by now, so a1 moves into b1 instead.
        deliver(answer.get(0).key(), answer.get(0).value());

        assertThat(store.get("a1").merged()).isTrue();
        assertThat(storyOfArticles(List.of("a1", "a2", "b1", "b2", "b3")).values()).containsOnly("b1");
        assertThat(revised()).extracting(d -> d.article().id()).containsExactlyInAnyOrder("a1", "a2");
    }

    @Test
    void shouldDeadLetterAMessageThatWentRoundMergedStoriesPastTheGuard() {
        Article a = article("m1", "x0", "afp", 1, T0, "Quake hits island m1");
        StoryMember member = new StoryMember(a, new Decision("m1", 1, Decision.Kind.SAME_STORY, null, "x0", "x", 0.5,
                0.24), vector("quake island", T0), Map.of(), null);
        StoryMessage message = StoryMessage.moved(member, Decision.METHOD_STORY_MERGE, 0.3);
        for (int hop = 0; hop <= StoryMessage.MAX_HOPS; hop++) {
            message = message.forwarded();
        }
        deliver("a1", message);

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.value().kind()).isEqualTo(StoryOutput.Kind.DEAD_LETTER);
            assertThat(r.key()).isEqualTo("m1");
            assertThat(r.value().deadLetter().stage()).isEqualTo(StoryAggregator.NAME);
            assertThat(r.value().deadLetter().reason()).contains("merged stories");
            assertThat(r.value().deadLetter().payload()).contains("\"m1\"");
        });
        assertThat(store.get("a1")).as("the message changed no story").isNull();
    }

    @Test
    void shouldLeaveStoriesOfDifferentEventsApart() {
        join("a1", "a1", "quake island rescue toll", T0, List.of());
        join("b1", "b1", "election vote count result", T0.plusSeconds(20), List.of("a1"));
        assertThat(storyOfArticles(List.of("a1", "b1"))).containsEntry("a1", "a1").containsEntry("b1", "b1");
        assertThat(revised()).isEmpty();
    }

    @Test
    void shouldSplitMembersThatPartFromTheStoryAndNameTheirStoryByItsEarliestMember() {
        join("s1", "s1", "quake island rescue toll", T0, List.of());
        join("s1", "a2", "quake island rescue toll", T0.plusSeconds(10), List.of());
        join("s1", "a3", "election vote count result", T0.plusSeconds(20), List.of());
        assertThat(storyOfArticles(List.of("a3"))).as("split off as it joined").containsEntry("a3", "a3");
        out.clear();
        // b2 chose s1 too, and scored close to a3's story as well: split off, its story merges into a3.
        join("s1", "b2", "election vote count result", T0.plusSeconds(30), List.of("a3"));

        Map<String, String> now = storyOfArticles(List.of("s1", "a2", "a3", "b2"));
        assertThat(now).containsEntry("s1", "s1").containsEntry("a2", "s1").containsEntry("a3", "a3")
                .containsEntry("b2", "a3");
        assertThat(revised()).extracting(d -> d.decision().method())
                .containsExactly(Decision.METHOD_STORY_SPLIT, Decision.METHOD_STORY_MERGE);
        assertThat(store.get("s1").story().articleCount()).isEqualTo(2);
        assertThat(lastStory("a3").articleCount()).isEqualTo(2);
        assertThat(links.get("a3").storyId()).isEqualTo("a3");
    }

    @Test
    void shouldSendAnArticleToTheStoryThatWhatItMatchedLeftForBySplit() {
        join("s1", "s1", "quake island rescue toll", T0, List.of());
        join("s1", "a2", "quake island rescue toll", T0.plusSeconds(10), List.of());
        join("s1", "a3", "election vote count result", T0.plusSeconds(20), List.of());
        assertThat(storyOfArticles(List.of("a3"))).containsEntry("a3", "a3");
        out.clear();
        // b2 was decided against an index that still had a3 in s1: it matched a3, and no other story was close.
        Article b2 = article("b2", "s1", "afp", 1, T0.plusSeconds(30), "Votes counted");
        deliver("s1", StoryMessage.joined(new Deduplicated(b2, new Decision("b2", 1, Decision.Kind.SAME_STORY, "a3",
                "s1", "x", 0.9, 0.24), List.of(), List.of(), vector("election vote count result", b2.received()),
                List.of())));

        assertThat(storyOfArticles(List.of("s1", "a2", "a3", "b2"))).containsEntry("s1", "s1")
                .containsEntry("a2", "s1").containsEntry("a3", "a3").containsEntry("b2", "a3");
        assertThat(revised()).singleElement().satisfies(d -> {
            assertThat(d.article().storyId()).isEqualTo("a3");
            assertThat(d.decision().method()).isEqualTo(Decision.METHOD_STORY_SPLIT);
        });
        assertThat(store.get("s1").story().articleCount()).as("it never joined s1").isEqualTo(2);
    }

    @Test
    void shouldRenameAStoryToAMemberThatArrivedBeforeItsFounderOnceThePartitionIsIdle() {
        context.setCurrentSystemTimeMs(0);
        join("s1", "s1", "quake island rescue", T0.plusSeconds(10), List.of());
        out.clear();
        join("s1", "a2", "quake island rescue", T0.plusSeconds(5), List.of());
        context.setCurrentSystemTimeMs(500);
        join("s1", "a1", "quake island rescue", T0, List.of());
        punctuateAndDeliver(1_000);
        assertThat(revised()).as("input came within the idle time: the rename waits").isEmpty();
        assertThat(storyOfArticles(List.of("s1", "a2", "a1")).values()).containsOnly("s1");

        punctuateAndDeliver(1_500);
        assertThat(storyOfArticles(List.of("s1", "a2", "a1")).values()).as("named by the earliest")
                .containsOnly("a1");
        assertThat(revised()).extracting(d -> d.decision().method()).containsOnly(Decision.METHOD_STORY_RENAME);
        assertThat(revised()).extracting(d -> d.article().id()).containsExactlyInAnyOrder("s1", "a2", "a1");

        out.clear();
        // Decided into s1 before the rename was known: it follows the members, and says it was the rename.
        join("s1", "a3", "quake island rescue", T0.plusSeconds(20), List.of());
        assertThat(storyOfArticles(List.of("a3"))).containsEntry("a3", "a1");
        assertThat(revised()).singleElement().satisfies(d -> {
            assertThat(d.decision().method()).isEqualTo(Decision.METHOD_STORY_RENAME);
            assertThat(d.decision().score()).isGreaterThanOrEqualTo(d.decision().threshold());
        });
    }

    @Test
    void shouldKeepTheNameOfAStoryThatOutgrewTheRenameBoundAndRenameOneThatWaitedTheLongest() {
        context.setCurrentSystemTimeMs(0);
        join("s1", "s1", "quake island rescue", T0.plusSeconds(10), List.of());
        join("s1", "a1", "quake island rescue", T0, List.of());
        for (int i = 2; i <= StoryAggregator.RENAME_MAX + 1; i++) {
            join("s1", "a" + i, "quake island rescue", T0.plusSeconds(10 + i), List.of());
        }
        join("b2", "b2", "election vote count", T0.plusSeconds(10), List.of());
        join("b2", "b1", "election vote count", T0, List.of());
        out.clear();
        // Input keeps coming: the partition is never idle, so the rename waits for RENAME_LATEST.
        long latest = StoryAggregator.RENAME_LATEST.toMillis();
        context.setCurrentSystemTimeMs(latest - 500);
        join("x0", "x0", "market shares fall", T0.plusSeconds(60), List.of());
        punctuateAndDeliver(latest - 1);
        assertThat(revised()).isEmpty();

        punctuateAndDeliver(latest);
        assertThat(storyOfArticles(List.of("b2", "b1")).values()).containsOnly("b1");
        assertThat(storyOfArticles(List.of("s1", "a1", "a2")).values()).as("outgrew the bound").containsOnly("s1");
        assertThat(revised()).extracting(d -> d.article().id()).containsExactlyInAnyOrder("b2", "b1");
    }

    @Test
    void shouldMoveAnArticleNoMoreThanTheRevisionBoundAllows() {
        TopologySettings d = TopologySettings.defaults();
        setUp(d.withRevisions(new RevisionRules(d.revisions().window(), 0,
                d.revisions().mergeThreshold(), d.revisions().splitThreshold())));
        join("a1", "a1", "quake island rescue toll", T0, List.of());
        join("b1", "b1", "quake island rescue toll", T0.plusSeconds(20), List.of("a1"));
        assertThat(revised()).isEmpty();
        assertThat(storyOfArticles(List.of("a1", "b1"))).containsEntry("b1", "b1");
    }

    @Test
    void shouldNotMoveAnArticleOutsideTheRevisionWindow() {
        join("a1", "a1", "quake island rescue toll", T0, List.of());
        join("b1", "b1", "quake island rescue toll", T0.plusSeconds(20), List.of());
        // Three days later (within the seven-day retention, past the 48 h window) b2 finds both.
        join("b1", "b2", "quake island rescue toll", T0.plus(Duration.ofDays(3)), List.of("a1"));
        assertThat(revised()).extracting(r -> r.article().id()).doesNotContain("b1");
    }

    @Test
    void shouldKeepAStoryWholeWhenOneOfItsMembersMayNoLongerMove() {
        Instant later = T0.plus(Duration.ofDays(3));
        join("b1", "b1", "quake island rescue toll", T0, List.of());
        join("a1", "a1", "quake island rescue toll", later, List.of());
        join("a1", "a2", "quake island rescue toll", later.plusSeconds(10), List.of());
        join("a1", "a3", "quake island rescue toll", later.plusSeconds(20), List.of());
        out.clear();
        // b2 joins b1 and scored close to a1, the larger story: b1 would move into a1, but b1 arrived three days
        // ago, past the window. The story stays whole rather than leave b2 in a1 and the id b1 naming nobody there.
        join("b1", "b2", "quake island rescue toll", later.plusSeconds(30), List.of("a1"));

        assertThat(revised()).isEmpty();
        assertThat(storyOfArticles(List.of("b1", "b2"))).containsEntry("b1", "b1").containsEntry("b2", "b1");
        assertThat(links.get("b1") == null || links.get("b1").storyId().equals("b1")).as("b1's link").isTrue();
    }

    @Test
    void shouldNameAStoryByItsMostCentralHeadlineThatIsNeitherAUrlNorAQuestion() {
        join("s1", "s1", "quake island", T0, List.of(), "http : / / nypost . com / 2008 / quake");
        assertThat(lastStory("s1").headline()).as("nothing better yet").startsWith("http");
        join("s1", "a2", "quake island rescue", T0.plusSeconds(1), List.of(), "Is it over , right ?");
        join("s1", "a3", "quake island rescue", T0.plusSeconds(2), List.of(), "Quake strikes island");
        assertThat(lastStory("s1").headline()).isEqualTo("Quake strikes island");
    }

    @Test
    void shouldDropASourceWithItsLastMemberAndTombstoneAnEmptyStory() {
        join("a1", "afp", 1);
        join("a2", "reuters", 1);
        Story one = kill("a2");
        assertThat(one.sources()).containsExactly("afp");
        assertThat(one.articleCount()).isEqualTo(1);
        out.clear();
        deliver("s1", StoryMessage.joined(new Deduplicated(null, new Decision("a1", 2, Decision.Kind.KILL, "a1", "s1",
                "version", 1, 1), List.of(), List.of())));
        assertThat(out).singleElement().satisfies(r -> assertThat(r.value().tombstone()).isTrue());
    }
}
