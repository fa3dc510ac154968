package dev.wasmtutorial.serve;

import dev.wasmtutorial.build.SiteBuilder;
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

    public DevServer(SiteConfig config, String host, int port, String contextPath, PrintStream log) throws Exception {
        this.config = config.withLiveReload(true);
        this.log = log;
        new SiteBuilder(this.config, log).build();
        this.server = new PreviewServer(this.config.outDir(), host, port, contextPath, true).start();
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

    private void rebuild(Set<Path> changed) {
        boolean demoChanged = changed.stream().anyMatch(p -> config.demoDirs().stream().anyMatch(p::startsWith));
        long start = System.nanoTime();
        try {
            SiteBuilder.Summary summary = new SiteBuilder(config.withBuildDemos(demoChanged), log).build();
            lastRebuildMillis = (System.nanoTime() - start) / 1_000_000;
            rebuilds++;
            log.printf("rebuilt in %d ms (%d file(s) changed%s): %s%n", lastRebuildMillis, changed.size(),
                    demoChanged ? ", demos rebuilt" : "", summary.oneLine());
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
