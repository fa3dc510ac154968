package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * A hash of the generator's own code (its jar, or every file of its classes folder), so that
 * nothing a different build of the generator cached is ever reused: a version number would not
 * change between two builds of a snapshot.
 */
public final class GeneratorFingerprint {

    private static String value;

    private GeneratorFingerprint() {
    }

    public static synchronized String get() {
        if (value == null) {
            value = compute();
        }
        return value;
    }

    private static String compute() {
        try {
            MessageDigest digest = Hashes.sha256();
            CodeSource source = GeneratorFingerprint.class.getProtectionDomain().getCodeSource();
            Path location = source == null ? null : Path.of(source.getLocation().toURI());
            if (location == null) {
                return "unknown-" + System.nanoTime(); // never matches: nothing is reused
            }
            List<Path> files;
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(location);
            }
            for (Path file : files) {
                digest.update(location.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return Hashes.hex(digest.digest());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown-" + System.nanoTime();
        }
    }

}
