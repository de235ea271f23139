package io.newswire.ingest.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Plain-text articles as in {@code seeds/}: the first non-empty line is the headline, the rest the body.
 *
 * <p>Paragraphs: where the text separates blocks with blank lines, each block is a paragraph and its
 * hard-wrapped lines are joined; where it has no blank lines at all, every line is a paragraph.
 * Web chrome is removed by {@link WebChromeCleaner} before the headline is chosen, so a breadcrumb
 * line never becomes the headline.
 */
public final class PlainTextFormat implements io.newswire.ingest.formats.ItemFormat {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\n");
    private static final Pattern WRAPPED = Pattern.compile("\\s*\\n\\s*");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    /** A first line that is only a web address: the page's URL, not its headline. */
    private static final Pattern URL_LINE = Pattern.compile("https?://\\S+");
    /** The same spread into tokens by a tokenizer: "http : / / www . example . com / a - b". */
    private static final Pattern SPREAD_URL_LINE = Pattern.compile("(?i)https?\\s*:\\s*/\\s*/\\s*\\S.*");
    private static final Pattern WORD_TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private final WebChromeCleaner cleaner;

    public PlainTextFormat(WebChromeCleaner cleaner) {
        this.cleaner = cleaner;
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public List<ParsedItem> parse(byte[] bytes) {
        // A headline alone is a flash here: the item is made readable after parsing.
        ParsedText parsed = read(TextDecoder.decode(bytes), true);
        return List.of(new ParsedItem(null, null, ParsedItem.Kind.TEXT, parsed.headline(), parsed.body(), null, null,
                parsed.published().orElse(null), parsed.url().orElse(null), null));
    }

    /** @throws RejectedInputException when no headline and body remain */
    public ParsedText parse(String text) {
        return read(text, false);
    }

    private ParsedText read(String text, boolean headlineAlone) {
        Optional<String> url = Optional.empty();
        String stripped = text.stripLeading();
        int firstLineEnd = stripped.indexOf('\n');
        String firstLine = (firstLineEnd < 0 ? stripped : stripped.substring(0, firstLineEnd)).strip();
        if (firstLineEnd > 0) {
            url = url(firstLine);
            if (url.isPresent()) {
                text = stripped.substring(firstLineEnd + 1);
            }
        }
        List<String> paragraphs = paragraphs(text);
        WebChromeCleaner.Cleaned cleaned = cleaner.clean(paragraphs);
        List<String> kept = cleaned.paragraphs();
        if (kept.isEmpty()) {
            throw new RejectedInputException("no text: the file is empty or holds only web chrome");
        }
        String headline = kept.get(0);
        List<String> body = WebChromeCleaner.withoutRepeats(headline, kept.subList(1, kept.size()));
        if (body.isEmpty() && !headlineAlone) {
            throw new RejectedInputException("no body: only a headline was found");
        }
        return new ParsedText(headline, body, cleaned.published(), url);
    }

    /**
     * The web address a line is, if it is only that: as written, or spread into tokens by a tokenizer (then
     * joined again). A spread address never has two words side by side, only words between punctuation, so a
     * line that starts with an address and goes on in words ("http://a.com is down") is not one.
     */
    public static Optional<String> url(String line) {
        String l = line.strip();
        if (URL_LINE.matcher(l).matches()) {
            return Optional.of(l);
        }
        if (!SPREAD_URL_LINE.matcher(l).matches()) {
            return Optional.empty();
        }
        String[] tokens = l.split("\\s+");
        for (int i = 1; i < tokens.length; i++) {
            if (WORD_TOKEN.matcher(tokens[i - 1]).matches() && WORD_TOKEN.matcher(tokens[i]).matches()) {
                return Optional.empty();
            }
        }
        String joined = String.join("", tokens);
        return URL_LINE.matcher(joined).matches() ? Optional.of(joined) : Optional.empty();
    }

    static List<String> paragraphs(String text) {
        String unified = text.replace("\r\n", "\n").replace('\r', '\n').replace("\u00a0", " ");
        boolean hasBlankLines = BLANK_LINES.matcher(unified.strip()).find();
        List<String> out = new ArrayList<>();
        for (String block : (hasBlankLines ? BLANK_LINES : LINE_BREAK).split(unified)) {
            String paragraph = SPACES.matcher(WRAPPED.matcher(block.strip()).replaceAll(" ")).replaceAll(" ");
            if (!paragraph.isEmpty()) {
                out.add(paragraph);
            }
        }
        return out;
    }
}
