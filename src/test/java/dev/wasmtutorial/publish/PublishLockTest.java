package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondHolderFailsWithOneLineNamingTheFolderWhileTheFirstHoldsIt() {
        Path site = dir.resolve("site");
        try (PublishLock first = PublishLock.acquire(site, Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> PublishLock.acquire(site, Duration.ofMillis(100)))
                    .isInstanceOf(BuildException.class)
                    .extracting(e -> ((BuildException) e).oneLine())
                    .isEqualTo("site: error: another build is publishing site/ (it holds .site.lock for more than 0 s) "
                            + "(hint: let the other build (or serve --watch) finish, or stop it, then build again)");
        }
        assertThat(dir.resolve(".site.lock")).exists();
    }

    @Test
    void aWaitingHolderGetsTheLockOnceItIsReleased() throws Exception {
        Path site = dir.resolve("site");
        PublishLock first = PublishLock.acquire(site, Duration.ofSeconds(1));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> PublishLock.acquire(site, Duration.ofSeconds(10)).close());
        Thread.sleep(200);
        assertThat(second).isNotDone();
        first.close();
        second.get(10, TimeUnit.SECONDS);
    }
}
