package dev.wasmtutorial.serve;

import dev.wasmtutorial.pipeline.RenderCache;
import dev.wasmtutorial.pipeline.SiteBuilder;
import dev.wasmtutorial.wasm.ValidationCache;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SiteConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code serve --watch}: build once, serve, and on every settled batch of edits rebuild and tell
 * open pages to reload. Demo build scripts run only when a demo's own files changed. A failed
 * rebuild prints its one-line error and keeps serving the last good site.
 */
public final class DevServer implements AutoCloseable {

    private final SiteConfig config;
    private final PrintStream log;
    private final PreviewServer server;
    private final SiteWatcher watcher;
    private volatile long lastRebuildMillis = -1;
    private volatile int rebuilds;
    /** Kept for the whole session: unchanged pages and modules are not rendered or run again. */
    private final RenderCache renderCache = new RenderCache();
    private final ValidationCache validationCache = new ValidationCache();

    public DevServer(SiteConfig config, String host, int port, String contextPath, PrintStream log) throws Exception {
        this(config, host, port, contextPath, List.of(), log);
    }

    /** @param allowedHosts host names accepted besides localhost, the loopback addresses and {@code host} */
    public DevServer(SiteConfig config, String host, int port, String contextPath, List<String> allowedHosts,
                     PrintStream log) throws Exception {
        this.config = config.toBuilder().extraScript(LiveReload.CLIENT).build();
        this.log = log;
        new SiteBuilder(this.config, log, renderCache, validationCache).build();
        this.server = new PreviewServer(this.config.outDir(), host, port, contextPath, true, allowedHosts).start();
        List<Path> roots = new ArrayList<>(List.of(config.contentDir(), config.templatesDir()));
        roots.addAll(config.demoDirs());
        this.watcher = new SiteWatcher(roots, this::rebuild);
        this.watcher.start();
    }

    public PreviewServer server() {
        return server;
    }

    /** How long the last rebuild took, or -1 before the first one. */
    public long lastRebuildMillis() {
        return lastRebuildMillis;
    }

    public int rebuilds() {
        return rebuilds;
    }

    /** The last successful rebuild's summary, or null before the first one. */
    public SiteBuilder.Summary lastSummary() {
        return lastSummary;
    }

    private volatile SiteBuilder.Summary lastSummary;

    private void rebuild(Set<Path> changed) {
        boolean demoChanged = changed.stream().anyMatch(p -> config.demoDirs().stream().anyMatch(p::startsWith));
        boolean assetsChanged = changed.stream().anyMatch(p -> p.startsWith(config.assetSources()));
        long start = System.nanoTime();
        try {
            SiteBuilder.Summary summary = new SiteBuilder(config.toBuilder().buildDemos(demoChanged)
                    .assetsBuild(assetsChanged ? config.assetsBuild() : List.of()).build(), log, renderCache, validationCache).build();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            rebuilds++;
            lastSummary = summary;
            log.printf("rebuilt in %d ms (%d file(s) changed%s; rendered %d of %d pages, ran %d of %d modules)%n",
                    lastRebuildMillis, changed.size(), demoChanged ? ", demo scripts run" : "",
                    summary.pagesRendered(), summary.pages(), summary.modulesValidated(), summary.modules());
            server.liveReload().reload();
        } catch (BuildException e) {
            log.println(e.oneLine());
            log.println("(still serving the last good build)");
        } catch (RuntimeException e) {
            log.println("rebuild failed: " + e);
        }
    }

    @Override
    public void close() throws Exception {
        watcher.close();
        server.close();
    }
}
