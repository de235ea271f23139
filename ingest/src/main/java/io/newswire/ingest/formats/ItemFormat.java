package io.newswire.ingest.formats;

import java.util.List;

/** A wire or web format: bytes (already known to be this format) to items. Implementations are stateless. */
public interface ItemFormat {

    /** The format's name, as {@code --format} and the article's {@code format} field spell it. */
    String name();

    /** @throws io.newswire.ingest.formats.RejectedInputException when the bytes are not a valid item of this format */
    List<ParsedItem> parse(byte[] bytes);

    /** The items as ingest takes them: parsed, and each text item made {@link ParsedItem#readable() readable}. */
    default List<ParsedItem> items(byte[] bytes) {
        return parse(bytes).stream().map(ParsedItem::readable).toList();
    }
}
