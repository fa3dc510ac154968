package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock itself; TwoBuildsOneProjectIT has two generator processes meet at it. */
class BuildLockTest {

    @TempDir
    Path dir;

    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void aSecondBuildSaysOnceWhomItWaitsForAndGoesOnWhenTheFirstEnds() throws Exception {
        SiteConfig config = SiteConfig.builder(dir).build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BuildLock first = BuildLock.acquire(config, quiet, BuildLock.WAIT);
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> BuildLock.acquire(config, new PrintStream(log, true, StandardCharsets.UTF_8), BuildLock.WAIT).close());
        Thread.sleep(300);
        assertThat(second).isNotDone();
        first.close();
        second.get(10, TimeUnit.SECONDS);
        assertThat(log.toString(StandardCharsets.UTF_8))
                .isEqualTo("waiting for the other build (pid " + ProcessHandle.current().pid() + ") to finish" + System.lineSeparator());
    }

    @Test
    void aBuildThatWaitedTooLongFailsWithOneLineNamingTheHolder() {
        SiteConfig config = SiteConfig.builder(dir).build();
        try (BuildLock held = BuildLock.acquire(config, quiet, BuildLock.WAIT)) {
            assertThatThrownBy(() -> BuildLock.acquire(config, quiet, Duration.ofMillis(100)))
                    .isInstanceOf(BuildException.class)
                    .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith(
                            "target/build.lock: error: another build (pid " + ProcessHandle.current().pid() + ") has been running for more than"));
        }
    }
}
