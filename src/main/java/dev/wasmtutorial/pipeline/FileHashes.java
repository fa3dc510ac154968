package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;
import dev.wasmtutorial.config.Hashes;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * SHA-256 of input files, remembered by their stat the way git's index does: a file whose size,
 * modification time, change time and inode are all as they were when it was hashed is not read
 * again. The change time cannot be set back by any tool (unlike the modification time), so a
 * rewritten file always looks changed. A file modified within {@link #RACY_MILLIS} of being
 * hashed is "racy" (a second change in the same clock tick would keep its stat): it is hashed
 * again every time until it has been still for long enough. Where the file system has no such
 * stat (not POSIX), every file is simply hashed.
 */
final class FileHashes {

    private static final int FORMAT = 1;
    static final long RACY_MILLIS = 2_000;
    /** What {@link #sha256} answers for a file it cannot read. */
    static final String MISSING = "missing";

    /** What a file's stat was when its bytes had {@code sha256}, and when that was. */
    private record Stamp(long size, long modifiedNanos, long changedNanos, long inode, String sha256, long hashedAtMillis) {
        boolean sameFile(Stamp other) {
            return size == other.size && modifiedNanos == other.modifiedNanos && changedNanos == other.changedNanos && inode == other.inode;
        }
    }

    private final Path file;
    private final Map<Path, Stamp> stamps = new ConcurrentHashMap<>();
    private volatile boolean changed;
    private final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

    /** @param file where to keep the stamps between processes, or null for memory only */
    FileHashes(Path file) {
        this.file = file;
        if (file != null) {
            read();
        }
    }

    /** The SHA-256 of {@code path}'s bytes in hex, or "missing" if it cannot be read. */
    String sha256(Path path) {
        Stamp now = stat(path);
        Stamp known = stamps.get(path);
        if (now != null && known != null && known.sameFile(now) && known.modifiedNanos() / 1_000_000 < known.hashedAtMillis() - RACY_MILLIS) {
            return known.sha256();
        }
        long hashedAt = System.currentTimeMillis();
        String sha256;
        try {
            sha256 = Hashes.sha256Hex(Files.readAllBytes(path));
            reads.incrementAndGet();
        } catch (IOException e) {
            stamps.remove(path);
            return MISSING;
        }
        if (now != null) {
            stamps.put(path, new Stamp(now.size(), now.modifiedNanos(), now.changedNanos(), now.inode(), sha256, hashedAt));
            changed = true;
        }
        return sha256;
    }

    /** How many files were read and hashed (not taken from a stamp) so far. */
    int reads() {
        return reads.get();
    }

    /** Keeps the stamps for the next process (only if any changed). */
    void save() {
        if (file == null || !changed) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "file-hashes", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeInt(stamps.size());
                for (Map.Entry<Path, Stamp> e : stamps.entrySet()) {
                    Stamp s = e.getValue();
                    BinaryData.writeString(out, e.getKey().toString());
                    out.writeLong(s.size());
                    out.writeLong(s.modifiedNanos());
                    out.writeLong(s.changedNanos());
                    out.writeLong(s.inode());
                    BinaryData.writeString(out, s.sha256());
                    out.writeLong(s.hashedAtMillis());
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            changed = false;
        } catch (IOException e) {
            // Only time is lost: the next build hashes the files again.
        }
    }

    private void read() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != FORMAT) {
                return;
            }
            for (int i = in.readInt(); i > 0; i--) {
                Path path = Path.of(BinaryData.readString(in));
                stamps.put(path, new Stamp(in.readLong(), in.readLong(), in.readLong(), in.readLong(), BinaryData.readString(in), in.readLong()));
            }
        } catch (IOException | RuntimeException e) {
            stamps.clear(); // torn or foreign: hash everything
        }
    }

    /** The file's stat (without a hash), or null where it cannot be had. */
    private static Stamp stat(Path path) {
        try {
            // Following links: what the build reads is the target.
            Map<String, Object> a = Files.readAttributes(path, "unix:size,lastModifiedTime,ctime,ino");
            return new Stamp((Long) a.get("size"), ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS),
                    ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS), (Long) a.get("ino"), null, 0);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }
}
