package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.check.LinkChecker;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.markdown.LinkRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Turns a broken link found in the published HTML back into the author's terms: the source
 * file and line, and the link as written there (before it was rewritten for the site).
 */
final class LinkProblemLocator {

    /** Where a published HTML file came from: its source, and the links the Markdown stage recorded. */
    record Origin(String display, List<LinkRef> links, Path file) {
    }

    private final Map<String, Origin> origins;

    LinkProblemLocator(Map<String, Origin> origins) {
        this.origins = origins;
    }

    BuildException toError(LinkChecker.Problem problem) {
        Origin origin = origins.get(problem.page());
        if (origin == null) {
            return new BuildException(SourceLocation.of(problem.page() + " (generated)"), "broken link '" + problem.href() + "': "
                    + problem.reason(), "fix the template or step that produces this page");
        }
        LinkRef written = origin.links().stream().filter(l -> l.href().equals(problem.href())).findFirst().orElse(null);
        int line = written != null ? written.line() : lineContaining(origin.file(), problem.href());
        String asWritten = written != null ? written.original() : problem.href();
        return new BuildException(new SourceLocation(origin.display(), line),
                "broken link '" + asWritten + "'" + (asWritten.equals(problem.href()) ? "" : " (published as '" + problem.href() + "')")
                        + ": " + problem.reason() + (line == 0 ? " (the link comes from a template)" : ""),
                problem.reason().startsWith("no element with id") ? "use the heading's slug: lower-case, spaces as '-', punctuation dropped"
                        : "check the path; it is relative to this file");
    }

    /** For pages not written in Markdown (the demos' HTML): the first line that contains the link. */
    private static int lineContaining(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no line then
        }
        return 0;
    }
}
