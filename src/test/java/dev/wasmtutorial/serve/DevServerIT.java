package dev.wasmtutorial.serve;

import dev.wasmtutorial.TestFiles;
import dev.wasmtutorial.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * serve --watch when builds fail: a failed demo build is owed until one succeeds (an unrelated
 * edit must not publish the module from before the error), the error reaches the open pages'
 * event stream, and a failing first build leaves the server up and waiting for the fix.
 */
class DevServerIT {

    @TempDir
    Path root;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    /** A project with one page and one demo whose build script fails while its source says BROKEN. */
    private SiteConfig project(String page) throws Exception {
        TestFiles.copyTree(Path.of("templates"), root.resolve("templates"));
        Files.createDirectories(root.resolve("content"));
        Files.writeString(root.resolve("content/index.md"), page);
        Path demo = root.resolve("demo");
        TestFiles.writeFixtureDemo(demo, "<!DOCTYPE html><html><head><title>Demo</title></head><body><a href=\"../index.html\">Home</a></body></html>");
        Files.move(demo.resolve("dist/add_and_log.wasm"), Files.createDirectories(demo.resolve("prebuilt")).resolve("add_and_log.fixture"));
        Files.writeString(demo.resolve("source.txt"), "fine\n");
        Files.createDirectories(demo.resolve("scripts"));
        Files.writeString(demo.resolve("scripts/build.sh"), """
                set -e
                cd "$(dirname "$0")/.."
                if grep -q BROKEN source.txt; then echo "source.txt:1: error: the source says BROKEN" >&2; exit 1; fi
                mkdir -p dist && cp prebuilt/add_and_log.fixture dist/add_and_log.wasm
                """);
        Path checks = demo.resolve("wasm-checks.yaml");
        Files.writeString(checks, "build: scripts/build.sh\n" + Files.readString(checks));
        return SiteConfig.builder(root).outDir(root.resolve("dev-site")).reportsDir(root.resolve("reports"))
                .siteTitle("Dev server test").demoDirs(List.of(demo)).buildDemos(true).build();
    }

    @Test
    void aFailedDemoBuildStaysOwedUntilItSucceeds() throws Exception {
        SiteConfig config = project("---\ntitle: Home\ndescription: A test page.\n---\n\nSee [the demo](../demo/index.html).\n");
        try (DevServer dev = new DevServer(config, "127.0.0.1", 0, "/", new PrintStream(log, true))) {
            assertThat(Files.exists(root.resolve("dev-site/demo/dist/add_and_log.wasm"))).isTrue();
            CompletableFuture<String> error = firstEvent(dev, "build-error");

            Files.writeString(root.resolve("demo/source.txt"), "BROKEN\n");
            waitUntil(() -> count(log.toString(), "(still serving the last good build)") == 1);
            assertThat(error.get(10, TimeUnit.SECONDS)).contains("the source says BROKEN");
            int rebuilds = dev.rebuilds();

            // An edit elsewhere: the demo's script must run again, and fail again.
            Files.writeString(root.resolve("content/index.md"), "---\ntitle: Home\ndescription: A test page.\n---\n\nEdited. See [the demo](../demo/index.html).\n");
            waitUntil(() -> count(log.toString(), "(still serving the last good build)") == 2);
            assertThat(dev.rebuilds()).isEqualTo(rebuilds);
            assertThat(Files.readString(root.resolve("dev-site/index.html"))).doesNotContain("Edited.");

            Files.writeString(root.resolve("demo/source.txt"), "fine again\n");
            waitUntil(() -> dev.rebuilds() > rebuilds);
            assertThat(Files.readString(root.resolve("dev-site/index.html"))).contains("Edited.");
        } catch (AssertionError | RuntimeException e) {
            System.out.println("dev server log:\n" + log);
            throw e;
        }
    }

    @Test
    void aFailingFirstBuildLeavesTheServerWaitingForTheFix() throws Exception {
        SiteConfig config = project("---\ntitle: [broken\n---\n");
        try (DevServer dev = new DevServer(config, "127.0.0.1", 0, "/", new PrintStream(log, true))) {
            assertThat(log.toString()).contains("content/index.md:2: error: malformed front matter");
            // A page opened now is told why at once.
            assertThat(firstEvent(dev, "build-error").get(10, TimeUnit.SECONDS)).contains("content/index.md:2: error: malformed front matter");

            Files.writeString(root.resolve("content/index.md"), "---\ntitle: Fixed\ndescription: A test page.\n---\n\nSee [the demo](../demo/index.html).\n");
            waitUntil(() -> dev.rebuilds() == 1);
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(dev.server().url().resolve("index.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<title>Fixed");
        } catch (AssertionError | RuntimeException e) {
            System.out.println("dev server log:\n" + log);
            throw e;
        }
    }

    @Test
    void aDemoFolderDeletedAndRestoredIsWatchedAgain(@TempDir Path elsewhere) throws Exception {
        SiteConfig config = project("---\ntitle: Home\ndescription: A test page.\n---\n\nSee [the demo](../demo/index.html).\n");
        try (DevServer dev = new DevServer(config, "127.0.0.1", 0, "/", List.of(), true, new PrintStream(log, true))) {
            // A file outside content, templates and demos: rebuilt, nothing on the site changed.
            Files.writeString(root.resolve("NOTES.txt"), "not part of the site\n");
            waitUntil(() -> log.toString().contains("the site is unchanged"));

            // Gone (a branch switch): the page's link to it breaks.
            Files.move(root.resolve("demo"), elsewhere.resolve("demo"));
            waitUntil(() -> count(log.toString(), "(still serving the last good build)") == 1);
            int rebuilds = dev.rebuilds();
            // Back: published again, and its files are watched again.
            Files.move(elsewhere.resolve("demo"), root.resolve("demo"));
            waitUntil(() -> dev.rebuilds() > rebuilds);
            assertThat(Files.exists(root.resolve("dev-site/demo/dist/add_and_log.wasm"))).isTrue();
            Files.writeString(root.resolve("demo/source.txt"), "BROKEN\n");
            waitUntil(() -> count(log.toString(), "(still serving the last good build)") == 2);
            assertThat(log.toString()).contains("the source says BROKEN");
        } catch (AssertionError | RuntimeException e) {
            System.out.println("dev server log:\n" + log);
            throw e;
        }
    }

    @Test
    void anErrorEventCarriesEveryLineAsItsOwnDataField() {
        assertThat(LiveReload.errorFrame("a.md:1: error: x\nsecond line"))
                .isEqualTo("event: build-error\ndata: a.md:1: error: x\ndata: second line\n\n");
    }

    /** The data of the first event of {@code type} on a live-reload stream opened now (the stream is connected on return). */
    private static CompletableFuture<String> firstEvent(DevServer dev, String type) throws Exception {
        URI url = dev.server().url().resolve("__livereload");
        HttpResponse<java.io.InputStream> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        return CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                boolean inEvent = false;
                StringBuilder data = new StringBuilder();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.equals("event: " + type)) {
                        inEvent = true;
                    } else if (inEvent && line.startsWith("data: ")) {
                        data.append(line.substring(6)).append('\n');
                    } else if (inEvent && line.isEmpty()) {
                        return data.toString();
                    }
                }
                throw new AssertionError("the stream ended without a " + type + " event");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
