package dev.wasmtutorial.e2e;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The site at the server root, plus what only makes sense once: opening a demo from file://. */
class RootPathBrowserIT extends BrowserSuite {

    @Override
    String contextPath() {
        return "/";
    }

    @Override
    String suiteName() {
        return "root";
    }

    @Test
    void demoOpenedFromFileExplainsWhatToRun() {
        Path demo = Path.of(System.getProperty("site.dir", "site")).toAbsolutePath().resolve("minimal-demo/index.html");
        page.navigate(demo.toUri().toString());
        assertThat(page.locator("#file-warning")).isVisible();
        assertThat(page.locator("#file-warning")).containsText("python3 -m http.server 8000");
        assertThat(page.locator("#run")).isDisabled();
    }

    @Test
    void mobileWidthHidesTheSidebarBehindAToggle() {
        page.setViewportSize(390, 844);
        page.navigate(page.url().isEmpty() ? "about:blank" : page.url());
        page.navigate(siteUrl("intro_to_wasm.html"));
        assertThat(page.locator("#sidebar")).isHidden();
        page.click(".nav-toggle");
        assertThat(page.locator("#sidebar")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshotDir("mobile").resolve("intro_to_wasm.png")));
    }
}
