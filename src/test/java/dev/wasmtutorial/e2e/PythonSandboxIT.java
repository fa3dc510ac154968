package dev.wasmtutorial.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The containment promise of the live Python runner, tried as an attacker would: a hostile
 * program typed into the page's own runner goes after the site's caches (to poison what the
 * service worker serves), its IndexedDB and localStorage, the reader's cookies, the DOM, a
 * credentialed same-origin fetch, the service worker, the site's scripts, forged messages to the
 * page and the Function constructor. Afterwards the page's own context must find nothing it wrote,
 * and the front page and the chapter must reload unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonSandboxIT {

    private static final String PAGE = "python_in_the_browser.html";
    private static final LocatorAssertions.HasAttributeOptions SLOW = new LocatorAssertions.HasAttributeOptions().setTimeout(90_000);
    private static final String MARK = "pwned-by-python";

    private SiteUnderTest site;
    private StaticHostWithoutIsolation elsewhere;
    private Chromium chromium;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    void start() throws Exception {
        site = new SiteUnderTest("/");
        elsewhere = new StaticHostWithoutIsolation(site.dir);
        chromium = new Chromium();
    }

    @AfterAll
    void stop() throws Exception {
        chromium.close();
        elsewhere.close();
        site.close();
    }

    @BeforeEach
    void openContext() {
        context = chromium.browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** Replaces the first runner's code through the editor and runs it. */
    private Locator runFirst(String code, String expectedState) {
        Locator runner = page.locator("[data-python-runner]").first();
        runner.locator(".runner-code").click();
        Locator content = runner.locator(".cm-content");
        assertThat(content).isVisible();
        content.click();
        page.keyboard().press("Control+A");
        page.keyboard().insertText(code);
        runner.locator(".runner-run").click();
        assertThat(runner).hasAttribute("data-state", expectedState, SLOW);
        return runner;
    }

    /** What the hostile program tries; each attempt prints "name: REACHED ..." or "name: blocked ...". */
    private String hostileProgram() {
        String site = this.site.origin() + "/";
        return """
                import js
                from pyodide.ffi import to_js, create_proxy
                import asyncio
                SITE = "%s"
                MARK = "%s"
                def obj(**kw):
                    return to_js(kw, dict_converter=js.Object.fromEntries)
                async def attempt(name, action):
                    try:
                        value = action()
                        if hasattr(value, "then") or asyncio.iscoroutine(value):
                            value = await value
                        print(name + ": REACHED", str(value)[:60])
                    except BaseException as error:
                        print(name + ": blocked", type(error).__name__)
                async def poison_caches():
                    keys = await js.caches.keys()
                    for key in keys:
                        cache = await js.caches.open(key)
                        for path in ("index.html", "", "%s"):
                            await cache.put(SITE + path, js.Response.new("<h1>" + MARK + "</h1>", obj(headers=obj(**{"content-type": "text/html"}))))
                    await js.caches.open(MARK)
                    return list(keys)
                async def open_database():
                    done = asyncio.get_event_loop().create_future()
                    request = js.indexedDB.open(MARK)
                    request.onsuccess = create_proxy(lambda e: done.set_result("opened"))
                    request.onerror = create_proxy(lambda e: done.set_exception(PermissionError("refused")))
                    return await done
                async def read_site():
                    response = await js.fetch(SITE + "index.html", obj(credentials="include"))
                    text = await response.text()
                    if not text:
                        raise PermissionError("opaque response")
                    return text
                def forge():
                    for run_id in range(1, 4):
                        js.postMessage(obj(type="output", id=run_id, stream="stdout", text="<img src=x onerror=\\"document.title='" + MARK + "'\\">"))
                        js.postMessage(obj(type="display", id=run_id, mime="text/html", data="<script>parent.document.title='" + MARK + "'</script>"))
                    js.postMessage(obj(type="boot", frame="document.title='" + MARK + "'", worker="", files=obj()))
                    js.postMessage(obj(type="done", id=999, result=obj(status="<b>x</b>")))
                    return "sent"
                await attempt("caches", poison_caches)
                await attempt("indexedDB", open_database)
                await attempt("localStorage", lambda: js.localStorage.setItem(MARK, "1"))
                await attempt("cookie", lambda: js.document.cookie)
                await attempt("dom", lambda: js.parent.document.title)
                await attempt("fetch", read_site)
                await attempt("serviceWorker", lambda: js.navigator.serviceWorker.register(SITE + "sw.js"))
                await attempt("importScripts", lambda: js.importScripts(SITE + "sw.js"))
                await attempt("Function", lambda: js.Function.new("return 'evaluated'")())
                await attempt("other-origin", lambda: js.fetch("%s"))
                forge()
                print("attempts done")
                """.formatted(site, MARK, PAGE, elsewhere.url("index.html"));
    }

    @Test
    void aHostileProgramReachesNoneOfTheSitesStorageCredentialsOrPage() {
        page.navigate(site.url(PAGE).toString());
        page.evaluate("() => navigator.serviceWorker.ready");
        page.reload();
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        page.evaluate("() => { document.cookie = 'reader=secret; path=/'; localStorage.setItem('theme', 'light'); }");
        String frontPage = page.evaluate("() => fetch('index.html', { cache: 'no-store' }).then(r => r.text())").toString();
        String title = page.title();
        int otherOriginRequests = elsewhere.requests.get();

        Locator runner = runFirst(hostileProgram(), "succeeded");
        Locator output = runner.locator(".runner-output");
        assertThat(output).containsText("attempts done");
        String printed = output.textContent();
        System.out.println("hostile program's report:\n" + printed.substring(0, printed.indexOf("attempts done")));
        for (String attempt : List.of("caches", "indexedDB", "localStorage", "cookie", "dom", "fetch", "serviceWorker", "importScripts", "Function", "other-origin")) {
            assertThat(printed).as("attempt " + attempt).contains(attempt + ": blocked").doesNotContain(attempt + ": REACHED");
        }
        // Forged messages reach the page as text at most, never as markup.
        assertThat(runner.locator(".runner-output img, .runner-output script")).hasCount(0);
        assertThat(page.title()).isEqualTo(title);
        assertThat(elsewhere.requests.get()).as("requests that reached another origin").isEqualTo(otherOriginRequests);

        // From the page's own context: nothing the program wrote exists.
        assertThat(page.evaluate("() => caches.keys().then(keys => keys.filter(k => k.includes('" + MARK + "')).length)")).isEqualTo(0);
        assertThat(page.evaluate("async () => { const hits = []; for (const key of await caches.keys()) { const cache = await caches.open(key);"
                + " for (const request of await cache.keys()) { const text = await (await cache.match(request)).clone().text();"
                + " if (text.includes('" + MARK + "')) hits.push(key + ' ' + request.url); } } return hits.length; }")).isEqualTo(0);
        assertThat(page.evaluate("() => indexedDB.databases().then(dbs => dbs.filter(d => d.name === '" + MARK + "').length)")).isEqualTo(0);
        assertThat(page.evaluate("() => localStorage.getItem('" + MARK + "')")).isNull();
        assertThat(page.evaluate("() => document.cookie")).isEqualTo("reader=secret");

        // The front page and the chapter reload unchanged, through the service worker.
        page.navigate(site.url("index.html").toString());
        assertThat(page.content()).doesNotContain(MARK);
        assertThat(page.evaluate("() => fetch('index.html').then(r => r.text())")).isEqualTo(frontPage);
        page.navigate(site.url(PAGE).toString());
        assertThat(page.content()).doesNotContain(MARK);
        assertThat(page.title()).isEqualTo(title);

        // And the runner still works.
        Locator again = runFirst("print('still here')", "succeeded");
        assertThat(again.locator(".runner-output")).hasText("still here");
    }

    @Test
    void richOutputIsShownAsImagesAndSandboxedHtmlThatRunsNoScript() {
        page.navigate(site.url(PAGE).toString());
        String title = page.title();
        int otherOriginRequests = elsewhere.requests.get();
        Locator runner = runFirst("""
                class Chart:
                    def _repr_svg_(self):
                        return '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" onload="parent.document.title=\\'%1$s\\'"><script>parent.document.title="%1$s"</script><rect width="40" height="20" fill="teal"/></svg>'
                class Table:
                    def _repr_html_(self):
                        return '<table><tr><td>cell</td></tr></table><img src="%2$s"><script>parent.document.title="%1$s"</script>'
                print("before")
                display(Table())
                Chart()
                """.formatted(MARK, elsewhere.url("favicon.svg")), "succeeded");
        Locator svg = runner.locator(".runner-output img.runner-display[data-mime='image/svg+xml']");
        assertThat(svg).hasCount(1);
        assertThat(svg).hasAttribute("src", java.util.regex.Pattern.compile("^data:image/svg\\+xml"));
        page.waitForFunction("img => img.complete && img.naturalWidth === 40", svg.elementHandle());
        Locator html = runner.locator(".runner-output iframe.runner-display[data-mime='text/html']");
        assertThat(html).hasCount(1);
        assertThat(html).hasAttribute("sandbox", "");
        assertThat(page.frameLocator(".runner-output iframe.runner-display").locator("td")).hasText("cell");
        assertThat(runner.locator(".runner-output")).containsText("before");
        // Shown in the order printed: the text, the table, then the chart.
        assertThat(page.evaluate("o => [...o.children].map(c => c.tagName)", runner.locator(".runner-output").elementHandle()))
                .isEqualTo(List.of("SPAN", "IFRAME", "IMG"));
        page.waitForTimeout(500);
        assertThat(page.title()).isEqualTo(title);
        assertThat(elsewhere.requests.get()).as("requests that reached another origin").isEqualTo(otherOriginRequests);
    }

    @Test
    void pythonRunsInAnOpaqueOriginThatIsStillCrossOriginIsolated() {
        page.navigate(site.url(PAGE).toString());
        Locator runner = runFirst("import js\nprint(js.self.origin, js.self.crossOriginIsolated, js.location.protocol)", "succeeded");
        assertThat(runner.locator(".runner-output")).hasText("null True blob:");
        assertThat(runner).hasAttribute("data-stop-mode", "interrupt");
        Locator frame = page.locator("iframe[sandbox]").first();
        assertThat(frame).hasAttribute("sandbox", "allow-scripts");
    }
}
