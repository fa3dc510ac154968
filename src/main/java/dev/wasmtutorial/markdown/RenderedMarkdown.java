package dev.wasmtutorial.markdown;

import dev.wasmtutorial.config.Diagnostics;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The body HTML of one page with what the later stages need to know about it.
 *
 * @param html     the page body
 * @param toc      headings of level 2 and 3, in order
 * @param links    every link and image, with source lines
 * @param includes files embedded by include directives (a change to one means re-rendering)
 * @param hasDiagram whether the page has a Mermaid block (the post-process draws it as inline SVG)
 * @param warnings what rendering found questionable (unknown alert types), for the build to report
 */
public record RenderedMarkdown(String html, List<TocEntry> toc, List<LinkRef> links, Set<Path> includes, boolean hasDiagram,
                               List<Diagnostics.Warning> warnings) {
}
