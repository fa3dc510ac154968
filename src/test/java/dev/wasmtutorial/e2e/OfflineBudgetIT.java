package dev.wasmtutorial.e2e;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The built site's service worker fetches what a reader needs on the first visit, and stays under 500 KB. */
class OfflineBudgetIT {

    private final Path site = Path.of(System.getProperty("site.dir", "site")).toAbsolutePath();

    private static long gzipped(Path file) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out)) {
            gzip.write(Files.readAllBytes(file));
        }
        return out.size();
    }

    @Test
    void firstVisitPrecachesPagesCoreAssetsAndDemoModulesInUnder500KB() throws Exception {
        String sw = Files.readString(site.resolve("sw.js"));
        String list = sw.substring(sw.indexOf("const FILES = ["), sw.indexOf("];"));
        List<String> files = Pattern.compile("'([^']+)'").matcher(list).results().map(m -> m.group(1))
                .filter(p -> !p.equals("./") && !p.endsWith("/")).toList();
        long bytes = 0;
        long transferred = 0;
        for (String f : files) {
            assertThat(site.resolve(f)).as(f).isRegularFile();
            bytes += Files.size(site.resolve(f));
            transferred += gzipped(site.resolve(f));
        }
        System.out.printf("service worker precaches %d files, %d KB (%d KB gzip-compressed, as the preview server sends them)%n",
                files.size(), bytes / 1024, transferred / 1024);
        // The budget is what a first visit transfers: pages and assets travel compressed.
        assertThat(transferred).isLessThan(500 * 1024);
        try (Stream<Path> walk = Files.walk(site)) {
            List<String> needed = walk.map(p -> site.relativize(p).toString())
                    .filter(p -> p.endsWith(".html") || p.endsWith(".wasm"))
                    .filter(p -> !p.startsWith("assets/pyodide/")).toList(); // the Python runtime: cached on first Run
            assertThat(needed).as("the site has pages and demo modules").isNotEmpty();
            assertThat(files).containsAll(needed);
        }
        assertThat(files).noneMatch(p -> p.startsWith("pagefind/")).noneMatch(p -> p.startsWith("assets/pyodide/")).noneMatch(p -> p.endsWith("wasm-checks.yaml")).noneMatch(p -> p.toLowerCase(Locale.ROOT).matches(".*(mermaid|diagram).*"))
                .anyMatch(p -> p.matches("assets/site-.*\\.css")).anyMatch(p -> p.matches("assets/site-.*\\.js"));
    }
}
