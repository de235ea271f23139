package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import io.newswire.common.Entity;
import io.newswire.common.KnownEntity;
import org.junit.jupiter.api.Test;

class RegistryMirrorTest {

    /** The global store, with every block read counted. */
    private final TreeMap<String, KnownEntity> store = new TreeMap<>();
    private final List<String> reads = new ArrayList<>();
    private final Function<String, List<KnownEntity>> scan = prefix -> {
        reads.add(prefix);
        return new ArrayList<>(store.subMap(prefix, prefix + '\uffff').values());
    };

    private static KnownEntity known(String name, long articles) {
        Entity entity = new Entity("person:" + Names.slug(name), Entity.EntityType.PERSON, name, List.of(name), 1,
                0.5, List.of());
        return EntityRegistry.known(entity, articles);
    }

    private void write(KnownEntity k) {
        store.put(k.registryKey(), k);
    }

    @Test
    void shouldReadABlockFromTheStoreOnceAndFollowTheUpdaterAfter() {
        RegistryMirror mirror = new RegistryMirror();
        KnownEntity netanyahu = known("Benjamin Netanyahu", 3);
        write(netanyahu);
        assertThat(mirror.block(netanyahu.block(), scan)).containsExactly(netanyahu);

        KnownEntity typo = known("Benjamin Natanyahu", 1);
        write(typo);
        mirror.stored(typo);
        KnownEntity more = known("Benjamin Netanyahu", 4);
        write(more);
        mirror.stored(more);

        assertThat(mirror.block(netanyahu.block(), scan)).as("in registry-key order, as a range scan gives them")
                .containsExactly(typo, more);
        assertThat(reads).containsExactly(netanyahu.block());
        assertThat(mirror.size()).isEqualTo(2);
    }

    @Test
    void shouldReadABlockWhoseUpdatesCameBeforeItWasAskedFor() {
        RegistryMirror mirror = new RegistryMirror();
        KnownEntity blinken = known("Antony Blinken", 2);
        write(blinken);
        mirror.stored(blinken);
        assertThat(mirror.size()).as("a block not held is not started by an update").isZero();
        assertThat(mirror.block(blinken.block(), scan)).containsExactly(blinken);
    }

    @Test
    void shouldNeverLowerACount() {
        RegistryMirror mirror = new RegistryMirror();
        KnownEntity two = known("Antony Blinken", 2);
        write(two);
        mirror.block(two.block(), scan);
        mirror.stored(known("Antony Blinken", 1));
        mirror.learned(known("Antony Blinken", 1), scan);
        assertThat(mirror.block(two.block(), scan)).containsExactly(two);
    }

    @Test
    void shouldShowWhatThisInstanceLearnedBeforeTheStoreHasIt() {
        RegistryMirror mirror = new RegistryMirror();
        KnownEntity learned = known("Antony Blinken", 1);
        mirror.learned(learned, scan);
        assertThat(mirror.block(learned.block(), scan)).containsExactly(learned);
        assertThat(store).isEmpty();
    }

    @Test
    void shouldDropEveryBlockPastItsCapacityAndReadThemAgain() {
        RegistryMirror mirror = new RegistryMirror(2);
        List<KnownEntity> people = List.of(known("Antony Blinken", 1), known("Joe Biden", 1),
                known("Olaf Scholz", 1), known("Rishi Sunak", 1));
        people.forEach(this::write);
        people.forEach(k -> mirror.block(k.block(), scan));
        assertThat(mirror.size()).isLessThanOrEqualTo(3);
        mirror.block(people.get(0).block(), scan);
        assertThat(reads).as("the first block was dropped and read again").hasSize(5);
    }

    @Test
    void shouldStartOverWhenTheUpdaterStartsOnANewStore() {
        RegistryMirror mirror = new RegistryMirror();
        KnownEntity blinken = known("Antony Blinken", 1);
        mirror.learned(blinken, scan);
        mirror.clear();
        assertThat(mirror.block(blinken.block(), scan)).as("the new store does not hold it").isEmpty();
    }

    @Test
    void shouldKeepAnUpdateThatArrivesWhileTheBlockIsRead() throws Exception {
        RegistryMirror mirror = new RegistryMirror();
        KnownEntity first = known("Antony Blinken", 1);
        KnownEntity second = known("Anthony Blinken", 1);
        write(first);
        Thread[] updater = new Thread[1];
        Function<String, List<KnownEntity>> slowScan = prefix -> {
            List<KnownEntity> read = new ArrayList<>(store.subMap(prefix, prefix + '\uffff').values());
            // The global thread writes the store and the mirror after the scan has passed.
            updater[0] = new Thread(() -> mirror.stored(second));
            updater[0].start();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return read;
        };
        mirror.block(first.block(), slowScan);
        updater[0].join();
        assertThat(mirror.block(first.block(), scan)).containsExactlyInAnyOrder(first, second);
    }
}
