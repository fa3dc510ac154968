package dev.wasmtutorial.cli;

import dev.wasmtutorial.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and unusual input, through the command line as an author meets it. Each case breaks a
 * project whose site was just built; the build must then print exactly one line (starting with
 * the file:line and message below), exit 1, print no stack trace, and leave {@code site/}
 * byte-for-byte as it was.
 */
class BadInputCorpusTest {

    /** Front matter of a valid page; a body written after it starts on line 5. */
    static final String HEAD = "---\ntitle: T\ndescription: D.\n---\n";

    interface Setup {
        void apply(Path root) throws Exception;
    }

    /** @param args extra command-line arguments (after the project's own) */
    record Case(String name, String expected, Setup setup, List<String> args) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case bad(String name, String expected, Setup setup) {
        return new Case(name, expected, setup, List.of());
    }

    static Case badArgs(String name, String expected, String... args) {
        return new Case(name, expected, root -> { }, List.of(args));
    }

    static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static void prepend(Path file, String text) throws IOException {
        Files.writeString(file, text + Files.readString(file));
    }

    /** Inserts {@code text} so that it becomes line {@code line} of {@code file}. */
    static void insertLine(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(line - 1, text);
        Files.write(file, lines);
    }

    static String nestedList(int levels) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            list.append("  ".repeat(i)).append("- level ").append(i).append('\n');
        }
        return list.toString();
    }

    static void link(Path root, String path, Path target) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, target);
    }

    static Stream<Case> cases() {
        Path outside = Path.of("/etc/hostname");
        return Stream.of(
                // Symbolic links that leave the project
                bad("include through a symlink", "content/intro.md:5: error: x.txt is a symbolic link to " + real(outside) + ", outside the project",
                        r -> {
                            link(r, "notes/x.txt", outside);
                            write(r, "content/intro.md", HEAD + "```text include=\"../notes/x.txt\"\n```\n");
                        }),
                bad("content file that is a symlink", "content/secret.txt: error: secret.txt is a symbolic link to " + real(outside),
                        r -> link(r, "content/secret.txt", outside)),
                bad("image that is a symlink", "content/img/pic.png: error: pic.png is a symbolic link to " + real(outside),
                        r -> {
                            link(r, "content/img/pic.png", outside);
                            write(r, "content/intro.md", HEAD + "![pic](img/pic.png)\n");
                        }),
                bad("page that is a symlink", "content/other.md: error: other.md is a symbolic link to " + real(outside),
                        r -> link(r, "content/other.md", outside)),
                bad("page that is a broken symlink", "content/gone.md: error: broken symbolic link gone.md",
                        r -> link(r, "content/gone.md", r.resolve("content/nowhere.md"))),
                bad("content file that is a broken symlink", "content/img/gone.png: error: broken symbolic link gone.png",
                        r -> link(r, "content/img/gone.png", r.resolve("content/img/nowhere.png"))),
                bad("demo file that is a symlink", "demo/leak.txt: error: leak.txt is a symbolic link to " + real(outside),
                        r -> link(r, "demo/leak.txt", outside)),
                bad("asset that is a symlink", "templates/assets/leak.css: error: leak.css is a symbolic link to " + real(outside),
                        r -> link(r, "templates/assets/leak.css", outside)),
                // Front matter
                bad("duplicate front matter key", "content/intro.md:4: error: duplicate front matter key 'title' (first on line 2)",
                        r -> write(r, "content/intro.md", "---\ntitle: A\ndescription: D.\ntitle: B\n---\ntext\n")),
                bad("tab-indented front matter", "content/intro.md:3: error: tab used for indentation in front matter",
                        r -> write(r, "content/intro.md", "---\ntitle: A\n\tdescription: D.\n---\ntext\n")),
                bad("tab inside a nested front matter value", "content/intro.md:5: error: tab used for indentation in front matter",
                        r -> write(r, "content/intro.md", "---\ntitle: A\ndescription: D.\nnav:\n\tfoo: 1\n---\ntext\n")),
                bad("misspelt title", "content/intro.md:3: error: front matter needs a 'title'; found 'titel' (hint: did you mean 'title'?)",
                        r -> write(r, "content/intro.md", "---\ndescription: D.\ntitel: A\n---\ntext\n")),
                bad("numeric title", "content/intro.md:2: error: 'title' must be text, not '2024' (hint: quote it: title: \"2024\")",
                        r -> write(r, "content/intro.md", "---\ntitle: 2024\ndescription: D.\n---\ntext\n")),
                bad("empty title", "content/intro.md:2: error: front matter needs a non-empty 'title'",
                        r -> write(r, "content/intro.md", "---\ntitle: ''\ndescription: D.\n---\ntext\n")),
                bad("misspelt order (a warning, strict)", "content/intro.md:4: error: 1 warning(s) in strict mode: "
                                + "unknown front matter field 'ordr' (did you mean 'order'?)",
                        r -> write(r, "content/intro.md", "---\ntitle: A\ndescription: D.\nordr: 2\n---\ntext\n")),
                bad("front matter not closed", "content/intro.md:1: error: front matter is not closed",
                        r -> write(r, "content/intro.md", "---\ntitle: A\ndescription: D.\ntext\n")),
                bad("front matter a list", "content/intro.md:2: error: front matter must be a set of 'key: value' lines",
                        r -> write(r, "content/intro.md", "---\n- a\n- b\n---\ntext\n")),
                bad("order not a number", "content/intro.md:4: error: 'order' must be a whole number, not 'first'",
                        r -> write(r, "content/intro.md", "---\ntitle: A\ndescription: D.\norder: first\n---\ntext\n")),
                // Links
                bad("bad % escape in a link", "content/intro.md:5: error: link '100%.md': '%.m' is not a %-escape",
                        r -> write(r, "content/intro.md", HEAD + "[all](100%.md)\n")),
                bad("truncated % escape in a link", "content/intro.md:6: error: link 'a%2': '%2' is not a %-escape",
                        r -> write(r, "content/intro.md", HEAD + "\n[x](a%2)\n")),
                bad("bad % escape in a demo page link", "demo/index.html:1: error: broken link 'x%zz.html': '%zz' is not a %-escape",
                        r -> write(r, "demo/index.html", "<!DOCTYPE html><title>D</title><a href=\"x%zz.html\">x</a>\n")),
                // Templates that never stop
                bad("template that includes itself", "templates/loop.peb:1: error: template 'loop' includes itself without end (page -> loop -> loop)",
                        r -> {
                            write(r, "templates/loop.peb", "{% include \"loop\" %}\n");
                            prepend(r.resolve("templates/page.peb"), "{% include \"loop\" %}");
                        }),
                // Each level of include looks variables up through one more scope: these ran for minutes.
                bad("page template that includes itself inside its block",
                        "templates/page.peb:3: error: template 'page' includes itself without end (page -> page)",
                        r -> insertLine(r.resolve("templates/page.peb"), 3, "{% include \"page\" %}")),
                bad("layout that includes the page that extends it",
                        "templates/base.peb:8: error: template 'base' includes itself without end (page -> base -> page)",
                        r -> insertLine(r.resolve("templates/base.peb"), 8, "{% include \"page\" %}")),
                bad("recursive macro", "templates/page.peb:1: error: macro 'boom' calls itself without end (boom -> boom)",
                        r -> prepend(r.resolve("templates/page.peb"), "{% macro boom(n) %}{{ boom(n) }}{% endmacro %}{{ boom(1) }}")),
                bad("macros that call each other", "templates/macros.peb:2: error: macro 'tick' calls itself without end (tick -> tock -> tick)",
                        r -> {
                            write(r, "templates/macros.peb", "{# two macros #}\n{% macro tick(n) %}{{ tock(n) }}{% endmacro %}\n"
                                    + "{% macro tock(n) %}\n  {{ tick(n + 1) }}\n{% endmacro %}\n");
                            prepend(r.resolve("templates/page.peb"), "{% import \"macros\" %}{{ tick(1) }}");
                        }),
                bad("unclosed if before the layout", "templates/page.peb:1: error: template error: '{% if %}' is never closed (the file ends first)",
                        r -> prepend(r.resolve("templates/page.peb"), "{% if page.title %}\n")),
                bad("unclosed if inside a block", "templates/page.peb:3: error: template error: '{% if %}' is never closed "
                                + "(Pebble met '{% endblock %}' on line",
                        r -> insertLine(r.resolve("templates/page.peb"), 3, "{% if page.title %}")),
                                bad("unknown template", "content/intro.md:1: error: unknown template 'landing' (hint: available templates: 404, base, page)",
                        r -> write(r, "content/intro.md", "---\ntitle: A\ndescription: D.\ntemplate: landing\n---\ntext\n")),
                bad("template path as template name", "content/intro.md:1: error: unknown template '../x'",
                        r -> write(r, "content/intro.md", "---\ntitle: A\ndescription: D.\ntemplate: ../x\n---\ntext\n")),
                bad("undefined template variable", "templates/page.peb:1: error: template error:",
                        r -> prepend(r.resolve("templates/page.peb"), "{{ page.nothing }}")),
                // Includes
                bad("include of a binary file", "content/intro.md:5: error: cannot include 'x.bin': it is a binary file",
                        r -> {
                            Files.write(r.resolve("content/x.bin"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
                            write(r, "content/intro.md", HEAD + "```text include=\"x.bin\"\n```\n");
                        }),
                bad("include of a non-UTF-8 file", "content/intro.md:5: error: cannot include 'latin1.txt': content/latin1.txt:1: not valid UTF-8",
                        r -> {
                            Files.write(r.resolve("content/latin1.txt"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
                            write(r, "content/intro.md", HEAD + "```text include=\"latin1.txt\"\n```\n");
                        }),
                bad("include outside the project", "content/intro.md:5: error: include '../../x.txt' points outside the project",
                        r -> write(r, "content/intro.md", HEAD + "```text include=\"../../x.txt\"\n```\n")),
                bad("missing include", "content/intro.md:5: error: included file not found: gone.c",
                        r -> write(r, "content/intro.md", HEAD + "```c include=\"gone.c\"\n```\n")),
                bad("missing include region", "content/intro.md:5: error: region 'main' not found in a.c",
                        r -> {
                            write(r, "content/a.c", "int x;\n");
                            write(r, "content/intro.md", HEAD + "```c include=\"a.c\" region=\"main\"\n```\n");
                        }),
                bad("unclosed include region", "content/intro.md:5: error: region 'main' in a.c has no 'endregion: main' line",
                        r -> {
                            write(r, "content/a.c", "// region: main\nint x;\n");
                            write(r, "content/intro.md", HEAD + "```c include=\"a.c\" region=\"main\"\n```\n");
                        }),
                // Links, anchors, images
                bad("broken link", "content/intro.md:6: error: broken link 'setup.md' (published as 'setup.html'): no file setup.html in the site",
                        r -> write(r, "content/intro.md", HEAD + "\nSee [setup](setup.md).\n")),
                bad("broken anchor", "content/intro.md:5: error: broken link 'index.md#nowhere'",
                        r -> write(r, "content/intro.md", HEAD + "[x](index.md#nowhere)\n")),
                bad("missing image", "content/intro.md:5: error: broken link 'img/missing.png'",
                        r -> write(r, "content/intro.md", HEAD + "![d](img/missing.png)\n")),
                bad("root-relative link", "content/intro.md:5: error: root-relative link '/index.html' breaks",
                        r -> write(r, "content/intro.md", HEAD + "[x](/index.html)\n")),
                bad("link outside the project", "content/intro.md:5: error: link '../../etc/passwd' points outside the project",
                        r -> write(r, "content/intro.md", HEAD + "[x](../../etc/passwd)\n")),
                bad("link to an unpublished file", "content/intro.md:5: error: link '../notes.txt' points to notes.txt, which is not published",
                        r -> {
                            write(r, "notes.txt", "n\n");
                            write(r, "content/intro.md", HEAD + "[x](../notes.txt)\n");
                        }),
                bad("broken link in a demo page", "demo/index.html:2: error: broken link 'nope.html': no file demo/nope.html in the site",
                        r -> write(r, "demo/index.html", "<!DOCTYPE html><title>D</title>\n<a href=\"nope.html\">x</a>\n")),
                // Encodings, names, modules
                bad("page not UTF-8", "content/intro.md:2: error: not valid UTF-8",
                        r -> Files.write(r.resolve("content/intro.md"), "---\ntitle: Caf\u00e9\n---\n".getBytes(StandardCharsets.ISO_8859_1))),
                bad("two pages publish one path", "content/index.md: error: publishes to index.html, which content/README.md already publishes to",
                        r -> write(r, "content/README.md", HEAD + "text\n")),
                bad("page without front matter", "content/intro.md:1: error: missing front matter",
                        r -> write(r, "content/intro.md", "# Intro\n")),
                bad("module without checks", "demo/dist/extra.wasm: error: module has no checks and would be published unproven",
                        r -> Files.copy(Path.of("src/test/resources/wasm/add_and_log.wasm"), r.resolve("demo/dist/extra.wasm"))),
                bad("module failing its check", "demo/dist/add_and_log.wasm: error: check \"adds\" failed",
                        r -> Files.copy(Path.of("src/test/resources/wasm/wrong_sum.wasm"), r.resolve("demo/dist/add_and_log.wasm"),
                                java.nio.file.StandardCopyOption.REPLACE_EXISTING))
        );
    }

    /** Input that looks odd but is valid: the build succeeds and the site shows it correctly. */
    record GoodCase(String name, Setup setup, Setup check) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<GoodCase> goodCases() {
        return Stream.of(
                new GoodCase("CR-only line endings", r -> write(r, "content/intro.md", "---\rtitle: Old Mac\rdescription: D.\r---\r## Heading\r\rText.\r"),
                        r -> assertThat(r.resolve("site/intro.html")).content().contains("<title>Old Mac").contains("id=\"heading\"")),
                new GoodCase("file names with spaces and non-ASCII letters", r -> {
                    write(r, "content/about us.md", HEAD + "[home](index.md) [ueber](%C3%9Cber%20uns.md#hallo)\n");
                    write(r, "content/\u00dcber uns.md", HEAD + "## Hallo\n\n[about](<about us.md>)\n");
                    write(r, "content/img/a pic.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
                    write(r, "content/intro.md", HEAD + "![pic](img/a%20pic.svg)\n");
                }, r -> {
                    assertThat(r.resolve("site/about us.html")).content().contains("href=\"%C3%9Cber%20uns.html#hallo\"");
                    assertThat(r.resolve("site/\u00dcber uns.html")).content().contains("href=\"about%20us.html\"");
                    assertThat(r.resolve("site/intro.html")).content().contains("src=\"img/a%20pic.svg\"");
                    assertThat(r.resolve("site/img/a pic.svg")).exists();
                    assertThat(r.resolve("site/sitemap.xml")).content().contains("/about%20us.html</loc>")
                            .contains("/%C3%9Cber%20uns.html</loc>");
                }),
                new GoodCase("a template that includes itself until a condition stops it", r -> {
                    write(r, "templates/countdown.peb", "{% if n > 0 %}{{ n }},{% include \"countdown\" with {\"n\": n - 1} %}{% endif %}");
                    insertLine(r.resolve("templates/page.peb"), 3, "<p id=\"countdown\">{% include \"countdown\" with {\"n\": 50} %}</p>");
                }, r -> assertThat(r.resolve("site/intro.html")).content().contains("<p id=\"countdown\">50,49,48,")
                        .contains(",3,2,1,</p>")),
                new GoodCase("1,000 nested quotes", r -> write(r, "content/intro.md", HEAD + ">".repeat(1000) + " deep\n"),
                        r -> assertThat(r.resolve("site/intro.html")).content().contains("<blockquote>\n".repeat(1000) + "<p>deep</p>")),
                new GoodCase("500 nested list levels", r -> write(r, "content/intro.md", HEAD + nestedList(500)),
                        r -> assertThat(r.resolve("site/intro.html")).content().contains("<li>level 499</li>")),
                new GoodCase("emphasis, bracket and table pathologies", r -> write(r, "content/intro.md", HEAD
                                + "*".repeat(5000) + "x" + "*".repeat(5000) + "\n\n" + "[".repeat(5000) + "x" + "]".repeat(5000)
                                + "\n\n" + "_a ".repeat(3000) + "\n\n|a|b|\n|---|---|\n" + "|x|y|\n".repeat(3000)),
                        r -> assertThat(r.resolve("site/intro.html")).content().contains("<td>x</td>"))
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodCases")
    void unusualButValidInputBuildsACorrectSite(GoodCase c) throws Exception {
        c.setup().apply(root);
        // A base URL, so that the sitemap (absolute URLs) is written too.
        assertThat(build(List.of("--base-url", "https://example.org/t/"))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        c.check().apply(root);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void createProjectAndBuildIt() throws Exception {
        TestFiles.copyTree(Path.of("templates"), root.resolve("templates"));
        TestFiles.writeFixtureDemo(root.resolve("demo"),
                "<!DOCTYPE html><html><head><title>Demo</title></head><body><a href=\"../index.html\">back</a></body></html>\n");
        write(root, "content/index.md", HEAD + "# Welcome\n\nRead the [intro](intro.md) or try the [demo](../demo/index.html).\n");
        write(root, "content/intro.md", HEAD + "## How it runs\n\nText.\n");
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(build(List.of())).as(err.toString(StandardCharsets.UTF_8)).isZero();
        out.reset();
        err.reset();
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    int build(List<String> extra) {
        List<String> args = new ArrayList<>(List.of("build", "--root", root.toString(), "--demo", root.resolve("demo").toString(),
                "--skip-demo-build", "--no-front-end"));
        args.addAll(extra);
        return Main.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a case that hangs the build fails instead of holding the suite
    void badInputIsOneLineExitOneAndTheSiteUntouched(Case c) throws Exception {
        Map<String, String> before = snapshot(root.resolve("site"));
        c.setup().apply(root);

        int exit = build(c.args());

        List<String> lines = outputLines();
        assertThat(lines).as("output").hasSize(1);
        assertThat(lines.get(0)).startsWith(c.expected());
        assertThat(exit).isEqualTo(1);
        assertThat(snapshot(root.resolve("site"))).isEqualTo(before);
    }

    /** Everything printed, without the progress lines of stages that passed. */
    List<String> outputLines() {
        List<String> lines = new ArrayList<>();
        Stream.concat(out.toString(StandardCharsets.UTF_8).lines(), err.toString(StandardCharsets.UTF_8).lines())
                .filter(l -> !l.startsWith("validated demo/"))
                .forEach(lines::add);
        return lines;
    }

    static Map<String, String> snapshot(Path site) throws Exception {
        return TestFiles.snapshot(site);
    }
}
