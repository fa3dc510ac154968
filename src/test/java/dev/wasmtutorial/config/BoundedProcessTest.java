package dev.wasmtutorial.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link ProcessRunnerTest} does not reach: the compiler's way of using it (output left in the file) and an interrupted wait. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedProcessTest {

    @TempDir
    Path dir;

    @Test
    void unreadOutputIsLeftInTheFileWithTheExitCode() throws Exception {
        Path log = dir.resolve("out.log");
        BoundedProcess process = BoundedProcess.start(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"), log);
        assertThat(process.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(10), null)).isTrue();
        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(Files.readString(log)).isEqualTo("out\nerr\n");
    }

    @Test
    void aCallerInterruptedWhileWaitingLeavesNothingRunning() throws Exception {
        BoundedProcess process = BoundedProcess.start(new ProcessBuilder("sh", "-c", "sleep 60 & echo $! > pid; sleep 60")
                .directory(dir.toFile()), dir.resolve("out.log"));
        Thread waiter = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            while (!backgroundPidWritten()) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
        });
        assertThatThrownBy(() -> process.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(20), null))
                .isInstanceOf(InterruptedException.class);
        assertGone(Long.parseLong(Files.readString(dir.resolve("pid")).strip()));
    }

    private boolean backgroundPidWritten() {
        try {
            return Files.readString(dir.resolve("pid")).endsWith("\n");
        } catch (IOException e) {
            return false; // not there yet
        }
    }

    /** Waits a little for a killed process to be reaped, then asserts it is not running. */
    static void assertGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("process %d", pid).isNotEqualTo(Optional.of(true));
    }
}
