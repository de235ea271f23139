package io.newswire.sinks.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import io.newswire.common.Article;
import io.newswire.common.Entity;
import io.newswire.common.ItemMeta;
import io.newswire.common.Json;
import io.newswire.common.TopicSchemas;
import io.newswire.common.Topics;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;

/**
 * The Kafka Connect Elasticsearch-sink configuration and index template in docs/connect, checked against what
 * our records are: the converters it names turn a real news.enriched record into a document keyed by the
 * article id, and a kill into the null value it deletes on; every field the topic's schema allows is mapped,
 * with a type that takes the schema's values.
 */
class ElasticsearchConnectConfigTest {

    static final Path CONNECT = docs().resolve("connect");
    static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    static Path docs() {
        return Files.isDirectory(Path.of("docs")) ? Path.of("docs") : Path.of("..", "docs");
    }

    static Map<String, String> config() throws Exception {
        Map<String, String> config = new HashMap<>();
        Json.MAPPER.readTree(CONNECT.resolve("elasticsearch-sink.json").toFile()).path("config").fields()
                .forEachRemaining(e -> config.put(e.getKey(), e.getValue().asText()));
        return config;
    }

    static Converter converter(Map<String, String> config, String which, boolean isKey) throws Exception {
        Converter converter = (Converter) Class.forName(config.get(which)).getDeclaredConstructor().newInstance();
        Map<String, String> own = new HashMap<>();
        config.forEach((k, v) -> {
            if (k.startsWith(which + ".")) {
                own.put(k.substring(which.length() + 1), v);
            }
        });
        converter.configure(own, isKey);
        return converter;
    }

    static Article article() {
        return Article.ingested("urn:newsml:example.com:a1", 2, "wire", "newsml-g2", "https://example.com/a1",
                        "Talks resume in Cairo", List.of("Officials met.", "Talks go on."), "By A. Reporter", "en", T0,
                        T0.plusSeconds(5))
                .withEntities(List.of(new Entity("person:wiki:Joe_Biden", Entity.EntityType.PERSON, "Joe Biden",
                        List.of("Biden"), 1, 0.5, List.of(new Entity.Mention(Entity.Mention.Field.BODY, 0, 5)),
                        "https://en.wikipedia.org/wiki/Joe_Biden")), "analysed")
                .withMeta(new ItemMeta("Example Wire", List.of("medtop:11000000"), 3, ItemMeta.USABLE, T0, T0, T0))
                .withLinks(null, "story-1");
    }

    @Test
    void shouldIndexEachArticleUnderItsIdAndDeleteItOnAKill() throws Exception {
        Map<String, String> config = config();
        String topic = Topics.withPrefix("").enriched().name();
        assertThat(config).containsEntry("topics", topic).containsEntry("key.ignore", "false")
                .containsEntry("schema.ignore", "true").containsEntry("behavior.on.null.values", "delete")
                .containsEntry("consumer.override.isolation.level", "read_committed");
        Converter keys = converter(config, "key.converter", true);
        Converter values = converter(config, "value.converter", false);
        Article a = article();
        byte[] value = Topics.withPrefix("").enriched().valueSerde().serializer().serialize(topic, a);

        SchemaAndValue key = keys.toConnectData(topic, a.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(key.value()).isEqualTo(a.id());
        SchemaAndValue document = values.toConnectData(topic, value);
        assertThat(document.schema()).as("schemaless: the connector indexes the JSON as it is").isNull();
        assertThat(document.value()).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) document.value();
        assertThat(fields).containsEntry("id", a.id()).containsEntry("story_id", "story-1")
                .containsEntry("published", "2026-11-22T09:00:00Z");
        assertThat(values.toConnectData(topic, null).value()).as("a kill is a tombstone").isNull();
    }

    @Test
    void shouldMapEveryFieldTheTopicsSchemaAllowsWithATypeThatTakesItsValues() throws Exception {
        JsonNode schema = Json.MAPPER.readTree(TopicSchemas.of("news.enriched"));
        JsonNode mappings = Json.MAPPER.readTree(CONNECT.resolve("news.enriched-index-template.json").toFile())
                .path("template").path("mappings");
        List<String> problems = new ArrayList<>();
        compare("", schema, mappings, problems);
        assertThat(problems).isEmpty();
    }

    /** Walks the schema's properties (into objects and arrays of objects) beside the mapping's. */
    private static void compare(String path, JsonNode schema, JsonNode mapping, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = path + field.getKey();
            JsonNode mapped = mapping.path("properties").path(field.getKey());
            if (mapped.isMissingNode()) {
                problems.add(at + " is not mapped");
                continue;
            }
            JsonNode property = field.getValue();
            JsonNode items = property.path("items");
            String type = typeOf(property.path("type"));
            if (type.equals("array")) {
                type = items.has("properties") ? "object" : typeOf(items.path("type"));
            }
            String es = mapped.path("type").asText("object");
            boolean fits = switch (type) {
                case "string" -> property.path("format").asText().equals("date-time") || property.has("enum")
                        ? List.of("date", "keyword").contains(es) : List.of("keyword", "text").contains(es);
                case "integer" -> List.of("integer", "long").contains(es);
                case "number" -> List.of("float", "double", "scaled_float").contains(es);
                case "boolean" -> es.equals("boolean");
                case "object" -> List.of("object", "nested").contains(es);
                default -> List.of("keyword", "text").contains(es); // an enum without a type: names
            };
            if (property.path("format").asText().equals("date-time") && !es.equals("date")) {
                fits = false;
            }
            if (!fits) {
                problems.add(at + ": schema type " + type + " mapped as " + es);
            }
            if (type.equals("object")) {
                compare(at + ".", items.has("properties") ? items : property, mapped, problems);
            }
        }
    }

    /** The non-null type of a JSON Schema "type" (a name or a list with "null"). */
    private static String typeOf(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }
}
