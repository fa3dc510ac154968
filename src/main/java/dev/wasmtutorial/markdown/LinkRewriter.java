package dev.wasmtutorial.markdown;

import dev.wasmtutorial.config.SitePaths;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.SiteLayout;
import dev.wasmtutorial.content.UrlPaths;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a link as written in the Markdown (relative to the file in the repository, readable on
 * GitHub) into a relative URL between published pages: {@code ../minimal-demo/index.html} from
 * {@code content/index.md} becomes {@code minimal-demo/index.html}, {@code intro_to_wasm.md#x}
 * becomes {@code intro_to_wasm.html#x}. External links and bare fragments are left as they are.
 * Every URL stays relative, so the site works from any sub-path.
 */
public final class LinkRewriter {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final SiteLayout layout;
    private final Path projectRoot;

    public LinkRewriter(SiteLayout layout, Path projectRoot) {
        this.layout = layout;
        this.projectRoot = projectRoot.toAbsolutePath().normalize();
    }

    public static boolean isExternal(String url) {
        return SCHEME.matcher(url).find() || url.startsWith("//");
    }

    /**
     * @param url        the link target as written
     * @param sourceFile the Markdown file containing it
     * @param fromPage   the site path of the page being rendered
     * @param where      the link's location, for errors
     */
    public String rewrite(String url, Path sourceFile, String fromPage, SourceLocation where) {
        if (url.isEmpty() || url.startsWith("#") || isExternal(url)) {
            return url;
        }
        if (url.startsWith("/")) {
            throw new BuildException(where, "root-relative link '" + url + "' breaks when the site is served from a sub-path",
                    "write the link relative to this file, e.g. 'other.md' or '../minimal-demo/index.html'");
        }
        int cut = indexOfAny(url, '#', '?');
        String path = cut < 0 ? url : url.substring(0, cut);
        String suffix = cut < 0 ? "" : url.substring(cut);
        String decoded;
        try {
            decoded = UrlPaths.decode(path);
        } catch (IllegalArgumentException e) {
            throw new BuildException(where, "link '" + url + "': " + e.getMessage(), "write %25 for a literal '%'");
        }
        Path target = sourceFile.toAbsolutePath().getParent().resolve(decoded).normalize();
        if (!target.startsWith(projectRoot)) {
            throw new BuildException(where, "link '" + url + "' points outside the project", "link to files inside the repository");
        }
        Optional<String> published = layout.outputPathOf(target);
        if (published.isEmpty()) {
            throw new BuildException(where, "link '" + url + "' points to " + SitePaths.slashes(projectRoot.relativize(target))
                    + ", which is not published on the site",
                    "link to a page under content/ or a file in a demo folder, or use an absolute https:// URL");
        }
        String relative = SiteLayout.relativeUrl(fromPage, published.get());
        return UrlPaths.encode(relative) + suffix;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }
}
