package io.newswire.processors.nlp.link;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Wikipedia aliases to candidate titles, memory-mapped from the file {@link WikiDictionaryBuilder} writes.
 * Nothing is loaded onto the heap: a lookup is a binary search over the sorted alias hashes and a few reads
 * of the candidates it points to, so the resident size is only the pages that lookups touch (the operating
 * system's page cache, shared by every stream thread and instance on the host). Thread-safe: reads use
 * absolute positions only.
 */
public final class WikiDictionary {

    static final int MAGIC = 0x4e574b42;
    static final int FORMAT = 10;
    static final int HEADER_BYTES = 32;
    /** Priors are stored as shorts: P(title | alias) × this. */
    static final int PRIOR_SCALE = Short.MAX_VALUE;

    /** A title an alias may name: P(title | alias) from link anchors (0 when the title only bears the name), and its popularity. */
    public record Candidate(String title, double prior, int popularity) {
    }

    private final int titleCount;
    private final int keyCount;
    private final IntBuffer titleOffsets;
    private final ByteBuffer popularity;
    private final LongBuffer keyHashes;
    private final IntBuffer keyStarts;
    private final IntBuffer candidateTitles;
    private final ShortBuffer candidatePriors;
    private final ByteBuffer blob;

    private WikiDictionary(MappedByteBuffer map) throws IOException {
        if (map.getInt(0) != MAGIC || map.getInt(4) != FORMAT) {
            throw new IOException("not a newswire alias index of format " + FORMAT);
        }
        titleCount = map.getInt(8);
        keyCount = map.getInt(12);
        int candidateCount = map.getInt(16);
        long blobBytes = map.getLong(20);
        int at = HEADER_BYTES;
        titleOffsets = slice(map, at, 4L * (titleCount + 1)).asIntBuffer();
        at += 4 * (titleCount + 1);
        popularity = slice(map, at, titleCount);
        at += titleCount;
        keyHashes = slice(map, at, 8L * keyCount).asLongBuffer();
        at += 8 * keyCount;
        keyStarts = slice(map, at, 4L * (keyCount + 1)).asIntBuffer();
        at += 4 * (keyCount + 1);
        candidateTitles = slice(map, at, 4L * candidateCount).asIntBuffer();
        at += 4 * candidateCount;
        candidatePriors = slice(map, at, 2L * candidateCount).asShortBuffer();
        at += 2 * candidateCount;
        blob = slice(map, at, blobBytes);
        if (at + blobBytes != map.capacity()) {
            throw new IOException("alias index truncated or padded: " + map.capacity() + " bytes, expected " + (at + blobBytes));
        }
    }

    public static WikiDictionary open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException(file + " is larger than one mapping (2 GB)");
            }
            // The mapping outlives the channel.
            return new WikiDictionary(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
        }
    }

    private static ByteBuffer slice(ByteBuffer map, int at, long length) throws IOException {
        if (at < 0 || at + length > map.capacity()) {
            throw new IOException("alias index truncated");
        }
        return map.slice(at, (int) length);
    }

    /** The candidates for an alias, most probable first (at most {@link WikiDictionaryBuilder#MAX_CANDIDATES}). */
    public List<Candidate> candidates(String alias) {
        int key = find(AliasKey.hash(alias));
        if (key < 0) {
            return List.of();
        }
        int from = keyStarts.get(key);
        int to = keyStarts.get(key + 1);
        List<Candidate> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            int title = candidateTitles.get(i);
            String name = title(title);
            // A title with an invisible character ("Bos\u00adton") is an artefact of the dictionary's extraction:
            // its alias key matches the real name's, and its prior would win over the real page.
            if (!INVISIBLE.matcher(name).find()) {
                out.add(new Candidate(name, (double) candidatePriors.get(i) / PRIOR_SCALE, popularity.get(title) & 0xff));
            }
        }
        return out;
    }

    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("\\p{Cf}");

    public boolean contains(String alias) {
        return find(AliasKey.hash(alias)) >= 0;
    }

    public int titles() {
        return titleCount;
    }

    public int aliases() {
        return keyCount;
    }

    private int find(long hash) {
        int low = 0;
        int high = keyCount - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long value = keyHashes.get(mid);
            if (value < hash) {
                low = mid + 1;
            } else if (value > hash) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    private String title(int id) {
        int from = titleOffsets.get(id);
        int to = titleOffsets.get(id + 1);
        byte[] bytes = new byte[to - from];
        blob.get(from, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
