package io.newswire.processors.nlp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import io.newswire.common.Entity;
import io.newswire.common.Entity.EntityType;
import io.newswire.common.KnownEntity;

/**
 * Cross-article canonical entities. Every spelling seen is registered with the number of articles that
 * used it; an article's entity takes the best-attested spelling among the known ones that are
 * conservatively the same entity:
 * <ul>
 *   <li>people: a similarly spelled surname and a compatible given name ("Benjamin Natanyahu" and
 *       "Benjamin Netanyahu", "Anthony Blinken" and "Antony Blinken"; never "Hunter Biden" and
 *       "Joe Biden");</li>
 *   <li>a lone surname ("Biden"): the one known person with that surname, nobody if there are several;</li>
 *   <li>other types: a similarly spelled name (see {@link Names#similar}).</li>
 * </ul>
 * A tie goes to the spelling already known (the article's own counts as one more use of its spelling);
 * since every spelling's count grows with its own articles, a typo that arrived first captures at most
 * a few articles before the majority spelling overtakes it, whatever the arrival order. Entities linked to
 * Wikipedia, and countries with their ISO keys, already have a name that does not depend on arrival order
 * and bypass the registry. Pure logic; the Streams processor supplies the lookup.
 */
public final class EntityRegistry {

    private static final int LENGTH_SLACK = 2;
    /** About 10 MB of decoded spellings. */
    private static final int HELD_SPELLINGS = 50_000;
    private static final java.util.Map<EntityType, String> TYPE_PREFIX = java.util.Arrays.stream(EntityType.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(t -> t, t -> t.name().toLowerCase(Locale.ROOT) + "|"));

    /** Known spellings whose registry key starts with the given block prefix. */
    private final Function<String, List<KnownEntity>> blockLookup;

    public EntityRegistry(Function<String, List<KnownEntity>> blockLookup) {
        this.blockLookup = blockLookup;
    }

    /** The outcome for one article: its entities mapped to canonical ones, and the registry updates. */
    public record Resolved(List<Entity> entities, List<KnownEntity> learned) {
    }

    public Resolved resolve(List<Entity> entities) {
        Map<String, Entity> byKey = new LinkedHashMap<>();
        List<KnownEntity> learned = new ArrayList<>();
        Function<String, List<KnownEntity>> blocks = readOnce();
        for (Entity entity : entities) {
            Entity mapped = entity;
            if (!EntityLinker.isLinkedKey(entity.key())) {
                List<KnownEntity> candidates = candidates(entity, blocks);
                if (isLoneSurname(entity)) {
                    Optional<KnownEntity> person = lonePersonFor(entity, candidates);
                    if (person.isPresent()) {
                        mapped = rename(entity, person.get());
                    }
                } else {
                    long own = candidates.stream().filter(k -> k.key().equals(entity.key()))
                            .mapToLong(KnownEntity::articles).max().orElse(0) + 1;
                    KnownEntity self = known(entity, own);
                    learned.add(self);
                    KnownEntity best = candidates.stream()
                            .filter(k -> !k.key().equals(entity.key()) && sameEntity(entity.type(), k.name(), entity.name()))
                            .max(Comparator.comparingLong(KnownEntity::articles))
                            .filter(k -> k.articles() >= own)
                            .orElse(self);
                    mapped = rename(entity, best);
                }
            }
            byKey.merge(mapped.key(), mapped, EntityRegistry::merge);
        }
        return new Resolved(List.copyOf(byKey.values()), learned);
    }

    /**
     * The entities with the spellings the registry's counts now make best, or null when every one keeps its own:
     * of the known spellings that are the same entity (its own included), the one most articles used, the
     * smaller key on a tie. A function of the counts alone, so once they are in, every article names the entity
     * alike whatever order the articles came in; arrival-time choices ({@link #resolve}) that differ are
     * corrected by it. Linked entities, countries and lone surnames are left as they are; nothing is learned.
     */
    public List<Entity> respelled(List<Entity> entities) {
        Map<String, Entity> byKey = new LinkedHashMap<>();
        boolean changed = false;
        Function<String, List<KnownEntity>> blocks = readOnce();
        for (Entity entity : entities) {
            Entity mapped = entity;
            List<KnownEntity> known = EntityLinker.isLinkedKey(entity.key()) || isLoneSurname(entity) ? List.of()
                    : candidates(entity, blocks);
            // Until the registry has counted the entity's own spelling it cannot weigh it against the others.
            if (known.stream().anyMatch(k -> k.key().equals(entity.key()))) {
                KnownEntity best = known.stream()
                        .filter(k -> k.type() == entity.type() && (k.key().equals(entity.key())
                                || sameEntity(entity.type(), k.name(), entity.name())))
                        .max(Comparator.comparingLong(KnownEntity::articles)
                                .thenComparing(KnownEntity::key, Comparator.reverseOrder()))
                        .orElse(null);
                if (best != null && (!best.key().equals(entity.key()) || !best.name().equals(entity.name()))) {
                    mapped = rename(entity, best);
                    changed = true;
                }
            }
            changed |= byKey.containsKey(mapped.key());
            byKey.merge(mapped.key(), mapped, EntityRegistry::merge);
        }
        return changed ? List.copyOf(byKey.values()) : null;
    }

    /** The registry's known spellings, block by block, as a lookup over its store. */
    public static Function<String, List<KnownEntity>> blocksOf(
            org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, KnownEntity> store) {
        return prefix -> {
            List<KnownEntity> found = new ArrayList<>();
            try (org.apache.kafka.streams.state.KeyValueIterator<String, KnownEntity> it = store.prefixScan(prefix,
                    org.apache.kafka.common.serialization.Serdes.String().serializer())) {
                it.forEachRemaining(kv -> found.add(kv.value));
            }
            return found;
        };
    }

    /** The single person a lone surname can mean, taking the best-attested spelling of that person. */
    private static Optional<KnownEntity> lonePersonFor(Entity entity, List<KnownEntity> candidates) {
        String surname = entity.name().strip();
        List<KnownEntity> people = candidates.stream()
                .filter(k -> Names.severalWords(k.name()) && Names.similar(Names.lastWord(k.name()), surname))
                .toList();
        if (people.isEmpty()) {
            return Optional.empty();
        }
        KnownEntity best = people.stream().max(Comparator.comparingLong(KnownEntity::articles)).orElseThrow();
        boolean onePerson = people.stream().allMatch(k -> sameEntity(EntityType.PERSON, best.name(), k.name()));
        return onePerson ? Optional.of(best) : Optional.empty();
    }

    /**
     * This registry reading each block at most once while in use, up to {@value #HELD_SPELLINGS} spellings
     * held: for a sweep that asks about many articles at once. What the store gains meanwhile is not seen.
     */
    public EntityRegistry readingEachBlockOnce() {
        return new EntityRegistry(readOnce());
    }

    /**
     * The block lookup for one article or one sweep: an article's entities share blocks (a first letter and a
     * length, with {@value #LENGTH_SLACK} either side), and each block read is a store scan.
     */
    private Function<String, List<KnownEntity>> readOnce() {
        Map<String, List<KnownEntity>> read = new HashMap<>();
        int[] held = {0};
        return prefix -> {
            List<KnownEntity> block = read.get(prefix);
            if (block == null) {
                block = blockLookup.apply(prefix);
                if (held[0] + block.size() <= HELD_SPELLINGS) {
                    read.put(prefix, block);
                    held[0] += block.size();
                }
            }
            return block;
        };
    }

    private static List<KnownEntity> candidates(Entity entity, Function<String, List<KnownEntity>> blocks) {
        String anchor = anchor(entity.type(), entity.name());
        List<KnownEntity> out = new ArrayList<>();
        for (int length = Math.max(1, anchor.length() - LENGTH_SLACK); length <= anchor.length() + LENGTH_SLACK; length++) {
            out.addAll(blocks.apply(block(entity.type(), anchor.isEmpty() ? '_' : anchor.charAt(0), length)));
        }
        return out;
    }

    private static boolean sameEntity(EntityType type, String known, String candidate) {
        if (type != EntityType.PERSON) {
            return Names.similar(known, candidate);
        }
        return Names.severalWords(known) && Names.severalWords(candidate)
                && Names.similar(Names.lastWord(known), Names.lastWord(candidate))
                && Names.compatibleGivenNames(Names.firstWord(known), Names.firstWord(candidate));
    }

    /** The registry entry for one spelling; people are blocked by surname, everything else by name. */
    public static KnownEntity known(Entity entity, long articles) {
        String anchor = anchor(entity.type(), entity.name());
        return new KnownEntity(entity.key(), entity.type(), entity.name(),
                block(entity.type(), anchor.isEmpty() ? '_' : anchor.charAt(0), anchor.length()), articles);
    }

    private static String anchor(EntityType type, String name) {
        return Names.fold(type == EntityType.PERSON ? Names.lastWord(name) : name.strip());
    }

    static String block(EntityType type, char first, int length) {
        // Plain concatenation: this runs ~5 times per entity per article, where String.format showed up.
        String digits = Integer.toString(length);
        return TYPE_PREFIX.get(type) + first + '|' + "000".substring(Math.min(3, digits.length())) + digits + '|';
    }

    private static Entity rename(Entity entity, KnownEntity known) {
        return new Entity(known.key(), entity.type(), known.name(), entity.surfaceForms(), entity.mentionCount(),
                entity.salience(), entity.mentions(), entity.kbId());
    }

    private static Entity merge(Entity a, Entity b) {
        LinkedHashSet<String> surfaces = new LinkedHashSet<>(a.surfaceForms());
        surfaces.addAll(b.surfaceForms());
        List<Entity.Mention> mentions = new ArrayList<>(a.mentions());
        mentions.addAll(b.mentions());
        return new Entity(a.key(), a.type(), a.name(), List.copyOf(surfaces), a.mentionCount() + b.mentionCount(),
                Math.max(a.salience(), b.salience()), mentions, a.kbId() != null ? a.kbId() : b.kbId());
    }

    /** A one-word person name is too ambiguous to register. */
    private static boolean isLoneSurname(Entity entity) {
        return entity.type() == EntityType.PERSON && !Names.severalWords(entity.name());
    }
}
