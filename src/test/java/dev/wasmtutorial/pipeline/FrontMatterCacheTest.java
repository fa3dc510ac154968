package dev.wasmtutorial.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterCacheTest {

    @TempDir
    Path dir;

    private final AtomicInteger parses = new AtomicInteger();

    private Path file() {
        return dir.resolve("cache/front-matter.bin");
    }

    private Supplier<Map<String, Object>> parse(Map<String, Object> fields) {
        return () -> {
            parses.incrementAndGet();
            return new LinkedHashMap<>(fields);
        };
    }

    private static Map<String, Object> sample() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Café");
        fields.put("order", 3);
        fields.put("big", 5_000_000_000L);
        fields.put("weight", 1.5);
        fields.put("draft", false);
        fields.put("nothing", null);
        fields.put("tags", new ArrayList<>(List.of("a", "b")));
        fields.put("nested", new LinkedHashMap<>(Map.of("k", List.of(1, 2))));
        return fields;
    }

    @Test
    void aBlockParsedByOneBuildIsReadBackByTheNextWithEveryTypeAndTheKeyOrder() {
        FrontMatterCache first = new FrontMatterCache(file(), "gen-1");
        Map<String, Object> fields = first.fields("title: Café\n", parse(sample()));
        first.finish();

        FrontMatterCache next = new FrontMatterCache(file(), "gen-1");
        Map<String, Object> back = next.fields("title: Café\n", parse(Map.of()));
        assertThat(parses).hasValue(1);
        assertThat(back).isEqualTo(fields);
        assertThat(back.keySet()).containsExactlyElementsOf(sample().keySet());
    }

    @Test
    void anotherGeneratorADamagedFileOrAnUnstorableValueMeanParsingAgain() throws Exception {
        FrontMatterCache first = new FrontMatterCache(file(), "gen-1");
        first.fields("a: 1\n", parse(Map.of("a", 1)));
        first.fields("when: x\n", parse(Map.of("when", new java.util.Date(0))));
        first.finish();

        new FrontMatterCache(file(), "gen-2").fields("a: 1\n", parse(Map.of("a", 1)));
        assertThat(parses).as("another generator").hasValue(3);
        FrontMatterCache same = new FrontMatterCache(file(), "gen-1");
        same.fields("a: 1\n", parse(Map.of("a", 1)));
        same.fields("when: x\n", parse(Map.of("when", new java.util.Date(0))));
        assertThat(parses).as("the date was not kept, the number was").hasValue(4);

        byte[] bytes = Files.readAllBytes(file());
        Files.write(file(), Arrays.copyOf(bytes, bytes.length - 3));
        new FrontMatterCache(file(), "gen-1").fields("a: 1\n", parse(Map.of("a", 1)));
        assertThat(parses).hasValue(5);
    }
}
