package io.newswire.processors.prepare;

import java.time.Clock;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Topic;
import org.apache.kafka.common.errors.SerializationException;

/**
 * First stage: turns a raw record into an {@link Article} or a dead letter that says what is wrong.
 * The raw topic is read as bytes and parsed here, so that malformed JSON is dead-lettered with its
 * payload and reason like any other bad input, inside the same transaction as the rest of the output.
 */
public final class ValidateStage {

    public static final String NAME = "validate";

    private final Topic<String, Article> raw;
    private final int maxBytes;
    private final Clock clock;

    public ValidateStage(Topic<String, Article> raw, int maxBytes, Clock clock) {
        this.raw = raw;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public Checked<Article> apply(String key, byte[] value) {
        if (value == null || value.length == 0) {
            return reject("empty record", key, value);
        }
        if (value.length > maxBytes) {
            return reject("record of " + value.length + " bytes exceeds max.article.bytes=" + maxBytes, key, value);
        }
        Article article;
        try {
            article = raw.valueSerde().deserializer().deserialize(raw.name(), value);
        } catch (SerializationException e) {
            return reject(e.getMessage(), key, value);
        }
        String problem = problem(key, article);
        return problem == null ? Checked.ok(article) : reject(problem, key, value);
    }

    private static String problem(String key, Article article) {
        if (article == null) {
            return "JSON null is not an article";
        }
        if (blank(article.id())) {
            return "missing id";
        }
        if (key != null && !key.equals(article.id())) {
            return "record key '" + key + "' differs from article id '" + article.id() + "'";
        }
        if (article.version() < 1) {
            return "version must be at least 1, was " + article.version();
        }
        if (blank(article.headline())) {
            return "missing headline";
        }
        if (article.body().stream().allMatch(ValidateStage::blank)) {
            return "missing body";
        }
        if (article.received() == null) {
            return "missing received time";
        }
        return null;
    }

    private Checked<Article> reject(String reason, String key, byte[] value) {
        return Checked.rejected(DeadLetter.of(NAME, reason, raw.name(), key, value, clock.instant()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
