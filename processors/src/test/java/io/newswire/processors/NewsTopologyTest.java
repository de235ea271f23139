package io.newswire.processors;

import io.newswire.processors.match.vectors.StoryIndex;
import io.newswire.processors.match.lsh.LshIndex;
import io.newswire.processors.nlp.CanonicalizeProcessor;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.EntityExtractor;
import io.newswire.processors.nlp.LanguageDetector;
import io.newswire.processors.stories.StoryAggregator;
import static io.newswire.processors.TestArticles.T0;
import static io.newswire.processors.TestArticles.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Decision;
import io.newswire.common.Entity;
import io.newswire.common.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.newswire.processors.resolve.DedupDecider;
import io.newswire.processors.resolve.DedupGatherProcessor;
import io.newswire.processors.match.CandidatesProcessor;
import io.newswire.processors.match.vectors.StoryCorrectionProcessor;
import io.newswire.processors.match.StoryVectorProcessor;

class NewsTopologyTest {

    static final Topics TOPICS = Topics.withPrefix("");

    /** Deterministic stand-in for NER: every capitalised word of the headline is a MISC entity. */
    static final EntityExtractor FAKE_EXTRACTOR = article -> {
        if (article.headline().contains("EXPLODE")) {
            throw new IllegalStateException("extractor failure");
        }
        return java.util.Arrays.stream(article.headline().split("\\s+"))
                .filter(w -> !w.isEmpty() && Character.isUpperCase(w.charAt(0)))
                .map(w -> new Entity("misc:" + w.toLowerCase(), Entity.EntityType.MISC, w, List.of(w), 1, 1.0, List.of()))
                .toList();
    };

    /** Two differently worded reports of one event. */
    static final Article QUAKE = article("q1", "Earthquake Hits Qeshm Island",
            "A magnitude 5.9 earthquake struck Qeshm island off southern Iran on Sunday, killing ten people.",
            "Rescue teams reached seven damaged villages on the island in the Persian Gulf.");
    static final Article QUAKE_FOLLOW_UP = article("q2", "Qeshm Villagers Shelter After Killer Earthquake",
            "Survivors of the earthquake on Qeshm island slept in tents as aftershocks shook southern Iran.",
            "Officials said ten people died and seven villages on the island were damaged.");

    // The driver's state (RocksDB stores) goes here and is removed after each test, not left in /tmp.
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, Article> enriched;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<String, DeadLetter> dlq;

    @BeforeEach
    void start() {
        Topology topology = NewsTopology.build(TOPICS, new Enrichment(LanguageDetector.fixed("en"), FAKE_EXTRACTOR),
                TopologySettings.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
        driver = new TopologyTestDriver(topology, props(stateDir));
        raw = driver.createInputTopic(TOPICS.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(TOPICS.enriched().name(), Serdes.String().deserializer(),
                TOPICS.enriched().valueSerde().deserializer());
        decisions = driver.createOutputTopic(TOPICS.decisions().name(), Serdes.String().deserializer(),
                TOPICS.decisions().valueSerde().deserializer());
        dlq = driver.createOutputTopic(TOPICS.dlq().name(), Serdes.String().deserializer(),
                TOPICS.dlq().valueSerde().deserializer());
    }

    private static Properties props(Path state) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        return props;
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(Article a) {
        raw.pipeInput(a.id(), TOPICS.raw().valueSerde().serializer().serialize("t", a));
    }

    @Test
    void shouldEnrichAValidArticleKeyedByItsId() {
        send(article("a1", "Biden meets  Netanyahu", "Talks in Cairo."));

        var out = enriched.readKeyValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key).isEqualTo("a1");
        Article a = out.get(0).value;
        assertThat(a.headline()).isEqualTo("Biden meets Netanyahu");
        assertThat(a.contentHash()).isNotBlank();
        assertThat(a.entities()).extracting(Entity::name).containsExactly("Biden", "Netanyahu");
        assertThat(a.duplicateOf()).isNull();
        assertThat(decisions.readValuesToList()).extracting(Decision::decision).containsExactly(Decision.Kind.NEW);
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void shouldEmitTheSameArticlesAndDecisionsWithEnrichWorkersAsOnTheStreamThread() throws Exception {
        List<Article> input = List.of(article("a1", "Biden meets Netanyahu", "Talks in Cairo."),
                article("b7", "BIDEN MEETS NETANYAHU!", "Talks in “Cairo”"), QUAKE, QUAKE_FOLLOW_UP,
                article("c3", "Talks resume", "Officials met in Cairo."));
        input.forEach(this::send);
        List<String> inline = summaries(enriched.readValuesToList(), decisions.readValuesToList());

        useEnrichWorkers(2);
        input.forEach(this::send);
        List<Article> out = new ArrayList<>();
        List<Decision> decided = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (out.size() < input.size() && System.nanoTime() < deadline) {
            driver.advanceWallClockTime(Duration.ofMillis(50));
            out.addAll(enriched.readValuesToList());
            decided.addAll(decisions.readValuesToList());
            Thread.sleep(5);
        }

        assertThat(summaries(out, decided)).isEqualTo(inline).hasSize(input.size());
    }

    @Test
    void shouldDecideEveryVersionOfAnIdThatEnrichWorkersForwardTogether() throws Exception {
        useEnrichWorkers(2);
        Article talks = article("a1", "Talks resume", "Officials met in Cairo.");
        // Sent before the drain runs, so the workers' punctuation forwards them together: each must still be
        // its own request at the gather step, not one arrival with three answers.
        send(talks);
        send(killed(talks));
        send(talks);
        List<Decision> decided = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (decided.size() < 3 && System.nanoTime() < deadline) {
            driver.advanceWallClockTime(Duration.ofMillis(50));
            decided.addAll(decisions.readValuesToList());
            Thread.sleep(5);
        }

        // The kill may overtake the first version (it waits for no index answers), which is then stale too.
        assertThat(decided).extracting(Decision::decision).hasSize(3).containsOnlyOnce(Decision.Kind.KILL)
                .containsAnyOf(Decision.Kind.STALE).doesNotContain(Decision.Kind.EXACT_DUPLICATE);
        assertThat(enriched.readRecordsToList()).allSatisfy(r -> assertThat(r.headers().toArray())
                .extracting(org.apache.kafka.common.header.Header::key)
                .doesNotContain(io.newswire.processors.state.Arrival.HEADER));
    }

    private void useEnrichWorkers(int workers) {
        driver.close();
        driver = new TopologyTestDriver(NewsTopology.build(TOPICS, new Enrichment(LanguageDetector.fixed("en"),
                FAKE_EXTRACTOR), TopologySettings.defaults().withEnrichWorkers(workers), Clock.fixed(T0, ZoneOffset.UTC)),
                props(stateDir.resolve("workers")));
        raw = driver.createInputTopic(TOPICS.raw().name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
        enriched = driver.createOutputTopic(TOPICS.enriched().name(), Serdes.String().deserializer(),
                TOPICS.enriched().valueSerde().deserializer());
        decisions = driver.createOutputTopic(TOPICS.decisions().name(), Serdes.String().deserializer(),
                TOPICS.decisions().valueSerde().deserializer());
    }

    /** Each article's id, entities, story and copy link, and its decision. */
    private static List<String> summaries(List<Article> articles, List<Decision> decided) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            out.add(a.id() + " " + a.entities().stream().map(Entity::name).toList() + " " + a.storyId() + " "
                    + a.duplicateOf() + " " + decided.get(i).decision());
        }
        return out;
    }

    @Test
    void shouldFlagTheSameTextFromAnotherSourceAsAnExactDuplicate() {
        send(article("a1", "Talks resume", "Officials met in Cairo."));
        send(article("b7", "TALKS RESUME!", "Officials met in “Cairo”"));

        List<Article> out = enriched.readValuesToList();
        assertThat(out).extracting(Article::id).containsExactly("a1", "b7");
        assertThat(out.get(1).duplicateOf()).isEqualTo("a1");
        List<Decision> explained = decisions.readValuesToList();
        assertThat(explained.get(1)).isEqualTo(new Decision("b7", 1, Decision.Kind.EXACT_DUPLICATE, "a1", "a1",
                DedupDecider.METHOD_EXACT, 1.0, 1.0));
        assertThat(out.get(1).storyId()).isEqualTo("a1");
        assertThat(out.get(0).storyId()).isEqualTo("a1");
    }

    static final String STORY = "Officials from Egypt, Qatar and the United States met in Cairo on Monday to "
            + "discuss a ceasefire proposal for Gaza, the White House said. The talks, which began in the "
            + "morning, continued late into the evening, and the delegations agreed to meet again on Thursday "
            + "to work on the remaining gaps in the proposal, according to two officials briefed on the talks.";

    static Article at(Article a, int secondsAfterT0) {
        return new Article(a.id(), a.version(), a.source(), a.format(), a.url(), a.headline(), a.body(), a.byline(),
                a.language(), a.published(), T0.plusSeconds(secondsAfterT0), null, List.of(), null, null, null, null,
                a.meta());
    }

    @Test
    void shouldFlagALightlyEditedCopyAsANearDuplicate() {
        send(at(article("orig", "Talks resume in Cairo", STORY, "Delegations will meet again on Thursday."), 0));
        String edited = STORY.replace("Monday", "Sunday").replace("late into the evening", "into the night");
        send(at(article("copy", "Ceasefire talks resume", edited, "(Reporting by A. Writer; Editing by B. Editor)"), 10));
        send(at(article("other", "Fires in the Blue Mountains", "Crews fought fires near Sydney for a fourth day "
                + "as hot winds pushed the flames towards homes in the lower mountains."), 20));

        List<Decision> decisions = NewsTopologyTest.this.decisions.readValuesToList();
        assertThat(decisions).extracting(Decision::decision).containsExactly(Decision.Kind.NEW,
                Decision.Kind.NEAR_DUPLICATE, Decision.Kind.NEW);
        Decision near = decisions.get(1);
        assertThat(near.matchedId()).isEqualTo("orig");
        assertThat(near.method()).isEqualTo(DedupDecider.METHOD_NEAR);
        assertThat(near.score()).isGreaterThanOrEqualTo(near.threshold());
        assertThat(enriched.readValuesToList()).extracting(Article::duplicateOf).containsExactly(null, "orig", null);
    }

    @Test
    void shouldPointACopyOfACopyAtTheOriginalWhileItsDecisionNamesTheArticleItMatched() {
        send(at(article("orig", "Talks resume in Cairo", STORY, "Delegations will meet again on Thursday."), 0));
        String edited = STORY.replace("Monday", "Sunday").replace("late into the evening", "into the night");
        send(at(article("copy", "Ceasefire talks resume", edited, "(Reporting by A. Writer)"), 10));
        send(at(article("copy2", "Ceasefire talks resume", edited, "(Reporting by A. Writer)"), 20));

        List<Decision> out = decisions.readValuesToList();
        assertThat(out).extracting(Decision::decision, Decision::matchedId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Decision.Kind.NEW, null),
                org.assertj.core.groups.Tuple.tuple(Decision.Kind.NEAR_DUPLICATE, "orig"),
                org.assertj.core.groups.Tuple.tuple(Decision.Kind.EXACT_DUPLICATE, "copy"));
        assertThat(enriched.readValuesToList()).extracting(Article::duplicateOf).containsExactly(null, "orig", "orig");
    }

    @Test
    void shouldJoinADifferentReportOfTheSameEventToItsStoryAndKeepAnotherEventApart() {
        send(QUAKE);
        send(article("f1", "Philadelphia Fires Coach Maurice Cheeks",
                "The Philadelphia 76ers fired head coach Maurice Cheeks after a 9-14 start to the season.",
                "Assistant general manager Tony DiLeo will take over the team."));
        send(QUAKE_FOLLOW_UP);

        List<Decision> out = decisions.readValuesToList();
        assertThat(out).extracting(Decision::articleId).containsExactly("q1", "f1", "q2");
        assertThat(out.get(0).decision()).isEqualTo(Decision.Kind.NEW);
        assertThat(out.get(1).decision()).isEqualTo(Decision.Kind.NEW);
        assertThat(out.get(1).storyId()).isEqualTo("f1");
        Decision same = out.get(2);
        assertThat(same.decision()).isEqualTo(Decision.Kind.SAME_STORY);
        assertThat(same.matchedId()).isEqualTo("q1");
        assertThat(same.storyId()).isEqualTo("q1");
        assertThat(same.method()).isEqualTo(DedupDecider.METHOD_STORY);
        assertThat(same.score()).isGreaterThanOrEqualTo(same.threshold());
        assertThat(enriched.readValuesToList()).filteredOn(a -> a.id().equals("q2"))
                .extracting(Article::storyId, Article::duplicateOf).containsExactly(org.assertj.core.groups.Tuple.tuple("q1", null));
    }

    @Test
    void shouldPutACopyOfAStoryMemberIntoThatStory() {
        send(QUAKE);
        send(QUAKE_FOLLOW_UP);
        send(article("q3", "Villagers shelter after quake",
                "Survivors of the earthquake on Qeshm island slept in tents as aftershocks shook southern Iran.",
                "Officials said ten people died and seven villages on the island were damaged."));

        Decision copy = decisions.readValuesToList().get(2);
        assertThat(copy.decision()).isEqualTo(Decision.Kind.NEAR_DUPLICATE);
        assertThat(copy.matchedId()).isEqualTo("q2");
        assertThat(copy.storyId()).isEqualTo("q1");
    }

    @Test
    void shouldMakeTheEarlierArrivalTheCopyWhenTheLaterOneWasDecidedFirst() {
        send(at(article("late", "Talks resume", "Officials met in Cairo."), 50));
        send(at(article("early", "Talks resume", "Officials met in Cairo."), 5));

        List<Article> out = enriched.readValuesToList();
        assertThat(out).extracting(Article::id).containsExactly("late", "early");
        // The later arrival was processed first and saw nothing: it is the original, and the earlier one,
        // which found it already decided, is its copy (never both pointing at each other).
        assertThat(out.get(0).duplicateOf()).isNull();
        assertThat(out.get(1).duplicateOf()).isEqualTo("late");
        assertThat(out.get(1).storyId()).isEqualTo("late");
        assertThat(decisions.readValuesToList()).extracting(Decision::method)
                .containsExactly("tfidf-entities-time", "content-hash-late");
    }

    @Test
    void shouldTreatANewerVersionAsAnUpdateAndAKillAsATombstone() {
        send(article("a1", "Talks resume", "Officials met in Cairo."));
        Article v2 = article("a1", "Talks resume, officials say", "Officials met in Cairo on Monday.");
        send(new Article("a1", 2, "wire", "text", null, v2.headline(), v2.body(), null, null, T0, T0.plusSeconds(60),
                null, List.of(), null, null, null, null, null));
        send(article("a1", "Talks resume", "Officials met in Cairo.").withMeta(new io.newswire.common.ItemMeta(
                null, List.of(), null, io.newswire.common.ItemMeta.CANCELED, null, null, null)));

        List<Decision> decisions = NewsTopologyTest.this.decisions.readValuesToList();
        assertThat(decisions).extracting(Decision::decision).containsExactly(Decision.Kind.NEW, Decision.Kind.UPDATE,
                Decision.Kind.KILL);
        assertThat(decisions.get(1).storyId()).isEqualTo("a1");
        var out = enriched.readKeyValuesToList();
        assertThat(out).hasSize(3);
        assertThat(out.get(2).key).isEqualTo("a1");
        assertThat(out.get(2).value).as("a kill is a tombstone").isNull();
    }

    @Test
    void shouldKeepOneStoryPerOriginalWithItsCopiesAndDropItWhenKilled() {
        TestOutputTopic<String, io.newswire.common.Story> stories = driver.createOutputTopic(TOPICS.stories().name(),
                Serdes.String().deserializer(), TOPICS.stories().valueSerde().deserializer());
        send(article("a1", "Talks resume", "Officials met in Cairo."));
        Article copy = article("b7", "Talks resume", "Officials met in Cairo.");
        send(new Article("b7", 1, "other-wire", "text", null, copy.headline(), copy.body(), null, null, T0,
                T0.plusSeconds(1), null, List.of(), null, null, null, null, null));
        send(article("z9", "Fires near Sydney", "Crews fought fires.").withMeta(null));
        send(article("z9", "Fires near Sydney", "Crews fought fires.").withMeta(new io.newswire.common.ItemMeta(
                null, List.of(), null, io.newswire.common.ItemMeta.CANCELED, null, null, null)));

        var updates = stories.readKeyValuesToList();
        var a1 = updates.stream().filter(kv -> kv.key.equals("a1")).reduce((x, y) -> y).orElseThrow().value;
        assertThat(a1.memberIds()).containsExactly("a1", "b7");
        assertThat(a1.articleCount()).isEqualTo(2);
        assertThat(a1.sourceCount()).isEqualTo(2);
        assertThat(a1.duplicates()).isEqualTo(1);
        assertThat(a1.headline()).isEqualTo("Talks resume");
        assertThat(a1.topEntities()).contains("Talks");
        assertThat(updates.get(updates.size() - 1).key).isEqualTo("z9");
        assertThat(updates.get(updates.size() - 1).value).as("killed sole member: tombstone").isNull();
    }

    private static Article version(Article a, int version, int secondsAfterT0) {
        return new Article(a.id(), version, "wire", "text", null, a.headline(), a.body(), null, null, T0,
                T0.plusSeconds(secondsAfterT0), null, List.of(), null, null, null, null, a.meta());
    }

    private static Article killed(Article a) {
        return a.withMeta(new io.newswire.common.ItemMeta(null, List.of(), null, io.newswire.common.ItemMeta.CANCELED,
                null, null, null));
    }

    @Test
    void shouldNeverLetAnOlderVersionArrivingLateBecomeTheLatest() {
        Article talks = article("a1", "Talks resume", "Officials met in Cairo on Monday.");
        send(version(talks, 3, 0));
        send(version(article("a1", "Talks to resume", "Officials will meet in Cairo."), 2, 5));

        assertThat(decisions.readValuesToList()).extracting(Decision::decision)
                .containsExactly(Decision.Kind.NEW, Decision.Kind.STALE);
        assertThat(enriched.readValuesToList()).extracting(Article::version).containsExactly(3);
    }

    @Test
    void shouldKeepAKilledIdKilledAgainstARedeliveryOfAnOlderVersion() {
        Article talks = article("a1", "Talks resume", "Officials met in Cairo.");
        send(talks);
        send(killed(talks));
        send(talks);

        assertThat(decisions.readValuesToList()).extracting(Decision::decision)
                .containsExactly(Decision.Kind.NEW, Decision.Kind.KILL, Decision.Kind.STALE);
        var out = enriched.readKeyValuesToList();
        assertThat(out).hasSize(2);
        assertThat(out.get(1).value).as("the kill stays the latest record").isNull();
    }

    @Test
    void shouldDecideADifferentItemUnderAKnownIdAndVersionUnderItsOwnId() {
        send(article("a1", "Talks resume", "Officials met in Cairo."));
        Article other = article("a1", "Fires near Sydney", "Crews fought fires in the Blue Mountains.");
        send(other);
        send(other);

        List<Article> out = enriched.readValuesToList();
        assertThat(out).hasSize(3);
        assertThat(out.get(0).id()).isEqualTo("a1");
        assertThat(out.get(1).id()).startsWith("a1~").isEqualTo(out.get(2).id());
        assertThat(out.get(1).headline()).isEqualTo("Fires near Sydney");
        List<Decision> decided = decisions.readValuesToList();
        assertThat(decided).extracting(Decision::decision)
                .containsExactly(Decision.Kind.NEW, Decision.Kind.NEW, Decision.Kind.NEW);
        assertThat(decided.get(2).method()).as("the colliding item's redelivery is a redelivery").isEqualTo("version");
        assertThat(driver.metrics().keySet()).anyMatch(m -> m.name().equals("id-collisions-total")
                && ((Number) driver.metrics().get(m).metricValue()).doubleValue() == 2.0);
    }

    @Test
    void shouldNotFlagARedeliveryOfTheSameArticle() {
        send(article("a1", "Talks resume", "Officials met in Cairo."));
        send(article("a1", "Talks resume", "Officials met in Cairo."));

        assertThat(enriched.readValuesToList()).extracting(Article::duplicateOf).containsExactly(null, null);
    }

    @Test
    void shouldSendBadInputToTheDeadLetterTopicAndGoOn() {
        raw.pipeInput("k1", "{broken".getBytes(StandardCharsets.UTF_8));
        send(article("a2", "EXPLODE", "Body."));
        send(article("a3", "Fine", "Body."));

        List<DeadLetter> letters = dlq.readValuesToList();
        assertThat(letters).extracting(DeadLetter::stage).containsExactly("validate", "enrich");
        assertThat(letters.get(0).reason()).startsWith("not a valid Article JSON");
        assertThat(letters.get(1).reason()).contains("extractor failure");
        assertThat(enriched.readValuesToList()).extracting(Article::id).containsExactly("a3");
    }

    @Test
    void shouldCountWhatEachStepWritesByKind() {
        raw.pipeInput("k1", "{broken".getBytes(StandardCharsets.UTF_8));
        send(article("a2", "EXPLODE", "Body."));
        send(article("a1", "Talks resume", "Officials met in Cairo."));
        send(article("b7", "TALKS RESUME!", "Officials met in “Cairo”"));
        send(article("a1", "Talks resume", "Officials met in Cairo.").withMeta(new io.newswire.common.ItemMeta(
                null, List.of(), null, io.newswire.common.ItemMeta.CANCELED, null, null, null)));

        var metrics = driver.metrics();
        assertThat(StageCounts.total(metrics, "news.dlq", "validate")).isEqualTo(1);
        assertThat(StageCounts.total(metrics, "news.dlq", "enrich")).isEqualTo(1);
        assertThat(StageCounts.total(metrics, "news.enriched", "article")).isEqualTo(2);
        assertThat(StageCounts.total(metrics, "news.enriched", "kill")).isEqualTo(1);
        assertThat(StageCounts.total(metrics, "news.decisions", "new")).isEqualTo(1);
        assertThat(StageCounts.total(metrics, "news.decisions", "exact_duplicate")).isEqualTo(1);
        assertThat(StageCounts.total(metrics, "news.decisions", "kill")).isEqualTo(1);
        assertThat(StageCounts.total(metrics, "news.decisions", "near_duplicate")).isZero();
        // Every kind the topology counts is one the metrics declare up front.
        metrics.keySet().stream().filter(n -> n.group().equals(StageCounts.GROUP) && n.name().endsWith("-total")
                        && n.tags().get(StageCounts.TOPIC_TAG).startsWith("news."))
                .forEach(n -> assertThat(StageCounts.KINDS.get(n.tags().get(StageCounts.TOPIC_TAG)))
                        .contains(n.name().substring(0, n.name().length() - "-total".length())));
    }

    @Test
    void shouldPutEveryInputOnExactlyOneOutput() {
        for (int i = 0; i < 20; i++) {
            if (i % 5 == 0) {
                raw.pipeInput("bad" + i, new byte[0]);
            } else {
                send(article("id" + i, "Headline " + (i % 3), "Body " + (i % 3)));
            }
        }
        assertThat(enriched.getQueueSize() + dlq.getQueueSize()).isEqualTo(20);
        assertThat(dlq.getQueueSize()).isEqualTo(4);
    }

    @Test
    void shouldTeachTheRegistryAndUseItsSpellingInLaterArticles() {
        TestOutputTopic<String, io.newswire.common.KnownEntity> registry = driver.createOutputTopic(
                TOPICS.entities().name(), Serdes.String().deserializer(), TOPICS.entities().valueSerde().deserializer());
        send(article("a1", "Jerusalem talks", "Body."));
        send(article("a2", "Jerusalen talks", "Body."));

        List<Article> out = enriched.readValuesToList();
        assertThat(out.get(1).entities()).extracting(Entity::name).contains("Jerusalem");
        assertThat(out.get(1).entities()).flatExtracting(Entity::surfaceForms).contains("Jerusalen");
        assertThat(registry.readValuesToList()).extracting(io.newswire.common.KnownEntity::name)
                .contains("Jerusalem", "Jerusalen");
    }

    @Test
    void shouldNameEveryStage() {
        String description = NewsTopology.build(TOPICS, Enrichment.none(), TopologySettings.defaults(), Clock.systemUTC())
                .describe().toString();
        assertThat(description).contains("validate", "normalize", "enrich", "dedup", "write-enriched", "write-dlq",
                "write-decisions", NewsTopology.REPARTITION_PROBES, NewsTopology.REPARTITION_GATHER,
                LshIndex.BUCKETS, LshIndex.SIGNATURES, DedupGatherProcessor.PENDING,
                DedupGatherProcessor.SEEN, DedupGatherProcessor.ARTICLES, StoryAggregator.STORE, NewsTopology.REPARTITION_STORIES, "write-stories",
                "canonicalize", CanonicalizeProcessor.REGISTRY_STORE, "write-entity-registry",
                NewsTopology.REPARTITION_CORRECTIONS, StoryCorrectionProcessor.NAME, CandidatesProcessor.NAME,
                StoryIndex.BUCKETS, StoryIndex.VECTORS, StoryVectorProcessor.FREQUENCIES)
                .doesNotContain("KSTREAM-");
    }
}
