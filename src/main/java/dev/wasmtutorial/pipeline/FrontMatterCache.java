package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;
import dev.wasmtutorial.content.FrontMatterMemo;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Parsed front matter kept between builds (see {@link FrontMatterMemo}), in one binary file beside
 * the render cache. Only blocks made of the values YAML gives for front matter (text, numbers,
 * booleans, null, lists and maps of those) are kept; anything else is parsed every time. Like the
 * other cache files it keeps the last build's blocks only, and is ignored when written by another
 * generator or damaged.
 */
final class FrontMatterCache implements FrontMatterMemo {

    private static final int FORMAT = 1;
    private static final byte NULL = 0, TEXT = 1, INT = 2, LONG = 3, DOUBLE = 4, BOOLEAN = 5, LIST = 6, MAP = 7;

    private final Path file;
    private final String generator;
    private Map<String, Map<String, Object>> known;
    private final Map<String, Map<String, Object>> used = new ConcurrentHashMap<>();
    private volatile boolean parsed;

    /** @param file where to keep the blocks, or null to keep them in memory only */
    FrontMatterCache(Path file, String generator) {
        this.file = file;
        this.generator = generator;
    }

    @Override
    public Map<String, Object> fields(String yaml, Supplier<Map<String, Object>> parse) {
        Map<String, Object> fields = used.get(yaml);
        if (fields == null) {
            fields = known().get(yaml);
        }
        if (fields == null) {
            fields = Collections.unmodifiableMap(parse.get());
            parsed = true;
        }
        used.put(yaml, fields);
        return fields;
    }

    /** Ends a build: its blocks are what the next build will know; written if that changed. */
    synchronized void finish() {
        boolean changed = parsed || used.size() != known().size();
        known = new HashMap<>(used);
        used.clear();
        parsed = false;
        if (changed && file != null) {
            write();
        }
    }

    private synchronized Map<String, Map<String, Object>> known() {
        if (known == null) {
            known = file == null ? new HashMap<>() : read();
        }
        return known;
    }

    private Map<String, Map<String, Object>> read() {
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != FORMAT || !generator.equals(BinaryData.readString(in))) {
                return new HashMap<>();
            }
            int count = in.readInt();
            Map<String, Map<String, Object>> blocks = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String yaml = BinaryData.readString(in);
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) readValue(in);
                blocks.put(yaml, fields);
            }
            return blocks;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>(); // torn or foreign: parse again
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "front-matter", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeInt(FORMAT);
                BinaryData.writeString(out, generator);
                Map<String, Map<String, Object>> storable = new HashMap<>();
                known.forEach((yaml, fields) -> {
                    if (storable(fields)) {
                        storable.put(yaml, fields);
                    }
                });
                out.writeInt(storable.size());
                for (Map.Entry<String, Map<String, Object>> e : storable.entrySet()) {
                    BinaryData.writeString(out, e.getKey());
                    writeValue(out, e.getValue());
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only time is lost: the next build parses again.
        }
    }

    private static boolean storable(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Double
                || value instanceof Boolean) {
            return true;
        }
        if (value instanceof List<?> list) {
            return list.stream().allMatch(FrontMatterCache::storable);
        }
        if (value instanceof Map<?, ?> map) {
            return map.keySet().stream().allMatch(k -> k instanceof String) && map.values().stream().allMatch(FrontMatterCache::storable);
        }
        return false;
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(TEXT);
            BinaryData.writeString(out, s);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object item : list) {
                writeValue(out, item);
            }
        } else {
            Map<?, ?> map = (Map<?, ?>) value; // storable() let nothing else through
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                BinaryData.writeString(out, (String) e.getKey());
                writeValue(out, e.getValue());
            }
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte type = in.readByte();
        switch (type) {
            case NULL:
                return null;
            case TEXT:
                return BinaryData.readString(in);
            case INT:
                return in.readInt();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case LIST: {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(in));
                }
                return Collections.unmodifiableList(list);
            }
            case MAP: {
                int size = in.readInt();
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(BinaryData.readString(in), readValue(in));
                }
                return Collections.unmodifiableMap(map);
            }
            default:
                throw new IOException("unknown value type " + type);
        }
    }
}
