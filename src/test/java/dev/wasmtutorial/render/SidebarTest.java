package dev.wasmtutorial.render;

import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Navigation;
import dev.wasmtutorial.content.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarTest {

    private static Page page(String out, String title, Integer order) {
        return new Page(Path.of("/c/" + out), "content/" + out, out, new FrontMatter(title, "d", order, true, "page"), "", 1);
    }

    private static List<String> labels(List<Sidebar.Row> rows) {
        return rows.stream().map(r -> r.level() + ":" + (r.isMore() ? "+" + r.hidden() : r.node().title())).toList();
    }

    @Test
    void aShortFlatSiteShowsEveryPage() {
        List<Page> pages = List.of(page("index.html", "Home", 1), page("a.html", "A", 2), page("b.html", "B", 3));
        assertThat(labels(Sidebar.rows(new Navigation(pages), pages.get(1)))).containsExactly("1:Home", "1:A", "1:B");
    }

    @Test
    void aLongListIsCutToAWindowAroundThePageWhateverTheSiteSize() {
        for (int size : List.of(100, 5_000)) {
            List<Page> pages = new ArrayList<>();
            pages.add(page("index.html", "Home", 0));
            for (int i = 1; i < size; i++) {
                pages.add(page("p" + i + ".html", "P" + i, i));
            }
            Navigation nav = new Navigation(pages);

            List<Sidebar.Row> middle = Sidebar.rows(nav, pages.get(50));
            assertThat(labels(middle)).containsExactly("1:+45", "1:P45", "1:P46", "1:P47", "1:P48", "1:P49", "1:P50",
                    "1:P51", "1:P52", "1:P53", "1:P54", "1:P55", "1:+" + (size - 56));
            assertThat(labels(Sidebar.rows(nav, pages.get(0)))).startsWith("1:Home", "1:P1").hasSize(12).last().isEqualTo("1:+" + (size - 11));
            assertThat(labels(Sidebar.rows(nav, pages.get(size - 1)))).first().isEqualTo("1:+" + (size - 11));
        }
    }

    @Test
    void sectionsOpenOnlyOnThePathToThePage() {
        Page home = page("index.html", "Home", null);
        Page one = page("one/index.html", "One", 1);
        Page oneA = page("one/a.html", "One A", 1);
        Page two = page("two/index.html", "Two", 2);
        Page twoA = page("two/a.html", "Two A", 1);
        Page twoDeep = page("two/sub/deep.html", "Deep", 1);
        Navigation nav = new Navigation(List.of(home, one, oneA, two, twoA, twoDeep));

        assertThat(labels(Sidebar.rows(nav, twoDeep)))
                .containsExactly("1:Home", "1:One", "1:Two", "2:Two A", "2:sub", "3:Deep");
        assertThat(labels(Sidebar.rows(nav, one))).containsExactly("1:Home", "1:One", "2:One A", "1:Two");
        assertThat(labels(Sidebar.rows(nav, home))).containsExactly("1:Home", "1:One", "1:Two");
    }
}
