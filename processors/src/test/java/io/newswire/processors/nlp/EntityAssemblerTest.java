package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import io.newswire.common.Entity;
import org.junit.jupiter.api.Test;

class EntityAssemblerTest {

    private static final Map<String, String> GAZETTEER = Map.ofEntries(
            Map.entry("Joe", "PERSON"), Map.entry("Hunter", "PERSON"), Map.entry("Biden", "PERSON"),
            Map.entry("Bibi", "PERSON"), Map.entry("Benjamin", "PERSON"), Map.entry("Netanyahu", "PERSON"),
            Map.entry("Zaraki", "PERSON"), Map.entry("Kenpachi", "PERSON"), Map.entry("US", "LOCATION"),
            Map.entry("Egypt", "LOCATION"), Map.entry("Hamas", "ORGANIZATION"), Map.entry("GMT", "ORGANIZATION"),
            Map.entry("Christmas", "PERSON"), Map.entry("Sam", "PERSON"), Map.entry("Altman", "PERSON"),
            Map.entry("Smith", "PERSON"), Map.entry("WASHINGTON", "LOCATION"), Map.entry("Washington", "LOCATION"),
            Map.entry("Real", "ORGANIZATION"), Map.entry("Madrid", "ORGANIZATION"), Map.entry("Google", "ORGANIZATION"),
            Map.entry("Image", "ORGANIZATION"), Map.entry("Search", "ORGANIZATION"));

    private final NerAnalyzer analyzer = new NerAnalyzer(Tokens.gazetteer(GAZETTEER));
    private final EntityAssembler assembler = new EntityAssembler();

    private List<Entity> entities(String headline, String... body) {
        return assembler.assemble(analyzer.analyze(headline, List.of(body)), List.of(body));
    }

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + entities));
    }

    @Test
    void shouldResolveShortMentionsAndNicknamesToTheFullName() {
        List<Entity> found = entities("Biden calls Netanyahu",
                "Joe Biden spoke with Benjamin Netanyahu on Monday.",
                "I spoke with Bibi Netanyahu today, Biden said.");
        Entity biden = named(found, "Joe Biden");
        assertThat(biden.key()).isEqualTo("person:joe-biden");
        assertThat(biden.surfaceForms()).containsExactlyInAnyOrder("Biden", "Joe Biden");
        assertThat(biden.mentionCount()).isEqualTo(3);
        Entity bibi = named(found, "Benjamin Netanyahu");
        assertThat(bibi.surfaceForms()).containsExactlyInAnyOrder("Netanyahu", "Benjamin Netanyahu", "Bibi Netanyahu");
        assertThat(found).filteredOn(e -> e.type() == Entity.EntityType.PERSON).hasSize(2);
    }

    @Test
    void shouldTakeAnOrganisationsFirstWordForItOnceTheCopyNamedItInFull() {
        List<Entity> found = entities("Cup final", "Real Madrid beat them.", "Real took the lead early.");
        assertThat(named(found, "Real Madrid").surfaceForms()).containsExactlyInAnyOrder("Real Madrid", "Real");
        assertThat(found).filteredOn(e -> e.type() == Entity.EntityType.ORGANIZATION).hasSize(1);

        List<Entity> apart = entities("Update", "Google said that Google Image Search grew.");
        assertThat(named(apart, "Google").surfaceForms()).as("written before the longer name: a name of its own")
                .containsExactly("Google");
        assertThat(named(apart, "Google Image Search").surfaceForms()).containsExactly("Google Image Search");
    }

    @Test
    void shouldTakeAnOrganisationsFirstWordForItThoughTaggedAPerson() {
        java.util.function.Function<String, List<Token>> tagger = text -> Tokens.gazetteer(
                Map.of("International", "ORGANIZATION", "Inc", "ORGANIZATION")).apply(text).stream()
                .map(t -> !t.text().equals("Magna") ? t
                        : t.withLabel(text.startsWith(" International", t.end()) ? "ORGANIZATION" : "PERSON"))
                .toList();
        String[] body = {"Magna International Inc raised its dividend.", "Magna said sales rose.", "Magna added more."};
        List<Entity> found = assembler.assemble(new NerAnalyzer(tagger).analyze("Results", List.of(body)),
                List.of(body));
        assertThat(named(found, "Magna International Inc").surfaceForms()).contains("Magna");
        assertThat(found).noneMatch(e -> e.type() == Entity.EntityType.PERSON);
    }

    @Test
    void shouldWriteADatelinePlaceAsRunningTextDoesAndMakeItOneEntity() {
        List<Entity> found = entities("Talks resume", "WASHINGTON (AP) — Talks resumed.", "Washington said little.");
        Entity washington = named(found, "Washington");
        assertThat(washington.surfaceForms()).containsExactlyInAnyOrder("WASHINGTON", "Washington");
        assertThat(EntityAssembler.casedPlace("NEW YORK")).isEqualTo("New York");
        assertThat(EntityAssembler.casedPlace("ISLE OF MAN")).isEqualTo("Isle of Man");
        assertThat(EntityAssembler.casedPlace("WINSTON-SALEM")).isEqualTo("Winston-Salem");
        assertThat(EntityAssembler.casedPlace("USA")).isEqualTo("USA");
        assertThat(EntityAssembler.casedPlace("McAllen")).isEqualTo("McAllen");
    }

    @Test
    void shouldDropTimeZonesAndHolidaysTheTaggerCallsNames() {
        List<Entity> found = entities("Hamas talks", "Hamas met at 10:00 GMT before Christmas.");
        assertThat(found).extracting(Entity::name).containsExactly("Hamas");
    }

    @Test
    void shouldFoldALoneGivenNameIntoTheOnePersonWhoBearsIt() {
        List<Entity> found = entities("Sam speaks", "Sam Altman met reporters.", "Sam said little.");
        assertThat(found).filteredOn(e -> e.type() == Entity.EntityType.PERSON).extracting(Entity::name)
                .containsExactly("Sam Altman");
        assertThat(named(found, "Sam Altman").mentionCount()).isEqualTo(3);

        List<Entity> two = entities("Sam speaks", "Sam Altman met Sam Smith.", "Sam said little.");
        assertThat(two).extracting(Entity::name).as("two people named Sam: the lone one stays apart")
                .contains("Sam Altman", "Sam Smith", "Sam");
    }

    @Test
    void shouldGiveALoneSurnameSharedByTwoPeopleToTheOneIntroducedFirst() {
        List<Entity> found = entities("Biden visits family", "Joe Biden visited Hunter Biden.",
                "Hunter Biden was well. Hunter Biden smiled.", "Biden said so.");
        assertThat(named(found, "Joe Biden").surfaceForms()).contains("Biden");
        assertThat(named(found, "Hunter Biden").surfaceForms()).doesNotContain("Biden");
    }

    @Test
    void shouldNeverMergeDifferentGivenNames() {
        List<Entity> found = entities("Family news", "Joe Biden defended Hunter Biden.", "Joe Biden spoke.");
        assertThat(found).extracting(Entity::name).contains("Joe Biden", "Hunter Biden");
    }

    @Test
    void shouldPointEveryMentionAtItsTextInHeadlineOrBody() {
        String headline = "Biden calls Netanyahu";
        String body = "Joe Biden spoke with Benjamin Netanyahu.";
        Entity biden = named(entities(headline, body), "Joe Biden");
        for (Entity.Mention m : biden.mentions()) {
            String field = m.field() == Entity.Mention.Field.HEADLINE ? headline : body;
            assertThat(field.substring(m.start(), m.end())).isIn("Biden", "Joe Biden");
        }
    }

    @Test
    void shouldLinkCountriesAndRankTheHeadlineEntityFirst() {
        List<Entity> found = entities("Hamas rejects plan", "The US and Egypt proposed a plan.", "Hamas said no.");
        assertThat(named(found, "United States").key()).isEqualTo("location:iso:US");
        assertThat(named(found, "Egypt").key()).isEqualTo("location:iso:EG");
        assertThat(found.get(0).name()).isEqualTo("Hamas");
    }

    @Test
    void shouldIgnoreAStrayTrailingName() {
        List<Entity> found = entities("Hamas talks", "Hamas met in Egypt.", "Zaraki Kenpachi");
        assertThat(found).extracting(Entity::name).doesNotContain("Zaraki Kenpachi");
    }
}
