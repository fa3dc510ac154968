package dev.wasmtutorial.e2e;

import dev.wasmtutorial.python.PythonPool;
import dev.wasmtutorial.python.PythonSandbox;
import dev.wasmtutorial.api.ApiLimits;
import dev.wasmtutorial.api.ExecutionApi;
import dev.wasmtutorial.serve.EventStreams;
import dev.wasmtutorial.serve.PreviewServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every curl example of content/server_mode.md against a live {@code serve --api} and
 * compares what it prints with the output block the page shows under it: the page cannot drift
 * from the server.
 */
class ServerModePageIT {

    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)\\n```", Pattern.DOTALL);

    record Example(String script, String expected) {
    }

    static List<Example> examples(String markdown) {
        List<String[]> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2)});
        }
        List<Example> out = new ArrayList<>();
        for (int i = 0; i + 1 < blocks.size(); i++) {
            if (blocks.get(i)[0].equals("bash") && blocks.get(i)[1].contains("localhost:8000")
                    && (blocks.get(i + 1)[0].equals("json") || blocks.get(i + 1)[0].equals("text"))) {
                out.add(new Example(blocks.get(i)[1], blocks.get(i + 1)[1]));
            }
        }
        return out;
    }

    /** The built site's page (./mvnw verify builds site/ before the integration tests run). */
    @Test
    void tryItPanelRunsCodeWithTheApiAndSaysWhatItNeedsWithout(@TempDir Path dir) throws Exception {
        Path site = Path.of("site");
        assertThat(site.resolve("server_mode.html")).as("built site").exists();
        ApiLimits defaults = ApiLimits.defaults();
        try (ExecutionApi api = new ExecutionApi(dir.resolve("runs"), null, defaults, "emcc",
                new PythonPool(PythonSandbox.forProject(Path.of("")), 0));
             PreviewServer withApi = new PreviewServer(site, "127.0.0.1", 0, "/", false, List.of(),
                     new EventStreams(defaults.maxStreams(), 15_000), api).start();
             PreviewServer staticOnly = new PreviewServer(site, "127.0.0.1", 0, "/", false).start();
             Chromium chromium = new Chromium()) {
            com.microsoft.playwright.Page page = chromium.browser.newPage();
            page.navigate(withApi.url().resolve("server_mode.html").toString());
            // Python first (the panel's default): its output, its result and its chart, as an image.
            page.locator("[data-try-it] button").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".try-it-status"))
                    .hasText("succeeded: done", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".try-it-output")).hasText("mean: 4\n");
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".try-it-results img"))
                    .hasAttribute("src", java.util.regex.Pattern.compile("^data:image/svg\\+xml"));
            page.locator("#try-it-language").selectOption("c");
            page.locator("[data-try-it] button").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".try-it-output"))
                    .hasText("line 1\nline 2\nline 3\n", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator(".try-it-status"))
                    .hasText("succeeded: exit code 0", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));

            com.microsoft.playwright.Page plain = chromium.browser.newPage();
            plain.navigate(staticOnly.url().resolve("server_mode.html").toString());
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(plain.locator("[data-try-it] > p").first())
                    .containsText("needs JavaScript and a server started with serve --api");
            plain.locator("[data-try-it] button").click();
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(plain.locator(".try-it-status"))
                    .containsText("not served by `serve --api`");
        }
    }

    @Test
    void everyCurlExampleOnThePagePrintsWhatThePageShows(@TempDir Path dir) throws Exception {
        List<Example> examples = examples(Files.readString(Path.of("content/server_mode.md")));
        assertThat(examples).as("examples with an output block").hasSizeGreaterThanOrEqualTo(7);
        Path site = dir.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "<p>site</p>");
        Files.writeString(site.resolve("404.html"), "<p>404</p>");
        ApiLimits defaults = ApiLimits.defaults();
        try (ExecutionApi api = new ExecutionApi(dir.resolve("runs"), null, defaults, "emcc",
                new PythonPool(PythonSandbox.forProject(Path.of("")), 0));
             PreviewServer server = new PreviewServer(site, "127.0.0.1", 0, "/", false, List.of(),
                     new EventStreams(defaults.maxStreams(), 15_000), api).start()) {
            for (Example example : examples) {
                String script = "set -o pipefail\n" + example.script().replace("localhost:8000", "localhost:" + server.port());
                Process bash = new ProcessBuilder("bash", "-c", script).redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(bash.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(output.strip()).as(example.script()).isEqualTo(example.expected().strip());
            }
        }
    }
}
