package io.newswire.ingest.sources;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import io.newswire.ingest.formats.RejectedInputException;

/**
 * What an HTTP request body holds once its transfer wrappings are undone: decompressed per its
 * {@code Content-Encoding} (gzip, deflate), and split into parts when it is multipart, each part an input
 * of its own with its own charset. Every read is bounded, decompressed bytes included, so a small
 * compressed body cannot expand past the limit.
 */
final class Bodies {

    /** One input: its bytes, the charset its headers declared (or null), and a name for its origin. */
    record Part(byte[] bytes, String charset, String name) {
    }

    /** The body exceeds the limit (413). */
    static final class TooLarge extends Exception {
        TooLarge(String message) {
            super(message);
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_CHARSET = Pattern.compile("charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Bodies() {
    }

    /**
     * @throws TooLarge               past {@code maxBytes}, compressed or not
     * @throws RejectedInputException for an unknown content encoding, corrupt compression or broken multipart
     */
    static List<Part> read(InputStream raw, String contentEncoding, String contentType, long maxBytes)
            throws IOException, TooLarge {
        byte[] body = limited(decoded(raw, contentEncoding), maxBytes);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/")) {
            return List.of(new Part(body, charset(contentType), null));
        }
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            throw new RejectedInputException("multipart body without a boundary");
        }
        return parts(body, boundary.group(1).strip());
    }

    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        String e = encoding == null ? "identity" : encoding.strip().toLowerCase(Locale.ROOT);
        return switch (e) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> {
                try {
                    yield new GZIPInputStream(raw);
                } catch (IOException bad) {
                    throw new RejectedInputException("Content-Encoding gzip, but the body is not gzip: " + bad.getMessage());
                }
            }
            // RFC 9110's deflate is zlib-wrapped; some clients send it raw, which the zlib header tells apart.
            case "deflate" -> {
                InputStream buffered = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
                buffered.mark(2);
                int first = buffered.read();
                buffered.reset();
                boolean zlib = (first & 0x0F) == 8;
                yield new InflaterInputStream(buffered, new Inflater(!zlib));
            }
            default -> throw new RejectedInputException("unsupported Content-Encoding " + encoding
                    + "; send identity, gzip or deflate");
        };
    }

    private static byte[] limited(InputStream in, long maxBytes) throws IOException, TooLarge {
        byte[] body;
        try {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (java.util.zip.ZipException e) {
            throw new RejectedInputException("corrupt compressed body: " + e.getMessage());
        }
        if (body.length > maxBytes) {
            throw new TooLarge("body larger than " + maxBytes + " bytes");
        }
        return body;
    }

    private static List<Part> parts(byte[] body, String boundary) {
        // ISO-8859-1 keeps bytes and chars one to one, so offsets found in the string cut the bytes.
        String all = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        List<Part> parts = new ArrayList<>();
        int at = all.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (all.startsWith("--", start)) {
                break; // the closing delimiter
            }
            int next = all.indexOf("\r\n" + delimiter, start);
            int lf = all.indexOf("\n" + delimiter, start);
            int end = next >= 0 ? next : lf;
            if (end < 0) {
                throw new RejectedInputException("multipart body without its closing boundary");
            }
            String part = all.substring(start, end);
            int headersEnd = part.indexOf("\r\n\r\n");
            int gap = 4;
            if (headersEnd < 0) {
                headersEnd = part.indexOf("\n\n");
                gap = 2;
            }
            if (headersEnd < 0) {
                throw new RejectedInputException("multipart part without headers");
            }
            String headers = part.substring(0, headersEnd);
            byte[] content = part.substring(headersEnd + gap).getBytes(StandardCharsets.ISO_8859_1);
            Matcher file = FILENAME.matcher(headers);
            parts.add(new Part(content, charset(headers), file.find() ? file.group(1) : "part" + (parts.size() + 1)));
            at = end + (all.startsWith("\r\n", end) ? 2 : 1);
        }
        if (parts.isEmpty()) {
            throw new RejectedInputException("multipart body with no parts");
        }
        return parts;
    }

    private static String charset(String headers) {
        if (headers == null) {
            return null;
        }
        Matcher m = PART_CHARSET.matcher(headers);
        return m.find() ? m.group(1) : null;
    }
}
