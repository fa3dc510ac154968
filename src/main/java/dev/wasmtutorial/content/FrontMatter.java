package dev.wasmtutorial.content;

/**
 * A page's YAML front matter.
 *
 * @param title       required; the page's {@code <title>} and sidebar label
 * @param description one sentence for the meta description and the page lead
 * @param order       position in the sidebar (ascending); pages without one come last
 * @param nav         whether the page appears in the sidebar and the previous/next chain
 * @param template    the Pebble template that lays the page out (without extension)
 */
public record FrontMatter(String title, String description, Integer order, boolean nav, String template) {

    public static final String DEFAULT_TEMPLATE = "page";
}
