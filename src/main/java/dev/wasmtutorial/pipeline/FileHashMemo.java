package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The SHA-256 of one file, remembered in a small file in {@code dir} while the file's stamp (its
 * absolute path, size, modification and change times, and file key: device and inode) stays the
 * same, so that a 10 MB jar is not read again on every build. A memo that does not parse, whose
 * own checksum is wrong, or whose stamp differs in any part is ignored and rewritten. A stamp is
 * remembered only once the file is older than the timestamp granularity, so a file rewritten in
 * the same clock tick as it was hashed cannot keep its old stamp (git's "racily clean" case).
 */
final class FileHashMemo {

    private static final String FORMAT = "wasm-tutorial file hash memo 1";

    private final Path dir;

    FileHashMemo(Path dir) {
        this.dir = dir;
    }

    /** The file's SHA-256 (hex), from the memo if it still describes the file. */
    String sha256(Path file) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        Path memo = dir.resolve("file-hash-" + Hashes.sha256Hex(path.toString()).substring(0, 16) + ".txt");
        Instant start = Instant.now();
        String before = stamp(path);
        String remembered = read(memo, path, before);
        if (remembered != null) {
            return remembered;
        }
        String hash = hash(path);
        if (before.equals(stamp(path)) && settled(path, start)) {
            write(memo, path, before, hash);
        }
        return hash;
    }

    private static String hash(Path path) throws IOException {
        MessageDigest digest = Hashes.sha256();
        update(digest, path);
        return Hashes.hex(digest.digest());
    }

    /** Adds the file's bytes to {@code digest}. */
    static void update(MessageDigest digest, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** Size, times and file key; the change time (which no tool can set back) where the platform has it. */
    private static String stamp(Path path) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
        return "size=" + basic.size() + " mtime=" + nanos(basic.lastModifiedTime()) + " ctime=" + changeTime(path)
                + " key=" + basic.fileKey();
    }

    private static String changeTime(Path path) {
        try {
            Map<String, Object> unix = Files.readAttributes(path, "unix:ctime");
            return String.valueOf(nanos((FileTime) unix.get("ctime")));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "none";
        }
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }

    /**
     * Whether the file's last change is safely before {@code start} (when hashing began): a later
     * write then gets a later timestamp. 100 ms covers a kernel's coarse clock tick; a time with no
     * fraction of a second may come from a file system that keeps whole (or even) seconds.
     */
    private static boolean settled(Path path, Instant start) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
        Instant changed = basic.lastModifiedTime().toInstant();
        String ctime = changeTime(path);
        if (!ctime.equals("none")) {
            Instant c = Instant.EPOCH.plusNanos(Long.parseLong(ctime));
            changed = c.isAfter(changed) ? c : changed;
        }
        Duration margin = changed.getNano() == 0 ? Duration.ofSeconds(2) : Duration.ofMillis(100);
        return changed.plus(margin).isBefore(start);
    }

    private static String read(Path memo, Path path, String stamp) {
        try {
            List<String> lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
            if (lines.size() != 5 || !lines.get(0).equals(FORMAT) || !lines.get(1).equals(path.toString())
                    || !lines.get(2).equals(stamp) || !lines.get(3).matches("[0-9a-f]{64}")
                    || !lines.get(4).equals(checksum(lines.subList(0, 4)))) {
                return null;
            }
            return lines.get(3);
        } catch (IOException | RuntimeException e) {
            return null; // missing or unreadable: hash the file
        }
    }

    private void write(Path memo, Path path, String stamp, String hash) {
        List<String> lines = List.of(FORMAT, path.toString(), stamp, hash);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "file-hash-", ".tmp");
            try {
                Files.writeString(tmp, String.join("\n", lines) + "\n" + checksum(lines) + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // Not remembered: the next build hashes the file again.
        }
    }

    private static String checksum(List<String> lines) {
        return Hashes.sha256Hex(String.join("\n", lines));
    }
}
