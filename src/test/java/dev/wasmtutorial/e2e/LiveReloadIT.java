package dev.wasmtutorial.e2e;

import dev.wasmtutorial.TestFiles;

import com.microsoft.playwright.Page;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.serve.DevServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * serve --watch on a copy of the project: an edit to a page reaches the open browser tab by
 * itself, and a broken edit keeps the last good site and shows its error over the page until
 * fixed. Prints the measured edit-to-reload latency.
 */
class LiveReloadIT {

    @TempDir
    Path root;

    @Test
    void editsReachTheOpenPageAndBrokenEditsKeepTheLastGoodSite() throws Exception {
        for (String dir : List.of("content", "templates", "minimal-demo", "emscripten-starter-pack", "strings-demo")) {
            TestFiles.copyTree(Path.of(dir), root.resolve(dir));
        }
        SiteConfig config = SiteConfig.builder(root).outDir(root.resolve("dev-site")).reportsDir(root.resolve("reports"))
                .siteTitle("Live reload test")
                .demoDirs(List.of(root.resolve("minimal-demo"), root.resolve("emscripten-starter-pack"), root.resolve("strings-demo")))
                .buildDemos(false).build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path page = root.resolve("content/part_ii.md");
        String original = Files.readString(page);

        DevServer dev = new DevServer(config, "127.0.0.1", 0, "/", new PrintStream(log, true));
        try (dev; Chromium chromium = new Chromium()) {
            Page tab = chromium.browser.newPage();
            // When each page load finished: the reload after an edit is the first one after it.
            List<Long> loads = java.util.Collections.synchronizedList(new ArrayList<>());
            tab.onLoad(p -> loads.add(System.nanoTime()));
            tab.navigate(dev.server().url().resolve("part_ii.html").toString());
            waitUntil(() -> dev.server().liveReload().clientCount() > 0, 10_000);

            List<Long> latencies = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                String marker = "Edit number " + i + " reached the page.";
                long start = System.nanoTime();
                Files.writeString(page, original + "\n" + marker + "\n");
                assertThat(tab.locator("text=" + marker)).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                        .IsVisibleOptions().setTimeout(15_000));
                // Measured to the reloaded page's load event, not to the assertion's next poll. The text
                // can be visible before that event arrives, so wait for it.
                tab.waitForCondition(() -> loads.stream().anyMatch(t -> t > start));
                long loaded = loads.stream().filter(t -> t > start).findFirst().orElseThrow();
                latencies.add((loaded - start) / 1_000_000);
                Thread.sleep(200); // let the file watcher settle between edits
            }
            latencies.sort(Long::compare);
            System.out.printf("live reload: edit -> reloaded page loaded: median %d ms, max %d ms over %d edits"
                            + " (last rebuild %d ms)%n", latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1),
                    latencies.size(), dev.lastRebuildMillis());

            int rebuildsBefore = dev.rebuilds();
            Files.writeString(page, "---\ntitle: [broken\n---\n");
            waitUntil(() -> log.toString().contains("content/part_ii.md:2: error: malformed front matter"), 10_000);
            assertThat(log.toString()).contains("(still serving the last good build)");
            assertThat(dev.rebuilds()).isEqualTo(rebuildsBefore);
            // The open page shows why, over the last good build; so does a page loaded now.
            assertThat(tab.locator("#livereload-error")).containsText("content/part_ii.md:2: error: malformed front matter");
            tab.reload();
            assertThat(tab.locator("text=Edit number 5 reached the page.")).isVisible();
            assertThat(tab.locator("#livereload-error")).containsText("content/part_ii.md:2: error: malformed front matter");
            // The fix reloads the page, without the error.
            Files.writeString(page, original + "\nFixed after the error.\n");
            assertThat(tab.locator("text=Fixed after the error.")).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions
                    .IsVisibleOptions().setTimeout(15_000));
            assertThat(tab.locator("#livereload-error")).hasCount(0);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("dev server log:\n" + log);
            System.out.println("live reload clients: " + dev.server().liveReload().clientCount());
            throw e;
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within " + timeoutMillis + " ms");
            }
            Thread.sleep(20);
        }
    }

}
