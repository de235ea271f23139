package io.newswire.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import io.newswire.common.Article;
import io.newswire.common.Decision;
import io.newswire.common.Entity;
import io.newswire.common.Story;
import io.newswire.processors.nlp.EntityExtractor;
import io.newswire.processors.nlp.Enrichment;
import io.newswire.processors.nlp.LanguageDetector;
import io.newswire.processors.nlp.Names;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities the knowledge base does not know, spelled two ways in one corpus: whatever order the articles come
 * in, once the respelling sweep has run every article names each entity by the spelling most articles used,
 * on news.enriched and in the stories' top entities.
 */
class EntityRespellingTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    /** Planted names: the majority spellings and their variants (none of them in any dictionary). */
    private static final List<String> NAMES = List.of("Mira Kastellan", "Mira Kastelan", "Tovan Reskeby",
            "Tovan Reskebi", "Ostrel Harbour Authority");

    @TempDir
    Path stateDir;

    /** Three reports spell her "Kastellan", one "Kastelan"; two spell him "Reskeby", one "Reskebi". */
    private static final List<Article> CORPUS = List.of(
            report("a1", "Mira Kastellan wins harbour vote", "Mira Kastellan won the harbour vote in Ostrel on "
                    + "Monday, beating Tovan Reskeby by two hundred ballots."),
            report("a2", "Kastellan to lead Ostrel harbour board", "Mira Kastellan will chair the Ostrel Harbour "
                    + "Authority after Monday's vote, officials said."),
            report("a3", "Ostrel harbour result confirmed", "The count confirmed Mira Kastelan as winner; Tovan "
                    + "Reskebi conceded on Tuesday morning."),
            report("a4", "Reskeby concedes harbour race", "Tovan Reskeby conceded the Ostrel harbour race to Mira "
                    + "Kastellan and promised to work with the Ostrel Harbour Authority."),
            report("b1", "Ferry timetable changes in Ostrel", "Ferries will leave Ostrel an hour earlier from "
                    + "December, the Ostrel Harbour Authority said."));

    private static Article report(String id, String headline, String body) {
        return Article.ingested(id, 1, "wire-" + id, "text", null, headline, List.of(body), null, "en", null, T0);
    }

    /** Finds the planted names, as a tagger would, each with its own spelling and key. */
    private static final EntityExtractor PLANTED = article -> {
        String text = article.headline() + "\n\n" + String.join("\n\n", article.body());
        List<Entity> found = new ArrayList<>();
        for (String name : NAMES) {
            int count = text.split(java.util.regex.Pattern.quote(name), -1).length - 1;
            if (count > 0) {
                Entity.EntityType type = name.endsWith("Authority") ? Entity.EntityType.ORGANIZATION
                        : Entity.EntityType.PERSON;
                found.add(new Entity(type.name().toLowerCase(java.util.Locale.ROOT) + ":" + Names.slug(name), type,
                        name, List.of(name), count, 0.5, List.of()));
            }
        }
        return found;
    };

    private record Outcome(Map<String, TreeSet<String>> names, Map<String, List<String>> topEntities,
                           List<Decision> respells) {
    }

    private Outcome run(List<Article> order) {
        try (TopologyRun run = new TopologyRun(stateDir, new Enrichment(LanguageDetector.fixed("en"), PLANTED),
                TopologySettings.defaults(), T0)) {
            for (int i = 0; i < order.size(); i++) {
                Article a = order.get(i);
                run.publish(Article.ingested(a.id(), 1, a.source(), "text", null, a.headline(), a.body(), null, "en",
                        null, T0.plusSeconds(i)));
            }
            run.driver.advanceWallClockTime(Duration.ofSeconds(11));
            run.driver.advanceWallClockTime(Duration.ofSeconds(11));
            Map<String, Article> latest = new HashMap<>();
            run.enriched.readRecordsToList().forEach(r -> latest.merge(r.key(), r.value(),
                    (a, b) -> b.revision() >= a.revision() ? b : a));
            Map<String, TreeSet<String>> names = new TreeMap<>();
            latest.forEach((id, a) -> names.put(id, new TreeSet<>(a.entities().stream().map(Entity::name).toList())));
            Map<String, List<String>> top = new TreeMap<>();
            run.stories.readRecordsToList().forEach(r -> {
                if (r.value() == null) {
                    top.remove(r.key());
                } else {
                    top.put(r.key(), r.value().topEntities().stream().sorted().toList());
                }
            });
            List<Decision> respells = run.decisions.readValuesToList().stream()
                    .filter(d -> Decision.METHOD_ENTITY_RESPELL.equals(d.method())).toList();
            return new Outcome(names, top, respells);
        }
    }

    @Test
    void shouldEndWithTheMajoritySpellingsInEveryArrivalOrder() {
        Outcome first = null;
        int respelled = 0;
        for (int seed = 0; seed < 8; seed++) {
            List<Article> order = new ArrayList<>(CORPUS);
            Collections.shuffle(order, new Random(seed));
            Outcome outcome = run(order);
            String as = "order " + order.stream().map(Article::id).toList();
            assertThat(outcome.names().get("a3")).as(as).contains("Mira Kastellan", "Tovan Reskeby")
                    .doesNotContain("Mira Kastelan", "Tovan Reskebi");
            assertThat(outcome.names().values()).as(as).allSatisfy(n -> assertThat(n)
                    .doesNotContain("Mira Kastelan", "Tovan Reskebi"));
            assertThat(outcome.topEntities().values()).as(as).allSatisfy(t -> assertThat(t)
                    .doesNotContain("Mira Kastelan", "Tovan Reskebi"));
            if (first == null) {
                first = outcome;
            }
            assertThat(outcome.names()).as(as).isEqualTo(first.names());
            respelled += outcome.respells().size();
        }
        assertThat(respelled).as("arrival-time spellings that the sweep corrected").isPositive();
    }

    @Test
    void shouldLeaveASpellingAloneWhileTheRegistryHasNotCountedIt() {
        Outcome outcome = run(List.of(CORPUS.get(2)));
        assertThat(outcome.names().get("a3")).containsExactly("Mira Kastelan", "Tovan Reskebi");
        assertThat(outcome.respells()).isEmpty();
    }
}
