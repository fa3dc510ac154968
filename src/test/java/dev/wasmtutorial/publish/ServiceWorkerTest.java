package dev.wasmtutorial.publish;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceWorkerTest {

    @Test
    void precachesEveryFileAndEachFoldersIndexByItsUrl() {
        String script = ServiceWorker.script(new TreeMap<>(Map.of(
                "index.html", "a", "minimal-demo/index.html", "b", "minimal-demo/dist/add_and_log.wasm", "c")));
        assertThat(script).contains("'./'", "'index.html'", "'minimal-demo/'", "'minimal-demo/index.html'",
                "'minimal-demo/dist/add_and_log.wasm'");
    }

    @Test
    void cacheVersionChangesWithAnyFileAndOnlyThen() {
        Map<String, String> site = new TreeMap<>(Map.of("index.html", "hash1", "a.css", "hash2"));
        String version = ServiceWorker.version(site);
        assertThat(ServiceWorker.version(new TreeMap<>(site))).isEqualTo(version);
        site.put("a.css", "hash3");
        assertThat(ServiceWorker.version(site)).isNotEqualTo(version);
    }

    @Test
    void largeFilesAreKeyedByTheirContentHashInACacheThatNewVersionsKeep() {
        Map<String, String> files = new TreeMap<>(Map.of("index.html", "h1", "assets/pyodide/pyodide.asm.wasm", "h2", "it's.zip", "h3"));
        String script = ServiceWorker.script(files, List.of("index.html"), List.of("assets/pyodide/pyodide.asm.wasm", "it's.zip"));
        assertThat(script).contains("const LARGE_CACHE = PREFIX + 'large-files';",
                "  'assets/pyodide/pyodide.asm.wasm': 'h2',\n  'it\\'s.zip': 'h3'\n};",
                // Deleting old versions spares the large files' cache, then drops what no file names any more.
                "k !== CACHE && k !== LARGE_CACHE", "!current.has(r.url)");
        assertThat(script.substring(script.indexOf("const FILES"), script.indexOf("];"))).contains("'index.html'").doesNotContain("pyodide");
    }

    @Test
    void largeFilesAreThoseOverTheLimitButNeverTheServiceWorker() {
        Map<String, Long> sizes = Map.of("a.html", 10L, "big.wasm", Precache.LARGE_BYTES + 1, "edge.js", Precache.LARGE_BYTES,
                ServiceWorker.FILE, Precache.LARGE_BYTES * 2);
        assertThat(Precache.large(sizes::get, sizes.keySet())).containsExactly("big.wasm");
    }
}
