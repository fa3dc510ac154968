import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.LineAppendable;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The floor under a cold build: flexmark alone, in a fresh JVM, parsing and rendering every page of
 * a corpus to HTML in memory, with nothing else a build does (no front matter parsing, templates,
 * navigation, link check, caches, or files written). Flexmark's core and the three GFM extensions
 * the generator uses, with its table options; none of the generator's own extensions, so this is a
 * lower bound on what the build's Markdown step can cost. Pages are shared out to THREADS threads
 * (default: the number of cores, as the build's render pool does).
 *
 * With --write OUT_DIR it also writes each page's HTML to OUT_DIR/NAME/index.html (the folder
 * layout a build publishes), with nothing around it: the floor when the pages must reach the disk,
 * as a build's must (creating 2,000 files costs this file system seconds of kernel time).
 *
 * Prints the time from the JVM's start to the last page (so JVM start and class loading count)
 * and the process CPU time.
 *
 * Usage: java -cp target/wasm-tutorial.jar:CLASSES MarkdownFloor CONTENT_DIR [--write OUT_DIR] [THREADS]
 */
public class MarkdownFloor {

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        int next_arg = 1;
        Path out = null;
        if (args.length > 2 && args[1].equals("--write")) {
            out = Path.of(args[2]);
            next_arg = 3;
        }
        int threads = args.length > next_arg ? Integer.parseInt(args[next_arg]) : Runtime.getRuntime().availableProcessors();
        List<String> pages = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(content)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                pages.add(withoutFrontMatter(Files.readString(file, StandardCharsets.UTF_8)));
                if (out != null) {
                    String name = content.relativize(file).toString().replaceFirst("(^|/)?index\\.md$|\\.md$", "");
                    Path folder = name.isEmpty() ? out : out.resolve(name);
                    Files.createDirectories(folder);
                    targets.add(folder.resolve("index.html"));
                }
            }
        }

        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TaskListExtension.create(), StrikethroughExtension.create()));
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(HtmlRenderer.GENERATE_HEADER_ID, false);
        options.set(HtmlRenderer.FORMAT_FLAGS, LineAppendable.F_PASS_THROUGH);
        Parser parser = Parser.builder(options).build();
        HtmlRenderer renderer = HtmlRenderer.builder(options).build();

        AtomicInteger next = new AtomicInteger();
        AtomicLong htmlChars = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < pages.size(); i = next.getAndIncrement()) {
                    String html = renderer.render(parser.parse(pages.get(i)));
                    htmlChars.addAndGet(html.length());
                    if (!targets.isEmpty()) {
                        Files.writeString(targets.get(i), html);
                    }
                }
                return null; // a Callable, so the write may throw
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        long sinceStart = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.printf("flexmark only%s, %d pages, %d threads: %.2f s since JVM start, CPU %.2f s, %d KiB of HTML%n",
                out == null ? "" : ", pages written", pages.size(), threads, sinceStart / 1000.0, cpu / 1000.0, htmlChars.get() / 1024);
    }

    /** The page's Markdown after its front matter block, as the generator's loader hands it over. */
    private static String withoutFrontMatter(String text) {
        if (!text.startsWith("---\n")) {
            return text;
        }
        int end = text.indexOf("\n---\n", 3);
        return end < 0 ? text : text.substring(end + 5);
    }
}
