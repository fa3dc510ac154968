package dev.wasmtutorial.render;

import dev.wasmtutorial.content.FrontMatter;
import dev.wasmtutorial.content.Navigation;
import dev.wasmtutorial.content.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SiteContentsTest {

    private static Page page(String out, String title, Integer order) {
        return new Page(Path.of("/c/" + out), "content/" + out, out, new FrontMatter(title, "d", order, true, "page"), "", 1);
    }

    private final List<Page> pages = List.of(page("index.html", "Home", null), page("one/index.html", "One & more", 1),
            page("one/a.html", "A <1>", 1), page("two/sub/deep.html", "Deep", 1));

    @Test
    void theTreeFileHoldsTheWholeTreeUnderANameThatChangesWithIt() {
        SiteContents contents = new SiteContents(new Navigation(pages));
        assertThat(contents.treeJson()).isEqualTo("[[\"Home\",\"index.html\"],[\"One & more\",\"one/index.html\",[[\"A <1>\",\"one/a.html\"]]],"
                + "[\"two\",null,[[\"sub\",null,[[\"Deep\",\"two/sub/deep.html\"]]]]]]");
        assertThat(contents.treeFile()).matches("nav\\.[0-9a-f]{12}\\.json");
        assertThat(new SiteContents(new Navigation(pages)).treeFile()).isEqualTo(contents.treeFile());

        List<Page> renamed = List.of(pages.get(0), pages.get(1), page("one/a.html", "A <2>", 1), pages.get(3));
        assertThat(new SiteContents(new Navigation(renamed)).treeFile()).isNotEqualTo(contents.treeFile());
    }

    @Test
    void theContentsPageListsEveryPageAsNestedListsWithEscapedTitles() {
        String html = new SiteContents(new Navigation(pages)).contentsHtml();
        assertThat(html).contains("<li><a href=\"index.html\">Home</a></li>")
                .contains("<a href=\"one/index.html\">One &amp; more</a>\n<ol>\n<li><a href=\"one/a.html\">A &lt;1&gt;</a></li>")
                .contains("<li>two\n<ol>\n<li>sub\n<ol>\n<li><a href=\"two/sub/deep.html\">Deep</a></li>");
    }
}
