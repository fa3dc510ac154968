package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.wasm.ValidationCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two builds publishing to the same folder at once (two CLI builds, or one during serve --watch's
 * rebuilds): after each pair the folder holds exactly one complete build, never a mix or a half.
 */
class ConcurrentPublishTest {

    @TempDir
    Path dir;

    @Test
    void twoBuildsAtOnceLeaveExactlyOneCompleteSite() throws Exception {
        TestProject a = new TestProject(dir.resolve("a"));
        TestProject b = new TestProject(dir.resolve("b"));
        b.page("extra.md", "Extra", 3, "# Only in B\n");
        // A builds the way serve --watch does: live reload, caches kept between rebuilds.
        SiteConfig configA = a.config().toBuilder().extraScript(dev.wasmtutorial.serve.LiveReload.CLIENT).build();
        RenderCache renderCache = new RenderCache();
        ValidationCache validationCache = new ValidationCache();
        Map<String, String> siteA = buildInto(configA, dir.resolve("ref-a"), renderCache, validationCache);
        Map<String, String> siteB = buildInto(b.config(), dir.resolve("ref-b"), null, null);
        assertThat(siteA).isNotEqualTo(siteB);

        Path shared = dir.resolve("shared/site");
        for (int round = 0; round < 6; round++) {
            CyclicBarrier start = new CyclicBarrier(2);
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
                await(start);
                quiet(configA.withOutDir(shared), renderCache, validationCache).build();
            });
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                await(start);
                quiet(b.config().withOutDir(shared), null, null).build();
            });
            CompletableFuture.allOf(first, second).get(120, TimeUnit.SECONDS);
            assertThat(TestProject.snapshot(shared)).as("round %d", round).isIn(siteA, siteB);
        }
        try (var siblings = Files.list(shared.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", ".site.lock", ".site.published");
        }
    }

    private static Map<String, String> buildInto(SiteConfig config, Path out, RenderCache renderCache, ValidationCache validationCache)
            throws Exception {
        quiet(config.withOutDir(out), renderCache, validationCache).build();
        return TestProject.snapshot(out);
    }

    private static SiteBuilder quiet(SiteConfig config, RenderCache renderCache, ValidationCache validationCache) {
        return new SiteBuilder(config, new PrintStream(OutputStream.nullOutputStream()), renderCache, validationCache);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
