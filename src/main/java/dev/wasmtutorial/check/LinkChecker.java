package dev.wasmtutorial.check;

import dev.wasmtutorial.config.SitePaths;

import java.io.IOException;
import java.io.UncheckedIOException;
import dev.wasmtutorial.content.UrlPaths;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a site the way a browser would follow it: every internal {@code href}/{@code src} in
 * every HTML page must name a file of the site, and every {@code #fragment} an element id (or
 * {@code <a name>}) in the target page. External URLs are not fetched, only collected.
 *
 * <p>It works on the list of the site's paths and a way to read a page's HTML, so a build can
 * check what it is about to publish without reading it back from disk; {@link #forFolder}
 * checks a folder that was already built.
 */
public final class LinkChecker {

    /** A link in {@code page} (site path) to {@code href} that does not resolve, and why. */
    public record Problem(String page, String href, String reason) {
    }

    public record Report(List<Problem> problems, SortedSet<String> external, int pagesChecked, int linksChecked) {
    }


    private final Set<String> files;
    private final Set<String> directories = new HashSet<>();
    private final Function<String, PageLinks> links;
    private final String basePath;
    private final Map<String, Set<String>> idsByPage = new ConcurrentHashMap<>();
    /** Resolution of (page folder, href) → problem or "" for fine; most pages share their links. */
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    /**
     * @param files    every file of the site, as site paths ({@code a/b.html})
     * @param html     reads the HTML of one of those paths
     * @param basePath the path the site is deployed under ({@code /repo/}); root-relative links
     *                 (only the 404 page uses them) are resolved against it
     */
    public LinkChecker(Set<String> files, Function<String, String> html, String basePath) {
        this(files, basePath, path -> PageLinks.of(html.apply(path)));
    }

    private LinkChecker(Set<String> files, String basePath, Function<String, PageLinks> links) {
        this.files = files;
        this.links = links;
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
        for (String file : files) {
            for (int slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1)) {
                directories.add(file.substring(0, slash));
            }
        }
    }

    /**
     * A checker that gets each page's links and anchors from {@code links} (by site path; called
     * once per HTML page, from several threads) instead of reading its HTML, so a build can reuse
     * what it found in pages whose bytes did not change.
     */
    public static LinkChecker ofLinks(Set<String> files, Function<String, PageLinks> links, String basePath) {
        return new LinkChecker(files, basePath, links);
    }

    /** A checker for a site already on disk. */
    public static LinkChecker forFolder(Path root, String basePath) {
        Path base = root.toAbsolutePath().normalize();
        Set<String> files;
        try (Stream<Path> walk = Files.walk(base)) {
            files = walk.filter(Files::isRegularFile).map(p -> SitePaths.slashes(base.relativize(p)))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LinkChecker(files, path -> {
            try {
                return Files.readString(base.resolve(path), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, basePath);
    }

    public Report check() {
        List<String> pages = files.stream().filter(p -> p.endsWith(".html")).sorted().toList();
        // Pass 1: read each page once (PageLinks: one pass over its tags), keeping only its ids and its links.
        Map<String, List<String>> linksByPage = new ConcurrentHashMap<>();
        pages.parallelStream().forEach(page -> {
            PageLinks found = links.apply(page);
            idsByPage.put(page, found.ids());
            linksByPage.put(page, found.hrefs());
        });
        // Pass 2: resolve every link against the site's files and the ids collected above.
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        Set<String> external = ConcurrentHashMap.newKeySet();
        pages.parallelStream().forEach(page -> checkLinks(page, linksByPage.get(page), problems, external));
        int links = linksByPage.values().stream().mapToInt(List::size).sum();
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::page).thenComparing(Problem::href));
        return new Report(sorted, new TreeSet<>(external), pages.size(), links);
    }

    private void checkLinks(String page, List<String> hrefs, List<Problem> problems, Set<String> external) {
        String folder = page.contains("/") ? page.substring(0, page.lastIndexOf('/')) : "";
        for (String href : hrefs) {
            if (href.isEmpty() || href.startsWith("data:") || href.startsWith("blob:")) {
                continue;
            }
            if (hasScheme(href) || href.startsWith("//")) {
                if (href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//")) {
                    external.add(href);
                }
                continue;
            }
            // Fragment-only links depend on the page itself; all others only on the folder.
            String key = href.startsWith("#") ? page + "\0" + href : folder + "\0" + href;
            String problem = resolved.computeIfAbsent(key, k -> {
                String reason = resolve(page, folder, href);
                return reason == null ? "" : reason;
            });
            if (!problem.isEmpty()) {
                problems.add(new Problem(page, href, problem));
            }
        }
    }

    /**
     * Whether {@code href} starts with a URL scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"},
     * RFC 3986 3.1). By hand rather than a regular expression: it runs for every link of every
     * page, about 100,000 times on a 2,000-page site.
     */
    static boolean hasScheme(String href) {
        if (href.isEmpty() || !isAsciiLetter(href.charAt(0))) {
            return false;
        }
        for (int i = 1; i < href.length(); i++) {
            char c = href.charAt(i);
            if (c == ':') {
                return true;
            }
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return false;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Null when {@code href} (found in {@code page}) resolves, else the reason it does not. */
    private String resolve(String page, String folder, String href) {
        int hash = href.indexOf('#');
        String pathPart = hash < 0 ? href : href.substring(0, hash);
        String fragment = hash < 0 ? null : href.substring(hash + 1);
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        String targetPage;
        if (pathPart.isEmpty()) {
            targetPage = page;
        } else {
            String decoded;
            try {
                decoded = UrlPaths.decode(pathPart);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            String target;
            if (decoded.startsWith("/")) {
                if (!decoded.startsWith(basePath)) {
                    return "root-relative link outside the site's base path " + basePath;
                }
                target = normalize("", decoded.substring(basePath.length()));
            } else {
                target = normalize(folder, decoded);
            }
            if (target == null) {
                return "points outside the site";
            }
            if (target.isEmpty() || directories.contains(target)) {
                target = target.isEmpty() ? "index.html" : target + "/index.html";
            }
            if (!files.contains(target)) {
                return "no file " + target + " in the site";
            }
            targetPage = target;
        }
        if (fragment == null || fragment.isEmpty() || fragment.equals("top") || !targetPage.endsWith(".html")) {
            return null;
        }
        String id;
        try {
            id = UrlPaths.decode(fragment);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        Set<String> ids = idsByPage.computeIfAbsent(targetPage, p -> links.apply(p).ids());
        return ids.contains(id) ? null : "no element with id \"" + id + "\" in " + targetPage;
    }

    /** Resolves {@code relative} against {@code folder} ("" is the root); null if it climbs above the root. */
    static String normalize(String folder, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        if (!folder.isEmpty()) {
            for (String p : folder.split("/")) {
                parts.addLast(p);
            }
        }
        String[] segments = relative.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!s.isEmpty() && !s.equals(".")) {
                parts.addLast(s);
            }
        }
        return String.join("/", parts);
    }

}
