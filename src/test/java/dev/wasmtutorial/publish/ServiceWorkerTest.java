package dev.wasmtutorial.publish;

import org.junit.jupiter.api.Test;

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
}
