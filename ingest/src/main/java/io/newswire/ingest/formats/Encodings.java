package io.newswire.ingest.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reconciles what a document says about its encoding with what its bytes are, before any format reads
 * it: UTF-16 and UTF-32 with a byte order mark become UTF-8 (their NULs are not binary), and a single-byte
 * charset declared by an XML prolog or an HTML meta tag is overruled when the bytes are valid UTF-8 with
 * multi-byte sequences (declared ISO-8859-1, written UTF-8: read as declared it gives "CafÃ©"). The
 * declaration is rewritten to match, so every parser downstream reads the same text. Pure.
 */
public final class Encodings {

    /** The bytes to read, and what was overruled (null when nothing was). */
    public record Reconciled(byte[] bytes, String note) {
    }

    private static final Pattern XML_DECLARED = Pattern.compile(
            "\\A(\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"'])([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_DECLARED = Pattern.compile(
            "(<meta[^>]*?charset\\s*=\\s*[\"']?)([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SINGLE_BYTE = Pattern.compile(
            "iso[-_]?8859[-_]?\\d+|latin[-_]?\\d|l\\d|windows[-_]?125\\d|cp125\\d|us[-_]?ascii|ascii", Pattern.CASE_INSENSITIVE);
    private static final int DECLARATION_WINDOW = 2048;
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(
            "charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Encodings() {
    }

    public static Reconciled reconcile(byte[] bytes) {
        return reconcile(bytes, null);
    }

    /**
     * @param transport the charset the transport declared (an HTTP {@code Content-Type}), or null: it
     *                  applies when the document declares none itself, and is overruled like a declaration
     */
    public static Reconciled reconcile(byte[] bytes, String transport) {
        Charset bom = byteOrderMark(bytes);
        if (bom != null) {
            int skip = bom.name().startsWith("UTF-32") ? 4 : bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
            String text = new String(bytes, skip, bytes.length - skip, bom);
            return new Reconciled(declareUtf8(text).getBytes(StandardCharsets.UTF_8), null);
        }
        String head = new String(bytes, 0, Math.min(bytes.length, DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
        Matcher declared = XML_DECLARED.matcher(head);
        if (!declared.find()) {
            declared = HTML_DECLARED.matcher(head);
            if (!declared.find()) {
                return fromTransport(bytes, transport);
            }
        }
        String name = declared.group(2);
        if (!SINGLE_BYTE.matcher(name).matches() || !isMultiByteUtf8(bytes)) {
            return new Reconciled(bytes, null);
        }
        // ISO-8859-1 maps bytes to chars one to one: the rewrite leaves every other byte as it was.
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        String fixed = all.substring(0, declared.start(2)) + "UTF-8" + all.substring(declared.end(2));
        return new Reconciled(fixed.getBytes(StandardCharsets.ISO_8859_1),
                "declared charset " + name.toLowerCase(Locale.ROOT) + ", but the bytes are UTF-8: read as UTF-8");
    }

    private static Reconciled fromTransport(byte[] bytes, String transport) {
        if (transport == null || transport.isBlank()) {
            return new Reconciled(bytes, null);
        }
        Charset charset;
        try {
            charset = Charset.forName(transport.strip());
        } catch (IllegalArgumentException e) {
            return new Reconciled(bytes, "unknown transport charset " + transport + ": ignored");
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return new Reconciled(bytes, null);
        }
        if (SINGLE_BYTE.matcher(transport.strip()).matches() && isMultiByteUtf8(bytes)) {
            return new Reconciled(bytes, "transport charset " + transport.toLowerCase(Locale.ROOT)
                    + ", but the bytes are UTF-8: read as UTF-8");
        }
        return new Reconciled(new String(bytes, charset).getBytes(StandardCharsets.UTF_8), null);
    }

    /** The charset parameter of a {@code Content-Type} header value, or null. */
    public static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CONTENT_TYPE_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    /** The charset a byte order mark announces, or null. UTF-32 LE is tested before UTF-16 LE (same start). */
    static Charset byteOrderMark(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == (byte) 0xFE && b[3] == (byte) 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 4 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return StandardCharsets.UTF_8;
        }
        return null;
    }

    private static String declareUtf8(String text) {
        Matcher xml = XML_DECLARED.matcher(text);
        if (xml.find()) {
            return text.substring(0, xml.start(2)) + "UTF-8" + text.substring(xml.end(2));
        }
        return text;
    }

    /** Valid UTF-8 with at least one multi-byte sequence (pure ASCII reads the same either way). */
    static boolean isMultiByteUtf8(byte[] bytes) {
        boolean multi = false;
        for (byte b : bytes) {
            if (b < 0) {
                multi = true;
                break;
            }
        }
        if (!multi) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
