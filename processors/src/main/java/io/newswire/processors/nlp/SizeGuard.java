package io.newswire.processors.nlp;

import java.time.Clock;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.newswire.common.Article;
import io.newswire.common.DeadLetter;
import io.newswire.common.Json;
import io.newswire.processors.prepare.Checked;

/**
 * Keeps an article that grew past the size limit in enrichment (its entities and their mentions) from the
 * topics after it: a record over the broker's limit would fail on the repartition topic and stop the
 * stream thread at every restart. Such an article is dead-lettered with its size and the limit; the
 * stream goes on. Pure and thread-safe.
 */
public final class SizeGuard {

    public static final String NAME = "size-guard";

    private final int maxBytes;
    private final String origin;
    private final Clock clock;

    public SizeGuard(int maxBytes, String origin, Clock clock) {
        this.maxBytes = maxBytes;
        this.origin = origin;
        this.clock = clock;
    }

    public Checked<Article> apply(String key, Checked<Article> checked) {
        if (!checked.isOk()) {
            return checked;
        }
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(checked.value());
        } catch (JsonProcessingException e) {
            return Checked.rejected(DeadLetter.of(NAME, "article cannot be written as JSON: " + e.getMessage(),
                    origin, key, String.valueOf(checked.value()), clock.instant()));
        }
        if (json.length <= maxBytes) {
            return checked;
        }
        return Checked.rejected(DeadLetter.of(NAME, "article of " + json.length + " bytes after enrichment exceeds "
                + "max.article.bytes (" + maxBytes + ")", origin, key, json, clock.instant()));
    }
}
