package dev.wasmtutorial.content;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.Diagnostics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrontMatterParserTest {

    private final Diagnostics diagnostics = new Diagnostics();
    private final FrontMatterParser parser = new FrontMatterParser(diagnostics);

    @Test
    void readsFieldsAndReportsWhereTheBodyStarts() {
        FrontMatterParser.Split split = parser.parse("""
                ---
                title: Intro to Wasm
                description: "How it runs: modules, memory, imports."
                order: 2
                nav: false
                ---
                # Heading
                """, "content/intro.md");
        assertThat(split.frontMatter()).isEqualTo(new FrontMatter("Intro to Wasm", "How it runs: modules, memory, imports.", 2, false, "page"));
        assertThat(split.bodyLine()).isEqualTo(7);
        assertThat(split.body()).startsWith("# Heading");
        assertThat(diagnostics.isEmpty()).isTrue();
    }

    @Test
    void missingFrontMatterIsAnErrorOnLineOne() {
        assertThatThrownBy(() -> parser.parse("# Just a heading\n", "content/a.md"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).oneLine()).startsWith("content/a.md:1: error: missing front matter (hint:"));
    }

    @Test
    void unclosedFrontMatterIsAnError() {
        assertThatThrownBy(() -> parser.parse("---\ntitle: A\n# body\n", "a.md"))
                .isInstanceOf(BuildException.class).hasMessage("front matter is not closed");
    }

    @Test
    void malformedYamlNamesTheFileLine() {
        assertThatThrownBy(() -> parser.parse("---\ntitle: A\ndescription: [unclosed\n---\nbody\n", "content/b.md"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> {
                    BuildException b = (BuildException) e;
                    assertThat(b.getMessage()).startsWith("malformed front matter");
                    assertThat(b.location().file()).isEqualTo("content/b.md");
                    assertThat(b.location().line()).isEqualTo(3);
                });
    }

    @Test
    void malformedYamlPointsAtTheLineWhereTheBrokenValueStarts() {
        assertThatThrownBy(() -> parser.parse("---\ntitle: [broken\ndescription: d\norder: 1\n---\nbody\n", "content/c.md"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).location().line()).isEqualTo(2));
    }

    @Test
    void missingTitleIsAnError() {
        assertThatThrownBy(() -> parser.parse("---\ndescription: x\n---\n", "c.md"))
                .isInstanceOf(BuildException.class).hasMessageContaining("needs a non-empty 'title'");
    }

    @Test
    void wrongTypesAreErrorsOnTheirLine() {
        assertThatThrownBy(() -> parser.parse("---\ntitle: A\norder: first\n---\n", "d.md"))
                .isInstanceOf(BuildException.class)
                .satisfies(e -> assertThat(((BuildException) e).location().line()).isEqualTo(3))
                .hasMessageContaining("'order' must be a whole number");
        assertThatThrownBy(() -> parser.parse("---\ntitle: A\nnav: maybe\n---\n", "d.md"))
                .isInstanceOf(BuildException.class).hasMessageContaining("'nav' must be true or false");
        assertThatThrownBy(() -> parser.parse("---\ntitle: A\ndraft: soon\n---\n", "d.md"))
                .isInstanceOf(BuildException.class).hasMessageContaining("'draft' must be true or false");
    }

    @Test
    void draftDefaultsToFalse() {
        assertThat(parser.parse("---\ntitle: A\ndescription: d\n---\n", "a.md").frontMatter().draft()).isFalse();
        assertThat(parser.parse("---\ntitle: A\ndescription: d\ndraft: true\n---\n", "a.md").frontMatter().draft()).isTrue();
    }

    @Test
    void unknownFieldAndMissingDescriptionAreWarnings() {
        parser.parse("---\ntitle: A\ntitel: typo\n---\n", "e.md");
        assertThat(diagnostics.warnings()).extracting(Object::toString).containsExactly(
                "e.md:1: warning: no 'description' in front matter (used for the meta description)",
                "e.md:3: warning: unknown front matter field 'titel' (did you mean 'title'?)");
    }
}
