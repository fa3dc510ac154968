package dev.wasmtutorial.render;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateRendererTest {

    @TempDir
    Path dir;

    @Test
    void rendersWithAutoEscapingAndRawBodies() throws Exception {
        Files.writeString(dir.resolve("page.peb"), "<title>{{ title }}</title>{{ body | raw }}");
        String html = new TemplateRenderer(dir, "templates").render("page", Map.of("title", "a < b", "body", "<p>x</p>"),
                SourceLocation.of("content/a.md"));
        assertThat(html).isEqualTo("<title>a &lt; b</title><p>x</p>");
    }

    @Test
    void unknownTemplateNamesThePageAndListsTheTemplates() throws Exception {
        Files.writeString(dir.resolve("page.peb"), "x");
        Files.writeString(dir.resolve("wide.peb"), "x");
        assertThatThrownBy(() -> new TemplateRenderer(dir, "templates").render("landing", Map.of(), new SourceLocation("content/a.md", 1)))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine())
                        .isEqualTo("content/a.md:1: error: unknown template 'landing' (hint: available templates: page, wide)"));
    }

    @Test
    void misspelledVariableFailsWithTemplateFileAndLine() throws Exception {
        Files.writeString(dir.resolve("page.peb"), "line one\n{{ titel }}\n");
        assertThatThrownBy(() -> new TemplateRenderer(dir, "templates").render("page", Map.of("title", "t"), SourceLocation.of("a.md")))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> {
                    BuildException b = (BuildException) e;
                    assertThat(b.location()).isEqualTo(new SourceLocation("templates/page.peb", 2));
                    assertThat(b.getMessage()).contains("titel");
                });
    }

    @Test
    void syntaxErrorFailsWithTemplateFileAndLine() throws Exception {
        Files.writeString(dir.resolve("page.peb"), "ok\nok\n{% if %}\n");
        assertThatThrownBy(() -> new TemplateRenderer(dir, "templates").render("page", Map.of(), SourceLocation.of("a.md")))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).location()).isEqualTo(new SourceLocation("templates/page.peb", 3)));
    }

    @Test
    void nonUtf8TemplateIsRefusedWithItsLine() throws Exception {
        Files.write(dir.resolve("page.peb"), "ok\ncaf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> new TemplateRenderer(dir, "templates"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith("templates/page.peb:2: error: not valid UTF-8"));
    }
}
