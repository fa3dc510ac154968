package dev.wasmtutorial.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two generator processes publishing into one folder at once (ConcurrentPublishTest does the same
 * with two builders in one JVM): the lock beside the folder is an OS file lock, so it must hold
 * between processes too. Every round ends with exactly one complete site, never a mix, and no
 * staging folder left behind.
 */
class TwoProcessPublishIT {

    private static final Path JAR = Path.of("target/wasm-tutorial.jar").toAbsolutePath();

    @TempDir
    Path dir;

    private Process build(Path root, Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString(), "build", "--root",
                root.toString(), "--out", out.toString(), "--skip-demo-build", "--no-cache")
                .redirectErrorStream(true).redirectOutput(dir.resolve(root.getFileName() + ".log").toFile()).start();
    }

    private void await(Process process, String name) throws Exception {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(name + " finished").isTrue();
        assertThat(process.exitValue()).as(name + ": " + Files.readString(dir.resolve(name + ".log"), StandardCharsets.UTF_8)).isZero();
    }

    /**
     * The lock itself, across processes: while this JVM holds it, a build in another process renders
     * but does not publish. (Two builds at once rarely publish at the same instant, so the test
     * below passes even without the lock; this one does not: it was run with the lock removed.)
     */
    @Test
    void aBuildDoesNotPublishWhileAnotherProcessHoldsTheLock() throws Exception {
        TestProject a = new TestProject(dir.resolve("a"));
        long started = System.nanoTime();
        await(build(a.root, dir.resolve("ref-a")), "a");
        long alone = System.nanoTime() - started;

        Path shared = dir.resolve("shared/site");
        Process waiting;
        try (dev.wasmtutorial.publish.PublishLock held = dev.wasmtutorial.publish.PublishLock.acquire(shared, java.time.Duration.ZERO)) {
            waiting = build(a.root, shared);
            // Twice as long as the same build took alone, and two seconds more: long enough to publish.
            boolean finished = waiting.waitFor(2 * alone / 1_000_000 + 2_000, TimeUnit.MILLISECONDS);
            assertThat(finished).as("the build finished while another process held the lock").isFalse();
            assertThat(shared).doesNotExist();
        }
        await(waiting, "a");
        assertThat(TestProject.snapshot(shared)).isEqualTo(TestProject.snapshot(dir.resolve("ref-a")));
    }

    @Test
    void twoProcessesAtOnceLeaveExactlyOneCompleteSite() throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        TestProject a = new TestProject(dir.resolve("a"));
        TestProject b = new TestProject(dir.resolve("b"));
        b.page("extra.md", "Extra", 3, "# Only in B\n");
        await(build(a.root, dir.resolve("ref-a")), "a");
        await(build(b.root, dir.resolve("ref-b")), "b");
        Map<String, String> siteA = TestProject.snapshot(dir.resolve("ref-a"));
        Map<String, String> siteB = TestProject.snapshot(dir.resolve("ref-b"));
        assertThat(siteA).isNotEqualTo(siteB);

        Path shared = dir.resolve("shared/site");
        for (int round = 0; round < 3; round++) {
            List<Process> both = new ArrayList<>(List.of(build(a.root, shared), build(b.root, shared)));
            await(both.get(0), "a");
            await(both.get(1), "b");
            assertThat(TestProject.snapshot(shared)).as("round %d", round).isIn(siteA, siteB);
        }
        try (var siblings = Files.list(shared.getParent())) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("site", ".site.lock", ".site.published");
        }
    }
}
