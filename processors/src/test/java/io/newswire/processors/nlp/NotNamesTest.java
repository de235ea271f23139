package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotNamesTest {

    @Test
    void shouldRecogniseTimeZonesDaysAndHolidays() {
        assertThat(NotNames.contains("GMT")).isTrue();
        assertThat(NotNames.contains("Christmas")).isTrue();
        assertThat(NotNames.contains("the New Year’s Eve")).isTrue();
        assertThat(NotNames.contains("Monday")).isTrue();
    }

    @Test
    void shouldLeaveNamesAlone() {
        assertThat(NotNames.contains("May")).as("Theresa May's surname; the month is left to the CRF").isFalse();
        assertThat(NotNames.contains("Christmas Island")).isFalse();
        assertThat(NotNames.contains("Easter Island")).isFalse();
        assertThat(NotNames.contains("Joe Biden")).isFalse();
    }
}
