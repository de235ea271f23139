package io.newswire.ingest.formats;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * XML without a declared encoding must be UTF-8, but legacy feeds send Latin-1 anyway. When the bytes
 * declare nothing (no byte order mark, no encoding in the prolog) and are not valid UTF-8, they are read
 * as Windows-1252 (the superset of Latin-1) and handed on as UTF-8. Declared encodings are left to the
 * parser.
 */
final class XmlEncoding {

    private static final Pattern DECLARED = Pattern.compile("\\A\\s*<\\?xml[^>]*encoding\\s*=", Pattern.CASE_INSENSITIVE);

    private XmlEncoding() {
    }

    static byte[] asParsable(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF))) {
            return bytes;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
        if (DECLARED.matcher(head).find()) {
            return bytes;
        }
        String text = TextDecoder.decode(bytes);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
