package io.newswire.ingest.formats;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.newswire.common.ArticleIds;

/**
 * Removes what web pages leave around an article's text when it is copied out of a browser or scraper:
 * breadcrumbs, related-link and comment blocks, bullet metadata lines and a stray trailing signature.
 * Picks up a publication date written in such metadata ("Published Date: 07:13 | 20 August 2024"), else
 * one written as a date line or dateline near the top ({@link DateLines}), else the last update's.
 *
 * <p>Each rule removes only what is unlikely to be article text; a paragraph that looks like prose is
 * always kept. Stateless and thread-safe.
 */
public final class WebChromeCleaner {

    /** A paragraph that starts a page's trailing block: it and everything after it are not the article. */
    private static final Set<String> CUT_MARKERS = Set.of(
            "check also", "leave a reply", "leave a comment", "related articles", "related posts",
            "related stories", "related", "read more", "read also", "you may also like", "more stories",
            "comments", "share this", "share this article");
    private static final Pattern CUT_PHRASE = Pattern.compile(
            "(?i)^(your email address will not be published|required fields are marked)");
    private static final Pattern BREADCRUMB = Pattern.compile("(?i)^home\\s*[»›>|/]");
    private static final Pattern BULLET = Pattern.compile("^[-•*·▪‣]\\s+(.*)$");
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)^(published|posted|updated|modified)(\\s+(date|on|at))?\\s*:\\s*(.+)$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?:;\"”’)]$");
    private static final Pattern TRAILING_MARKS = Pattern.compile("[:.…]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int MAX_METADATA_WORDS = 6;
    /** Unlabelled date lines count only this near the top: further down a bare date is content. */
    private static final int HEAD_PARAGRAPHS = 4;
    private static final int MAX_SIGNATURE_WORDS = 4;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("HH:mm | d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("HH:mm, d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MMMM d, yyyy HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    /** What remains after cleaning, and the publication date if the chrome carried one. */
    public record Cleaned(List<String> paragraphs, Optional<Instant> published) {
    }

    public Cleaned clean(List<String> paragraphs) {
        List<String> kept = new ArrayList<>();
        Optional<Instant> published = Optional.empty();
        Optional<Instant> written = Optional.empty();
        Optional<Instant> updated = Optional.empty();
        for (int i = 0; i < paragraphs.size(); i++) {
            String text = paragraphs.get(i).strip();
            if (CUT_MARKERS.contains(TRAILING_MARKS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(""))
                    || CUT_PHRASE.matcher(text).find()) {
                break;
            }
            Matcher breadcrumb = BREADCRUMB.matcher(text);
            if (breadcrumb.find()) {
                continue;
            }
            Matcher bullet = BULLET.matcher(text);
            String content = bullet.matches() ? bullet.group(1).strip() : text;
            Matcher date = DATE_LINE.matcher(content);
            if (date.matches()) {
                Optional<Instant> when = parseDate(date.group(4).strip())
                        .or(() -> DateLines.find(date.group(4)).map(DateLines.Found::date));
                if (date.group(1).toLowerCase(Locale.ROOT).startsWith("p")) {
                    published = published.or(() -> when);
                } else {
                    updated = updated.or(() -> when);
                }
                continue;
            }
            if (i < HEAD_PARAGRAPHS) {
                Optional<DateLines.Found> head = DateLines.find(content);
                if (head.isPresent()) {
                    written = written.or(() -> head.map(DateLines.Found::date));
                    if (head.get().dateOnly()) {
                        continue;
                    }
                }
            }
            if (bullet.matches() && isMetadata(content)) {
                continue;
            }
            kept.add(text);
        }
        dropTrailingSignature(kept);
        // A labelled publication date is the best evidence; a date line or dateline at the top comes next; the
        // last update is closer to the event than the arrival time the stream would otherwise use.
        Optional<Instant> date = published.isPresent() ? published : written.isPresent() ? written : updated;
        return new Cleaned(List.copyOf(kept), date);
    }

    /**
     * Body paragraphs without the ones that repeat the headline or an earlier paragraph (pages often
     * print the headline twice and repeat the standfirst as the lead).
     */
    public static List<String> withoutRepeats(String headline, List<String> body) {
        Set<String> seen = new HashSet<>();
        seen.add(ArticleIds.normalize(headline));
        List<String> out = new ArrayList<>();
        for (String paragraph : body) {
            if (seen.add(ArticleIds.normalize(paragraph))) {
                out.add(paragraph);
            }
        }
        return out;
    }

    private static boolean isMetadata(String bulletContent) {
        return wordCount(bulletContent) <= MAX_METADATA_WORDS && !SENTENCE_END.matcher(bulletContent).find();
    }

    /**
     * A last paragraph of a few capitalised words with no punctuation, after a real body, is a
     * signature or a scraped user name, not article text.
     */
    private static void dropTrailingSignature(List<String> kept) {
        if (kept.size() < 4) {
            return;
        }
        String last = kept.get(kept.size() - 1);
        String[] words = WHITESPACE.split(last);
        boolean nameLike = words.length <= MAX_SIGNATURE_WORDS
                && !SENTENCE_END.matcher(last).find()
                && last.chars().noneMatch(c -> c == ',' || Character.isDigit(c));
        for (String word : words) {
            nameLike &= !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
        }
        if (nameLike) {
            kept.remove(kept.size() - 1);
        }
    }

    private static int wordCount(String text) {
        return text.isBlank() ? 0 : WHITESPACE.split(text.strip()).length;
    }

    private static Optional<Instant> parseDate(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                // Pages rarely say their zone; UTC is the documented assumption.
                return Optional.of(LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
