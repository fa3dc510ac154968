package dev.wasmtutorial.wasm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A demo is a folder: every top-level folder of the project that holds a {@code wasm-checks.yaml}
 * (hidden folders excepted). Adding a demo needs no Java or pom change; its checks file declares
 * the script that builds it.
 */
public final class DemoFolders {

    private DemoFolders() {
    }

    /** The project's demo folders, sorted by name. */
    public static List<Path> discover(Path projectRoot) {
        if (!Files.isDirectory(projectRoot)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(projectRoot)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve(ChecksFileParser.FILE_NAME)))
                    .map(d -> d.toAbsolutePath().normalize())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
