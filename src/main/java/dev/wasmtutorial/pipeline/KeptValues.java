package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values by key kept between builds in one binary file (thousands of small files would cost more
 * to open than what they save): read on first use, written again only when a build made or
 * dropped a value, keeping the last build's values only. A file written by another generator, in
 * another format, or damaged counts as empty. Thread-safe: pages are processed in parallel.
 */
final class KeptValues<V> {

    /** How one value is written and read back; values it cannot store are made again by every build. */
    interface Codec<V> {
        void write(DataOutputStream out, V value) throws IOException;

        V read(DataInputStream in) throws IOException;

        default boolean storable(V value) {
            return true;
        }
    }

    private final Path file;
    private final String header;
    private final Codec<V> codec;
    private Map<String, V> known;
    private final Map<String, V> used = new ConcurrentHashMap<>();
    private volatile boolean made;

    /**
     * @param file   where to keep the values, or null to keep them in memory only
     * @param format names the file's layout and version: a file with another one is ignored
     */
    KeptValues(Path file, String format, String generator, Codec<V> codec) {
        this.file = file;
        this.header = format + "\0" + generator;
        this.codec = codec;
    }

    /** The value for {@code key}: kept, or made by {@code make} (which may throw: nothing is kept then). */
    V get(String key, Supplier<V> make) {
        V value = used.get(key);
        if (value == null) {
            value = known().get(key);
        }
        if (value == null) {
            value = make.get();
            made = true;
        }
        used.put(key, value);
        return value;
    }

    /** Ends a build: what it used is what the next build will know; written if that changed. */
    synchronized void finish() {
        boolean changed = made || used.size() != known().size();
        known = new HashMap<>(used);
        used.clear();
        made = false;
        if (changed && file != null) {
            write();
        }
    }

    private synchronized Map<String, V> known() {
        if (known == null) {
            known = file == null ? new HashMap<>() : read();
        }
        return known;
    }

    private Map<String, V> read() {
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (!header.equals(BinaryData.readString(in))) {
                return new HashMap<>();
            }
            int count = in.readInt();
            Map<String, V> values = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String key = BinaryData.readString(in);
                values.put(key, codec.read(in));
            }
            return values;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>(); // torn or foreign: make them again
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Map<String, V> storable = new HashMap<>();
            known.forEach((key, value) -> {
                if (codec.storable(value)) {
                    storable.put(key, value);
                }
            });
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                BinaryData.writeString(out, header);
                out.writeInt(storable.size());
                for (Map.Entry<String, V> e : storable.entrySet()) {
                    BinaryData.writeString(out, e.getKey());
                    codec.write(out, e.getValue());
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only time is lost: the next build makes them again.
        }
    }
}
