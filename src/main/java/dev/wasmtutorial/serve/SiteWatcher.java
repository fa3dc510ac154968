package dev.wasmtutorial.serve;

import dev.wasmtutorial.config.SourceTree;
import io.methvin.watcher.DirectoryChangeEvent;
import io.methvin.watcher.DirectoryWatcher;
import io.methvin.watcher.visitor.FileTreeVisitor;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
 * (an editor's save is often several events). It watches whole folders, normally the project
 * itself, so that a demo folder that is added, or deleted and restored (a branch switch), and an
 * included file anywhere in the project are seen. Build output ({@code dist/}, {@code target/},
 * {@code node_modules/} and the given output folders, which are not even walked), editor backups
 * and hidden files (the same rule as the build's, {@link SourceTree}) are ignored, so a rebuild
 * never triggers another.
 */
public final class SiteWatcher implements AutoCloseable {

    private static final long SETTLE_MILLIS = 80;
    /** Build output and installed packages, wherever they are: never sources of the site. */
    private static final Set<String> IGNORED_FOLDERS = Set.of("dist", "target", "node_modules");

    private final DirectoryWatcher watcher;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rebuild");
        t.setDaemon(true);
        return t;
    });
    private final Set<Path> pending = new LinkedHashSet<>();
    private final Consumer<Set<Path>> onChange;
    private final List<Path> roots = new ArrayList<>();
    private final List<Path> excluded = new ArrayList<>();
    private ScheduledFuture<?> scheduled;

    public SiteWatcher(List<Path> roots, Consumer<Set<Path>> onChange) throws IOException {
        this(roots, List.of(), onChange);
    }

    /**
     * @param roots    folders to watch, with everything below them; one inside another is watched once
     * @param excluded folders not to watch (build output inside a root)
     */
    public SiteWatcher(List<Path> roots, List<Path> excluded, Consumer<Set<Path>> onChange) throws IOException {
        this.onChange = onChange;
        excluded.forEach(p -> this.excluded.add(p.toAbsolutePath().normalize()));
        List<Path> normalized = roots.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).distinct().toList();
        for (Path root : normalized) {
            if (normalized.stream().noneMatch(other -> !other.equals(root) && root.startsWith(other))) {
                this.roots.add(root);
            }
        }
        this.watcher = DirectoryWatcher.builder()
                .paths(this.roots)
                .fileHashing(false)
                .fileTreeVisitor(this::visit)
                .listener(this::onEvent)
                .build();
    }

    /** Registers folders (at the start, and each folder created later) without descending into ignored ones. */
    private void visit(Path start, FileTreeVisitor.Callback onDirectory, FileTreeVisitor.Callback onFile) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(start) && isIgnoredPath(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                onDirectory.call(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                onFile.call(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // deleted while walking: its events tell the rest
            }
        });
    }

    private boolean isIgnoredPath(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return excluded.stream().anyMatch(abs::startsWith) || isIgnored(belowRoot(abs));
    }

    public void start() {
        watcher.watchAsync();
    }

    private void onEvent(DirectoryChangeEvent event) {
        Path path = event.path();
        if (path == null || event.eventType() == DirectoryChangeEvent.EventType.OVERFLOW || isIgnoredPath(path)) {
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
            if (IGNORED_FOLDERS.contains(name) || name.endsWith("~")) {
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
