package dev.wasmtutorial.markdown;

/** A heading in a page's table of contents. */
public record TocEntry(int level, String text, String id) {
}
