package io.newswire.processors.stories;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Decision;
import io.newswire.common.Entity;
import io.newswire.common.Json;
import io.newswire.common.KnownEntity;
import io.newswire.common.Story;
import io.newswire.common.StoryLink;
import io.newswire.processors.match.vectors.StoryKeys;
import io.newswire.processors.match.vectors.StoryRecords.StoryCorrection;
import io.newswire.processors.match.vectors.StoryScorer;
import io.newswire.processors.match.vectors.StoryVector;
import io.newswire.processors.nlp.CanonicalizeProcessor;
import io.newswire.processors.nlp.EntityRegistry;
import io.newswire.processors.nlp.RegistryMirror;
import io.newswire.processors.resolve.Deduplicated;
import io.newswire.processors.resolve.StoryResolveProcessor;
import io.newswire.processors.resolve.StoryResolver;
import io.newswire.processors.state.StoreSweep;
import io.newswire.processors.state.StoredHeaders;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one {@link Story} per story id (input keyed by story id) and revises stories as evidence arrives:
 * <ul>
 *   <li><b>Join.</b> An article as decided joins its story (a kill leaves it); the story's new state goes out.
 *       One whose decision matched a member that has since left by a split follows it, in a revision.</li>
 *   <li><b>Split.</b> After a join, a story of at most {@value #SPLIT_MAX} members is re-clustered by average
 *       link over its members' pair scores; members that part from the story's founder (or, once it has left,
 *       its earliest member) at the split threshold leave for a story of their own, named by its earliest
 *       member.</li>
 *   <li><b>Merge.</b> After a join, each other story the article also scored close to gets an offer: there the
 *       two stories' average link and cohesion are weighed, and at the thresholds the smaller story moves its
 *       members into the larger one (the later, by earliest member, into the earlier on a tie). A story that
 *       received merged members is checked for a split again.</li>
 *   <li><b>Rename.</b> A story of at most {@value #RENAME_MAX} members whose member (an original, not a copy)
 *       arrived before its founder (processed out of arrival order) moves to its earliest original's id, so that
 *       the same burst of input names its stories alike in any processing order. The rename waits until the
 *       partition has had no input for {@link #RENAME_IDLE} (at most {@link #RENAME_LATEST}): while a backlog
 *       drains, the articles decided into the story's old name are still on their way, and each would follow
 *       the rename in a revision of its own; a story that has meanwhile outgrown the bound keeps its name.</li>
 * </ul>
 * A member that moves is emitted again on {@code news.enriched} and {@code news.decisions} by the story that
 * receives it, in the next revision, and the index partitions holding it are corrected. A member moves only
 * within the revision window after its arrival and at most the configured number of times. A merged story keeps
 * a forwarding state (later versions, kills and late joiners follow it), emits its last record with
 * {@code merged_into} and then a tombstone, and its founder's story link is rewritten to the survivor.
 *
 * <p>An article's cost must not grow with its story: members are kept one entry each ({@value #MEMBERS}, key
 * story id + NUL + article id), the story record counts them, lists the newest {@value #LISTED_MEMBERS} and keeps
 * the sum of their vectors; only splits read the members, and only of small stories.
 *
 * <p><b>Respell.</b> An entity the knowledge base does not know is named by the registry's best-attested spelling
 * when its article arrives, which depends on what arrived before. A sweep over the members, a slice every
 * {@link #RESPELL_EVERY}, asks the registry again ({@link EntityRegistry#respelled}); a member whose entities it now
 * names otherwise is emitted again in its next revision, in the same story (method {@code entity-respell}). Within
 * the revision window, articles therefore end with the spelling most articles used, whatever their order.
 *
 * <p>A story none of whose members arrived within the retention window (counted back from the latest arrival
 * here) can gain no more. Its state and member entries are then dropped, a slice of the store at a time
 * ({@link StoreSweep}); its last record stays on the topic.
 */
public final class StoryAggregator implements Processor<String, StoryMessage, String, StoryOutput> {

    public static final String NAME = "stories";
    public static final String STORE = "story-store";
    public static final String MEMBERS = "story-member-store";
    static final int LISTED_MEMBERS = 100;
    /** Splits read every member: larger stories are not split (their average link moves little with one more). */
    static final int SPLIT_MAX = 64;
    /** A rename moves every member: only small stories are renamed (out-of-order arrival is a burst's). */
    static final int RENAME_MAX = 5;
    /** A rename waits for the partition to have no input for this long, or at most {@link #RENAME_LATEST}. */
    public static final Duration RENAME_IDLE = Duration.ofSeconds(1);
    public static final Duration RENAME_LATEST = Duration.ofSeconds(30);
    private static final Duration RENAME_CHECK = Duration.ofMillis(100);
    /** How many times the answer to a merge offer may go back and forth between two growing stories. */
    static final int ANSWERS_BACK = 3;
    private static final int TOP_ENTITIES = 5;
    private static final int KEPT_ENTITIES = 50;
    private static final int SWEEP_SLICE = 1_000;
    /** How often a slice of the members is respelled, and how many members a slice holds. */
    static final Duration RESPELL_EVERY = Duration.ofSeconds(10);
    static final int RESPELL_SLICE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(StoryAggregator.class);

    /**
     * A story as stored: the public view plus what is needed to update and weigh it: entity salience and
     * source counts, when its newest member arrived, the sum of its members' vectors and of the publication times
     * of those dated by their source (and how many), its earliest member (arrival time and id) and the member
     * whose headline names it.
     */
    public record StoryState(Story story, Map<String, Double> entitySalience, Map<String, Integer> sourceCounts,
                             long lastArrivalMillis, StoryVector centroid, double timeSumMillis, int datedCount,
                             long earliestMillis, String earliestId, String headlineId, Move move) {

        /** A live story: it has not moved. */
        StoryState(Story story, Map<String, Double> entitySalience, Map<String, Integer> sourceCounts,
                   long lastArrivalMillis, StoryVector centroid, double timeSumMillis, int datedCount,
                   long earliestMillis, String earliestId, String headlineId) {
            this(story, entitySalience, sourceCounts, lastArrivalMillis, centroid, timeSumMillis, datedCount,
                    earliestMillis, earliestId, headlineId, null);
        }

        boolean merged() {
            return story.mergedInto() != null;
        }

        /** The mean publication time of the members their sources dated; NaN when none was. */
        double meanTimeMillis() {
            return datedCount == 0 ? Double.NaN : timeSumMillis / datedCount;
        }
    }

    /**
     * Why a merged story's members moved to another (merge or rename), and the score the move was weighed at, as
     * a late joiner following them is told; null for a live story.
     */
    public record Move(String reason, double score) {
    }

    /** What a merged story stored before its move's reason was kept answers. */
    private static final Move STORED_WITHOUT_REASON = new Move(Decision.METHOD_STORY_MERGE, 0);

    private final Duration retention;
    private final int partitions;
    private final RevisionRules rules;
    private final Reclustering reclustering;
    private final RegistryMirror mirror;
    private ProcessorContext<String, StoryOutput> context;
    private KeyValueStore<String, StoryState> stories;
    private KeyValueStore<String, StoryMember> members;
    private KeyValueStore<String, StoryLink> links;
    private StoreSweep<StoryState> sweep;
    private StoreSweep<StoryMember> respellSweep;
    private EntityRegistry registry;
    private long latestArrival;
    /**
     * Stories waiting to be renamed, with when the first join that called for it came (wall clock). Kept in
     * memory: a task that restarts forgets them, and those stories keep their founder's id.
     */
    private final Map<String, Long> renamesDue = new LinkedHashMap<>();
    private long lastInputMillis;

    /**
     * @param retention  how long a story is kept after its newest member arrived (as the index keeps articles)
     * @param scorer     the pair score stories are weighed by
     * @param partitions partitions of the index, for the corrections of moved members
     * @param mirror     the instance's entity registry, which the respell sweep reads
     */
    public StoryAggregator(Duration retention, StoryScorer scorer, int partitions, RevisionRules rules,
                           RegistryMirror mirror) {
        this.mirror = mirror;
        this.retention = retention;
        this.partitions = partitions;
        this.rules = rules;
        this.reclustering = new Reclustering(scorer);
    }

    @Override
    public void init(ProcessorContext<String, StoryOutput> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
        this.members = context.getStateStore(MEMBERS);
        this.links = context.getStateStore(StoryResolveProcessor.LINKS);
        this.sweep = new StoreSweep<>(stories, SWEEP_SLICE);
        this.respellSweep = new StoreSweep<>(members, RESPELL_SLICE);
        org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, KnownEntity> known =
                context.getStateStore(CanonicalizeProcessor.REGISTRY_STORE);
        java.util.function.Function<String, List<KnownEntity>> stored = EntityRegistry.blocksOf(known);
        this.registry = new EntityRegistry(prefix -> mirror.block(prefix, stored));
        context.schedule(StoreSweep.EVERY, PunctuationType.WALL_CLOCK_TIME, now -> forgetQuietStories());
        context.schedule(RESPELL_EVERY, PunctuationType.WALL_CLOCK_TIME, this::respell);
        context.schedule(RENAME_CHECK, PunctuationType.WALL_CLOCK_TIME, this::renameDue);
    }

    /** Renames the stories waiting for it once the partition is idle, or once they have waited the longest. */
    private void renameDue(long now) {
        if (renamesDue.isEmpty()) {
            return;
        }
        boolean idle = now - lastInputMillis >= RENAME_IDLE.toMillis();
        List<String> due = renamesDue.entrySet().stream()
                .filter(e -> idle || now - e.getValue() >= RENAME_LATEST.toMillis()).map(Map.Entry::getKey).toList();
        for (String storyId : due) {
            renamesDue.remove(storyId);
            rename(new Record<>(storyId, null, now), storyId);
        }
    }

    /**
     * Moves a story of at most {@value #RENAME_MAX} members to its earliest original (by arrival, then id) when
     * that is not its founder.
     */
    private void rename(Record<String, StoryMessage> record, String storyId) {
        StoryState state = stories.get(storyId);
        if (state == null || state.merged() || state.story().articleCount() > RENAME_MAX) {
            return;
        }
        List<StoryMember> live = liveMembers(storyId);
        StoryMember founder = live.stream().filter(m -> m.id().equals(storyId)).findFirst().orElse(null);
        StoryMember earliest = live.stream().filter(m -> m.article().duplicateOf() == null)
                .min(Comparator.comparingLong(StoryMember::receivedMillis).thenComparing(StoryMember::id))
                .orElse(null);
        if (founder != null && earliest != null && earliest != founder
                && earliest.before(founder.receivedMillis(), storyId)) {
            dissolve(record, storyId, state, earliest.id(), Decision.METHOD_STORY_RENAME, 1.0);
        }
    }

    /** The next slice of members: those whose entities the registry now spells otherwise go out again. */
    private void respell(long now) {
        // The sweep reads each member once; what it found to respell is kept here, by the member's id.
        Map<String, Respelling> found = new LinkedHashMap<>();
        // A slice's members share most registry blocks: each is read once for the slice, not once a member.
        EntityRegistry registry = this.registry.readingEachBlockOnce();
        respellSweep.expired(m -> {
            if (m.movedTo() != null || m.article().entities().isEmpty()
                    || latestArrival - m.receivedMillis() > rules.window().toMillis()) {
                return false;
            }
            List<Entity> entities = registry.respelled(m.article().entities());
            if (entities != null) {
                found.put(m.id(), new Respelling(m, entities));
            }
            return entities != null;
        }).forEach(key -> {
            String storyId = key.substring(0, key.indexOf('\u0000'));
            Respelling respelling = found.get(key.substring(storyId.length() + 1));
            StoryMember member = respelling.member();
            StoryState state = stories.get(storyId);
            if (state == null || state.merged()) {
                return;
            }
            Article article = member.article().withEntities(respelling.entities(), member.article().entityStatus())
                    .revised(storyId);
            Decision decision = member.decision().revised(storyId, Decision.METHOD_ENTITY_RESPELL, 1.0, 1.0,
                    article.revision());
            StoryMember renamed = new StoryMember(article, decision, member.vector(), member.headers(), null);
            members.put(key, renamed);
            state = respelled(storyId, state, member, renamed);
            stories.put(storyId, state);
            Record<String, StoryMessage> at = new Record<>(storyId, null, now);
            emit(at, storyId, state);
            Deduplicated revised = new Deduplicated(article, decision, List.of(), List.of());
            context.forward(at.withKey(article.id()).withValue(StoryOutput.revised(revised))
                    .withHeaders(StoredHeaders.toKafka(member.headers())));
        });
    }

    /** A member as the sweep read it, and its entities as the registry now spells them. */
    private record Respelling(StoryMember member, List<Entity> entities) {
    }

    /** The story's entity weights with one member's old spellings replaced by its new ones. */
    private StoryState respelled(String storyId, StoryState state, StoryMember before, StoryMember after) {
        Map<String, Double> salience = new LinkedHashMap<>(state.entitySalience());
        unweigh(salience, before.article());
        salience = weigh(salience, after.article());
        Story s = state.story();
        Story view = view(storyId, s.headline(), s.firstSeen(), s.lastSeen(), s.articleCount(), s.memberIds(),
                state.sourceCounts(), salience, s.duplicates());
        return new StoryState(view, salience, state.sourceCounts(), state.lastArrivalMillis(), state.centroid(),
                state.timeSumMillis(), state.datedCount(), state.earliestMillis(), state.earliestId(),
                state.headlineId());
    }

    private void forgetQuietStories() {
        for (String storyId : sweep.expired(latestArrival, retention, StoryState::lastArrivalMillis)) {
            liveAndMoved(storyId).forEach(m -> members.delete(memberKey(storyId, m.id())));
            stories.delete(storyId);
        }
    }

    @Override
    public void process(Record<String, StoryMessage> record) {
        lastInputMillis = context.currentSystemTimeMs();
        StoryMessage m = record.value();
        if (m.hops() > StoryMessage.MAX_HOPS) {
            deadLetter(record, m);
            return;
        }
        if (m.joined() != null) {
            joined(record, m.joined());
        } else if (m.moved() != null) {
            moved(record, m);
        } else if (m.offer() != null) {
            offered(record, m);
        } else if (m.absorbInto() != null) {
            absorbed(record, m);
        }
    }

    private void joined(Record<String, StoryMessage> record, Deduplicated d) {
        String storyId = record.key();
        StoryState state = stories.get(storyId);
        if (d.article() == null) {
            left(record, storyId, state, d);
            return;
        }
        latestArrival = Math.max(latestArrival, d.article().received().toEpochMilli());
        String key = memberKey(storyId, d.article().id());
        StoryMember existing = members.get(key);
        StoryMember member = new StoryMember(d.article(), d.decision(), d.vector(), StoredHeaders.of(record.headers()), null);
        String elsewhere = state != null && state.merged() ? state.story().mergedInto()
                : existing != null ? existing.movedTo() : null;
        if (elsewhere != null) {
            // It went out with this story, which its members have left: it follows them, one revision later, for
            // the reason they moved (a member that moved alone left by a split).
            Move move = state != null && state.merged()
                    ? Objects.requireNonNullElse(state.move(), STORED_WITHOUT_REASON)
                    : new Move(Decision.METHOD_STORY_SPLIT, 0);
            send(record, elsewhere, StoryMessage.lateJoin(member, move.reason(), move.score()).forwarded());
            return;
        }
        if (member.vector() == null) {
            return;
        }
        String followed = existing == null && mayMove(member) ? matchedMovedTo(storyId, d.decision()) : null;
        if (followed != null) {
            // Decided against an index that had not yet heard of the split: it follows what it matched.
            send(record, followed, StoryMessage.moved(member, Decision.METHOD_STORY_SPLIT, d.decision().score(),
                    d.closeStories()).forwarded());
            return;
        }
        state = add(storyId, state, member, existing);
        members.put(key, member);
        stories.put(storyId, state);
        emit(record, storyId, state);
        if (existing == null) {
            revise(record, storyId, state, member, d.closeStories());
        }
    }

    /** Where the member the decision matched went when it left this story by a split; null if it is here. */
    private String matchedMovedTo(String storyId, Decision decision) {
        if (decision.matchedId() == null || decision.matchedId().equals(storyId)) {
            return null;
        }
        StoryMember matched = members.get(memberKey(storyId, decision.matchedId()));
        return matched == null ? null : matched.movedTo();
    }

    /** A kill: the article leaves its story (following it to where it moved). */
    private void left(Record<String, StoryMessage> record, String storyId, StoryState state, Deduplicated d) {
        if (state == null || d.decision().decision() != Decision.Kind.KILL) {
            return;
        }
        String key = memberKey(storyId, d.decision().articleId());
        StoryMember member = members.get(key);
        if (member == null && state.merged()) {
            send(record, state.story().mergedInto(), StoryMessage.joined(d).forwarded());
            return;
        }
        if (member == null) {
            return;
        }
        members.delete(key);
        if (member.movedTo() != null) {
            send(record, member.movedTo(), StoryMessage.joined(d).forwarded());
            return;
        }
        if (state.story().articleCount() <= 1) {
            stories.delete(storyId);
            context.forward(record.withKey(storyId).withValue(StoryOutput.storyTombstone()));
            return;
        }
        state = remove(storyId, state, List.of(member), liveMembers(storyId));
        stories.put(storyId, state);
        emit(record, storyId, state);
    }

    /** A member arriving from another story: it joins here and goes out again in its next revision. */
    private void moved(Record<String, StoryMessage> record, StoryMessage m) {
        String storyId = record.key();
        StoryState state = stories.get(storyId);
        if (state != null && state.merged()) {
            send(record, state.story().mergedInto(), m.forwarded());
            return;
        }
        StoryMember incoming = m.moved();
        String key = memberKey(storyId, incoming.id());
        StoryMember existing = members.get(key);
        if (existing != null && existing.movedTo() == null
                && existing.article().version() >= incoming.article().version()) {
            return; // here already: a redelivered move
        }
        double threshold = switch (m.reason()) {
            case Decision.METHOD_STORY_SPLIT -> rules.splitThreshold();
            case Decision.METHOD_STORY_MERGE -> rules.mergeThreshold();
            default -> 1.0;
        };
        Article article = incoming.article().revised(storyId);
        Decision decision = incoming.decision().revised(storyId, m.reason(), m.score(), threshold, article.revision());
        StoryMember member = new StoryMember(article, decision, incoming.vector(), incoming.headers(), null);
        latestArrival = Math.max(latestArrival, member.receivedMillis());
        state = add(storyId, state, member, existing != null && existing.movedTo() == null ? existing : null);
        members.put(key, member);
        stories.put(storyId, state);
        emit(record, storyId, state);
        Deduplicated revised = new Deduplicated(article, decision, List.of(), List.of());
        context.forward(record.withKey(article.id()).withValue(StoryOutput.revised(revised))
                .withHeaders(StoredHeaders.toKafka(member.headers())));
        for (int partition : StoryKeys.owners(member.vector(), partitions)) {
            context.forward(record.withKey(article.id()).withValue(StoryOutput.correction(
                    new StoryCorrection(article.id(), storyId, partition, partitions))));
        }
        if (!m.closeStories().isEmpty()) {
            offerMerges(record, storyId, state, m.closeStories());
        } else if ((m.reason().equals(Decision.METHOD_STORY_MERGE) || m.lateJoin())
                && state.story().articleCount() >= 3 && state.story().articleCount() <= SPLIT_MAX) {
            // A merge can bring two events together that no join will look at again (a backlog drained at once);
            // a late joiner is a join.
            split(record, storyId, state, "", List.of());
        }
    }

    /**
     * Another story close to this one: merge at the thresholds, into the larger of the two (fewer members move,
     * so fewer revisions), the earlier on a tie.
     */
    private void offered(Record<String, StoryMessage> record, StoryMessage m) {
        String storyId = record.key();
        StoryMessage.MergeOffer offer = m.offer();
        StoryState state = stories.get(storyId);
        if (state == null || offer.storyId().equals(storyId)) {
            return;
        }
        if (state.merged()) {
            send(record, state.story().mergedInto(), m.forwarded());
            return;
        }
        double link = reclustering.averageLink(state.centroid(), state.story().articleCount(), state.meanTimeMillis(),
                offer.centroid(), offer.count(), offer.meanTimeMillis());
        if (link < rules.mergeThreshold() || !Reclustering.alike(link, reclustering.cohesion(state.centroid(),
                state.story().articleCount()), reclustering.cohesion(offer.centroid(), offer.count()),
                rules.mergeRatio())) {
            return;
        }
        if (offer.survivesAgainst(state.story().articleCount(), state.earliestMillis(), state.earliestId())) {
            dissolve(record, storyId, state, offer.storyId(), Decision.METHOD_STORY_MERGE, link);
        } else {
            send(record, offer.storyId(), StoryMessage.absorb(standing(storyId, state), link));
        }
    }

    /**
     * Told to move into the story that answered its offer. That story weighed this one as the offer described
     * it, and this one may since have outgrown it (and the other may meanwhile have been told to move in here):
     * then the answer goes back the other way, as this story now stands, and the other moves if it still
     * weighs less ({@value #ANSWERS_BACK} times at most, while both keep growing).
     */
    private void absorbed(Record<String, StoryMessage> record, StoryMessage m) {
        String storyId = record.key();
        StoryState state = stories.get(storyId);
        if (state == null || state.merged()) {
            return;
        }
        if (m.survivor() == null || m.survivor().survivesAgainst(state.story().articleCount(), state.earliestMillis(),
                state.earliestId())) {
            dissolve(record, storyId, state, m.absorbInto(), Decision.METHOD_STORY_MERGE, m.score());
        } else if (m.hops() < ANSWERS_BACK) {
            send(record, m.absorbInto(), StoryMessage.absorb(standing(storyId, state), m.score(), m.hops() + 1));
        }
    }

    /** The story as another weighs it in a merge (no vector sum: the answer to an offer needs none). */
    private static StoryMessage.MergeOffer standing(String storyId, StoryState state) {
        return new StoryMessage.MergeOffer(storyId, state.earliestMillis(), state.earliestId(),
                state.story().articleCount(), null, Double.NaN);
    }

    /** After a new member joined: mark a rename due, then split, or offer merges to the other close stories. */
    private void revise(Record<String, StoryMessage> record, String storyId, StoryState state, StoryMember joined,
                        List<String> closeStories) {
        int count = state.story().articleCount();
        if (!joined.id().equals(storyId) && count <= RENAME_MAX && joined.article().duplicateOf() == null) {
            StoryMember founder = members.get(memberKey(storyId, storyId));
            if (founder != null && founder.movedTo() == null && joined.before(founder.receivedMillis(), storyId)) {
                renamesDue.putIfAbsent(storyId, context.currentSystemTimeMs());
            }
        }
        if (count >= 3 && count <= SPLIT_MAX && split(record, storyId, state, joined.id(), closeStories)) {
            return;
        }
        offerMerges(record, storyId, stories.get(storyId), closeStories);
    }

    private void offerMerges(Record<String, StoryMessage> record, String storyId, StoryState state,
                             List<String> closeStories) {
        for (String other : closeStories) {
            String target = StoryResolver.resolve("", other, links::get).orElse(other);
            if (!target.equals(storyId)) {
                send(record, target, StoryMessage.offer(new StoryMessage.MergeOffer(storyId, state.earliestMillis(),
                        state.earliestId(), state.story().articleCount(), state.centroid(), state.meanTimeMillis())));
            }
        }
    }

    /**
     * @param joinedId     the member that just joined: if it leaves, its new story weighs merges with its close stories
     * @return whether members left the story
     */
    private boolean split(Record<String, StoryMessage> record, String storyId, StoryState state, String joinedId,
                          List<String> closeStories) {
        List<StoryMember> live = liveMembers(storyId);
        // The group of member 0 stays: the founder while it is here (the story keeps naming a member), else the
        // earliest member; every other group's first member (its earliest) names its new story.
        live.sort(Comparator.comparing((StoryMember m) -> !m.id().equals(storyId))
                .thenComparingLong(StoryMember::receivedMillis).thenComparing(StoryMember::id));
        List<List<Integer>> groups = reclustering.split(live.stream().map(StoryMember::vector).toList(),
                rules.splitThreshold(), rules.splitRatio());
        if (groups.size() < 2) {
            return false;
        }
        List<StoryVector> kept = groups.get(0).stream().map(i -> live.get(i).vector()).toList();
        List<StoryMember> leaving = new ArrayList<>();
        for (List<Integer> group : groups.subList(1, groups.size())) {
            List<StoryMember> part = group.stream().map(live::get).toList();
            if (!part.stream().allMatch(this::mayMove)) {
                continue;
            }
            String newStory = part.get(0).id(); // the earliest member of the group
            double link = part.stream().mapToDouble(p -> reclustering.linkTo(p.vector(), kept)).average().orElse(0);
            for (StoryMember p : part) {
                members.put(memberKey(storyId, p.id()), p.movedTo(newStory));
                send(record, newStory, StoryMessage.moved(p, Decision.METHOD_STORY_SPLIT, link,
                        p.id().equals(joinedId) ? closeStories : List.of()));
            }
            publishLink(record, newStory, new StoryLink(newStory, part.get(0).article().duplicateOf(),
                    part.get(0).receivedMillis()));
            leaving.addAll(part);
        }
        if (leaving.isEmpty()) {
            return false;
        }
        List<StoryMember> staying = new ArrayList<>(live);
        staying.removeAll(leaving);
        state = remove(storyId, state, leaving, staying);
        stories.put(storyId, state);
        emit(record, storyId, state);
        if (leaving.stream().noneMatch(p -> p.id().equals(joinedId))) {
            offerMerges(record, storyId, state, closeStories);
        }
        return true;
    }

    /**
     * Moves the story's members into another, all of them or none: a member that may no longer move keeps the
     * whole story where it is, so that a story id never names an article that moved to another story (the
     * founder's link is rewritten to the survivor below, which a member left behind would contradict).
     */
    private void dissolve(Record<String, StoryMessage> record, String storyId, StoryState state, String into,
                          String reason, double score) {
        if (storyId.equals(into)) {
            return;
        }
        List<StoryMember> live = liveMembers(storyId);
        if (live.isEmpty() || !live.stream().allMatch(this::mayMove)) {
            return;
        }
        for (StoryMember m : live) {
            members.put(memberKey(storyId, m.id()), m.movedTo(into));
            send(record, into, StoryMessage.moved(m, reason, score));
        }
        // Later joiners that resolve through the founder's link go straight to the survivor.
        publishLink(record, storyId, new StoryLink(into, null, state.earliestMillis()));
        if (reason.equals(Decision.METHOD_STORY_RENAME)) {
            StoryMember renamedTo = live.stream().filter(m -> m.id().equals(into)).findFirst().orElse(null);
            if (renamedTo != null) {
                publishLink(record, into, new StoryLink(into, renamedTo.article().duplicateOf(),
                        renamedTo.receivedMillis()));
            }
        }
        Story s = state.story();
        StoryState merged = new StoryState(Story.merged(storyId, s.headline(), into, s.firstSeen(), s.lastSeen()),
                Map.of(), Map.of(), state.lastArrivalMillis(), null, 0, 0, state.earliestMillis(), state.earliestId(),
                null, new Move(reason, score));
        stories.put(storyId, merged);
        emit(record, storyId, merged);
        context.forward(record.withKey(storyId).withValue(StoryOutput.storyTombstone()).withHeaders(new RecordHeaders()));
    }

    private boolean mayMove(StoryMember m) {
        return m.article().revision() < rules.maxRevisions()
                && latestArrival - m.receivedMillis() <= rules.window().toMillis();
    }

    private StoryState add(String storyId, StoryState state, StoryMember member, StoryMember replaced) {
        Article article = member.article();
        Story before = state == null ? null : state.story();
        Map<String, Integer> sources = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state.sourceCounts());
        Map<String, Double> salience = state == null ? new LinkedHashMap<>() : new LinkedHashMap<>(state.entitySalience());
        List<String> listed = before == null ? new ArrayList<>() : new ArrayList<>(before.memberIds());
        int count = before == null ? 0 : before.articleCount();
        StoryVector centroid = state == null ? null : state.centroid();
        double timeSum = state == null ? 0 : state.timeSumMillis();
        int dated = state == null ? 0 : state.datedCount();
        long earliestMillis = state == null ? Long.MAX_VALUE : state.earliestMillis();
        String earliestId = state == null ? null : state.earliestId();
        int duplicates = before == null ? 0 : before.duplicates();
        if (replaced != null) {
            centroid = Reclustering.plus(Reclustering.plus(centroid, replaced.vector(), -1), member.vector(), 1);
            timeSum += timeOf(member) - timeOf(replaced);
            dated += (member.vector().dated() ? 1 : 0) - (replaced.vector().dated() ? 1 : 0);
        } else {
            String source = article.source() == null ? "" : article.source();
            sources.merge(source, 1, Integer::sum);
            count++;
            listed.add(article.id());
            if (listed.size() > LISTED_MEMBERS) {
                listed = new ArrayList<>(listed.subList(listed.size() - LISTED_MEMBERS, listed.size()));
            }
            salience = weigh(salience, article);
            centroid = Reclustering.plus(centroid, member.vector(), 1);
            timeSum += timeOf(member);
            dated += member.vector().dated() ? 1 : 0;
            if (earliestId == null || member.before(earliestMillis, earliestId)) {
                earliestMillis = member.receivedMillis();
                earliestId = member.id();
            }
            duplicates += isCopy(member) ? 1 : 0;
        }
        Instant seen = article.published() != null ? article.published() : article.received();
        Instant first = before == null || seen.isBefore(before.firstSeen()) ? seen : before.firstSeen();
        Instant last = before == null || seen.isAfter(before.lastSeen()) ? seen : before.lastSeen();
        long arrival = Math.max(state == null ? 0 : state.lastArrivalMillis(), member.receivedMillis());
        StoryState next = new StoryState(view(storyId, before == null ? article.headline() : before.headline(), first,
                last, count, listed, sources, salience, duplicates), salience, sources, arrival, centroid, timeSum,
                dated, earliestMillis, earliestId, state == null ? null : state.headlineId());
        return withHeadline(storyId, next, member);
    }

    /** The state without some members; {@code staying} are the live members left (for the earliest and headline). */
    private StoryState remove(String storyId, StoryState state, List<StoryMember> gone, List<StoryMember> staying) {
        Story s = state.story();
        Map<String, Integer> sources = new LinkedHashMap<>(state.sourceCounts());
        Map<String, Double> salience = new LinkedHashMap<>(state.entitySalience());
        List<String> listed = new ArrayList<>(s.memberIds());
        StoryVector centroid = state.centroid();
        double timeSum = state.timeSumMillis();
        int dated = state.datedCount();
        int duplicates = s.duplicates();
        for (StoryMember m : gone) {
            String source = m.article().source() == null ? "" : m.article().source();
            sources.computeIfPresent(source, (k, n) -> n > 1 ? n - 1 : null);
            unweigh(salience, m.article());
            listed.remove(m.id());
            centroid = Reclustering.plus(centroid, m.vector(), -1);
            timeSum -= timeOf(m);
            dated -= m.vector().dated() ? 1 : 0;
            duplicates -= isCopy(m) ? 1 : 0;
        }
        StoryMember earliest = staying.stream()
                .min(Comparator.comparingLong(StoryMember::receivedMillis).thenComparing(StoryMember::id))
                .orElse(null);
        int count = s.articleCount() - gone.size();
        StoryState next = new StoryState(view(storyId, s.headline(), s.firstSeen(), s.lastSeen(), count, listed,
                sources, salience, Math.max(0, duplicates)), salience, sources, state.lastArrivalMillis(), centroid,
                timeSum, Math.max(0, dated), earliest == null ? state.earliestMillis() : earliest.receivedMillis(),
                earliest == null ? state.earliestId() : earliest.id(), null);
        StoryState named = next;
        for (StoryMember m : staying) {
            named = withHeadline(storyId, named, m);
        }
        return named;
    }

    /**
     * The story named by the more central of its current headline member and {@code candidate}, among those whose
     * headline can name a story ({@link StoryHeadline}).
     */
    private StoryState withHeadline(String storyId, StoryState state, StoryMember candidate) {
        String currentId = state.headlineId();
        StoryMember current = currentId == null || currentId.equals(candidate.id()) ? null
                : members.get(memberKey(storyId, currentId));
        if (current != null && current.movedTo() != null) {
            current = null;
        }
        boolean candidateFits = StoryHeadline.qualifies(candidate.article().headline());
        StoryMember chosen;
        if (current == null || !StoryHeadline.qualifies(current.article().headline())) {
            chosen = candidateFits || current == null ? candidate : current;
        } else if (!candidateFits) {
            chosen = current;
        } else {
            chosen = centrality(candidate, state) > centrality(current, state) ? candidate : current;
        }
        if (currentId != null && currentId.equals(chosen.id()) && chosen.article().headline().equals(
                state.story().headline())) {
            return state;
        }
        Story s = state.story();
        Story named = new Story(s.id(), chosen.article().headline(), s.firstSeen(), s.lastSeen(), s.articleCount(),
                s.sourceCount(), s.topEntities(), s.memberIds(), s.sources(), s.duplicates(), s.mergedInto());
        return new StoryState(named, state.entitySalience(), state.sourceCounts(), state.lastArrivalMillis(),
                state.centroid(), state.timeSumMillis(), state.datedCount(), state.earliestMillis(), state.earliestId(),
                chosen.id());
    }

    private double centrality(StoryMember m, StoryState state) {
        return reclustering.averageLink(m.vector(), 1, m.vector().dated() ? m.vector().timeMillis() : Double.NaN,
                state.centroid(), state.story().articleCount(), state.meanTimeMillis());
    }

    private static double timeOf(StoryMember m) {
        return m.vector().dated() ? m.vector().timeMillis() : 0;
    }

    private static boolean isCopy(StoryMember m) {
        Decision.Kind kind = m.decision().decision();
        return kind == Decision.Kind.EXACT_DUPLICATE || kind == Decision.Kind.NEAR_DUPLICATE;
    }

    private List<StoryMember> liveMembers(String storyId) {
        return new ArrayList<>(liveAndMoved(storyId).stream().filter(m -> m.movedTo() == null).toList());
    }

    private List<StoryMember> liveAndMoved(String storyId) {
        List<StoryMember> out = new ArrayList<>();
        try (KeyValueIterator<String, StoryMember> it = members.prefixScan(memberKey(storyId, ""),
                Serdes.String().serializer())) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return out;
    }

    /**
     * A message that went round merged stories past the guard (stories merged into each other after one of them
     * lost members): what it carried goes to the dead letters, whole, rather than round for good.
     */
    private void deadLetter(Record<String, StoryMessage> record, StoryMessage m) {
        String about = m.moved() != null ? m.moved().id()
                : m.joined() != null ? m.joined().decision().articleId() : record.key();
        LOG.warn("story message about {} for story {} forwarded {} times through merged stories; dead-lettered",
                about, record.key(), m.hops());
        DeadLetter letter = DeadLetter.of(NAME, "story message forwarded " + m.hops()
                + " times through merged stories (a cycle of merges): the article's story revision was not published",
                "news.story-moves", about, Json.payloadOf(m), Instant.ofEpochMilli(record.timestamp()));
        context.forward(record.withKey(about).withValue(StoryOutput.deadLetter(letter)).withHeaders(new RecordHeaders()));
    }

    private void emit(Record<String, StoryMessage> record, String storyId, StoryState state) {
        context.forward(record.withKey(storyId).withValue(StoryOutput.story(state.story()))
                .withHeaders(new RecordHeaders()));
    }

    private void send(Record<String, StoryMessage> record, String storyId, StoryMessage message) {
        context.forward(record.withKey(storyId).withValue(StoryOutput.message(message)).withHeaders(new RecordHeaders()));
    }

    private void publishLink(Record<String, StoryMessage> record, String articleId, StoryLink link) {
        context.forward(record.withKey(articleId).withValue(StoryOutput.link(link)).withHeaders(new RecordHeaders()));
    }

    private static String memberKey(String storyId, String articleId) {
        return storyId + '\u0000' + articleId;
    }

    /** Adds an article's entities to a story's weights; the heaviest {@value #KEPT_ENTITIES} are kept. */
    private static Map<String, Double> weigh(Map<String, Double> salience, Article article) {
        for (Entity e : article.entities()) {
            salience.merge(e.name(), e.salience(), Double::sum);
        }
        return heaviest(salience, KEPT_ENTITIES);
    }

    /** Takes an article's entities out of a story's weights (a name whose weight reaches 0 goes). */
    private static void unweigh(Map<String, Double> salience, Article article) {
        for (Entity e : article.entities()) {
            salience.computeIfPresent(e.name(), (k, w) -> w - e.salience() > 1e-9 ? w - e.salience() : null);
        }
    }

    private static Map<String, Double> heaviest(Map<String, Double> salience, int n) {
        if (salience.size() <= n) {
            return salience;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        salience.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Story view(String id, String headline, Instant first, Instant last, int count, List<String> listed,
                              Map<String, Integer> sources, Map<String, Double> salience, int duplicates) {
        List<String> top = heaviest(salience, TOP_ENTITIES).keySet().stream().toList();
        List<String> named = sources.keySet().stream().filter(source -> !source.isEmpty()).toList();
        return new Story(id, headline, first, last, count, named.size(), top, listed, named, duplicates);
    }
}
