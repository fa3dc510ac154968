package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Exclusive right to replace one output folder: an OS file lock on a hidden file beside it
 * ({@code .site.lock} for {@code site/}), so two builds (two processes, or a build and
 * {@code serve --watch} in one JVM) never swap folders at the same time. The lock file itself
 * stays: deleting it would let a waiter lock a file that no longer has the name.
 */
public final class PublishLock implements AutoCloseable {

    /** Publishing is a few renames; a build waiting longer than this is stuck behind a hung one. */
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

    private final FileChannel channel;
    private final FileLock lock;

    private PublishLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path lockFileOf(Path outDir) {
        return outDir.resolveSibling("." + outDir.getFileName() + ".lock");
    }

    /** Waits up to {@code wait} for the lock; fails with a one-line error naming the folder if another build keeps it. */
    public static PublishLock acquire(Path outDir, Duration wait) {
        Path lockFile = lockFileOf(outDir);
        String name = outDir.getFileName().toString();
        long deadline = System.nanoTime() + wait.toNanos();
        FileChannel channel = null;
        try {
            Files.createDirectories(lockFile.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new PublishLock(channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            close(channel);
            throw new BuildException(SourceLocation.of(name), "cannot lock " + lockFile.getFileName() + " beside " + name + "/: " + e.getMessage(),
                    "check that the output folder's parent is writable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(channel);
        throw new BuildException(SourceLocation.of(name), "another build is publishing " + name + "/ (it holds " + lockFile.getFileName()
                + " for more than " + wait.toSeconds() + " s)", "let the other build (or serve --watch) finish, or stop it, then build again");
    }

    /** null while another holder (another process, or another thread of this JVM) has the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        close(channel);
    }
}
