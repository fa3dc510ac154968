package dev.wasmtutorial.content;

import dev.wasmtutorial.config.SitePaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where each repository file is published. Content Markdown becomes {@code .html} at the site
 * root (README.md and index.md become index.html); other files under content/ keep their path;
 * each demo folder is published under its own name. Everything else is not published.
 */
public final class SiteLayout {

    private final Path contentDir;
    private final List<Path> demoDirs;

    public SiteLayout(Path contentDir, List<Path> demoDirs) {
        this.contentDir = contentDir.toAbsolutePath().normalize();
        this.demoDirs = demoDirs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    public static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    /** The site path ({@code a/b.html}, forward slashes, no leading slash) for a repository file. */
    public Optional<String> outputPathOf(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (abs.startsWith(contentDir)) {
            String rel = slashes(contentDir.relativize(abs));
            if (isMarkdown(abs)) {
                return Optional.of(markdownOutput(rel));
            }
            return Optional.of(rel);
        }
        for (Path demo : demoDirs) {
            if (abs.startsWith(demo)) {
                String rel = slashes(demo.relativize(abs));
                String name = demo.getFileName().toString();
                return Optional.of(rel.isEmpty() ? name + "/index.html" : name + "/" + rel);
            }
        }
        return Optional.empty();
    }

    private static String markdownOutput(String rel) {
        String stem = rel.substring(0, rel.lastIndexOf('.'));
        int slash = stem.lastIndexOf('/');
        String name = stem.substring(slash + 1);
        if (name.equalsIgnoreCase("README") || name.equals("index")) {
            return stem.substring(0, slash + 1) + "index.html";
        }
        return stem + ".html";
    }

    private static String slashes(Path rel) {
        return SitePaths.slashes(rel);
    }

    /** A relative URL from one site path to another ({@code intro.html} → {@code demos/a.html}). */
    public static String relativeUrl(String fromPage, String toPath) {
        int depth = (int) fromPage.chars().filter(c -> c == '/').count();
        String up = "../".repeat(depth);
        String fromDir = fromPage.contains("/") ? fromPage.substring(0, fromPage.lastIndexOf('/') + 1) : "";
        if (toPath.startsWith(fromDir) && !fromDir.isEmpty()) {
            return toPath.substring(fromDir.length());
        }
        return up + toPath;
    }

    /** The prefix that leads from a page back to the site root: "" or "../" repeated. */
    public static String rootPrefix(String page) {
        return "../".repeat((int) page.chars().filter(c -> c == '/').count());
    }
}
