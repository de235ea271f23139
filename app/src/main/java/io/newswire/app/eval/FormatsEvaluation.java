package io.newswire.app.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.newswire.ingest.formats.RejectedInputException;
import io.newswire.ingest.formats.Formats;
import io.newswire.ingest.formats.ItemFormat;
import io.newswire.ingest.formats.NotANewsItemException;
import io.newswire.ingest.formats.ParsedItem;

/**
 * {@code eval formats DIR}: detects and parses every file under DIR with the parsers ingest uses and
 * prints, per file, the format and the items found. A file counts as parsed when its format parses and
 * every text item has a headline and a body; picture, video and other items without text are reported
 * with their kind. Files that are documentation rather than items (licences, schemas, READMEs) and
 * empty files are listed as skipped, with the reason, and not counted.
 */
public final class FormatsEvaluation {

    private static final Pattern NOT_ITEMS = Pattern.compile(
            "(?i)(license.*|copying|readme.*|.*\\.md|.*\\.xsd|.*\\.dtd|.*\\.txt\\.license)");

    private final Formats formats;

    public FormatsEvaluation(Formats formats) {
        this.formats = formats;
    }

    /** @return the number of files that failed */
    public int run(Path dir, PrintStream out) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        int parsed = 0;
        int counted = 0;
        int textItems = 0;
        int mediaItems = 0;
        java.util.Map<String, int[]> byFormat = new java.util.TreeMap<>();
        // id@version -> the text first seen under it and where: a second text under one identity is not a copy.
        java.util.Map<String, String[]> identities = new java.util.HashMap<>();
        List<String> repeated = new java.util.ArrayList<>();
        for (Path file : files) {
            String rel = dir.relativize(file).toString();
            if (NOT_ITEMS.matcher(file.getFileName().toString()).matches() || Files.size(file) == 0) {
                out.printf("%s: skipped (%s)%n", rel, Files.size(file) == 0 ? "empty file" : "not a news item");
                continue;
            }
            counted++;
            byte[] bytes = Files.readAllBytes(file);
            try {
                Formats.Read read = formats.read(bytes, java.util.Optional.empty());
                ItemFormat format = read.format();
                List<ParsedItem> items = read.items();
                boolean ok = !items.isEmpty();
                out.printf("%s: %s, %d item%s%n", rel, format.name(), items.size(), items.size() == 1 ? "" : "s");
                int[] counts = byFormat.computeIfAbsent(format.name(), f -> new int[2]);
                counts[0]++;
                for (ParsedItem item : items) {
                    if (item.kind() == ParsedItem.Kind.TEXT) {
                        textItems++;
                        counts[1]++;
                        if (item.guid() != null) {
                            String identity = item.guid() + " version " + (item.version() == null ? 1 : item.version());
                            String text = item.headline() + "\n" + String.join("\n", item.body());
                            String[] first = identities.putIfAbsent(identity, new String[] {text, rel});
                            if (first != null && !first[0].equals(text)) {
                                repeated.add(identity + " in " + first[1] + " and " + rel);
                            }
                        }
                        boolean complete = item.hasText();
                        ok &= complete;
                        out.printf("  %s | %s | body %d chars in %d paragraphs | published %s%s%n",
                                item.guid(), shorten(item.headline()), String.join(" ", item.body()).length(),
                                item.body().size(), item.published(), complete ? "" : "  << NO TEXT");
                    } else {
                        mediaItems++;
                        out.printf("  %s | %s item%s | %s%n", item.guid(), describe(item.kind()),
                                item.hasText() ? " with text" : " without text", shorten(item.headline()));
                    }
                }
                if (items.isEmpty()) {
                    out.println("  no items");
                }
                parsed += ok ? 1 : 0;
            } catch (NotANewsItemException e) {
                counted--;
                out.printf("%s: skipped (%s)%n", rel, e.getMessage());
            } catch (RejectedInputException e) {
                out.printf("%s: FAILED: %s%n", rel, e.getMessage());
            }
        }
        for (String r : repeated) {
            out.printf("warning: id %s with different text (the processors decide the second under an id of its own)%n", r);
        }
        byFormat.forEach((name, c) -> out.printf("format %s: %d files, %d text items%n", name, c[0], c[1]));
        out.printf("%d text items, %d items without text (pictures, video, packages, concepts, placeholders, links)%n",
                textItems, mediaItems);
        out.printf("parsed %d/%d files%n", parsed, counted);
        return counted - parsed;
    }

    private static String describe(ParsedItem.Kind kind) {
        return switch (kind) {
            case NO_CONTENT -> "text item with no content in the file (placeholder or remote):";
            case LINK -> "link-only feed entry (the body is on the linked page):";
            default -> kind.name().toLowerCase(Locale.ROOT);
        };
    }

    private static String shorten(String text) {
        if (text == null) {
            return "(no headline)";
        }
        return text.length() <= 70 ? text : text.substring(0, 67) + "...";
    }
}
