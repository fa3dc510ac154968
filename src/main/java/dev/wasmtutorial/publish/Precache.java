package dev.wasmtutorial.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files the service worker fetches on a reader's first visit: what reading the tutorial
 * and running its demos needs. That is every page and every demo file except the demos' build
 * inputs and reports, and of {@code assets/}
 * only the entry points the templates load and what they import statically. Anything else is
 * cached the first time it is used: chunks loaded on demand (the search script), the
 * search index under {@code pagefind/}, and any single file over {@link #LARGE_BYTES} (a
 * language runtime, say).
 */
public final class Precache {

    /** A file this large is optional by definition: fetched (and then cached) only when a page asks for it. */
    public static final long LARGE_BYTES = 256 * 1024;

    /**
     * A demo's build inputs and build-time reports (its C sources, scripts, checks file and the
     * modules' JSON reports): published to be read, not needed to run the demo.
     */
    private static final Pattern DEMO_BUILD_INPUT = Pattern.compile("[^/]+/(?:c/.*|scripts/.*|wasm-checks\\.yaml|dist/[^/]+\\.wasm\\.json)");

    private static final Pattern STATIC_IMPORT = Pattern.compile("(?:\\bfrom\\s*|\\bimport\\s*)[\"']\\./([^\"']+)[\"']");

    private Precache() {
    }

    /**
     * @param site        the staged site folder
     * @param files       every site path in it
     * @param entryAssets file names under {@code assets/} that pages load directly
     */
    public static Set<String> select(Path site, Collection<String> files, Collection<String> entryAssets) {
        return select(path -> size(site, path), path -> read(site, path), files, entryAssets);
    }

    /**
     * @param sizeOf      a staged file's size in bytes, by site path
     * @param textOf      a staged file's text, by site path
     * @param files       every site path staged
     * @param entryAssets file names under {@code assets/} that pages load directly
     */
    public static Set<String> select(ToLongFunction<String> sizeOf, Function<String, String> textOf, Collection<String> files,
                                     Collection<String> entryAssets) {
        Set<String> chosen = new TreeSet<>();
        for (String path : files) {
            if (!path.startsWith("assets/") && !path.startsWith("pagefind/") && !path.equals(ServiceWorker.FILE)
                    && !DEMO_BUILD_INPUT.matcher(path).matches() && sizeOf.applyAsLong(path) <= LARGE_BYTES) {
                chosen.add(path);
            }
        }
        Deque<String> queue = new ArrayDeque<>();
        entryAssets.forEach(name -> queue.add("assets/" + name));
        while (!queue.isEmpty()) {
            String asset = queue.poll();
            if (!files.contains(asset) || sizeOf.applyAsLong(asset) > LARGE_BYTES || !chosen.add(asset) || !asset.endsWith(".js")) {
                continue;
            }
            Matcher imports = STATIC_IMPORT.matcher(textOf.apply(asset));
            String folder = asset.substring(0, asset.lastIndexOf('/') + 1);
            while (imports.find()) {
                queue.add(folder + imports.group(1));
            }
        }
        return chosen;
    }

    /**
     * The files over {@link #LARGE_BYTES}: never precached, and once fetched kept across versions
     * of the site for as long as their bytes are unchanged (see {@link ServiceWorker}).
     */
    public static Set<String> large(ToLongFunction<String> sizeOf, Collection<String> files) {
        Set<String> large = new TreeSet<>();
        for (String path : files) {
            if (!path.equals(ServiceWorker.FILE) && sizeOf.applyAsLong(path) > LARGE_BYTES) {
                large.add(path);
            }
        }
        return large;
    }

    private static long size(Path site, String path) {
        try {
            return Files.size(site.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path site, String path) {
        try {
            return Files.readString(site.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
