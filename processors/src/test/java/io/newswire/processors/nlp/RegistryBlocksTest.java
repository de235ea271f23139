package io.newswire.processors.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.newswire.common.Entity.EntityType;
import io.newswire.common.KnownEntity;
import org.junit.jupiter.api.Test;

class RegistryBlocksTest {

    private final Map<String, List<KnownEntity>> store = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private final Function<String, List<KnownEntity>> lookup = prefix -> {
        reads.add(prefix);
        return store.getOrDefault(prefix, List.of());
    };

    private static KnownEntity spelling(String name, String block, long articles) {
        return new KnownEntity("person:" + name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'),
                EntityType.PERSON, name, block, articles);
    }

    @Test
    void shouldKeepABlockUntilTheUpdaterSaysItChanged() {
        RegistryBlocks blocks = new RegistryBlocks();
        String block = "person|b|005|";
        store.put(block, List.of(spelling("Joe Biden", block, 3)));
        Function<String, List<KnownEntity>> cached = blocks.caching(lookup, 100);

        assertThat(cached.apply(block)).extracting(KnownEntity::articles).containsExactly(3L);
        assertThat(cached.apply(block)).extracting(KnownEntity::articles).containsExactly(3L);
        assertThat(reads).containsExactly(block);

        store.put(block, List.of(spelling("Joe Biden", block, 4)));
        blocks.changed(RegistryBlocks.blockOf(block + "person:joe-biden"));
        assertThat(cached.apply(block)).as("read again once changed").extracting(KnownEntity::articles)
                .containsExactly(4L);
        assertThat(reads).containsExactly(block, block);
        blocks.changed("person|x|005|");
        cached.apply(block);
        assertThat(reads).as("another block's change does not matter").hasSize(2);
    }

    @Test
    void shouldLetTheLeastRecentlyAskedBlocksGoBeyondTheBound() {
        RegistryBlocks blocks = new RegistryBlocks();
        for (String block : List.of("person|a|005|", "person|b|005|", "person|c|005|")) {
            store.put(block, List.of(spelling("A " + block, block, 1), spelling("B " + block, block, 1)));
        }
        Function<String, List<KnownEntity>> cached = blocks.caching(lookup, 4);
        cached.apply("person|a|005|");
        cached.apply("person|b|005|");
        cached.apply("person|a|005|");
        cached.apply("person|c|005|");
        cached.apply("person|a|005|");
        cached.apply("person|b|005|");
        assertThat(reads).containsExactly("person|a|005|", "person|b|005|", "person|c|005|", "person|b|005|");
    }

    @Test
    void shouldFindTheBlockOfARegistryKey() {
        assertThat(RegistryBlocks.blockOf("person|b|005|person:joe-biden")).isEqualTo("person|b|005|");
        assertThat(RegistryBlocks.blockOf("odd")).isEqualTo("odd");
    }
}
