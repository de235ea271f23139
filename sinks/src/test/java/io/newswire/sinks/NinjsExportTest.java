package io.newswire.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newswire.common.Article;
import io.newswire.common.Entity;
import io.newswire.common.ItemMeta;
import org.junit.jupiter.api.Test;

/** Every exported document validates against IPTC's ninjs 2.1 schema (a copy under test resources). */
class NinjsExportTest {

    private static final Instant T0 = Instant.parse("2024-08-20T07:13:00Z");

    /** The schema, with its GeoJSON reference mapped to the local copy (no network at test time). */
    private static final JsonSchema NINJS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaMappers(m -> m.mapPrefix("https://geojson.org/schema/", "classpath:ninjs/")))
            .getSchema(SchemaLocation.of("classpath:ninjs/ninjs-schema_2.1.json"));

    private static Set<ValidationMessage> validate(JsonNode doc) {
        return NINJS.validate(doc.toString(), InputFormat.JSON);
    }

    private static Entity entity(String key, Entity.EntityType type, String name) {
        return new Entity(key, type, name, List.of(name), 1, 1.0, List.of());
    }

    private static Article full() {
        return Article.ingested("urn:newsml:example.com:20240820:a1", 3, "wire", "newsml-g2",
                        "https://example.com/a1", "Biden, Netanyahu discuss ceasefire", List.of("First.", "Second."),
                        "By A. Reporter", "en", T0, T0.plusSeconds(5))
                .withEntities(List.of(
                        new Entity("person:wiki:Joe_Biden", Entity.EntityType.PERSON, "Joe Biden", List.of("Biden"), 1,
                                1.0, List.of(), "https://en.wikipedia.org/wiki/Joe_Biden"),
                        entity("organization:hamas", Entity.EntityType.ORGANIZATION, "Hamas"),
                        entity("location:country:eg", Entity.EntityType.LOCATION, "Egypt"),
                        entity("misc:israeli", Entity.EntityType.MISC, "Israeli")), "analysed")
                .withMeta(new ItemMeta("Example Wire", List.of("medtop:11000000"), 3, ItemMeta.USABLE,
                        T0.plusSeconds(3600), T0, T0))
                .withLinks("b35ed8fb", "story-1");
    }

    @Test
    void shouldExportAValidNinjsDocumentWithEntitiesAndLinks() {
        ObjectNode doc = NinjsExport.toNinjs(full());

        assertThat(validate(doc)).isEmpty();
        assertThat(doc.path("uri").asText()).isEqualTo("urn:newsml:example.com:20240820:a1");
        assertThat(doc.path("people").get(0).path("literal").asText()).isEqualTo("person:wiki:Joe_Biden");
        assertThat(doc.path("people").get(0).path("uri").asText()).isEqualTo("https://en.wikipedia.org/wiki/Joe_Biden");
        assertThat(doc.path("organisations").get(0).has("uri")).as("an unlinked entity has no uri").isFalse();
        assertThat(doc.path("organisations").get(0).path("name").asText()).isEqualTo("Hamas");
        assertThat(doc.path("places").get(0).path("rel").asText()).isEqualTo("mentioned");
        assertThat(doc.path("subjects").findValuesAsText("literal")).contains("medtop:11000000", "misc:israeli");
        assertThat(doc.path("associations").findValuesAsText("uri"))
                .containsExactly("urn:newswire:story:story-1", "urn:newswire:article:b35ed8fb");
        assertThat(doc.path("urgency").asInt()).isEqualTo(3);
    }

    @Test
    void shouldExportAPlainArticleWithNothingOptional() {
        Article bare = Article.ingested("5f3a", 1, null, "text", null, "Headline", List.of("Body."), null, null, T0, T0);

        ObjectNode doc = NinjsExport.toNinjs(bare);

        assertThat(validate(doc)).isEmpty();
        assertThat(doc.path("uri").asText()).isEqualTo("urn:newswire:article:5f3a");
        assertThat(doc.has("associations")).isFalse();
    }

    @Test
    void shouldExportAKillAsCanceled() {
        Article kill = full().withMeta(new ItemMeta(null, List.of(), null, ItemMeta.CANCELED, null, null, null));

        ObjectNode doc = NinjsExport.toNinjs(kill);

        assertThat(validate(doc)).isEmpty();
        assertThat(doc.path("pubstatus").asText()).isEqualTo("canceled");
    }

    @Test
    void shouldCatchAnInvalidDocument() {
        ObjectNode doc = NinjsExport.toNinjs(full());
        doc.put("pubstatus", "published");
        doc.withArray("people").addObject().put("nickname", "Joe");

        assertThat(validate(doc)).hasSizeGreaterThanOrEqualTo(2);
    }
}
