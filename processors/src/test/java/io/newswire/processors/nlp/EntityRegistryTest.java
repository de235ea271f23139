package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import io.newswire.common.Entity;
import io.newswire.common.KnownEntity;
import org.junit.jupiter.api.Test;

class EntityRegistryTest {

    /** An in-memory registry store, updated the way RegistryUpdater updates the global store. */
    private final TreeMap<String, KnownEntity> store = new TreeMap<>();
    private final EntityRegistry registry = new EntityRegistry(
            prefix -> new ArrayList<>(store.subMap(prefix, prefix + '\uffff').values()));

    private static Entity person(String name) {
        return new Entity("person:" + Names.slug(name), Entity.EntityType.PERSON, name, List.of(name), 1, 0.5, List.of());
    }

    private List<Entity> article(Entity... entities) {
        EntityRegistry.Resolved resolved = registry.resolve(List.of(entities));
        for (KnownEntity k : resolved.learned()) {
            store.merge(k.registryKey(), k, (a, b) -> a.articles() >= b.articles() ? a : b);
        }
        return resolved.entities();
    }

    @Test
    void shouldMapATypoToTheKnownSpelling() {
        article(person("Benjamin Netanyahu"));
        Entity typo = article(person("Benjamin Natanyahu")).get(0);
        assertThat(typo.key()).isEqualTo("person:benjamin-netanyahu");
        assertThat(typo.name()).isEqualTo("Benjamin Netanyahu");
        assertThat(typo.surfaceForms()).containsExactly("Benjamin Natanyahu");
    }

    @Test
    void shouldReadEachBlockOnceForAnArticleWhoseEntitiesShareBlocks() {
        article(person("Benjamin Netanyahu"));
        List<String> reads = new ArrayList<>();
        EntityRegistry counting = new EntityRegistry(prefix -> {
            reads.add(prefix);
            return new ArrayList<>(store.subMap(prefix, prefix + '\uffff').values());
        });
        List<Entity> resolved = counting.resolve(List.of(person("Benjamin Natanyahu"), person("Yair Netanyahu"),
                person("Sara Netanyahu"))).entities();

        assertThat(resolved.get(0).name()).isEqualTo("Benjamin Netanyahu");
        assertThat(reads).as("three surnames of one block, each length read once").doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void shouldReadEachBlockOnceForASweepOverManyArticles() {
        article(person("Benjamin Netanyahu"));
        article(person("Benjamin Netanyahu"));
        article(person("Benjamin Natanyahu"));
        List<String> reads = new ArrayList<>();
        EntityRegistry sweep = new EntityRegistry(prefix -> {
            reads.add(prefix);
            return new ArrayList<>(store.subMap(prefix, prefix + '\uffff').values());
        }).readingEachBlockOnce();

        List<Entity> typo = sweep.respelled(List.of(person("Benjamin Natanyahu")));
        assertThat(sweep.respelled(List.of(person("Benjamin Netanyahu")))).isNull();

        assertThat(typo).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("Benjamin Netanyahu"));
        assertThat(reads).doesNotHaveDuplicates().hasSize(5);
    }

    @Test
    void shouldMapAGivenNameVariantToTheKnownSpelling() {
        article(person("Antony Blinken"));
        assertThat(article(person("Anthony Blinken")).get(0).name()).isEqualTo("Antony Blinken");
    }

    @Test
    void shouldNeverMergeDifferentPeopleWithOneSurname() {
        article(person("Joe Biden"));
        assertThat(article(person("Hunter Biden")).get(0).name()).isEqualTo("Hunter Biden");
    }

    @Test
    void shouldResolveALoneSurnameOnlyWhenItIsUnambiguous() {
        article(person("Joe Biden"));
        assertThat(article(person("Biden")).get(0).name()).isEqualTo("Joe Biden");
        article(person("Hunter Biden"));
        assertThat(article(person("Biden")).get(0).name()).as("two Bidens known").isEqualTo("Biden");
    }

    @Test
    void shouldLetTheMajoritySpellingOvertakeATypoSeenFirst() {
        article(person("Benjamin Natanyahu"));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(article(person("Benjamin Netanyahu")).get(0).name());
        }
        assertThat(names.get(names.size() - 1)).isEqualTo("Benjamin Netanyahu");
        assertThat(article(person("Benjamin Natanyahu")).get(0).name()).isEqualTo("Benjamin Netanyahu");
    }

    @Test
    void shouldMergeTwoEntitiesOfOneArticleThatMapToTheSameKnownOne() {
        article(person("Antony Blinken"), person("Antony Blinken"));
        List<Entity> out = article(person("Antony Blinken"), person("Anthony Blinken"));
        assertThat(out).singleElement().satisfies(e -> {
            assertThat(e.mentionCount()).isEqualTo(2);
            assertThat(e.surfaceForms()).containsExactly("Antony Blinken", "Anthony Blinken");
        });
    }
}
