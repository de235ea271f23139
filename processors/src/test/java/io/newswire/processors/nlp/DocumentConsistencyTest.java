package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentConsistencyTest {

    private final DocumentConsistency consistency = new DocumentConsistency();

    private static List<String> labels(List<Token> tokens) {
        return tokens.stream().map(Token::label).toList();
    }

    @Test
    void shouldPartAnInstitutionFromThePersonAfterItsJobTitle() {
        List<Token> out = consistency.apply(Tokens.parse("State/ORGANIZATION Department/ORGANIZATION"
                + " spokesperson/ORGANIZATION Ned/ORGANIZATION Price/ORGANIZATION said/O"));
        assertThat(labels(out)).containsExactly("ORGANIZATION", "ORGANIZATION", "O", "PERSON", "PERSON", "O");
        List<Token> twoWords = consistency.apply(Tokens.parse("Goldman/ORGANIZATION Sachs/ORGANIZATION"
                + " chief/ORGANIZATION executive/ORGANIZATION Lloyd/ORGANIZATION Blankfein/ORGANIZATION said/O"));
        assertThat(labels(twoWords)).containsExactly("ORGANIZATION", "ORGANIZATION", "O", "O", "PERSON", "PERSON", "O");
    }

    @Test
    void shouldLeaveANameWhoseLowerCaseWordIsNoJobTitle() {
        List<Token> in = Tokens.parse("Bank/ORGANIZATION of/ORGANIZATION England/ORGANIZATION said/O"
                + " | Ministry/ORGANIZATION of/ORGANIZATION Defence/ORGANIZATION spoke/O");
        assertThat(labels(consistency.apply(in))).isEqualTo(labels(in));
    }

    @Test
    void shouldGiveAPersonNameTheTypeMostOfItsMentionsHave() {
        List<Token> out = consistency.apply(Tokens.parse(
                "Suu/PERSON Kyi/PERSON spoke/O | Suu/PERSON Kyi/PERSON left/O | Suu/ORGANIZATION Kyi/ORGANIZATION said/O"));
        assertThat(labels(out).subList(6, 8)).containsExactly("PERSON", "PERSON");
    }

    @Test
    void shouldTakeAPlaceNamedLikeAPersonsSurnameForThePersonUnlessTheCopySaysPlace() {
        List<Token> out = consistency.apply(Tokens.parse("finalist/O MaliVai/PERSON Washington/PERSON lost/O |"
                + " seeded/O Washington/LOCATION fell/O | WASHINGTON/LOCATION 1996/O"));
        assertThat(labels(out)).containsExactly("O", "PERSON", "PERSON", "O", "O", "PERSON", "O", "LOCATION", "O");
        List<Token> place = Tokens.parse("Dusit/PERSON Dubai/PERSON opened/O | Dubai/LOCATION grew/O | flew/O to/O"
                + " Dubai/LOCATION");
        assertThat(labels(consistency.apply(place))).as("the copy once says \"to Dubai\"").isEqualTo(labels(place));
        List<Token> film = consistency.apply(Tokens.parse("director/O Neil/PERSON Jordan/PERSON spoke/O | plays/O in/O"
                + " Jordan/LOCATION 's/O film/O"));
        assertThat(labels(film).get(6)).as("\"in\" governs the film, not Jordan").isEqualTo("PERSON");
    }

    @Test
    void shouldLeavePlaceAndOrganisationDisagreementsToContext() {
        List<Token> in = Tokens.parse("New/LOCATION York/LOCATION 1996/O | New/ORGANIZATION York/ORGANIZATION won/O"
                + " | New/ORGANIZATION York/ORGANIZATION lost/O");
        assertThat(labels(consistency.apply(in))).isEqualTo(labels(in));
    }

    @Test
    void shouldTagAnUntaggedRepeatOfAMultiWordName() {
        List<Token> out = consistency.apply(Tokens.parse(
                "Jesper/PERSON Parnevik/PERSON shot/O 66/O | then/O Jesper/O Parnevik/O won/O"));
        assertThat(labels(out).subList(5, 7)).containsExactly("PERSON", "PERSON");
    }

    @Test
    void shouldTagALoneSurnameOfAKnownPerson() {
        List<Token> out = consistency.apply(Tokens.parse(
                "Jesper/PERSON Parnevik/PERSON shot/O 66/O | Parnevik/O won/O"));
        assertThat(out.get(4).label()).isEqualTo("PERSON");
    }

    @Test
    void shouldNotTagARepeatThatIsPartOfALongerName() {
        List<Token> out = consistency.apply(Tokens.parse(
                "Real/ORGANIZATION Madrid/ORGANIZATION won/O | Real/O Madrid/O Castilla/O lost/O"));
        assertThat(labels(out).subList(3, 6)).containsOnly("O");
    }

    @Test
    void shouldMakeAPersonCoordinatedWithAPlaceAPlace() {
        List<Token> out = consistency.apply(Tokens.parse(
                "commanders/O in/O Gaza/LOCATION and/O Khan/PERSON Younis/PERSON ./O"));
        assertThat(labels(out).subList(4, 6)).containsExactly("LOCATION", "LOCATION");
    }

    @Test
    void shouldNotTreatACommaAfterAPlaceAsCoordination() {
        List<Token> out = consistency.apply(Tokens.parse(
                "In/O Jerusalem/LOCATION ,/O Benjamin/PERSON Netanyahu/PERSON said/O"));
        assertThat(labels(out).subList(3, 5)).containsExactly("PERSON", "PERSON");
    }

    @Test
    void shouldSplitCountriesSideBySideButKeepOneCountrysName() {
        List<Token> tokens = Tokens.parse("United/LOCATION States/LOCATION at/O Netherlands/LOCATION Czech/LOCATION "
                + "Republic/LOCATION at/O Germany/LOCATION France/LOCATION at/O New/LOCATION York/LOCATION "
                + "Spain/LOCATION");
        List<Mention> mentions = DocumentConsistency.mentions(tokens, Tokens.text(tokens));
        assertThat(mentions).extracting(Mention::text).containsExactly("United States", "Netherlands",
                "Czech Republic", "Germany", "France", "New York Spain");
        assertThat(mentions.get(2).firstToken()).isEqualTo(4);
        assertThat(mentions.get(2).lastToken()).isEqualTo(5);
    }

    @Test
    void shouldBuildMentionsAsRunsWithinASentence() {
        List<Token> tokens = Tokens.parse("Joe/PERSON Biden/PERSON | Netanyahu/PERSON met/O");
        List<Mention> mentions = DocumentConsistency.mentions(tokens, Tokens.text(tokens));
        assertThat(mentions).extracting(Mention::text).containsExactly("Joe Biden", "Netanyahu");
    }
}
