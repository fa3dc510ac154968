package dev.wasmtutorial.content;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationTest {

    private static Page page(String out, String title, Integer order, boolean nav) {
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
    }
}
