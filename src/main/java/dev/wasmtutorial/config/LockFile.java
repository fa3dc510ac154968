package dev.wasmtutorial.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

/**
 * An exclusive OS lock on a file, which other processes respect, and other threads of this JVM
 * too (the JVM refuses them an overlapping lock). The file itself stays when the lock is
 * released: deleting it would let a waiter lock a file that no longer has the name.
 */
public final class LockFile implements AutoCloseable {

    private static final long POLL_MILLIS = 20;

    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits up to {@code wait} for the lock on {@code file} (created, with its folder, if missing).
     *
     * @param whileBusy runs once if the lock is not free at the first try (to say what is waited for)
     * @return empty if another holder kept the lock all that time
     */
    public static Optional<LockFile> acquire(Path file, Duration wait, Runnable whileBusy) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            for (boolean first = true; ; first = false) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return Optional.of(new LockFile(channel, lock));
                }
                if (System.nanoTime() - deadline > 0) {
                    close(channel);
                    return Optional.empty();
                }
                if (first) {
                    whileBusy.run();
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /** What the holder wrote into the file with {@link #describeHolder} ("" if nothing, or it cannot be read). */
    public static String holder(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Replaces the file's text, for a waiter to say whom it waits for (OS file locks are advisory: it can read it). */
    public void describeHolder(String text) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
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
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was locked through it, or closing it released the lock anyway
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0); // no longer the holder's description
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock as well
        }
        close(channel);
    }
}
