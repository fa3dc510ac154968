package dev.wasmtutorial.content;

/**
 * A page's YAML front matter.
 *
 * @param title       required; the page's {@code <title>} and sidebar label
 * @param description one sentence for the meta description and the page lead
 * @param order       position in the sidebar (ascending); pages without one come last
 * @param nav         whether the page appears in the sidebar and the previous/next chain
 * @param template    the Pebble template that lays the page out (without extension)
 * @param draft       left out of the site unless the build is run with {@code --drafts}
 */
public record FrontMatter(String title, String description, Integer order, boolean nav, String template, boolean draft) {

    /** A published (not draft) page's front matter. */
    public FrontMatter(String title, String description, Integer order, boolean nav, String template) {
        this(title, description, order, nav, template, false);
    }

    public static final String DEFAULT_TEMPLATE = "page";

    /**
     * The record's usual text, written out: every page's cache key and the navigation's
     * fingerprint include it, and the generated version runs through method handles, which the
     * build's JIT tier does not inline (the fingerprint, which asks every page for it, took 22 ms
     * of a cold 2,000-page build's main thread).
     */
    @Override
    public String toString() {
        return "FrontMatter[title=" + title + ", description=" + description + ", order=" + order + ", nav=" + nav
                + ", template=" + template + ", draft=" + draft + "]";
    }
}
