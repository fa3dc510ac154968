package dev.wasmtutorial.content;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds every Markdown file under the content folder and reads it into a {@link Page}. */
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
        try (Stream<Path> walk = Files.walk(config.contentDir())) {
            files = walk.filter(Files::isRegularFile).filter(SiteLayout::isMarkdown).sorted().toList();
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(config.display(config.contentDir())),
                    "cannot list content: " + e.getMessage(), null, e);
        }
        if (files.isEmpty()) {
            throw new BuildException(SourceLocation.of(config.display(config.contentDir())), "no Markdown pages found",
                    "add at least content/index.md");
        }
        List<Page> pages = new ArrayList<>(files.size());
        for (Path file : files) {
            pages.add(read(file));
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
