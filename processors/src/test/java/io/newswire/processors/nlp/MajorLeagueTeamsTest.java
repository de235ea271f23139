package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MajorLeagueTeamsTest {

    private static final String STANDINGS = "BASEBALL - MAJOR LEAGUE STANDINGS . AMERICAN LEAGUE EASTERN DIVISION "
            + "NEW YORK 74 59 CHICAGO 71 64 NATIONAL LEAGUE HOUSTON 72 63 CHICAGO 65 66";

    @Test
    void shouldNameTheSideOfACityInItsSport() {
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, "Houston", STANDINGS)).contains("Houston Astros");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASKETBALL, "Houston", "")).contains("Houston Rockets");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.ICE_HOCKEY, "N.Y. RANGERS", "")).contains("New York Rangers");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASKETBALL, "L.A. Lakers", "")).contains("Los Angeles Lakers");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.FOOTBALL, "Houston", STANDINGS)).isEmpty();
        assertThat(MajorLeagueTeams.side(null, "Houston", STANDINGS)).isEmpty();
    }

    @Test
    void shouldTellACitysTwoBaseballSidesByTheLeagueThatHeadsItsFirstUse() {
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, "CHICAGO", STANDINGS)).contains("Chicago White Sox");
        String national = "NATIONAL LEAGUE CHICAGO 65 66 AMERICAN LEAGUE CHICAGO 71 64";
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, "CHICAGO", national)).contains("Chicago Cubs");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, "Chicago", "Chicago won 5-3.")).as("no league said")
                .isEmpty();
    }

    @Test
    void shouldKnowTheSportFromAResultsSlug() {
        assertThat(NewsSenses.Sport.of(EntityLinker.words("BASEBALL - RESULTS . HOUSTON 3"), "BASEBALL - RESULTS . HOUSTON 3"))
                .isEqualTo(NewsSenses.Sport.BASEBALL);
        String nfl = "AMERICAN FOOTBALL - NFL RESULTS . Miami 21 Buffalo 17";
        assertThat(NewsSenses.Sport.of(EntityLinker.words(nfl), nfl)).isEqualTo(NewsSenses.Sport.AMERICAN_FOOTBALL);
        String oneWord = "Profits rose in the third quarter as sales of television rights grew. The football club's shares fell.";
        assertThat(NewsSenses.Sport.of(EntityLinker.words(oneWord), oneWord)).as("one word in the body is not enough")
                .isNull();
    }
}
