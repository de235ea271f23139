package io.newswire.ingest.formats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Headline, body paragraphs, any date a format or the cleaner found in the text itself, and the URL when
 * the text starts with one (a saved page's address on its first line).
 */
public record ParsedText(String headline, List<String> body, Optional<Instant> published, Optional<String> url) {

    public ParsedText {
        body = List.copyOf(body);
    }
}
