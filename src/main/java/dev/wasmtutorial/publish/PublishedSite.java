package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.BinaryData;
import dev.wasmtutorial.config.SitePaths;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the last build published into an output folder, kept in a hidden file beside it
 * ({@code .site.published} for {@code site/}): every file's site path and SHA-256, with the size,
 * modification time and file key it had right after publishing. A file that still has all three
 * has not been touched since, so its recorded hash is still its content's: a build about to
 * publish the same bytes may take the published file instead of writing it again (the way
 * {@code make} or {@code git status} trust a file's stat). A missing or unreadable record only
 * means writing every file.
 */
public final class PublishedSite {

    /** One published file as recorded. */
    record FileState(String sha256, long size, long modifiedNanos, String fileKey) {
    }

    private static final int FORMAT = 1;

    private static final PublishedSite NONE = new PublishedSite(Path.of(""), "", Map.of());

    private final Path outDir;
    private final String id;
    private final Map<String, FileState> files;

    private PublishedSite(Path outDir, String id, Map<String, FileState> files) {
        this.outDir = outDir;
        this.id = id;
        this.files = files;
    }

    /** A record of nothing: every file is written. */
    static PublishedSite none() {
        return NONE;
    }

    static Path recordOf(Path outDir) {
        return outDir.resolveSibling("." + outDir.getFileName() + ".published");
    }

    /** The record of what is in {@code outDir} now, or {@link #none()} if there is none or it cannot be read. */
    static PublishedSite read(Path outDir) {
        Path record = recordOf(outDir);
        if (!Files.isRegularFile(record) || !Files.isDirectory(outDir)) {
            return NONE;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(record)))) {
            if (in.readInt() != FORMAT) {
                return NONE;
            }
            String id = BinaryData.readString(in);
            Map<String, FileState> files = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                files.put(BinaryData.readString(in),
                        new FileState(BinaryData.readString(in), in.readLong(), in.readLong(), BinaryData.readString(in)));
            }
            return id == null ? NONE : new PublishedSite(outDir, id, files);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** Identifies one publish: a record read later with the same id describes the same folder. */
    String id() {
        return id;
    }

    Set<String> paths() {
        return files.keySet();
    }

    /** Whether the published file at {@code sitePath} has exactly these bytes (by hash) and nobody changed it since. */
    boolean has(String sitePath, String sha256) {
        FileState recorded = files.get(sitePath);
        return recorded != null && recorded.sha256().equals(sha256) && recorded.equals(stateOf(outDir.resolve(sitePath), sha256));
    }

    /**
     * The recorded SHA-256 of the published file at {@code sitePath} if it is untouched and holds
     * exactly {@code bytes}, else null. Comparing bytes costs less than hashing them, and the
     * hash is the one recorded when the file was written.
     */
    String hashIfSame(String sitePath, byte[] bytes) {
        FileState recorded = files.get(sitePath);
        if (recorded == null || recorded.size() != bytes.length) {
            return null;
        }
        Path file = outDir.resolve(sitePath);
        if (!recorded.equals(stateOf(file, recorded.sha256()))) {
            return null;
        }
        try {
            return Arrays.equals(Files.readAllBytes(file), bytes) ? recorded.sha256() : null;
        } catch (IOException e) {
            return null;
        }
    }

    Path file(String sitePath) {
        return outDir.resolve(sitePath);
    }

    /** Removes the record (before the folder is replaced: a record must never describe another folder). */
    static void forget(Path outDir) throws IOException {
        Files.deleteIfExists(recordOf(outDir));
    }

    /**
     * Every file of {@code outDir} with its SHA-256, if the folder is exactly what the publish
     * with this {@code id} left there: no file added, removed or touched since. Else empty.
     */
    public static Optional<Map<String, String>> asPublished(Path outDir, String id) {
        PublishedSite record = read(outDir.toAbsolutePath().normalize());
        if (id == null || !record.id().equals(id)) {
            return Optional.empty();
        }
        Set<String> present = new HashSet<>();
        try (Stream<Path> walk = Files.walk(record.outDir)) {
            for (Path file : (Iterable<Path>) walk::iterator) {
                if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    present.add(SitePaths.slashes(record.outDir.relativize(file)));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        if (!present.equals(record.paths())) {
            return Optional.empty();
        }
        Map<String, String> hashes = new TreeMap<>();
        for (Map.Entry<String, FileState> e : record.files.entrySet()) {
            if (!e.getValue().equals(stateOf(record.outDir.resolve(e.getKey()), e.getValue().sha256()))) {
                return Optional.empty();
            }
            hashes.put(e.getKey(), e.getValue().sha256());
        }
        return Optional.of(hashes);
    }

    /** Records {@code outDir} as it is now, with the hashes its files were written with; returns the new record's id. */
    static String record(Path outDir, Map<String, String> hashes) throws IOException {
        Map<String, FileState> files = new TreeMap<>();
        for (Map.Entry<String, String> e : hashes.entrySet()) {
            FileState state = stateOf(outDir.resolve(e.getKey()), e.getValue());
            if (state != null) {
                files.put(e.getKey(), state);
            }
        }
        Path record = recordOf(outDir);
        Path temp = Files.createTempFile(record.getParent(), record.getFileName().toString(), ".tmp");
        String id = UUID.randomUUID().toString();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
            out.writeInt(FORMAT);
            BinaryData.writeString(out, id);
            out.writeInt(files.size());
            for (Map.Entry<String, FileState> e : files.entrySet()) {
                BinaryData.writeString(out, e.getKey());
                BinaryData.writeString(out, e.getValue().sha256());
                out.writeLong(e.getValue().size());
                out.writeLong(e.getValue().modifiedNanos());
                BinaryData.writeString(out, e.getValue().fileKey());
            }
        }
        Files.move(temp, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    /** The file's state with the given hash, or null if it is not a regular file. */
    private static FileState stateOf(Path file, String sha256) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return null;
            }
            return new FileState(sha256, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                    String.valueOf(attributes.fileKey()));
        } catch (IOException e) {
            return null;
        }
    }
}
