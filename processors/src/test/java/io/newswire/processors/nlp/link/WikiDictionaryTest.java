package io.newswire.processors.nlp.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import io.newswire.processors.nlp.link.WikiDictionary.Candidate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WikiDictionaryTest {

    @TempDir
    static Path folder;
    static WikiDictionary dictionary;
    static WikiDictionaryBuilder.Built built;

    @BeforeAll
    static void build() throws IOException {
        Path index = folder.resolve("fixture.idx");
        try (InputStream in = FixtureDictionary.class.getResourceAsStream(FixtureDictionary.RESOURCE)) {
            built = WikiDictionaryBuilder.build(in, index);
        }
        dictionary = WikiDictionary.open(index);
    }

    private static List<String> titles(String alias) {
        return dictionary.candidates(alias).stream().map(Candidate::title).toList();
    }

    @Test
    void shouldFindTheTitleOfAnAliasWithItsPrior() {
        assertThat(dictionary.candidates("Benjamin Natanyahu")).first()
                .satisfies(c -> {
                    assertThat(c.title()).isEqualTo("Benjamin Netanyahu");
                    assertThat(c.prior()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
                });
        assertThat(titles("Nobody Atall")).isEmpty();
    }

    @Test
    void shouldKeepCaseAndAccentsApart() {
        assertThat(titles("SEC")).containsExactly("Southeastern Conference");
        assertThat(titles("sec")).containsExactly("Second");
        assertThat(titles("God")).containsExactly("God");
        assertThat(titles("Göd")).containsExactly("Göd");
    }

    @Test
    void shouldAlsoKeepAPagesOwnNameWithoutAccentsAtHalfItsPrior() {
        List<Candidate> found = dictionary.candidates("Juan Gonzalez");
        assertThat(found).extracting(Candidate::title).containsExactly("Juan Gonzalez (journalist)",
                "Juan González (baseball)");
        assertThat(found.get(0).prior()).isCloseTo(0.78, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(found.get(1).prior()).as("half of the accented name's 0.89")
                .isCloseTo(0.445, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(titles("God")).as("a one-word page keeps its accent: it would take English words")
                .containsExactly("God");
        assertThat(AliasKey.withoutAccents("Życie Warszawy")).isEqualTo("Zycie Warszawy");
        assertThat(AliasKey.withoutAccents("Orhan Çıkırıkçı")).isEqualTo("Orhan Cikirikci");
        assertThat(AliasKey.withoutAccents("Wiesław Søren Đuro")).isEqualTo("Wieslaw Soren Duro");
        assertThat(AliasKey.withoutAccents("Plain Name")).isEqualTo("Plain Name");
    }

    @Test
    void shouldDropMarkupAndUrlsAsAliases() {
        assertThat(dictionary.contains("en:Benjamin Netanyahu")).isFalse();
        assertThat(dictionary.contains("http://en.wikipedia.org/wiki/Benjamin_Netanyahu")).isFalse();
        assertThat(WikiDictionaryBuilder.usable("Benjamin Netanyahu")).isTrue();
        assertThat(WikiDictionaryBuilder.usable("Биньямин Нетаньяху")).isFalse();
        assertThat(WikiDictionaryBuilder.usable("one two three four five six seven")).isFalse();
    }

    @Test
    void shouldOfferTitlesThatBearANameAsCandidatesWithoutPrior() {
        assertThat(dictionary.candidates("Ajax")).extracting(Candidate::title).containsExactly("Ajax (programming)");
        assertThat(dictionary.candidates("Paris")).extracting(Candidate::title, Candidate::prior)
                .contains(org.assertj.core.groups.Tuple.tuple("Paris, Texas", 0.0));
        assertThat(dictionary.candidates("Kilmarnock")).extracting(Candidate::title)
                .containsExactly("Kilmarnock", "Kilmarnock F.C.");
        assertThat(dictionary.candidates("Blinken")).extracting(Candidate::title).containsExactly("Anthony Blinken");
    }

    @Test
    void shouldNormaliseInvisibleCharactersQuotesAndSpaces() {
        assertThat(AliasKey.normalise(" Wash\u200eington  D.C. ")).isEqualTo("Washington D.C.");
        assertThat(AliasKey.normalise("O’Brien")).isEqualTo("O'Brien");
        assertThat(AliasKey.hash("Joe  Biden")).isEqualTo(AliasKey.hash("Joe Biden"));
    }

    @Test
    void shouldCountWhatItBuilt() {
        assertThat(built.titles()).isEqualTo(70);
        assertThat(dictionary.titles()).isEqualTo(built.titles());
        assertThat(dictionary.aliases()).isEqualTo(built.aliases());
    }

    @Test
    void shouldRefuseAFileThatIsNotAnIndex() throws IOException {
        Path junk = folder.resolve("junk.idx");
        Files.writeString(junk, "not an index at all, but long enough to hold a header");
        assertThatThrownBy(() -> WikiDictionary.open(junk)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a newswire alias index");
    }
}
