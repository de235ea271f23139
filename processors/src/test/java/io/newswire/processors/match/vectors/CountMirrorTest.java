package io.newswire.processors.match.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountMirrorTest {

    @Test
    void shouldReturnWhatWasPutAndAbsentForTheRest() {
        CountMirror mirror = new CountMirror(8);
        mirror.put(42L, 3);
        mirror.put(0L, 5); // the empty marker's id still works
        mirror.put(42L, 4);

        assertThat(mirror.get(42L)).isEqualTo(4);
        assertThat(mirror.get(0L)).isEqualTo(5);
        assertThat(mirror.get(7L)).isEqualTo(CountMirror.ABSENT);
    }

    @Test
    void shouldKeepWhatWasUsedSinceTheLastTurnAndForgetTheRest() {
        CountMirror mirror = new CountMirror(4);
        for (long id = 1; id <= 4; id++) {
            mirror.put(id, id * 10);
        }
        mirror.put(5L, 50); // the first table is full: it turns, and 5 starts the new one
        assertThat(mirror.get(1L)).isEqualTo(10); // read from the older table, copied forward
        for (long id = 6; id <= 8; id++) {
            mirror.put(id, id * 10); // at 8 it turns again: the table with 5, 1, 6, 7 becomes the older one
        }

        assertThat(mirror.get(1L)).isEqualTo(10);
        assertThat(mirror.get(5L)).isEqualTo(50);
        assertThat(mirror.get(2L)).isEqualTo(CountMirror.ABSENT);
        assertThat(mirror.get(4L)).isEqualTo(CountMirror.ABSENT);
    }

    @Test
    void shouldHoldManyIdsWithoutLosingAnyBeforeItsCapacity() {
        CountMirror mirror = new CountMirror(10_000);
        for (long i = 0; i < 10_000; i++) {
            mirror.put(StoryVector.id("t:w" + i), i);
        }
        for (long i = 0; i < 10_000; i++) {
            assertThat(mirror.get(StoryVector.id("t:w" + i))).isEqualTo(i);
        }
    }
}
