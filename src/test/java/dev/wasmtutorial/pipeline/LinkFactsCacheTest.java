package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.check.PageLinks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class LinkFactsCacheTest {

    @TempDir
    Path dir;

    private final AtomicInteger scans = new AtomicInteger();

    private Supplier<PageLinks> scan(PageLinks result) {
        return () -> {
            scans.incrementAndGet();
            return result;
        };
    }

    private Path file() {
        return dir.resolve("cache/link-facts.bin");
    }

    @Test
    void factsFoundByOneBuildAreReusedByTheNextProcess() {
        PageLinks links = new PageLinks(List.of("b.html#x", "https://example.org/", "b.html#x"), Set.of("top", "x"));
        LinkFactsCache first = new LinkFactsCache(file(), "gen-1");
        assertThat(first.get("aa", scan(links))).isEqualTo(links);
        first.finish();

        LinkFactsCache second = new LinkFactsCache(file(), "gen-1");
        assertThat(second.get("aa", scan(new PageLinks(List.of(), Set.of())))).isEqualTo(links);
        assertThat(scans).hasValue(1);
    }

    @Test
    void anotherGeneratorOrADamagedFileMeansScanningAgain() throws Exception {
        PageLinks links = new PageLinks(List.of("a.html"), Set.of());
        LinkFactsCache first = new LinkFactsCache(file(), "gen-1");
        first.get("aa", scan(links));
        first.finish();

        new LinkFactsCache(file(), "gen-2").get("aa", scan(links));
        assertThat(scans).hasValue(2);

        byte[] bytes = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        new LinkFactsCache(file(), "gen-1").get("aa", scan(links));
        assertThat(scans).hasValue(3);
    }

    @Test
    void onlyTheLastBuildsPagesAreKept() {
        LinkFactsCache cache = new LinkFactsCache(file(), "gen-1");
        cache.get("old", scan(new PageLinks(List.of("old.html"), Set.of())));
        cache.finish();
        cache.get("new", scan(new PageLinks(List.of("new.html"), Set.of())));
        cache.finish();

        LinkFactsCache later = new LinkFactsCache(file(), "gen-1");
        later.get("new", scan(new PageLinks(List.of(), Set.of())));
        later.get("old", scan(new PageLinks(List.of(), Set.of())));
        assertThat(scans).as("new was kept, old was dropped").hasValue(3);
    }

    @Test
    void hrefsLongerThan64KiloBytesSurvive() {
        String dataUrl = "data:image/png;base64," + "A".repeat(100_000);
        LinkFactsCache first = new LinkFactsCache(file(), "gen-1");
        first.get("aa", scan(new PageLinks(List.of(dataUrl), Set.of("é"))));
        first.finish();
        PageLinks back = new LinkFactsCache(file(), "gen-1").get("aa", scan(new PageLinks(List.of(), Set.of())));
        assertThat(back.hrefs()).containsExactly(dataUrl);
        assertThat(back.ids()).containsExactly("é");
    }
}
