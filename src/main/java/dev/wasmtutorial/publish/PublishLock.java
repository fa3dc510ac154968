package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.LockFile;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Exclusive right to replace one output folder: a {@link LockFile} beside it ({@code .site.lock}
 * for {@code site/}), so two builds (two processes, or a build and {@code serve --watch} in one
 * JVM) never swap folders at the same time.
 */
public final class PublishLock implements AutoCloseable {

    /** Publishing is a few renames; a build waiting longer than this is stuck behind a hung one. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final LockFile lock;

    private PublishLock(LockFile lock) {
        this.lock = lock;
    }

    public static Path lockFileOf(Path outDir) {
        return outDir.resolveSibling("." + outDir.getFileName() + ".lock");
    }

    /** Waits up to {@code wait} for the lock; fails with a one-line error naming the folder if another build keeps it. */
    public static PublishLock acquire(Path outDir, Duration wait) {
        Path lockFile = lockFileOf(outDir);
        String name = outDir.getFileName().toString();
        Optional<LockFile> lock = Optional.empty();
        try {
            lock = LockFile.acquire(lockFile, wait, () -> { });
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(name), "cannot lock " + lockFile.getFileName() + " beside " + name + "/: " + e.getMessage(),
                    "check that the output folder's parent is writable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lock.map(PublishLock::new).orElseThrow(() -> new BuildException(SourceLocation.of(name), "another build is publishing "
                + name + "/ (it holds " + lockFile.getFileName() + " for more than " + wait.toSeconds() + " s)",
                "let the other build (or serve --watch) finish, or stop it, then build again"));
    }

    @Override
    public void close() {
        lock.close();
    }
}
