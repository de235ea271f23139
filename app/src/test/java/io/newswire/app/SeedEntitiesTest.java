package io.newswire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Entity;
import io.newswire.common.KnownEntity;
import io.newswire.ingest.sources.FileSource;
import io.newswire.ingest.IngestListener;
import io.newswire.ingest.formats.PlainTextFormat;
import io.newswire.ingest.formats.WebChromeCleaner;
import io.newswire.processors.prepare.Checked;
import io.newswire.processors.nlp.EnrichStage;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.EntityRegistry;
import io.newswire.processors.prepare.NormalizeStage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real models (CoreNLP NER, OpenNLP language detection) on the seeds, read and cleaned by ingest and
 * passed through the stream's own stages in file order, with an in-memory registry standing in for the
 * global store.
 */
class SeedEntitiesTest {

    static final Map<String, List<Entity>> ENTITIES = new LinkedHashMap<>();
    static final Map<String, Article> ARTICLES = new LinkedHashMap<>();

    @BeforeAll
    static void enrichSeeds() throws Exception {
        List<Article> read = new ArrayList<>();
        FileSource.detecting(1_000_000, Clock.systemUTC())
                .read(List.of(RunIT.SEEDS), new IngestListener() {
                    @Override
                    public void accepted(Article article) {
                        read.add(article);
                    }

                    @Override
                    public void rejected(DeadLetter deadLetter) {
                        throw new AssertionError("seed rejected: " + deadLetter.reason());
                    }
                });
        Enrichment models = Enrichment.withModels();
        EnrichStage enrich = new EnrichStage(models.languages(), models.entities(), "test", Clock.systemUTC());
        for (Article article : read) {
            Checked<Article> enriched = enrich.apply(article.id(), new NormalizeStage().apply(article));
            assertThat(enriched.isOk()).as(article.url()).isTrue();
            String seed = Path.of(java.net.URI.create(article.url())).getFileName().toString().substring(0, 3);
            ARTICLES.put(seed, enriched.value());
        }
        ENTITIES.putAll(resolveInOrder(new ArrayList<>(ARTICLES.keySet())));
    }

    /** The registry's answer per seed when the enriched seeds arrive in the given order. */
    static Map<String, List<Entity>> resolveInOrder(List<String> order) {
        TreeMap<String, KnownEntity> store = new TreeMap<>();
        EntityRegistry registry = new EntityRegistry(p -> new ArrayList<>(store.subMap(p, p + '\uffff').values()));
        Map<String, List<Entity>> out = new TreeMap<>();
        for (String seed : order) {
            EntityRegistry.Resolved resolved = registry.resolve(ARTICLES.get(seed).entities());
            resolved.learned().forEach(k -> store.merge(k.registryKey(), k, (a, b) -> a.articles() >= b.articles() ? a : b));
            out.put(seed, resolved.entities());
        }
        return out;
    }

    /** Each seed's people as key and name, sorted. */
    static Map<String, List<String>> people(Map<String, List<Entity>> entities) {
        Map<String, List<String>> out = new TreeMap<>();
        entities.forEach((seed, list) -> out.put(seed, list.stream().filter(e -> e.type() == Entity.EntityType.PERSON)
                .map(e -> e.key() + " = " + e.name()).sorted().toList()));
        return out;
    }

    static Entity entity(String seed, String name) {
        return ENTITIES.get(seed).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not among " + names(seed)));
    }

    static List<String> names(String seed) {
        return ENTITIES.get(seed).stream().map(Entity::name).toList();
    }

    @Test
    void shouldDetectEnglishEverywhere() {
        assertThat(ARTICLES.values()).allSatisfy(a -> {
            assertThat(a.language()).isEqualTo("en");
            assertThat(a.languageConfidence()).isGreaterThan(0.5);
            assertThat(a.entityStatus()).isEqualTo(Article.ENTITIES_ANALYSED);
        });
    }

    @Test
    void shouldResolveShortMentionsToFullNamesWithinAnArticle() {
        assertThat(entity("000", "Joe Biden").surfaceForms()).contains("Biden", "Joe Biden");
        assertThat(entity("000", "Benjamin Netanyahu").surfaceForms()).contains("Netanyahu");
        assertThat(entity("004", "Benjamin Netanyahu").surfaceForms()).contains("Bibi Netanyahu");
    }

    @Test
    void shouldLinkSpellingVariantsToOnePage() {
        Entity typo = entity("003", "Benjamin Netanyahu");
        assertThat(typo.surfaceForms()).contains("Benjamin Natanyahu");
        assertThat(typo.key()).isEqualTo(entity("000", "Benjamin Netanyahu").key());
        assertThat(typo.kbId()).isEqualTo("https://en.wikipedia.org/wiki/Benjamin_Netanyahu");
        assertThat(entity("003", "Joe Biden").surfaceForms()).containsExactly("Biden");
        assertThat(entity("003", "Joe Biden").kbId()).isEqualTo("https://en.wikipedia.org/wiki/Joe_Biden");
    }

    @Test
    void shouldGiveBothSpellingsOfBlinkenOneEntity() {
        List<Entity> blinkens = ENTITIES.values().stream().flatMap(List::stream)
                .filter(e -> e.surfaceForms().stream().anyMatch(s -> s.endsWith("Blinken"))).toList();
        assertThat(blinkens.stream().flatMap(e -> e.surfaceForms().stream()))
                .contains("Antony Blinken", "Anthony Blinken");
        assertThat(blinkens).extracting(Entity::key).containsOnly(blinkens.get(0).key());
    }

    @Test
    void shouldGiveTheSamePeopleInAnyArrivalOrder() {
        List<String> seeds = new ArrayList<>(ARTICLES.keySet());
        List<String> reversed = new ArrayList<>(seeds);
        java.util.Collections.reverse(reversed);
        List<String> shuffled = new ArrayList<>(seeds);
        java.util.Collections.shuffle(shuffled, new java.util.Random(7));
        Map<String, List<String>> inFileOrder = people(resolveInOrder(seeds));
        assertThat(people(resolveInOrder(reversed))).isEqualTo(inFileOrder);
        assertThat(people(resolveInOrder(shuffled))).isEqualTo(inFileOrder);
        assertThat(inFileOrder.values().stream().flatMap(List::stream))
                .noneMatch(p -> p.endsWith("= Benjamin Natanyahu") || p.endsWith("= Biden"));
    }

    @Test
    void shouldLinkTheUnitedStatesWhateverItIsCalled() {
        assertThat(entity("000", "United States").key()).isEqualTo("location:iso:US");
        assertThat(entity("000", "United States").surfaceForms()).contains("US");
        assertThat(entity("001", "United States").surfaceForms()).contains("U.S.");
    }

    @Test
    void shouldNotGlueTitleCaseWordsOntoNames() {
        assertThat(names("001")).noneMatch(n -> n.contains("Engage"));
    }

    @Test
    void shouldKeepWebChromeAndPlacesOutOfPeople() {
        assertThat(names("003")).doesNotContain("Zaraki Kenpachi");
        assertThat(ENTITIES.get("004")).filteredOn(e -> e.name().equals("Khan Younis"))
                .allSatisfy(e -> assertThat(e.type()).isEqualTo(Entity.EntityType.LOCATION));
    }
}
