package dev.wasmtutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** File helpers shared by tests that build a copy of the project. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Copies a folder recursively, keeping modification times (so demo builds stay up to date). */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * A demo folder whose module is a committed fixture (no emcc needed): dist/add_and_log.wasm
     * with one passing check, and an index.html linking back to the site root.
     */
    public static void writeFixtureDemo(Path demoDir, String indexHtml) throws IOException {
        Path dist = Files.createDirectories(demoDir.resolve("dist"));
        Files.copy(Path.of("src/test/resources/wasm/add_and_log.wasm"), dist.resolve("add_and_log.wasm"));
        Files.writeString(demoDir.resolve("wasm-checks.yaml"), """
                modules:
                  - file: dist/add_and_log.wasm
                    record: [env.log_value]
                    checks:
                      - name: adds
                        call: add_and_log
                        args: [5, 7]
                        returns: 12
                """);
        Files.writeString(demoDir.resolve("index.html"), indexHtml);
    }

    /** Every file under {@code dir} with the SHA-256 of its bytes, for before/after comparisons. */
    public static java.util.Map<String, String> snapshot(Path dir) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
