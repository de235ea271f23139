package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MajorLeagueTeamsTest {

    private static final String STANDINGS = "BASEBALL - MAJOR LEAGUE STANDINGS . NEW YORK 1996-08-30 AMERICAN LEAGUE "
            + "EASTERN DIVISION NEW YORK 74 59 CHICAGO 71 64 NATIONAL LEAGUE HOUSTON 72 63 CHICAGO 65 66 NEW YORK 59 75";

    @Test
    void shouldNameTheSideOfACityInItsSport() {
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, List.of("HOUSTON"), STANDINGS)).contains("Houston Astros");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASKETBALL, List.of("Houston"), "")).contains("Houston Rockets");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.ICE_HOCKEY, List.of("N.Y. RANGERS"), "")).contains("New York Rangers");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASKETBALL, List.of("L.A. Lakers"), "")).contains("Los Angeles Lakers");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.FOOTBALL, List.of("HOUSTON"), STANDINGS)).isEmpty();
        assertThat(MajorLeagueTeams.side(null, List.of("HOUSTON"), STANDINGS)).isEmpty();
    }

    @Test
    void shouldTellACitysTwoBaseballSidesByTheLeagueThatHeadsItsFirstUse() {
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, List.of("CHICAGO"), STANDINGS)).contains("Chicago White Sox");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, List.of("NEW YORK"), STANDINGS))
                .as("the dateline before any heading does not count").contains("New York Yankees");
        String national = "NATIONAL LEAGUE CHICAGO 65 66 AMERICAN LEAGUE CHICAGO 71 64";
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, List.of("CHICAGO"), national)).contains("Chicago Cubs");
        assertThat(MajorLeagueTeams.side(NewsSenses.Sport.BASEBALL, List.of("Chicago"), "Chicago won 5-3.")).as("no league said")
                .isEmpty();
    }

    @Test
    void shouldGiveEachMentionOfACityTheSideOfTheLeagueHeadingAboveIt() {
        int american = STANDINGS.indexOf("NEW YORK 74");
        int national = STANDINGS.indexOf("NEW YORK 59");
        assertThat(MajorLeagueTeams.sideAt(NewsSenses.Sport.BASEBALL, List.of("NEW YORK"), STANDINGS, american))
                .contains("New York Yankees");
        assertThat(MajorLeagueTeams.sideAt(NewsSenses.Sport.BASEBALL, List.of("NEW YORK"), STANDINGS, national))
                .contains("New York Mets");
        assertThat(MajorLeagueTeams.sideAt(NewsSenses.Sport.BASEBALL, List.of("HOUSTON"), STANDINGS, national))
                .as("one side: nothing to tell apart").isEmpty();
    }

    @Test
    void shouldSplitACityNamedUnderBothLeaguesIntoItsTwoSides() {
        String text = "Standings\n\n" + STANDINGS;
        int bodyOffset = "Standings\n\n".length();
        int american = STANDINGS.indexOf("NEW YORK 74");
        int national = STANDINGS.indexOf("NEW YORK 59");
        io.newswire.common.Entity city = new io.newswire.common.Entity("organization:new-york",
                io.newswire.common.Entity.EntityType.ORGANIZATION, "NEW YORK", List.of("NEW YORK"), 2, 0.5, List.of(
                new io.newswire.common.Entity.Mention(io.newswire.common.Entity.Mention.Field.BODY, american, american + 8),
                new io.newswire.common.Entity.Mention(io.newswire.common.Entity.Mention.Field.BODY, national, national + 8)));
        List<io.newswire.common.Entity> linked = new EntityLinker(io.newswire.processors.nlp.link.FixtureDictionary.shared())
                .link(List.of(city), text, bodyOffset);
        assertThat(linked).extracting(io.newswire.common.Entity::name).containsExactlyInAnyOrder("New York Yankees",
                "New York Mets");
        assertThat(linked).allSatisfy(e -> assertThat(e.mentions()).hasSize(1));
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
