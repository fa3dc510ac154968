package dev.wasmtutorial.content;

import java.nio.file.Path;

/**
 * One Markdown source, ready to render.
 *
 * @param source     absolute path of the Markdown file
 * @param display    the path shown in messages ({@code content/intro_to_wasm.md})
 * @param outputPath where it is published, relative to the site root ({@code intro_to_wasm.html})
 * @param frontMatter its fields
 * @param markdown   the body after the front matter
 * @param bodyLine   the file line on which {@code markdown} starts, to report body lines correctly
 */
public record Page(Path source, String display, String outputPath, FrontMatter frontMatter, String markdown, int bodyLine) {
}
