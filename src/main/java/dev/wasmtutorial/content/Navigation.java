package dev.wasmtutorial.content;

import dev.wasmtutorial.config.Hashes;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The site's sections, read from the folder tree: every folder under {@code content/} is a
 * section, its {@code index.md} (or {@code README.md}) the section's page. Within a section,
 * pages and sub-sections are sorted by front matter {@code order}, then title, then path (those
 * without an order come last). Only pages with {@code nav: true} take part. Previous/next follow
 * the whole tree depth-first: a section's page, then everything in it, then the next section.
 */
public final class Navigation {

    /** One place in the tree: a page, or a section (a folder) with or without its own page. */
    public static final class Node {
        private final String folder;
        private final Node parent;
        private final List<Node> children = new ArrayList<>();
        private Page page;
        private int position;

        private Node(String folder, Node parent, Page page) {
            this.folder = folder;
            this.parent = parent;
            this.page = page;
        }

        /** The page, or empty for a folder without an index page. */
        public Optional<Page> page() {
            return Optional.ofNullable(page);
        }

        /** The page's title, or the folder's name when the section has no index page. */
        public String title() {
            if (page != null) {
                return page.frontMatter().title();
            }
            String trimmed = folder.substring(0, folder.length() - 1);
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }

        /** The site path this node links to, or empty for a folder without an index page. */
        public Optional<String> path() {
            return page().map(Page::outputPath);
        }

        public boolean isSection() {
            return folder != null;
        }

        /** Sub-sections and pages of a section, in order (empty for a page). */
        public List<Node> children() {
            return children;
        }

        /** The section this node belongs to (null for the root). */
        public Node parent() {
            return parent;
        }

        /** Index among the parent section's children. */
        public int position() {
            return position;
        }

        Integer order() {
            return page == null ? null : page.frontMatter().order();
        }

        String sortPath() {
            return page != null ? page.outputPath() : folder;
        }
    }

    private static final Comparator<Node> ORDER = Comparator
            .comparing((Node n) -> n.order() == null ? Integer.MAX_VALUE : n.order())
            .thenComparing(Node::title)
            .thenComparing(Node::sortPath);

    private final Node root;
    private final List<Page> entries;
    private final Map<Page, Integer> positions = new IdentityHashMap<>();
    private final Map<Page, Node> nodes = new IdentityHashMap<>();

    public Navigation(List<Page> pages) {
        this.root = new Node("", null, null);
        Map<String, Node> sections = new LinkedHashMap<>();
        sections.put("", root);
        List<Page> listed = pages.stream().filter(p -> p.frontMatter().nav()).toList();
        for (Page page : listed) {
            String folder = folderOf(page.outputPath());
            Node section = section(sections, folder);
            if (isIndex(page.outputPath()) && section.page == null) {
                section.page = page;
                nodes.put(page, section);
            } else {
                Node node = new Node(null, section, page);
                section.children.add(node);
                nodes.put(page, node);
            }
        }
        for (Node section : sections.values()) {
            section.children.sort(ORDER);
            for (int i = 0; i < section.children.size(); i++) {
                section.children.get(i).position = i;
            }
        }
        List<Page> order = new ArrayList<>(listed.size());
        walk(root, order);
        this.entries = List.copyOf(order);
        for (int i = 0; i < entries.size(); i++) {
            positions.put(entries.get(i), i);
        }
    }

    private static Node section(Map<String, Node> sections, String folder) {
        Node existing = sections.get(folder);
        if (existing != null) {
            return existing;
        }
        String parentFolder = folderOf(folder.substring(0, folder.length() - 1));
        Node parent = section(sections, parentFolder);
        Node created = new Node(folder, parent, null);
        parent.children.add(created);
        sections.put(folder, created);
        return created;
    }

    private static void walk(Node node, List<Page> out) {
        if (node.page != null) {
            out.add(node.page);
        }
        node.children.forEach(child -> walk(child, out));
    }

    /** {@code a/b/c.html} → {@code a/b/}; a root-level path → "". */
    private static String folderOf(String path) {
        return path.substring(0, path.lastIndexOf('/') + 1);
    }

    private static boolean isIndex(String outputPath) {
        return outputPath.equals("index.html") || outputPath.endsWith("/index.html");
    }

    /**
     * A hash of what the navigation is made of (every listed page's place, title and order): when
     * it changes, any page's sidebar, breadcrumbs or previous/next may have changed.
     */
    public String fingerprint() {
        MessageDigest digest = Hashes.sha256();
        for (Page page : entries) {
            Hashes.update(digest, page.outputPath(), page.frontMatter().toString());
        }
        return Hashes.hex(digest.digest());
    }

    /** The root section: the home page (content/index.md) and the top level. */
    public Node root() {
        return root;
    }

    /** Every listed page in reading order (depth-first through the sections). */
    public List<Page> entries() {
        return entries;
    }

    /** Where a page sits in the tree, or empty for a page that is not listed ({@code nav: false}). */
    public Optional<Node> node(Page page) {
        return Optional.ofNullable(nodes.get(page));
    }

    /** The sections containing a page, from the top level down (the root and the page itself excluded). */
    public List<Node> ancestors(Page page) {
        Node node = nodes.get(page);
        List<Node> chain = new ArrayList<>();
        for (Node n = node == null ? null : node.parent; n != null && n != root; n = n.parent) {
            chain.add(0, n);
        }
        return chain;
    }

    public Optional<Page> previous(Page page) {
        Integer i = positions.get(page);
        return i != null && i > 0 ? Optional.of(entries.get(i - 1)) : Optional.empty();
    }

    public Optional<Page> next(Page page) {
        Integer i = positions.get(page);
        return i != null && i < entries.size() - 1 ? Optional.of(entries.get(i + 1)) : Optional.empty();
    }
}
