package io.newswire.processors.nlp.link;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the compact alias index from a CoreNLP-style Wikipedia dictionary: tab-separated lines of alias,
 * title (underscores for spaces) and P(title | alias), grouped by title, as in the KBP models' {@code
 * wikidict.tab.gz} (Spitkovsky and Chang's cross-lingual dictionary; about 20.9 M lines, 6.3 M titles).
 * <p>
 * Aliases that cannot be the text of a name in an article are dropped: URLs and wiki markup ("en:",
 * "yago:", "http://…"), aliases over {@value #MAX_ALIAS_CHARS} characters or {@value #MAX_ALIAS_WORDS} words, and
 * non-Latin scripts (the articles analysed are English). A page's own accented name is also kept under its plain
 * spelling at half its prior ({@link AliasKey#withoutAccents}: wire copy drops accents). A title is also a
 * candidate, with prior 0, for the names it bears ({@link #namesBorne}: "Ajax (mythology)" for "Ajax"), so
 * that context can choose it. Each key keeps its
 * {@value #MAX_CANDIDATES} best candidates. A title's popularity is the log of how many aliases point to
 * it, a proxy for how often it is linked.
 * <p>
 * Memory: about 40 bytes a kept line on the heap while building (some 700 MB for the full dictionary);
 * the title text goes straight to disk.
 */
public final class WikiDictionaryBuilder {

    public static final int MAX_CANDIDATES = 8;
    static final int MAX_ALIAS_CHARS = 60;
    static final int MAX_ALIAS_WORDS = 6;
    /**
     * The share of an accented alias's prior its plain spelling keeps: wire copy drops accents, but a plain
     * spelling the dictionary has of its own is the better evidence.
     */
    static final double ACCENTS_DROPPED = 0.5;
    /** Below this an alias's title is noise in the anchor statistics, and never the answer. */
    static final double MIN_PRIOR = 0.005;

    private long[] hashes = new long[1 << 20];
    private int[] titles = new int[1 << 20];
    private float[] priors = new float[1 << 20];
    /** Records of a club's page under the town it bears: kept before other names borne with no prior. */
    private boolean[] clubs = new boolean[1 << 20];
    private int records;
    private int[] titleOffsets = new int[1 << 16];
    private byte[] popularity = new byte[1 << 16];
    private int titleCount;
    private int lines;

    /** Summary of a build, for the log. */
    public record Built(int lines, int titles, int aliases, int candidates, long bytes) {
    }

    private WikiDictionaryBuilder() {
    }

    /** Reads the dictionary (uncompressed text) and writes the index to {@code target} atomically. */
    public static Built build(InputStream dictionary, Path target) throws IOException {
        return new WikiDictionaryBuilder().run(dictionary, target);
    }

    private Built run(InputStream dictionary, Path target) throws IOException {
        Path blobFile = Files.createTempFile(target.toAbsolutePath().getParent(), "titles", ".tmp");
        try {
            long blobBytes;
            try (OutputStream blob = new BufferedOutputStream(Files.newOutputStream(blobFile), 1 << 16);
                 BufferedReader in = new BufferedReader(new InputStreamReader(dictionary, StandardCharsets.UTF_8), 1 << 16)) {
                blobBytes = readTitlesAndAliases(in, blob);
            }
            Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), "aliases", ".tmp");
            try {
                Built built = write(partial, blobFile, blobBytes);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return built;
            } finally {
                Files.deleteIfExists(partial);
            }
        } finally {
            Files.deleteIfExists(blobFile);
        }
    }

    private long readTitlesAndAliases(BufferedReader in, OutputStream blob) throws IOException {
        String current = null;
        int aliasesOfCurrent = 0;
        long blobBytes = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lines++;
            int tab1 = line.indexOf('\t');
            int tab2 = tab1 < 0 ? -1 : line.indexOf('\t', tab1 + 1);
            if (tab2 < 0) {
                continue;
            }
            String title = line.substring(tab1 + 1, tab2);
            if (!title.equals(current)) {
                if (current != null) {
                    popularity[titleCount - 1] = popularityOf(aliasesOfCurrent);
                }
                byte[] bytes = title.replace('_', ' ').getBytes(StandardCharsets.UTF_8);
                startTitle(blobBytes);
                blob.write(bytes);
                blobBytes += bytes.length;
                if (blobBytes > Integer.MAX_VALUE) {
                    throw new IOException("title text over 2 GB: not a dictionary this index can hold");
                }
                current = title;
                aliasesOfCurrent = 0;
                String text = current.replace('_', ' ');
                boolean club = ClubTitles.isClub(text);
                for (String name : namesBorne(text)) {
                    add(AliasKey.hash(name), titleCount - 1, 0f, club);
                    String plain = AliasKey.withoutAccents(name);
                    if (!plain.equals(name)) {
                        add(AliasKey.hash(plain), titleCount - 1, 0f, club);
                    }
                }
            }
            aliasesOfCurrent++;
            String alias = line.substring(0, tab1);
            double prior;
            try {
                prior = Double.parseDouble(line.substring(tab2 + 1).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            if (prior >= MIN_PRIOR && usable(alias)) {
                add(AliasKey.hash(alias), titleCount - 1, (float) Math.min(1.0, prior), false);
                String plain = AliasKey.withoutAccents(alias);
                if (!plain.equals(alias) && namesItsPage(alias, current)) {
                    add(AliasKey.hash(plain), titleCount - 1, (float) Math.min(1.0, prior * ACCENTS_DROPPED), false);
                }
            }
        }
        if (current != null) {
            popularity[titleCount - 1] = popularityOf(aliasesOfCurrent);
        }
        startTitle(blobBytes);
        titleCount--; // the last entry only closes the final title's text
        return blobBytes;
    }

    private Built write(Path file, Path blobFile, long blobBytes) throws IOException {
        long[] keys = Arrays.copyOf(hashes, records);
        Arrays.parallelSort(keys);
        int keyCount = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keyCount == 0 || keys[keyCount - 1] != keys[i]) {
                keys[keyCount++] = keys[i];
            }
        }
        keys = Arrays.copyOf(keys, keyCount);
        int[] keyOf = new int[records];
        int[] starts = new int[keyCount + 1];
        for (int i = 0; i < records; i++) {
            keyOf[i] = Arrays.binarySearch(keys, hashes[i]);
            starts[keyOf[i] + 1]++;
        }
        hashes = null;
        for (int k = 0; k < keyCount; k++) {
            starts[k + 1] += starts[k];
        }
        int[] byKey = new int[records];
        int[] fill = Arrays.copyOf(starts, keyCount);
        for (int i = 0; i < records; i++) {
            byKey[fill[keyOf[i]]++] = i;
        }
        keyOf = null;
        fill = null;
        // Keep each key's best distinct titles, compacting in place.
        int[] kept = new int[records];
        int[] keptStarts = new int[keyCount + 1];
        int out = 0;
        Integer[] slice = new Integer[0];
        for (int k = 0; k < keyCount; k++) {
            keptStarts[k] = out;
            int from = starts[k];
            int to = starts[k + 1];
            if (slice.length < to - from) {
                slice = new Integer[to - from];
            }
            for (int i = from; i < to; i++) {
                slice[i - from] = byKey[i];
            }
            // By prior; among names borne with none, clubs first (a town's clubs would otherwise lose their
            // places to better-known namesakes: "Bolton" to John Bolton and Michael Bolton), then popularity.
            Arrays.sort(slice, 0, to - from, (a, b) -> {
                int byPrior = Float.compare(priors[b], priors[a]);
                if (byPrior != 0) {
                    return byPrior;
                }
                int byClub = Boolean.compare(clubs[b], clubs[a]);
                return byClub != 0 ? byClub : Integer.compare(popularity[titles[b]] & 0xff, popularity[titles[a]] & 0xff);
            });
            int taken = 0;
            for (int i = 0; i < to - from && taken < MAX_CANDIDATES; i++) {
                int record = slice[i];
                boolean seen = false;
                for (int j = keptStarts[k]; j < out && !seen; j++) {
                    seen = titles[kept[j]] == titles[record];
                }
                if (!seen) {
                    kept[out++] = record;
                    taken++;
                }
            }
        }
        keptStarts[keyCount] = out;
        try (DataOutputStream data = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            data.writeInt(WikiDictionary.MAGIC);
            data.writeInt(WikiDictionary.FORMAT);
            data.writeInt(titleCount);
            data.writeInt(keyCount);
            data.writeInt(out);
            data.writeLong(blobBytes);
            data.write(new byte[WikiDictionary.HEADER_BYTES - 28]);
            for (int t = 0; t <= titleCount; t++) {
                data.writeInt(titleOffsets[t]);
            }
            data.write(popularity, 0, titleCount);
            for (long key : keys) {
                data.writeLong(key);
            }
            for (int start : keptStarts) {
                data.writeInt(start);
            }
            for (int i = 0; i < out; i++) {
                data.writeInt(titles[kept[i]]);
            }
            for (int i = 0; i < out; i++) {
                data.writeShort((int) Math.round(priors[kept[i]] * WikiDictionary.PRIOR_SCALE));
            }
            Files.copy(blobFile, data);
        }
        return new Built(lines, titleCount, keyCount, out, Files.size(file));
    }

    /**
     * Whether an alias is the page's own name of two words or more, as its title spells it ("Życie Warszawy",
     * "Juan González" of "Juan González (baseball)"): only those are also kept without accents. Other accented aliases are
     * mostly other languages' names ("Géorgie"), whose plain spellings would crowd out English names.
     */
    private static boolean namesItsPage(String alias, String title) {
        if (alias.indexOf(' ') < 0) {
            return false; // a one-word page ("Münster", "Pärk") would take an English word or another place's name
        }
        String text = title.replace('_', ' ');
        return text.equals(alias) || (text.startsWith(alias) && text.startsWith(" (", alias.length()));
    }

    private void startTitle(long blobOffset) {
        if (titleCount + 1 >= titleOffsets.length) {
            titleOffsets = Arrays.copyOf(titleOffsets, titleOffsets.length * 2);
            popularity = Arrays.copyOf(popularity, popularity.length * 2);
        }
        titleOffsets[titleCount++] = (int) blobOffset;
    }

    private void add(long hash, int title, float prior, boolean club) {
        if (records == hashes.length) {
            int grown = records + (records >> 1);
            hashes = Arrays.copyOf(hashes, grown);
            titles = Arrays.copyOf(titles, grown);
            priors = Arrays.copyOf(priors, grown);
            clubs = Arrays.copyOf(clubs, grown);
        }
        hashes[records] = hash;
        titles[records] = title;
        priors[records] = prior;
        clubs[records] = club;
        records++;
    }

    /**
     * The names a title bears without being an alias of it: the name before a disambiguator ("Ajax
     * (mythology)", "Paris, Texas" bear "Ajax" and "Paris"), and the place a sports club or team is named
     * after ("Kilmarnock F.C.", "Hampshire County Cricket Club", "Samoa national rugby league team"), which
     * news copy writes alone and the NER tags as an organisation; and the last word of a title shaped like a
     * person's name ("Anthony Blinken" bears "Blinken"), so that a spelling variant the dictionary lacks
     * can still reach the page through its surname, and its initial and surname ("A. Blinken", as scorecards
     * write players' names).
     */
    static List<String> namesBorne(String title) {
        int paren = title.indexOf(" (");
        if (paren > 0 && title.endsWith(")")) {
            String name = title.substring(0, paren);
            return PERSON_LIKE.matcher(name).matches() ? List.of(name, initialled(name)) : List.of(name);
        }
        int comma = title.indexOf(", ");
        if (comma > 0 && title.indexOf(", ", comma + 2) < 0 && title.indexOf('.') < 0) {
            return List.of(title.substring(0, comma));
        }
        if (PERSON_LIKE.matcher(title).matches()) {
            return List.of(title.substring(title.lastIndexOf(' ') + 1), initialled(title));
        }
        return ClubTitles.towns(title);
    }

    /** "Nick Knight" → "N. Knight": how scorecards and results lists name players. */
    private static String initialled(String name) {
        return name.charAt(0) + ". " + name.substring(name.lastIndexOf(' ') + 1);
    }

    private static final java.util.regex.Pattern PERSON_LIKE = java.util.regex.Pattern.compile(
            "\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\.)? \\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?");

    static boolean usable(String alias) {
        if (alias.length() < 2 || alias.length() > MAX_ALIAS_CHARS || alias.contains("://") || alias.contains("www.")
                || alias.contains(":") || alias.toLowerCase(java.util.Locale.ROOT).contains("wiki")) {
            return false;
        }
        int words = 1;
        boolean letter = false;
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (c == ' ') {
                words++;
            } else if (c > 0x024f && (c < 0x2000 || c > 0x206f)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter && words <= MAX_ALIAS_WORDS;
    }

    private static byte popularityOf(int aliases) {
        return (byte) Math.min(255, Math.round(24 * Math.log1p(aliases)));
    }
}
