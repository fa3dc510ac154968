package dev.wasmtutorial.config;

import java.nio.file.Path;

/** Site paths always use '/', whatever the operating system's separator: the one place that converts. */
public final class SitePaths {

    private SitePaths() {
    }

    /** {@code a/b/c.html} for a relative path, on any platform. */
    public static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** {@code a/b/c.html} for a path given as text, on any platform. */
    public static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
