package io.newswire.ingest.formats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Headline, body paragraphs and any date a format or the cleaner found in the text itself. */
public record ParsedText(String headline, List<String> body, Optional<Instant> published) {

    public ParsedText {
        body = List.copyOf(body);
    }
}
