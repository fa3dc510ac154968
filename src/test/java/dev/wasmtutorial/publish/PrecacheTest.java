package dev.wasmtutorial.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrecacheTest {

    @TempDir
    Path site;

    private void file(String path, String text) throws Exception {
        Files.createDirectories(site.resolve(path).getParent());
        Files.writeString(site.resolve(path), text);
    }

    @Test
    void pagesDemosAndEntryAssetsWithTheirStaticImportsButNotLazyChunksTheIndexOrLargeFiles() throws Exception {
        file("index.html", "<p>home</p>");
        file("demo/index.html", "<p>demo</p>");
        file("demo/dist/m.wasm", "wasm");
        file("demo/dist/m.wasm.json", "{}");
        file("demo/c/m.c", "int main(){}");
        file("demo/scripts/build.sh", "emcc");
        file("demo/wasm-checks.yaml", "modules: []");
        file("demo/dist/runtime.bin", "x".repeat((int) Precache.LARGE_BYTES + 1));
        file("assets/site-A.js", "import{a}from\"./chunk-1.js\";import\"./chunk-2.js\";import('./diagrams-B.js')");
        file("assets/chunk-1.js", "export const a=1");
        file("assets/chunk-2.js", "import{b}from\"./chunk-3.js\"");
        file("assets/chunk-3.js", "export const b=1");
        file("assets/diagrams-B.js", "import\"./chunk-big.js\"");
        file("assets/chunk-big.js", "mermaid");
        file("assets/site-C.css", "body{}");
        file("pagefind/pagefind.js", "index");
        List<String> all;
        try (var walk = Files.walk(site)) {
            all = walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).toList();
        }
        assertThat(Precache.select(site, all, List.of("site-A.js", "site-C.css", "missing.svg"))).containsExactly(
                "assets/chunk-1.js", "assets/chunk-2.js", "assets/chunk-3.js", "assets/site-A.js", "assets/site-C.css",
                "demo/dist/m.wasm", "demo/index.html", "index.html");
    }

    @Test
    void thePythonRuntimeIsLeftToFirstUseAndTheWorkerThatCachesItIsKept() throws Exception {
        file("python.html", "<p>runner</p>");
        file("assets/site-A.js", "import('./python-runner-B.js')");
        file("assets/python-runner-B.js", "new Worker(new URL('./python-worker-C.js', import.meta.url))");
        file("assets/python-worker-C.js", "loadPyodide({indexURL: './pyodide/'})");
        file("assets/pyodide/pyodide.mjs", "small loader");
        file("assets/pyodide/pyodide.asm.wasm", "x".repeat((int) Precache.LARGE_BYTES + 1));
        List<String> all;
        try (var walk = Files.walk(site)) {
            all = walk.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).toList();
        }
        assertThat(Precache.select(site, all, List.of("site-A.js"))).containsExactly("assets/site-A.js", "python.html");
        assertThat(ServiceWorker.script(java.util.Map.of("python.html", "h"), Precache.select(site, all, List.of("site-A.js")), List.of()))
                .contains("cache.put(request, response.clone())");
    }
}
