package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.Hashes;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hash of the generator's own code (its jar, or every file of its classes folder), so that
 * nothing a different build of the generator cached is ever reused: a version number would not
 * change between two builds of a snapshot. A jar's hash is remembered beside the jar
 * ({@link FileHashes}: while the jar's size, times and inode stay the same), so that a build with
 * an empty build cache does not hash it again either: hashing the 10 MB jar took about 150 ms of
 * a cold 7-page build's 0.7 s. Where the jar's folder is not writable, beside the build cache.
 */
public final class GeneratorFingerprint {

    private static String value;

    private GeneratorFingerprint() {
    }

    /** @param memoDir where a jar's hash may be remembered between runs (null: nowhere) */
    public static synchronized String get(Path memoDir) {
        if (value == null) {
            try {
                CodeSource source = GeneratorFingerprint.class.getProtectionDomain().getCodeSource();
                value = source == null ? unknown() : of(Path.of(source.getLocation().toURI()), memoDir);
            } catch (URISyntaxException | RuntimeException e) {
                value = unknown();
            }
        }
        return value;
    }

    /** A value that never matches: nothing cached is reused. */
    private static String unknown() {
        return "unknown-" + System.nanoTime();
    }

    /** The fingerprint of the code at {@code location}: a jar (hash remembered beside it, or in {@code memoDir}) or a classes folder. */
    static String of(Path location, Path memoDir) {
        try {
            if (!Files.isDirectory(location)) {
                Path folder = location.toAbsolutePath().getParent();
                Path memo = folder != null && Files.isWritable(folder) ? location.resolveSibling(location.getFileName() + ".hash-memo")
                        : memoDir == null ? null : memoDir.resolve("generator-hash.bin");
                FileHashes hashes = new FileHashes(memo);
                String sha256 = hashes.sha256(location);
                hashes.save();
                return sha256.equals(FileHashes.MISSING) ? unknown() : sha256;
            }
            MessageDigest digest = Hashes.sha256();
            List<Path> files;
            try (Stream<Path> walk = Files.walk(location)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                Hashes.update(digest, location.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
            return Hashes.hex(digest.digest());
        } catch (IOException | RuntimeException e) {
            return unknown();
        }
    }
}
