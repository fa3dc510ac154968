package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;
import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.markdown.LinkRef;
import dev.wasmtutorial.markdown.MarkdownRenderer;
import dev.wasmtutorial.markdown.RenderedMarkdown;
import dev.wasmtutorial.markdown.TocEntry;
import dev.wasmtutorial.render.PageComposer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Pages kept between builds, at two levels: a page's rendered Markdown is reused while its text,
 * its place in the site, the files it includes and the generator are unchanged; its final HTML
 * is reused while, in addition, the layout (templates, navigation, assets, site settings: see
 * {@link PageComposer#fingerprint()}) is unchanged. Keys are hashes of all of those, so a stale
 * result cannot be served. {@code serve --watch} keeps one in memory for its session; a one-shot
 * build keeps one on disk (under {@code target/}), in pack files (see {@link PackedEntries}; each
 * entry in {@link BinaryData}'s form), which may be deleted at any time: a missing or unreadable
 * entry only means rendering again.
 */
public final class RenderCache {

    /**
     * A page's rendered Markdown and its HTML as laid out by the templates, in UTF-8 ({@code
     * bytes}, which go to the site as they are, encoded once): either just composed ({@code
     * composed} is that text) or reused as it was published ({@code composed} is null: never
     * decoded and encoded again).
     */
    record BuiltPage(RenderedMarkdown body, String composed, byte[] bytes) {
    }

    private record Entry(String key, RenderedMarkdown result, String layoutKey, byte[] page) {
    }

    /** Changes whenever the entry layout below does: entries of another format are not read. */
    private static final int FORMAT = 4;

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger composed = new AtomicInteger();
    private final Path dir;
    private final String generator;
    private final LinkFactsCache linkFacts;

    /** A cache in memory only, for one process (serve --watch). */
    public RenderCache() {
        this(null, "");
    }

    /**
     * A cache that also keeps its entries in {@code dir} for later processes. {@code generator}
     * identifies the generator's code (see {@link GeneratorFingerprint}): entries written by
     * another generator are never used.
     */
    public RenderCache(Path dir, String generator) {
        this.dir = dir;
        this.generator = generator;
        this.linkFacts = new LinkFactsCache(dir == null ? null : dir.resolve("link-facts.bin"), generator);
        this.fileHashes = new FileHashes(dir == null ? null : dir.resolve("file-hashes.bin"));
        this.frontMatter = new FrontMatterCache(dir == null ? null : dir.resolve("front-matter.bin"), generator);
        this.packs = dir == null ? null : new PackedEntries(dir.resolve("pages"), "pages " + FORMAT, generator);
    }

    private final PackedEntries packs;

    /**
     * Ends a build: the pages it made are kept for the next one. {@code complete}: the build
     * asked for every page of the site, so entries it did not ask for may be dropped.
     */
    void finish(boolean complete) {
        if (packs != null) {
            packs.finish(complete);
            if (complete) {
                deleteOneFilePerPageEntries();
            }
        }
    }

    /** Entries as generators before the packs kept them, one file per page named by a SHA-256: never read again. */
    private void deleteOneFilePerPageEntries() {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, p -> p.getFileName().toString().matches("[0-9a-f]{64}\\.bin"))) {
            for (Path file : old) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // only disk space: tried again by the next build
        }
    }

    private final Map<Path, LastBuild> lastBuilds = new ConcurrentHashMap<>();
    private final FileHashes fileHashes;
    private final FrontMatterCache frontMatter;

    /** Pages' front matter as parsed before. */
    FrontMatterCache frontMatter() {
        return frontMatter;
    }

    /** Input files' hashes, remembered by their stat. */
    FileHashes fileHashes() {
        return fileHashes;
    }

    /** The generator's fingerprint this cache was made for. */
    String generator() {
        return generator;
    }

    /** The last successful build into {@code outDir} that recorded itself, if any. */
    Optional<LastBuild> lastBuild(Path outDir) {
        LastBuild known = lastBuilds.get(outDir);
        if (known != null || dir == null) {
            return Optional.ofNullable(known);
        }
        return LastBuild.read(lastBuildFile(outDir));
    }

    void lastBuild(Path outDir, LastBuild build) {
        lastBuilds.put(outDir, build);
        if (dir != null) {
            build.write(lastBuildFile(outDir));
        }
    }

    private Path lastBuildFile(Path outDir) {
        return dir.resolve("last-build-" + Hashes.sha256Hex(outDir.toString()) + ".bin");
    }

    /** The links and anchors of each published page, kept with the pages. */
    LinkFactsCache linkFacts() {
        return linkFacts;
    }

    /**
     * The page built: reused whole, or its Markdown reused and laid out again by {@code compose},
     * or both done afresh.
     *
     * @param layout the fingerprint of everything else {@code compose} depends on
     */
    BuiltPage build(Page page, Supplier<MarkdownRenderer> markdown, String layout, BiFunction<Page, RenderedMarkdown, String> compose) {
        Entry cached = dir == null ? entries.get(page.source()) : load(page.source());
        String key = cached == null ? null : key(page, cached.result());
        RenderedMarkdown body;
        if (cached != null && cached.key().equals(key)) {
            body = cached.result();
        } else {
            body = markdown.get().render(page);
            rendered.incrementAndGet();
            key = key(page, body);
            cached = null;
        }
        String layoutKey = Hashes.sha256Hex(key, layout);
        if (cached != null && layoutKey.equals(cached.layoutKey()) && cached.page() != null) {
            return new BuiltPage(body, null, cached.page());
        }
        String html = compose.apply(page, body);
        composed.incrementAndGet();
        Entry entry = new Entry(key, body, layoutKey, html.getBytes(StandardCharsets.UTF_8));
        keep(page.source(), entry);
        return new BuiltPage(body, html, entry.page());
    }

    /**
     * A page the build generates from the layout alone (the contents page, the 404 page), reused
     * while {@code layout} is unchanged.
     */
    String generated(String sitePath, String layout, Supplier<String> compose) {
        Path name = Path.of("generated", sitePath); // never a content file: those are absolute
        String key = Hashes.sha256Hex(generator, sitePath, layout);
        Entry cached = dir == null ? entries.get(name) : load(name);
        if (cached != null && key.equals(cached.layoutKey()) && cached.page() != null) {
            return new String(cached.page(), StandardCharsets.UTF_8);
        }
        String html = compose.get();
        Entry entry = new Entry(key, new RenderedMarkdown("", List.of(), List.of(), Set.of(), false, List.of()), key,
                html.getBytes(StandardCharsets.UTF_8));
        keep(name, entry);
        return html;
    }

    /** Pages whose Markdown was rendered (not reused) since the last call. */
    int takeRenderedCount() {
        return rendered.getAndSet(0);
    }

    /** Pages laid out by the templates (not reused) since the last call. */
    int takeComposedCount() {
        return composed.getAndSet(0);
    }

    /** The generator, the page's own inputs, plus the current bytes of every file its last rendering included. */
    private String key(Page page, RenderedMarkdown previous) {
        MessageDigest digest = Hashes.sha256();
        Hashes.update(digest, generator, page.display(), page.outputPath(), String.valueOf(page.bodyLine()), page.frontMatter().toString(),
                page.markdown());
        for (Path include : new TreeSet<>(previous.includes())) {
            Hashes.update(digest, include.toString());
            try {
                digest.update(Files.readAllBytes(include));
            } catch (IOException e) {
                Hashes.update(digest, "missing"); // renders again, and reports the missing file
            }
        }
        return Hashes.hex(digest.digest());
    }

    /** In memory for this process (serve --watch), else in this build's pack for later processes. */
    private void keep(Path source, Entry entry) {
        if (dir == null) {
            entries.put(source, entry);
        } else {
            byte[] bytes = encode(entry);
            if (bytes != null) {
                packs.put(source.toString(), bytes);
            }
        }
    }

    private Entry load(Path source) {
        byte[] bytes = packs.get(source.toString());
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String key = BinaryData.readString(in);
            String layoutKey = BinaryData.readString(in);
            byte[] page = BinaryData.readBytes(in);
            String html = BinaryData.readString(in);
            boolean hasDiagram = in.readBoolean();
            LinkedHashSet<Path> includes = new LinkedHashSet<>();
            BinaryData.readStrings(in).forEach(i -> includes.add(Path.of(i)));
            List<TocEntry> toc = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                toc.add(new TocEntry(in.readInt(), BinaryData.readString(in), BinaryData.readString(in)));
            }
            List<LinkRef> links = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                links.add(new LinkRef(in.readInt(), BinaryData.readString(in), BinaryData.readString(in)));
            }
            List<Diagnostics.Warning> warnings = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                warnings.add(new Diagnostics.Warning(new SourceLocation(BinaryData.readString(in), in.readInt()), BinaryData.readString(in)));
            }
            return new Entry(key, new RenderedMarkdown(html, List.copyOf(toc), List.copyOf(links), includes, hasDiagram, List.copyOf(warnings)),
                    layoutKey, page);
        } catch (IOException | RuntimeException e) {
            return null; // unreadable (an older format, a torn write): render again
        }
    }

    private static byte[] encode(Entry entry) {
        RenderedMarkdown r = entry.result();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(entry.page().length + r.html().length() + 4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            BinaryData.writeString(out, entry.key());
            BinaryData.writeString(out, entry.layoutKey());
            BinaryData.writeBytes(out, entry.page());
            BinaryData.writeString(out, r.html());
            out.writeBoolean(r.hasDiagram());
            BinaryData.writeStrings(out, r.includes().stream().map(Path::toString).toList());
            out.writeInt(r.toc().size());
            for (TocEntry t : r.toc()) {
                out.writeInt(t.level());
                BinaryData.writeString(out, t.text());
                BinaryData.writeString(out, t.id());
            }
            out.writeInt(r.links().size());
            for (LinkRef l : r.links()) {
                out.writeInt(l.line());
                BinaryData.writeString(out, l.original());
                BinaryData.writeString(out, l.href());
            }
            out.writeInt(r.warnings().size());
            for (Diagnostics.Warning w : r.warnings()) {
                BinaryData.writeString(out, w.location().file());
                out.writeInt(w.location().line());
                BinaryData.writeString(out, w.message());
            }
        } catch (IOException e) {
            return null; // cannot happen in memory; the page is simply not kept
        }
        return bytes.toByteArray();
    }
}
