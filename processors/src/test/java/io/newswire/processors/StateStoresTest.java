package io.newswire.processors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newswire.common.Topics;
import io.newswire.processors.nlp.Enrichment;
import org.junit.jupiter.api.Test;

class StateStoresTest {

    private static final Topics TOPICS = Topics.withPrefix("");

    @Test
    void shouldListExactlyTheStoresTheTopologyUses() {
        String description = NewsTopology.build(TOPICS, Enrichment.none(), TopologySettings.defaults(),
                Clock.systemUTC()).describe().toString();
        Set<String> used = new TreeSet<>();
        Matcher stores = Pattern.compile("stores: \\[([^\\]]*)\\]").matcher(description);
        while (stores.find()) {
            for (String name : stores.group(1).split(",")) {
                if (!name.isBlank()) {
                    used.add(name.strip());
                }
            }
        }
        Set<String> tabled = new TreeSet<>();
        StateStores.all(TOPICS).forEach(s -> tabled.add(s.name()));
        assertThat(tabled).isEqualTo(used);
    }

    @Test
    void shouldBeRenderedInTheArchitecturePage() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "architecture.md"));
        assertThat(page).as("docs/architecture.md carries StateStores.markdown(); paste it again after a change")
                .contains(StateStores.markdown(TOPICS));
    }
}
