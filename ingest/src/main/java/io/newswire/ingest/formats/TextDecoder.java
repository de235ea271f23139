package io.newswire.ingest.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text: UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252, the
 * superset of Latin-1 that undeclared legacy files are in practice. Binary input is rejected.
 */
public final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /** @throws RejectedInputException for binary content */
    public static String decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new RejectedInputException("binary content (NUL bytes): not a text article");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }
}
