package dev.wasmtutorial.serve;

import dev.wasmtutorial.config.SourceTree;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches the author's sources and reports batches of changed files once edits have settled
 * (an editor's save is often several events). Build output ({@code dist/}), editor backups
 * and hidden files (the same rule as the build's, {@link SourceTree}) are ignored, so a rebuild never triggers another.
 */
public final class SiteWatcher implements AutoCloseable {

    private static final long SETTLE_MILLIS = 80;

    private final DirectoryWatcher watcher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rebuild");
        t.setDaemon(true);
        return t;
    });
    private final Set<Path> pending = new LinkedHashSet<>();
    private final Consumer<Set<Path>> onChange;
    private final List<Path> roots = new ArrayList<>();
    private ScheduledFuture<?> scheduled;

    public SiteWatcher(List<Path> roots, Consumer<Set<Path>> onChange) throws IOException {
        this.onChange = onChange;
        List<Path> existing = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                existing.add(root.toAbsolutePath().normalize());
            }
        }
        this.roots.addAll(existing);
        this.watcher = DirectoryWatcher.builder()
                .paths(existing)
                .fileHashing(false)
                .listener(this::onEvent)
                .build();
    }

    public void start() {
        watcher.watchAsync();
    }

    private void onEvent(DirectoryChangeEvent event) {
        Path path = event.path();
        if (path == null || event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || isIgnored(belowRoot(path))) {
            return;
        }
        synchronized (pending) {
            pending.add(path);
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            scheduled = timer.schedule(this::flush, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** The part of the path below the watched folder it is in: only that part decides what is ignored. */
    private Path belowRoot(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        for (Path root : roots) {
            if (abs.startsWith(root)) {
                return root.relativize(abs);
            }
        }
        return abs.getFileName() == null ? abs : abs.getFileName();
    }

    /** @param path relative to a watched folder */
    static boolean isIgnored(Path path) {
        if (SourceTree.isHidden(path)) {
            return true;
        }
        for (Path part : path) {
            String name = part.toString();
            if (name.equals("dist") || name.endsWith("~")) {
                return true;
            }
        }
        return false;
    }

    private void flush() {
        Set<Path> batch;
        synchronized (pending) {
            batch = new LinkedHashSet<>(pending);
            pending.clear();
        }
        if (!batch.isEmpty()) {
            onChange.accept(batch);
        }
    }

    @Override
    public void close() throws IOException {
        timer.shutdownNow();
        watcher.close();
    }
}
