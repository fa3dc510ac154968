package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.markdown.MarkdownRenderer;
import dev.wasmtutorial.markdown.RenderedMarkdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rendered Markdown kept between the rebuilds of {@code serve --watch}: a page is rendered again
 * only when its text, its place in the site, or a file it includes has changed. The key is a
 * hash of all of those, so a stale result cannot be served.
 */
public final class RenderCache {

    private record Entry(String key, RenderedMarkdown result) {
    }

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger rendered = new AtomicInteger();

    RenderedMarkdown render(Page page, MarkdownRenderer markdown) {
        Entry cached = entries.get(page.source());
        if (cached != null && cached.key().equals(key(page, cached.result()))) {
            return cached.result();
        }
        RenderedMarkdown result = markdown.render(page);
        rendered.incrementAndGet();
        entries.put(page.source(), new Entry(key(page, result), result));
        return result;
    }

    /** Pages rendered (not reused) since the last call. */
    int takeRenderedCount() {
        return rendered.getAndSet(0);
    }

    /** The page's own inputs, plus the current bytes of every file its last rendering included. */
    private static String key(Page page, RenderedMarkdown previous) {
        MessageDigest digest = Hashes.sha256();
        update(digest, page.display(), page.outputPath(), String.valueOf(page.bodyLine()), page.frontMatter().toString(),
                page.markdown());
        for (Path include : new TreeSet<>(previous.includes())) {
            update(digest, include.toString());
            try {
                digest.update(Files.readAllBytes(include));
            } catch (IOException e) {
                update(digest, "missing"); // renders again, and reports the missing file
            }
        }
        return Hashes.hex(digest.digest());
    }

    private static void update(MessageDigest digest, String... parts) {
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
    }
}
