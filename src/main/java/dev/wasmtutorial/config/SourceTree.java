package dev.wasmtutorial.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one way the build walks an author's folder (content, assets, demos) and the one rule for
 * what it skips: hidden files and folders, i.e. any path segment starting with '.'
 * ({@code .drafts/}, {@code .DS_Store}, an editor's {@code .page.md.swp}). The file watcher uses
 * the same rule, so what is never published never triggers a rebuild either.
 */
public final class SourceTree {

    private SourceTree() {
    }

    /** True when any segment of {@code relative} (a path below a walked folder) is hidden. */
    public static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Regular files under {@code dir} that are not hidden, sorted (builds never depend on listing
     * order), and broken symbolic links: skipping those would hide an author's mistake, so the
     * reader of each file reports them ({@code content.RealPaths}: "broken symbolic link").
     */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> Files.isRegularFile(p) || (Files.isSymbolicLink(p) && !Files.exists(p)))
                    .filter(p -> !isHidden(dir.relativize(p))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
