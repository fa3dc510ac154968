package dev.wasmtutorial.content;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The guard for every file the build reads from the project and publishes: where the file
 * really is, after following symbolic links. Comparing normalised paths is not enough —
 * {@code notes/x.txt -> /etc/passwd} is "inside" by name and outside in fact.
 */
public final class RealPaths {

    private RealPaths() {
    }

    /**
     * Fails unless {@code file}, with every link resolved, lies inside one of {@code allowed}
     * (the project root, or a folder the command line named).
     *
     * @param where where the file was named (the including page and line), or the file itself
     */
    public static void requireInside(Path file, SourceLocation where, Path... allowed) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new BuildException(where, (Files.isSymbolicLink(file) ? "broken symbolic link " : "cannot read ") + file.getFileName(),
                    "point the link at a file that exists, or remove it");
        }
        for (Path root : allowed) {
            if (real.startsWith(realOrSelf(root))) {
                return;
            }
        }
        throw new BuildException(where, file.getFileName() + " is a symbolic link to " + real + ", outside the project",
                "copy the file into the project instead of linking to it");
    }

    private static Path realOrSelf(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }
}
