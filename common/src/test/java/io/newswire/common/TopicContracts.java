package io.newswire.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks records against their topic's contract, {@code schemas/<topic>.schema.json} at the top of the
 * repository (JSON Schema 2020-12). For the tests of every module: whatever a test makes the pipeline
 * write can be checked against what consumers are promised.
 */
public final class TopicContracts {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private TopicContracts() {
    }

    /** The schemas folder, found from a module's working directory or the repository's. */
    public static Path folder() {
        for (Path candidate : new Path[] {Path.of("schemas"), Path.of("..", "schemas")}) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no schemas/ folder beside or above " + Path.of("").toAbsolutePath());
    }

    public static Set<ValidationMessage> problems(String topic, JsonNode record) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(topic, t -> {
            try {
                return FACTORY.getSchema(Files.readString(folder().resolve(t + ".schema.json")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return schema.validate(record.toString(), InputFormat.JSON);
    }

    /** Asserts that a record (a tombstone is null and always valid) keeps its topic's contract. */
    public static void assertValid(String topic, JsonNode record) {
        if (record == null || record.isNull()) {
            return;
        }
        assertThat(problems(topic, record)).as("%s record %s", topic, record).isEmpty();
    }

    public static void assertValid(String topic, Object record) {
        assertValid(topic, record == null ? null : Json.MAPPER.valueToTree(record));
    }
}
