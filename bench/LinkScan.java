import dev.wasmtutorial.check.PageLinks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Times reading the links and anchors of every page of a built site, the link check's first pass,
 * in parallel as LinkChecker does: "jsoup" (a full DOM per page, the check's old way) or "scan"
 * (PageLinks.of, its new way). Pages are read into memory first; prints the pass's wall time and
 * the process CPU time it used.
 *
 * Usage: java -cp target/wasm-tutorial.jar bench/LinkScan.java jsoup|scan SITE_DIR
 */
public class LinkScan {

    private static final String LINKING = "a[href], area[href], link[href], img[src], script[src], source[src], iframe[src], video[src], audio[src]";

    public static void main(String[] args) throws Exception {
        boolean jsoup = args[0].equals("jsoup");
        List<String> pages;
        try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().map(p -> {
                try {
                    return Files.readString(p);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        AtomicLong links = new AtomicLong();
        pages.parallelStream().forEach(html -> links.addAndGet(jsoup ? viaDom(html) : PageLinks.of(html).hrefs().size()));
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        System.out.printf("%-5s pages %d links %d wall %.0f ms CPU %.0f ms%n", args[0], pages.size(), links.get(), wall / 1e6, cpu / 1e6);
    }

    private static int viaDom(String html) {
        Document doc = Jsoup.parse(html);
        int n = 0;
        for (Element el : doc.select(LINKING)) {
            el.attr(el.hasAttr("href") ? "href" : "src").strip();
            n++;
        }
        Set<String> ids = new HashSet<>();
        doc.select("[id]").forEach(e -> ids.add(e.id()));
        doc.select("a[name]").forEach(e -> ids.add(e.attr("name")));
        return n;
    }
}
