package dev.wasmtutorial.e2e;

/** The same suite with the site mounted under /tutorial/, as on a project-pages host. */
class SubPathBrowserIT extends BrowserSuite {

    @Override
    String contextPath() {
        return "/tutorial/";
    }

    @Override
    String suiteName() {
        return "sub-path";
    }
}
