import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a synthetic tutorial of N Markdown pages for the build benchmark: front matter,
 * headings, prose, fenced code, a table, an alert, and cross-links with anchors to other pages
 * (all valid, so the link checker does its full work and passes). Two shapes:
 * <ul>
 *   <li>{@code tree} (default): chapters of 20 pages, each in its own folder with an index.md
 *       (chapter-K/index.md, chapter-K/page-N.md): a hierarchical site;</li>
 *   <li>{@code flat}: every page in one folder, each with {@code order:}: the worst case for a
 *       sidebar that lists every page.</li>
 * </ul>
 * Usage: java bench/GenerateCorpus.java CONTENT_DIR PAGES [tree|flat]
 */
public class GenerateCorpus {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int pages = Integer.parseInt(args[1]);
        boolean flat = args.length > 2 && args[2].equals("flat");
        Random random = new Random(42); // fixed seed: the same corpus every run
        Files.createDirectories(dir);
        for (int i = 0; i < pages; i++) {
            StringBuilder md = new StringBuilder();
            md.append("---\ntitle: Page ").append(i).append("\ndescription: Synthetic page ").append(i)
                    .append(" for the build benchmark.\norder: ").append(flat ? i : i % 20).append("\n---\n\n");
            if (!flat && i % 20 == 0) {
                for (int sub = i + 1; sub < Math.min(i + 20, pages); sub++) {
                    md.append("- [Page ").append(sub).append("](page-").append(sub).append(".md)\n"); // same folder
                }
                md.append('\n');
            }
            md.append("Intro paragraph of page ").append(i).append(" with **bold**, `code` and a [link](https://example.org/").append(i).append(").\n\n");
            for (int s = 0; s < 5; s++) {
                md.append("## Section ").append(s).append(" of page ").append(i).append("\n\n");
                md.append("Some prose about linear memory, imports and exports. ".repeat(3 + random.nextInt(4))).append("\n\n");
                int target = random.nextInt(pages);
                int section = random.nextInt(5);
                md.append("See [page ").append(target).append("](").append(flat ? "" : "../").append(file(target, flat))
                        .append("#section-").append(section).append("-of-page-").append(target).append(") for more.\n\n");
                if (s == 1) {
                    md.append("```c\nint add(int a, int b) {\n    return a + b; /* ").append(i).append(" */\n}\n```\n\n");
                }
                if (s == 2) {
                    md.append("| name | kind | signature |\n|---|---|---|\n");
                    for (int r = 0; r < 4; r++) {
                        md.append("| f").append(r).append(" | func | (i32, i32) -> i32 |\n");
                    }
                    md.append('\n');
                }
                if (s == 3) {
                    md.append("> [!NOTE]\n> Serve over HTTP, not file://.\n\n");
                }
                md.append("### Details ").append(s).append("\n\n- item one\n- item two\n- [x] done\n\n");
            }
            Path out = dir.resolve(file(i, flat));
            Files.createDirectories(out.getParent());
            Files.writeString(out, md.toString());
        }
        Files.writeString(dir.resolve("index.md"), "---\ntitle: Benchmark\ndescription: Entry page.\norder: -1\n---\n\n[first]("
                + file(0, flat) + ")\n");
    }

    /** Where page i lives, relative to the content folder (a chapter's first page is its index.md). */
    private static String file(int i, boolean flat) {
        if (flat) {
            return "page-" + i + ".md";
        }
        String chapter = "chapter-" + (i / 20) + "/";
        return chapter + (i % 20 == 0 ? "index.md" : "page-" + i + ".md");
    }
}
