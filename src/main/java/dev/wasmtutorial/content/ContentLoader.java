package dev.wasmtutorial.content;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.config.SourceTree;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds every Markdown file under the content folder (hidden ones excepted, see {@link SourceTree})
 * and reads it into a {@link Page}; pages marked {@code draft: true} are left out unless the
 * build asked for drafts.
 */
public final class ContentLoader {

    private final SiteConfig config;
    private final SiteLayout layout;
    private final FrontMatterParser frontMatterParser;

    public ContentLoader(SiteConfig config, SiteLayout layout, FrontMatterParser frontMatterParser) {
        this.config = config;
        this.layout = layout;
        this.frontMatterParser = frontMatterParser;
    }

    /** Pages sorted by source path, so the build never depends on directory listing order. */
    public List<Page> load() {
        if (!Files.isDirectory(config.contentDir())) {
            throw new BuildException(SourceLocation.of(config.display(config.contentDir())), "content folder not found",
                    "pass --content DIR or run from the project root");
        }
        List<Path> files;
        try {
            files = SourceTree.files(config.contentDir()).stream().filter(SiteLayout::isMarkdown).toList();
        } catch (UncheckedIOException e) {
            throw new BuildException(SourceLocation.of(config.display(config.contentDir())),
                    "cannot list content: " + e.getCause().getMessage(), null, e);
        }
        if (files.isEmpty()) {
            throw new BuildException(SourceLocation.of(config.display(config.contentDir())), "no Markdown pages found",
                    "add at least content/index.md");
        }
        // Read in parallel (reading and front matter are most of a cached rebuild's own work), but
        // report the first bad file in source order, as a sequential read would.
        record Read(Page page, RuntimeException error) {
        }
        List<Read> reads = files.parallelStream().map(file -> {
            try {
                return new Read(read(file), null);
            } catch (RuntimeException e) {
                return new Read(null, e);
            }
        }).toList();
        List<Page> pages = new ArrayList<>(files.size());
        for (Read r : reads) {
            if (r.error() != null) {
                throw r.error();
            }
            if (config.drafts() || !r.page().frontMatter().draft()) {
                pages.add(r.page());
            }
        }
        if (pages.isEmpty()) {
            throw new BuildException(SourceLocation.of(config.display(config.contentDir())), "every page is a draft",
                    "build with --drafts, or set 'draft: false' on at least one page");
        }
        return pages;
    }

    public Page read(Path file) {
        String display = config.display(file);
        RealPaths.requireInside(file, SourceLocation.of(display), config.projectRoot(), config.contentDir());
        String text = TextFiles.normalizeLineEndings(TextFiles.readUtf8(file, display));
        FrontMatterParser.Split split = frontMatterParser.parse(text, display);
        String output = layout.outputPathOf(file).orElseThrow();
        return new Page(file.toAbsolutePath().normalize(), display, output, split.frontMatter(), split.body(), split.bodyLine());
    }
}
