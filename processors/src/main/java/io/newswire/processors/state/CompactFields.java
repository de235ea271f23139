package io.newswire.processors.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HexFormat;

/**
 * Field encodings the binary store codecs share: variable-length integers, and strings that are usually
 * lower-case hex digests (content hashes; the article ids ingest derives from one) written as their bytes,
 * half the length of their digits.
 */
public final class CompactFields {

    private static final int HASH = 0;
    private static final int TEXT = 1;
    private static final int NONE = 2;
    private static final int ID = 3;

    private CompactFields() {
    }

    /**
     * A string that may be null: 64 or 32 lower-case hex digits (a SHA-256, a generated article id) as a form
     * byte and their 32 or 16 bytes; any other string as a form byte and its UTF; null as a form byte alone.
     */
    public static void writeHex(String s, DataOutputStream out) throws IOException {
        if (s == null) {
            out.writeByte(NONE);
        } else if ((s.length() == 64 || s.length() == 32) && isLowerHex(s)) {
            out.writeByte(s.length() == 64 ? HASH : ID);
            out.write(HexFormat.of().parseHex(s));
        } else {
            out.writeByte(TEXT);
            out.writeUTF(s);
        }
    }

    public static String readHex(DataInputStream in) throws IOException {
        int form = in.readByte();
        return switch (form) {
            case HASH -> hex(in, 32);
            case ID -> hex(in, 16);
            case TEXT -> in.readUTF();
            case NONE -> null;
            default -> throw new IOException("unknown string form " + form);
        };
    }

    /** A count: one byte below 255, else 255 and an int (a bucket's members: nearly always fewer). */
    public static void writeCount(int n, DataOutputStream out) throws IOException {
        if (n < 255) {
            out.writeByte(n);
        } else {
            out.writeByte(255);
            out.writeInt(n);
        }
    }

    public static int readCount(DataInputStream in) throws IOException {
        int n = in.readUnsignedByte();
        return n == 255 ? in.readInt() : n;
    }

    /** A long zig-zag coded ({@link #writeUnsigned}): small magnitudes of either sign take few bytes. */
    public static void writeVarLong(long value, DataOutputStream out) throws IOException {
        writeUnsigned((value << 1) ^ (value >> 63), out);
    }

    public static long readVarLong(DataInputStream in) throws IOException {
        long v = readUnsigned(in);
        return (v >>> 1) ^ -(v & 1);
    }

    /** A long read as unsigned, in 7-bit groups, low first: up to 127 in one byte. */
    public static void writeUnsigned(long value, DataOutputStream out) throws IOException {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    public static long readUnsigned(DataInputStream in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IOException("variable-length integer longer than 64 bits");
    }

    private static String hex(DataInputStream in, int bytes) throws IOException {
        byte[] raw = new byte[bytes];
        in.readFully(raw);
        return HexFormat.of().formatHex(raw);
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
