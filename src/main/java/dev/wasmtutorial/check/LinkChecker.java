package dev.wasmtutorial.check;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks a built site the way a browser would follow it: every internal {@code href}/{@code src}
 * in every HTML file must name a file that exists, and every {@code #fragment} an element id
 * (or {@code <a name>}) in the target page. External URLs are not fetched, only collected.
 */
public final class LinkChecker {

    /** A link in {@code page} (site path) to {@code href} that does not resolve, and why. */
    public record Problem(String page, String href, String reason) {
    }

    public record Report(List<Problem> problems, SortedSet<String> external, int pagesChecked, int linksChecked) {
    }

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final String LINKING = "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], video[src], audio[src]";

    private final Path root;
    private final String basePath;
    private final Map<String, Set<String>> idsByPage = new ConcurrentHashMap<>();

    /**
     * @param root     the site folder
     * @param basePath the path the site is deployed under ({@code /repo/}); root-relative links
     *                 (only the 404 page uses them) are resolved against it
     */
    public LinkChecker(Path root, String basePath) {
        this.root = root.toAbsolutePath().normalize();
        this.basePath = basePath.endsWith("/") ? basePath : basePath + "/";
    }

    public Report check() {
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(root)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
        Set<String> external = ConcurrentHashMap.newKeySet();
        int links = pages.parallelStream().mapToInt(page -> checkPage(page, problems, external)).sum();
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(Problem::page).thenComparing(Problem::href));
        return new Report(sorted, new TreeSet<>(external), pages.size(), links);
    }

    private int checkPage(Path file, List<Problem> problems, Set<String> external) {
        String page = sitePath(file);
        Document doc = parse(file);
        idsByPage.putIfAbsent(page, ids(doc));
        int count = 0;
        for (Element el : doc.select(LINKING)) {
            String attr = el.hasAttr("href") ? "href" : "src";
            String href = el.attr(attr).strip();
            count++;
            if (href.isEmpty() || href.startsWith("data:") || href.startsWith("blob:")) {
                continue;
            }
            if (SCHEME.matcher(href).find() || href.startsWith("//")) {
                if (href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//")) {
                    external.add(href);
                }
                continue;
            }
            String problem = resolve(page, href);
            if (problem != null) {
                problems.add(new Problem(page, href, problem));
            }
        }
        return count;
    }

    /** Null when {@code href} (found in {@code page}) resolves, else the reason it does not. */
    private String resolve(String page, String href) {
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
            Path target;
            String decoded = URLDecoder.decode(pathPart.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (decoded.startsWith("/")) {
                if (!decoded.startsWith(basePath)) {
                    return "root-relative link outside the site's base path " + basePath;
                }
                target = root.resolve(decoded.substring(basePath.length())).normalize();
            } else {
                Path pageDir = root.resolve(page).getParent();
                target = pageDir.resolve(decoded).normalize();
            }
            if (!target.startsWith(root)) {
                return "points outside the site";
            }
            if (Files.isDirectory(target)) {
                target = target.resolve("index.html");
            }
            if (!Files.isRegularFile(target)) {
                return "no file " + sitePath(target) + " in the site";
            }
            targetPage = sitePath(target);
        }
        if (fragment == null || fragment.isEmpty() || fragment.equals("top") || !targetPage.endsWith(".html")) {
            return null;
        }
        String id = URLDecoder.decode(fragment, StandardCharsets.UTF_8);
        Set<String> ids = idsByPage.computeIfAbsent(targetPage, p -> ids(parse(root.resolve(p))));
        return ids.contains(id) ? null : "no element with id \"" + id + "\" in " + targetPage;
    }

    private static Set<String> ids(Document doc) {
        Set<String> ids = doc.select("[id]").stream().map(e -> e.id()).collect(Collectors.toSet());
        doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
        return ids;
    }

    private Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String sitePath(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
