package dev.wasmtutorial.content;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationTest {

    static Page page(String out, String title, Integer order, boolean nav) {
        return new Page(Path.of("/c/" + out), "content/" + out, out, new FrontMatter(title, "d", order, nav, "page"), "", 1);
    }

    @Test
    void ordersByFrontMatterThenTitleAndSkipsHiddenPages() {
        Page intro = page("intro.html", "Intro", 2, true);
        Page start = page("index.html", "Start", 1, true);
        Page hidden = page("hidden.html", "Hidden", 0, false);
        Page zUnordered = page("z.html", "Zeta", null, true);
        Page aUnordered = page("a.html", "Alpha", null, true);
        Navigation nav = new Navigation(List.of(intro, zUnordered, hidden, start, aUnordered));

        assertThat(nav.entries()).containsExactly(start, intro, aUnordered, zUnordered);
        assertThat(nav.previous(start)).isEmpty();
        assertThat(nav.next(start)).contains(intro);
        assertThat(nav.previous(intro)).contains(start);
        assertThat(nav.next(zUnordered)).isEmpty();
        assertThat(nav.next(hidden)).isEmpty();
        assertThat(nav.node(hidden)).isEmpty();
        assertThat(nav.ancestors(intro)).isEmpty();
    }

    @Test
    void foldersAreSectionsSortedWithinTheirParentAndReadDepthFirst() {
        Page home = page("index.html", "Home", null, true);
        Page basics = page("basics/index.html", "Basics", 1, true);
        Page memory = page("basics/memory.html", "Memory", 2, true);
        Page imports = page("basics/imports.html", "Imports", 1, true);
        Page deep = page("basics/more/deep.html", "Deep", null, true);
        Page advanced = page("advanced/index.html", "Advanced", 3, true);
        Page threads = page("advanced/threads.html", "Threads", null, true);
        Page about = page("about.html", "About", 2, true);
        Navigation nav = new Navigation(List.of(threads, about, deep, memory, advanced, home, imports, basics));

        assertThat(nav.root().page()).contains(home);
        assertThat(nav.root().children()).extracting(Navigation.Node::title).containsExactly("Basics", "About", "Advanced");
        Navigation.Node basicsNode = nav.root().children().get(0);
        assertThat(basicsNode.isSection()).isTrue();
        assertThat(basicsNode.page()).contains(basics);
        // "more/" has no index page: it is a section named after its folder, sorted after ordered pages.
        assertThat(basicsNode.children()).extracting(Navigation.Node::title).containsExactly("Imports", "Memory", "more");
        assertThat(basicsNode.children().get(2).path()).isEmpty();

        assertThat(nav.entries()).containsExactly(home, basics, imports, memory, deep, about, advanced, threads);
        assertThat(nav.next(deep)).contains(about);
        assertThat(nav.previous(advanced)).contains(about);
        assertThat(nav.next(memory)).contains(deep);

        assertThat(nav.ancestors(deep)).extracting(Navigation.Node::title).containsExactly("Basics", "more");
        assertThat(nav.ancestors(basics)).isEmpty();
        assertThat(nav.ancestors(threads)).extracting(Navigation.Node::title).containsExactly("Advanced");
    }
}
