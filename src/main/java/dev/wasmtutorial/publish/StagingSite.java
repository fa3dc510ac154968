package dev.wasmtutorial.publish;

import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.config.SitePaths;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new site assembled in a hidden sibling folder of the output, then swapped in by renames
 * under a {@link PublishLock}. Each build stages in a folder of its own ({@link StagingNames}).
 * Until {@link #commit()} the published site is untouched; a failed build calls
 * {@link #discard()} and leaves it exactly as it was. Each site path may be written once:
 * a second writer is an error naming both sources.
 *
 * <p>Paths are claimed in call order (so a clash is reported the same way every time; pages are
 * {@link #reserve reserved} in page order and written as they are rendered), while the file
 * writes themselves run on two threads beside the caller's. Two, not more: creating files in one
 * folder takes the folder's lock, so further writers mostly spin in the kernel, and on this
 * project's 2-core machine that CPU time came out of rendering (2,000 pages: 4 writers 1.9–2.3 s
 * of system time, 1 writer 1.6–2.3 s, wall times within the noise). {@link #awaitWrites()}
 * waits for them; {@link #commit()} does so first.
 *
 * <p>A staging site may <em>reuse the published one</em> ({@link PublishedSite}): a file whose
 * bytes the published site already has, untouched since it was published, is not written but
 * hard-linked from there at commit; when nothing at all differs, the published folder is left
 * exactly as it is. Only for builds where nothing rewrites staged files in place afterwards (the
 * front-end post-process does, and would rewrite the published file through the link).
 */
public final class StagingSite implements AutoCloseable {

    private final Path outDir;
    private final Path staging;
    private final Path previous;
    private final Map<String, String> writers = new ConcurrentHashMap<>();
    private final Map<String, String> htmlPages = new ConcurrentHashMap<>();
    private final Map<String, Path> reserved = new ConcurrentHashMap<>();
    /** SHA-256 of each staged file, computed by the writer from the bytes it writes (no re-reading). */
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "site-writer");
        t.setDaemon(true);
        return t;
    });
    private final List<CompletableFuture<Void>> pending = new ArrayList<>();
    private final PublishedSite published;
    /** Files the published site already has with these bytes: linked at commit, written only if it changed meanwhile. */
    private final Map<String, Reused> reused = new ConcurrentHashMap<>();
    private final AtomicInteger filesWritten = new AtomicInteger();
    /** Folders of the staging tree known to exist (nothing removes one while staging). */
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private boolean committed;
    private boolean unchanged;
    private String publishedId;

    public StagingSite(Path outDir) {
        this(outDir, false);
    }

    /** @param reusePublished take unchanged files from the published site (see the class comment) */
    public StagingSite(Path outDir, boolean reusePublished) {
        this.outDir = outDir.toAbsolutePath().normalize();
        this.published = reusePublished ? PublishedSite.read(this.outDir) : PublishedSite.none();
        StagingNames names = new StagingNames(this.outDir);
        this.staging = names.newStaging();
        this.previous = names.previousFor(staging);
        try {
            names.deleteAbandoned();
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(staging.toString()), "cannot create the staging folder: " + e.getMessage(),
                    "check that the output folder's parent is writable", e);
        }
    }

    public Path root() {
        return staging;
    }

    /** Claims a site path for {@code source}; fails if another source already wrote it. */
    private Path claim(String sitePath, String source) {
        String normalized = SitePaths.slashes(sitePath);
        String earlier = writers.putIfAbsent(normalized, source);
        if (earlier != null) {
            throw new BuildException(SourceLocation.of(source), "publishes to " + normalized + ", which " + earlier + " already publishes to",
                    "rename one of the two files or set a different output for one of them");
        }
        Path target = staging.resolve(normalized).normalize();
        if (!target.startsWith(staging)) {
            throw new BuildException(SourceLocation.of(source), "output path " + sitePath + " leaves the site folder", null);
        }
        return target;
    }

    /** A file's bytes, made when needed: kept as the text or file they come from, not as a second copy. */
    private interface Content {
        byte[] bytes() throws IOException;
    }

    /** A file the published site already has: its size, and how to make its bytes should it have to be written after all. */
    private record Reused(long size, Content content) {
    }

    public void writeText(String sitePath, String text, String source) {
        writeText(claim(sitePath, source), text);
    }

    private void writeText(Path target, String text) {
        writeText(target, text, null);
    }

    /** @param encoded {@code text} in UTF-8 when the caller has it already, else null */
    private void writeText(Path target, String text, byte[] encoded) {
        submit(() -> store(target, encoded != null ? () -> encoded : () -> text.getBytes(StandardCharsets.UTF_8)));
        String sitePath = sitePathOf(target);
        if (sitePath.endsWith(".html")) {
            htmlPages.put(sitePath, text);
        }
    }

    /**
     * Claims {@code sitePath} for {@code source} now, for content that comes later through
     * {@link #writeReserved}: pages are claimed in their fixed order (so a clash is reported the
     * same way every time) and written as each is rendered, in whatever order that is.
     */
    public void reserve(String sitePath, String source) {
        Path target = claim(sitePath, source);
        reserved.put(SitePaths.slashes(sitePath), target);
    }

    /**
     * Writes the content of a path {@link #reserve reserved} before.
     *
     * @param text  the page as made by this build (kept for the link check), or null for a page
     *              reused as it was
     * @param bytes the page in UTF-8: required when {@code text} is null, else null or the
     *              encoding the caller already made
     */
    public void writeReserved(String sitePath, String text, byte[] bytes) {
        Path target = reserved.remove(SitePaths.slashes(sitePath));
        if (target == null) {
            throw new IllegalStateException(sitePath + " was not reserved, or was already written");
        }
        if (text != null) {
            writeText(target, text, bytes);
        } else {
            submit(() -> store(target, () -> bytes));
        }
    }

    /** The size of a staged file in bytes. */
    public long size(String sitePath) {
        awaitWrites();
        Reused same = reused.get(sitePath);
        if (same != null) {
            return same.size();
        }
        try {
            return Files.size(staging.resolve(sitePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a staged file (a page's HTML, a script): from memory when it was written as
     * text, else as staged. For checking what is about to be published without reading it all back.
     */
    public String html(String sitePath) {
        String text = htmlPages.get(sitePath);
        if (text != null) {
            return text;
        }
        awaitWrites();
        Reused same = reused.get(sitePath);
        try {
            if (same != null) {
                return new String(same.content().bytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(staging.resolve(sitePath), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(String sitePath, byte[] bytes, String source) {
        Path target = claim(sitePath, source);
        submit(() -> store(target, () -> bytes));
    }

    public void copy(Path file, String sitePath, String source) {
        Path target = claim(sitePath, source);
        submit(() -> store(target, () -> Files.readAllBytes(file)));
    }

    private void store(Path target, Content content) throws IOException {
        byte[] bytes = content.bytes();
        String sitePath = sitePathOf(target);
        String same = published.hashIfSame(sitePath, bytes);
        if (same != null) {
            hashes.put(sitePath, same);
            reused.put(sitePath, new Reused(bytes.length, content));
            return;
        }
        hashes.put(sitePath, Hashes.sha256Hex(bytes));
        createFolder(target.getParent());
        Files.write(target, bytes);
        filesWritten.incrementAndGet();
    }

    /**
     * Files.createDirectories for a folder not made yet: for one that exists it still calls mkdir
     * and builds an exception (in a cold 2,000-page build, 1% of the CPU time).
     */
    private void createFolder(Path folder) throws IOException {
        if (!folders.contains(folder)) {
            Files.createDirectories(folder);
            folders.add(folder);
        }
    }

    private String sitePathOf(Path file) {
        return SitePaths.slashes(staging.relativize(file));
    }

    private interface FileWrite {
        void run() throws IOException;
    }

    private synchronized void submit(FileWrite write) {
        pending.add(CompletableFuture.runAsync(() -> {
            try {
                write.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, io));
    }

    /** Waits until every file written so far is on disk; rethrows the first write error. */
    public void awaitWrites() {
        List<CompletableFuture<Void>> all;
        synchronized (this) {
            all = new ArrayList<>(pending);
            pending.clear();
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw new BuildException(SourceLocation.of(staging.toString()), "cannot write the site: " + io.getCause().getMessage(),
                        "check free disk space and permissions", io);
            }
            throw e;
        }
    }

    /**
     * Takes the staging folder as it now is on disk, after an external command (the front-end
     * post-process) may have rewritten, added or removed files: every file is hashed again, HTML
     * is read back from disk, new files are claimed for {@code source} and removed ones forgotten.
     * The service worker's version and the link check then see the final bytes.
     *
     * @return how many files were added
     */
    public int refreshFromDisk(String source) {
        awaitWrites();
        if (!reused.isEmpty()) {
            throw new IllegalStateException("a staging site that reuses published files cannot be rewritten in place");
        }
        try (var walk = Files.walk(staging)) {
            int added = 0;
            java.util.Set<String> present = new java.util.HashSet<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String sitePath = sitePathOf(file);
                present.add(sitePath);
                if (writers.putIfAbsent(sitePath, source) == null) {
                    added++;
                }
                hashes.put(sitePath, Hashes.sha256Hex(Files.readAllBytes(file)));
            }
            htmlPages.clear();
            writers.keySet().retainAll(present);
            hashes.keySet().retainAll(present);
            return added;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of every staged file, by site path, sorted: what the service worker's version is made of. */
    public Map<String, String> contentHashes() {
        awaitWrites();
        return new TreeMap<>(hashes);
    }

    /** Every written site path with the source that wrote it, sorted. */
    public Map<String, String> writtenPaths() {
        return new TreeMap<>(writers);
    }

    /**
     * Replaces the output folder with the staged one, while no other build does the same; or,
     * when the staged site is the published one file for file, leaves the folder untouched.
     */
    public void commit() {
        if (!reserved.isEmpty()) {
            throw new IllegalStateException("reserved but never written: " + new TreeMap<>(reserved).keySet());
        }
        awaitWrites();
        try (PublishLock lock = PublishLock.acquire(outDir, PublishLock.DEFAULT_WAIT)) {
            // Another build may have published since this one looked: trust the record only if it is still the same.
            PublishedSite now = PublishedSite.read(outDir);
            boolean sameRecord = !reused.isEmpty() && now.id().equals(published.id());
            // Nothing written means every file was reused with its recorded hash; asPublished then
            // checks that each is still untouched and that nothing was added by hand.
            if (sameRecord && filesWritten.get() == 0 && now.paths().equals(hashes.keySet())
                    && PublishedSite.asPublished(outDir, now.id()).isPresent()) {
                unchanged = true;
                publishedId = now.id();
            } else {
                linkReused(sameRecord ? now : PublishedSite.none());
                PublishedSite.forget(outDir);
                swapIn();
                publishedId = PublishedSite.record(outDir, hashes);
            }
            deleteTree(staging);
            committed = true;
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(outDir.toString()), "cannot replace the site folder: " + e.getMessage(),
                    "close programs that hold files in it open and build again", e);
        }
    }

    /** The id of the published folder's record after {@link #commit()} (see {@link PublishedSite#asPublished}). */
    public String publishedId() {
        return publishedId;
    }

    /** Whether the last commit found the published site identical and left it as it was. */
    public boolean publishedUnchanged() {
        return unchanged;
    }

    /** Puts each reused file into the staging folder: a hard link to the published one if it is still as recorded, else its bytes. */
    private void linkReused(PublishedSite record) throws IOException {
        for (Map.Entry<String, Reused> e : reused.entrySet()) {
            Path target = staging.resolve(e.getKey());
            createFolder(target.getParent());
            if (record.has(e.getKey(), hashes.get(e.getKey()))) {
                try {
                    Files.createLink(target, record.file(e.getKey()));
                    continue;
                } catch (IOException | UnsupportedOperationException linkFailed) {
                    Files.deleteIfExists(target); // no hard links on this file system: write it
                }
            }
            Files.write(target, e.getValue().content().bytes());
        }
    }

    private void swapIn() throws IOException {
        if (Files.exists(outDir)) {
            move(outDir, previous);
            try {
                move(staging, outDir);
            } catch (IOException e) {
                move(previous, outDir);
                throw e;
            }
            deleteTree(previous);
        } else {
            Files.createDirectories(outDir.getParent());
            move(staging, outDir);
        }
    }

    public void discard() {
        try {
            awaitWrites();
        } catch (RuntimeException e) {
            // the staging folder is removed below either way
        }
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // Best effort: a leftover staging folder is removed by the next build.
        }
    }

    @Override
    public void close() {
        if (!committed) {
            discard();
        }
        io.shutdownNow();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
