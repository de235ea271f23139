package io.newswire.processors.nlp.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClubTitlesTest {

    @Test
    void shouldFindTheTownAClubsTitleBears() {
        assertThat(ClubTitles.towns("Bolton Wanderers F.C.")).containsExactly("Bolton");
        assertThat(ClubTitles.towns("Hull City A.F.C.")).containsExactly("Hull");
        assertThat(ClubTitles.towns("Stirling Albion F.C.")).containsExactly("Stirling");
        assertThat(ClubTitles.towns("Preston North End F.C.")).containsExactly("Preston");
        assertThat(ClubTitles.towns("Essex County Cricket Club")).containsExactly("Essex");
        assertThat(ClubTitles.towns("OGC Nice")).containsExactly("Nice");
        assertThat(ClubTitles.towns("FK Zemun")).containsExactly("Zemun");
        assertThat(ClubTitles.towns("A.C. Milan")).containsExactly("Milan");
        assertThat(ClubTitles.towns("MSV Duisburg")).containsExactly("Duisburg");
        assertThat(ClubTitles.towns("Borussia Dortmund")).containsExactly("Dortmund");
        assertThat(ClubTitles.towns("Karlsruher SC")).contains("Karlsruhe");
        assertThat(ClubTitles.towns("Hamburger SV")).contains("Hamburg");
        assertThat(ClubTitles.towns("Samoa national rugby league team")).containsExactly("Samoa");
    }

    @Test
    void shouldTellClubsFromOtherTitles() {
        assertThat(ClubTitles.isClub("Bolton Wanderers F.C.")).isTrue();
        assertThat(ClubTitles.isClub("OGC Nice")).isTrue();
        assertThat(ClubTitles.isClub("SS Boston")).as("a ship").isFalse();
        assertThat(ClubTitles.isClub("Boston")).isFalse();
        assertThat(ClubTitles.isClub("US Open (tennis)")).isFalse();
        assertThat(ClubTitles.towns("John R. Bolton")).isEmpty();
    }
}
