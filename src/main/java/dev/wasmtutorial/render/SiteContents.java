package dev.wasmtutorial.render;

import dev.wasmtutorial.config.Hashes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasmtutorial.content.Navigation;
import org.jsoup.nodes.Entities;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole navigation tree, written once per site instead of into every page: as a JSON file
 * with a content-hashed name (so a browser may cache it for good; a changed tree gets a new name)
 * that site.js uses to show full sidebar lists, and as the HTML list of the contents page, which
 * needs no JavaScript.
 */
public final class SiteContents {

    /** Where the contents page is published. */
    public static final String PAGE = "contents.html";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Navigation navigation;
    private final String json;
    private final String treeFile;

    public SiteContents(Navigation navigation) {
        this.navigation = navigation;
        try {
            // [title, path or null, [children...]] per node; the home page first, then the top level.
            Navigation.Node root = navigation.root();
            List<Object> top = new ArrayList<>();
            root.page().ifPresent(p -> top.add(List.of(root.title(), p.outputPath())));
            root.children().forEach(c -> top.add(node(c)));
            this.json = JSON.writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.treeFile = "nav." + hash(json) + ".json";
    }

    private static List<Object> node(Navigation.Node node) {
        List<Object> entry = new ArrayList<>(3);
        entry.add(node.title());
        entry.add(node.path().orElse(null));
        if (!node.children().isEmpty()) {
            entry.add(node.children().stream().map(SiteContents::node).toList());
        }
        return entry;
    }

    /** The site path of the tree file, e.g. {@code nav.3f9a0c1b2d4e.json}. */
    public String treeFile() {
        return treeFile;
    }

    public String treeJson() {
        return json;
    }

    /** The contents page's body: every listed page as nested lists, links relative to the site root. */
    public String contentsHtml() {
        StringBuilder html = new StringBuilder("<ol class=\"contents\">\n");
        Navigation.Node root = navigation.root();
        root.page().ifPresent(p -> html.append("<li>").append(link(root)).append("</li>\n"));
        root.children().forEach(c -> append(c, html));
        return html.append("</ol>\n").toString();
    }

    private static void append(Navigation.Node node, StringBuilder html) {
        html.append("<li>").append(link(node));
        if (!node.children().isEmpty()) {
            html.append("\n<ol>\n");
            node.children().forEach(c -> append(c, html));
            html.append("</ol>\n");
        }
        html.append("</li>\n");
    }

    private static String link(Navigation.Node node) {
        String title = Entities.escape(node.title());
        return node.path().map(p -> "<a href=\"" + Entities.escape(dev.wasmtutorial.content.UrlPaths.encode(p)) + "\">" + title + "</a>").orElse(title);
    }

    /** The first 6 bytes of the text's SHA-256, in hex: enough to tell versions of the tree apart. */
    private static String hash(String text) {
        return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
    }
}
