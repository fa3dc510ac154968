package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;
import dev.wasmtutorial.content.FrontMatterMemo;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parsed front matter kept between builds (see {@link FrontMatterMemo}), in one binary file beside
 * the render cache. Only blocks made of the values YAML gives for front matter (text, numbers,
 * booleans, null, lists and maps of those) are kept; anything else is parsed every time. Like the
 * other cache files it keeps the last build's blocks only, and is ignored when written by another
 * generator or damaged.
 */
final class FrontMatterCache implements FrontMatterMemo {

    private static final byte NULL = 0, TEXT = 1, INT = 2, LONG = 3, DOUBLE = 4, BOOLEAN = 5, LIST = 6, MAP = 7;

    private static final KeptValues.Codec<Map<String, Object>> CODEC = new KeptValues.Codec<>() {
        @Override
        public void write(DataOutputStream out, Map<String, Object> fields) throws IOException {
            writeValue(out, fields);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> read(DataInputStream in) throws IOException {
            return (Map<String, Object>) readValue(in);
        }

        @Override
        public boolean storable(Map<String, Object> fields) {
            return FrontMatterCache.storable(fields);
        }
    };

    private final KeptValues<Map<String, Object>> values;

    /** @param file where to keep the blocks, or null to keep them in memory only */
    FrontMatterCache(Path file, String generator) {
        this.values = new KeptValues<>(file, "front matter 1", generator, CODEC);
    }

    @Override
    public Map<String, Object> fields(String yaml, Supplier<Map<String, Object>> parse) {
        return values.get(yaml, () -> Collections.unmodifiableMap(parse.get()));
    }

    /** Ends a build: its blocks are what the next build will know. */
    void finish() {
        values.finish();
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
