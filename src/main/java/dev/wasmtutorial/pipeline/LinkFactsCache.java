package dev.wasmtutorial.pipeline;

import dev.wasmtutorial.check.PageLinks;
import dev.wasmtutorial.config.BinaryData;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Each page's links and anchors, by the SHA-256 of the page's bytes, kept between builds
 * ({@link KeptValues}): the link check still resolves every link of every page, but scans only
 * pages whose bytes changed.
 */
final class LinkFactsCache {

    private static final KeptValues.Codec<PageLinks> CODEC = new KeptValues.Codec<>() {
        @Override
        public void write(DataOutputStream out, PageLinks links) throws IOException {
            BinaryData.writeStrings(out, links.hrefs());
            BinaryData.writeStrings(out, links.ids());
        }

        @Override
        public PageLinks read(DataInputStream in) throws IOException {
            return new PageLinks(List.copyOf(BinaryData.readStrings(in)), Set.copyOf(BinaryData.readStrings(in)));
        }
    };

    private final KeptValues<PageLinks> values;

    /** @param file where to keep the facts, or null to keep them in memory only */
    LinkFactsCache(Path file, String generator) {
        this.values = new KeptValues<>(file, "link facts 1", generator, CODEC);
    }

    /** The facts of the page with these bytes: remembered, or found by {@code scan}. */
    PageLinks get(String sha256, Supplier<PageLinks> scan) {
        return values.get(sha256, scan);
    }

    /** Ends a build: what it used is what the next build will know. */
    void finish() {
        values.finish();
    }
}
