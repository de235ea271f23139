package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void shouldTreatOneTypoInALongNameAsTheSameName() {
        assertThat(Names.similar("Natanyahu", "Netanyahu")).isTrue();
        assertThat(Names.similar("Anthony", "Antony")).isTrue();
        assertThat(Names.similar("Blinken", "Blinkin")).isTrue();
    }

    @Test
    void shouldKeepShortAndDifferentNamesApart() {
        assertThat(Names.similar("Iran", "Iraq")).isFalse();
        assertThat(Names.similar("Joe", "Jon")).isFalse();
        assertThat(Names.similar("Austria", "Australia")).isFalse();
        assertThat(Names.similar("Bassem", "Hassem")).as("different first letter").isFalse();
    }

    @Test
    void shouldKnowNicknamesAndInitials() {
        assertThat(Names.isNicknameOf("Bibi", "Benjamin")).isTrue();
        assertThat(Names.isNicknameOf("J.", "Joe")).isTrue();
        assertThat(Names.compatibleGivenNames("Joe", "Hunter")).isFalse();
    }

    @Test
    void shouldSlugAndFoldAccents() {
        assertThat(Names.slug("José Ramos-Horta")).isEqualTo("jose-ramos-horta");
        assertThat(Names.distance("abcd", "abdc")).isEqualTo(1);
    }

    @Test
    void shouldLinkCountriesToIsoCodes() {
        assertThat(Countries.lookup("US")).contains(new Countries.Country("US", "United States"));
        assertThat(Countries.lookup("U.S.")).map(Countries.Country::code).contains("US");
        assertThat(Countries.lookup("the United States")).map(Countries.Country::code).contains("US");
        assertThat(Countries.lookup("Britain")).map(Countries.Country::code).contains("GB");
        assertThat(Countries.lookup("Qatar")).map(Countries.Country::code).contains("QA");
        assertThat(Countries.lookup("Gaza")).isEmpty();
    }
}
