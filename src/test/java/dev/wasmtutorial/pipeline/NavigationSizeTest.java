package dev.wasmtutorial.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What a page carries for navigation stays bounded however many pages share its folder. */
class NavigationSizeTest {

    @TempDir
    Path dir;

    @Test
    void aPageOfAFlatFolderOfManyPagesWeighsLittleMoreThanItsContent() throws Exception {
        TestProject project = new TestProject(dir);
        int pages = 300;
        String body = "Some prose about linear memory, imports and exports. ".repeat(20);
        for (int i = 0; i < pages; i++) {
            project.page("page-" + i + ".md", "Page number " + i, 10 + i, body + "\n");
        }
        new SiteBuilder(project.config(), new PrintStream(new ByteArrayOutputStream())).build();

        Path site = dir.resolve("site");
        String middle = Files.readString(site.resolve("page-150.html"));
        int content = body.length();
        // 3× the content plus a constant (head, header, a window of the sidebar, pager): not 300 links.
        assertThat(middle.length()).isLessThan(3 * content + 6_000);
        assertThat(middle.split("class=\"nav-level-1")).hasSizeLessThan(16);
        assertThat(Files.size(site.resolve("page-0.html"))).isLessThan(3L * content + 6_000);

        // Everything else is in one shared file and one contents page.
        try (var files = Files.list(site)) {
            Path tree = files.filter(p -> p.getFileName().toString().matches("nav\\.[0-9a-f]{12}\\.json")).findFirst().orElseThrow();
            assertThat(Files.readString(tree)).contains("\"Page number 299\",\"page-299.html\"");
            assertThat(middle).contains("data-tree=\"" + tree.getFileName() + "\"");
        }
        String contents = Files.readString(site.resolve("contents.html"));
        String list = contents.substring(contents.indexOf("<ol class=\"contents\">"), contents.indexOf("</article>"));
        assertThat(list.split("<a href=\"page-")).hasSize(pages + 1);
    }
}
