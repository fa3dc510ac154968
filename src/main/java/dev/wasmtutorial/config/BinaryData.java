package dev.wasmtutorial.config;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Strings and lists of strings in the build's own binary files (the build cache, the published
 * site's record): length-prefixed UTF-8, with -1 for null. Not {@link DataOutputStream#writeUTF}: it stops at 64 KB, and a page or an href
 * (a data: URL) can be longer. Binary because a rebuild reads every entry: parsing thousands of
 * JSON files cost more than everything else a rebuild of unchanged pages did (measured).
 */
public final class BinaryData {

    private BinaryData() {
    }

    public static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s == null ? null : s.getBytes(StandardCharsets.UTF_8));
    }

    public static String readString(DataInputStream in) throws IOException {
        byte[] bytes = readBytes(in);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Bytes as {@link #writeString} writes a string's UTF-8 (so either reads what the other wrote). */
    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }

    public static void writeStrings(DataOutputStream out, Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String s : strings) {
            writeString(out, s);
        }
    }

    public static List<String> readStrings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> strings = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            strings.add(readString(in));
        }
        return strings;
    }
}
