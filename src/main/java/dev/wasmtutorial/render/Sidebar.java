package dev.wasmtutorial.render;

import dev.wasmtutorial.content.Navigation;
import dev.wasmtutorial.content.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * The sidebar one page carries, bounded by its neighbourhood rather than by the site: the top
 * level, and the contents of each section on the way down to the page (its ancestors, its
 * siblings, its own children if it is a section page). A list longer than {@link #FULL_LIST}
 * is cut to a window around the entry on the path, the rest replaced by a "more" row that links
 * to the contents page; the shared navigation file lets site.js restore the full lists.
 */
public final class Sidebar {

    /** Lists up to this long are shown whole. */
    static final int FULL_LIST = 15;
    /** Entries shown on each side of the path's entry in a longer list. */
    static final int WINDOW = 5;

    /**
     * One row: a node at a nesting level (1 = top), or, when {@code node} is null, a stand-in for
     * {@code hidden} entries left out of a long list.
     */
    public record Row(Navigation.Node node, int level, int hidden) {
        public boolean isMore() {
            return node == null;
        }
    }

    private Sidebar() {
    }

    /** The rows for {@code current} (a page outside the navigation gets the top level). */
    public static List<Row> rows(Navigation navigation, Page current) {
        Navigation.Node here = navigation.node(current).orElse(null);
        List<Navigation.Node> path = new ArrayList<>();
        for (Navigation.Node n = here; n != null; n = n.parent()) {
            path.add(n);
        }
        List<Row> rows = new ArrayList<>();
        Navigation.Node root = navigation.root();
        List<Navigation.Node> top = new ArrayList<>();
        root.page().ifPresent(p -> top.add(root));
        top.addAll(root.children());
        addList(top, 1, path, rows);
        return rows;
    }

    private static void addList(List<Navigation.Node> list, int level, List<Navigation.Node> path, List<Row> rows) {
        int from = 0;
        int to = list.size();
        if (list.size() > FULL_LIST) {
            int focus = 0;
            for (Navigation.Node n : path) {
                // Lists are children of one section, after the home page at the top level.
                int i = n.position() + list.size() - (n.parent() == null ? 0 : n.parent().children().size());
                if (n.parent() != null && i >= 0 && i < list.size() && list.get(i) == n) {
                    focus = i;
                    break;
                }
            }
            from = Math.max(0, focus - WINDOW);
            to = Math.min(list.size(), from + 2 * WINDOW + 1);
            from = Math.max(0, to - (2 * WINDOW + 1));
        }
        if (from > 0) {
            rows.add(new Row(null, level, from));
        }
        for (Navigation.Node node : list.subList(from, to)) {
            rows.add(new Row(node, level, 0));
            // The root is listed among the top level as the home page; its children are that level already.
            if (node.isSection() && node.parent() != null && path.contains(node)) {
                addList(node.children(), level + 1, path, rows);
            }
        }
        if (to < list.size()) {
            rows.add(new Row(null, level, list.size() - to));
        }
    }
}
