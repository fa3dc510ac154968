package dev.wasmtutorial.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A live Python example as written in Markdown: a fence whose info string is {@code python runner}
 * (optionally {@code files=data/a.csv,data/b.csv} for input files the page provides, and
 * {@code limit=SECONDS}), followed directly by an {@code output} fence with the output it must
 * print. On GitHub both read as ordinary code blocks:
 *
 * <pre>
 * ```python runner files=data/orders.csv
 * print(sum(range(4)))
 * ```
 * ```output
 * 6
 * ```
 * </pre>
 *
 * @param line      1-based line of the example's opening fence in its file
 * @param code      the Python code
 * @param expected  the output fence's text, or null when the example declares none (an error)
 * @param files     site paths of its input files, visible to Python as {@code /PATH}
 * @param limitSeconds the time limit shown on the runner
 */
public record PythonExample(int line, String code, String expected, List<String> files, int limitSeconds) {

    public static final int DEFAULT_LIMIT_SECONDS = 10;
    static final String OUTPUT_INFO = "output";

    /** Built on first use (a holder class): most sites have no page that mentions python at all. */
    private static final class Lazy {
        static final Parser PARSER = Parser.builder().build();
    }

    /** Whether a fence's info string marks a runner. */
    static boolean isRunner(String info) {
        if (!info.contains("runner")) {
            return false; // most fences: no need to split the info string
        }
        List<String> words = Arrays.asList(info.strip().split("\\s+"));
        return words.size() > 1 && words.get(0).equals("python") && words.contains("runner");
    }

    static boolean isOutput(Node node) {
        return node instanceof FencedCodeBlock fence && fence.getInfo().toString().strip().equals(OUTPUT_INFO);
    }

    /** The example a runner fence starts (its expected output is the fence right after it), or null if it is none. */
    static PythonExample of(FencedCodeBlock fence, int fileLine) {
        String info = fence.getInfo().toString();
        if (!isRunner(info)) {
            return null;
        }
        Map<String, String> attributes = IncludeDirective.Info.parse(info).attributes();
        String expected = isOutput(fence.getNext()) ? ((FencedCodeBlock) fence.getNext()).getContentChars().toString() : null;
        List<String> files = attributes.containsKey("files")
                ? Arrays.stream(attributes.get("files").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()
                : List.of();
        int limit = DEFAULT_LIMIT_SECONDS;
        try {
            limit = Integer.parseInt(attributes.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT_SECONDS)));
        } catch (NumberFormatException e) {
            limit = -1; // reported by the check: the runner must not guess
        }
        return new PythonExample(fileLine, fence.getContentChars().toString(), expected, files, limit);
    }

    /**
     * Every runner example of a Markdown body, in order.
     *
     * @param firstLine the file line on which the body starts (1 when there is no front matter)
     */
    public static List<PythonExample> findAll(String markdown, int firstLine) {
        List<PythonExample> out = new ArrayList<>();
        // Parsing costs as much as rendering: only pages that can hold a runner fence are parsed.
        if (!markdown.contains("python")) {
            return out;
        }
        for (Node node : Lazy.PARSER.parse(markdown).getDescendants()) {
            if (node instanceof FencedCodeBlock fence) {
                PythonExample example = of(fence, firstLine + fence.getStartLineNumber());
                if (example != null) {
                    out.add(example);
                }
            }
        }
        return out;
    }
}
