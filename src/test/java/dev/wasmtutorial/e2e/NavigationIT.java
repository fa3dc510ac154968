package dev.wasmtutorial.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import dev.wasmtutorial.cli.Main;
import dev.wasmtutorial.serve.PreviewServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sections, breadcrumbs, previous/next across sections, and a long section whose sidebar list each
 * page carries only in part: complete after site.js loads the shared tree, reachable through the
 * contents page without JavaScript. Built from a generated project, on desktop and mobile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NavigationIT {

    private static final int REFERENCE_PAGES = 40;

    @TempDir
    static Path dir;
    private PreviewServer server;
    private Chromium chromium;

    @BeforeAll
    void buildAndServe() throws Exception {
        page("index.md", "Home", 1, "Welcome.");
        page("guide/index.md", "Guide", 2, "The guide.");
        page("guide/first.md", "First steps", 1, "One.");
        page("guide/second.md", "Second steps", 2, "Two.");
        page("guide/deeper/index.md", "Deeper", 3, "Deeper.");
        page("guide/deeper/detail.md", "A detail", 1, "Detail.");
        page("reference/index.md", "Reference", 3, "All the entries.");
        for (int i = 1; i <= REFERENCE_PAGES; i++) {
            page("reference/entry-" + i + ".md", "Entry " + i, i, "Entry number " + i + ".");
        }
        page("about.md", "About", 4, "The end.");
        int exit = Main.run("build", "--root", dir.toString(), "--templates", Path.of("templates").toAbsolutePath().toString(),
                "--no-demos", "--out", dir.resolve("site").toString(), "--reports", dir.resolve("reports").toString());
        assertThat(exit).as("build of the generated project").isZero();
        server = new PreviewServer(dir.resolve("site"), "127.0.0.1", 0, "/docs/", false).start();
        chromium = new Chromium();
    }

    private void page(String name, String title, int order, String body) throws IOException {
        Path file = dir.resolve("content").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\ntitle: " + title + "\ndescription: About " + title + ".\norder: " + order + "\n---\n\n" + body + "\n");
    }

    @AfterAll
    void stop() throws Exception {
        chromium.close();
        server.close();
    }

    private String url(String sitePath) {
        return server.url().resolve(sitePath).toString();
    }

    private List<String> sidebarLabels(Page page) {
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('#sidebar li'))"
                + ".map(li => li.className.replace('nav-level-', '').replace(' nav-more', '+') + ':' + li.textContent.trim())");
        return labels;
    }

    @Test
    void desktopShowsBreadcrumbsSectionsAndPagerAcrossSections() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(m -> {
                if (!m.type().equals("log")) {
                    problems.add(m.type() + ": " + m.text());
                }
            });
            page.navigate(url("guide/deeper/detail.html"));
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(page.locator(".breadcrumbs li")).hasText(new String[] {"Home", "Guide", "Deeper", "A detail"});
            assertThat(page.locator(".breadcrumbs a[aria-current=page]")).hasText("A detail");
            assertThat(sidebarLabels(page)).containsExactly("1:Home", "1:Guide", "2:First steps", "2:Second steps", "2:Deeper",
                    "3:A detail", "1:Reference", "1:About");
            assertThat(page.locator("#sidebar a[aria-current=page]")).hasText("A detail");
            // Depth-first reading order: the last page of the guide leads to the next top-level section.
            assertThat(page.locator(".pager-next")).containsText("Reference");
            assertThat(page.locator(".pager-prev")).containsText("Deeper");
            Chromium.screenshotDir("navigation").toFile().mkdirs();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshotDir("navigation").resolve("desktop-section.png")));

            page.click(".pager-next");
            page.waitForURL("**/reference/index.html");
            assertThat(page.locator("h1")).hasText("Reference");
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void aLongListArrivesShortAndIsCompletedFromTheSharedTree() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            List<String> treeRequests = new ArrayList<>();
            page.onRequest(r -> {
                if (r.url().matches(".*/nav\\.[0-9a-f]{12}\\.json")) {
                    treeRequests.add(r.url());
                }
            });
            page.navigate(url("reference/entry-20.html"));
            page.waitForFunction("() => document.querySelectorAll('#sidebar .nav-level-2').length === " + REFERENCE_PAGES);
            assertThat(treeRequests).hasSize(1);
            assertThat(page.locator("#sidebar .nav-more")).hasCount(0);
            assertThat(page.locator("#sidebar a[aria-current=page]")).hasText("Entry 20");
            assertThat(page.locator("#sidebar a[aria-current=page]")).isInViewport();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshotDir("navigation").resolve("desktop-long-list.png")));

            // A second page of the site gets the tree from the browser's cache or the same URL: one file for all pages.
            page.navigate(url("reference/entry-3.html"));
            page.waitForFunction("() => document.querySelectorAll('#sidebar .nav-level-2').length === " + REFERENCE_PAGES);
            assertThat(treeRequests).allMatch(u -> u.equals(treeRequests.get(0)));
        }
    }

    @Test
    void withoutJavaScriptTheCutListLeadsToTheContentsPage() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page page = context.newPage();
            page.navigate(url("reference/entry-20.html"));
            List<String> labels = sidebarLabels(page);
            assertThat(labels).contains("2:Entry 20", "2+:… 14 more", "2+:… 15 more").hasSizeLessThan(20);
            page.click("#sidebar .nav-more a >> nth=1");
            page.waitForURL("**/contents.html");
            assertThat(page.locator("ol.contents a")).hasCount(8 + REFERENCE_PAGES);
            assertThat(page.locator("ol.contents > li:has-text('Guide') ol > li:has-text('Deeper') a[href='guide/deeper/detail.html']"))
                    .hasCount(1);
        }
    }

    @Test
    void mobileKeepsTheNavigationBehindTheToggle() {
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(url("guide/second.html"));
            assertThat(page.locator("#sidebar")).isHidden();
            assertThat(page.locator(".breadcrumbs")).isVisible();
            page.click(".nav-toggle");
            assertThat(page.locator("#sidebar")).isVisible();
            assertThat(page.locator("#sidebar a[aria-current=page]")).hasText("Second steps");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshotDir("navigation").resolve("mobile-section.png")));
        }
    }
}
