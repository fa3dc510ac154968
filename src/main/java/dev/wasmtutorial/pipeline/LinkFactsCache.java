package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.config.BinaryData;
import dev.wasmtutorial.check.PageLinks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Each page's links and anchors, by the SHA-256 of the page's bytes, kept between builds: the
 * link check still resolves every link of every page, but scans only pages whose bytes changed.
 * On disk it is one file (thousands of small ones would cost more to open than to scan), read
 * on first use and written again only when a build scanned or dropped a page; it keeps the
 * last build's pages only. A file written by another generator, or unreadable, counts as empty.
 */
final class LinkFactsCache {

    private static final int FORMAT = 1;

    private final Path file;
    private final String generator;
    private Map<String, PageLinks> known;
    private final Map<String, PageLinks> used = new ConcurrentHashMap<>();
    private volatile boolean scanned;

    /** @param file where to keep the facts, or null to keep them in memory only */
    LinkFactsCache(Path file, String generator) {
        this.file = file;
        this.generator = generator;
    }

    /** The facts of the page with these bytes: remembered, or found by {@code scan}. */
    PageLinks get(String sha256, Supplier<PageLinks> scan) {
        PageLinks found = used.get(sha256);
        if (found != null) {
            return found;
        }
        found = known().get(sha256);
        if (found == null) {
            found = scan.get();
            scanned = true;
        }
        used.put(sha256, found);
        return found;
    }

    /** Ends a build: what it used is what the next build will know; written if that changed. */
    synchronized void finish() {
        boolean changed = scanned || used.size() != known().size();
        known = new HashMap<>(used);
        used.clear();
        scanned = false;
        if (changed && file != null) {
            write();
        }
    }

    private synchronized Map<String, PageLinks> known() {
        if (known == null) {
            known = file == null ? new HashMap<>() : read();
        }
        return known;
    }

    private Map<String, PageLinks> read() {
        if (!Files.isRegularFile(file)) {
            return new HashMap<>();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(generator)) {
                return new HashMap<>();
            }
            int count = in.readInt();
            Map<String, PageLinks> facts = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String sha256 = in.readUTF();
                List<String> hrefs = new ArrayList<>(BinaryData.readStrings(in));
                Set<String> ids = new HashSet<>(BinaryData.readStrings(in));
                facts.put(sha256, new PageLinks(List.copyOf(hrefs), Set.copyOf(ids)));
            }
            return facts;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>(); // torn or foreign: scan again
        }
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "link-facts", ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
                out.writeInt(FORMAT);
                out.writeUTF(generator);
                out.writeInt(known.size());
                for (Map.Entry<String, PageLinks> e : known.entrySet()) {
                    out.writeUTF(e.getKey());
                    BinaryData.writeStrings(out, e.getValue().hrefs());
                    BinaryData.writeStrings(out, e.getValue().ids());
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The cache only saves time: the next build scans again.
        }
    }
}
