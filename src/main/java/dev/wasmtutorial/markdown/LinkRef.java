package dev.wasmtutorial.markdown;

/**
 * A link or image as written in Markdown and as published, for the link checker's messages.
 *
 * @param line     1-based line in the source file
 * @param original the target as the author wrote it
 * @param href     the target in the published HTML
 */
public record LinkRef(int line, String original, String href) {
}
