package dev.wasmtutorial.python;

import dev.wasmtutorial.config.Hashes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wasmtutorial.config.BoundedProcess;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.Page;
import dev.wasmtutorial.markdown.PythonExample;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Build stage: every live Python example must print exactly its {@code output} block. The
 * examples run in Pyodide under Node (the command, e.g. {@code node check-python.mjs}), with the
 * same session code as the reader's Worker. Outputs are cached under {@code cacheDir} by the
 * example's code and input files, so an unchanged example is never run twice; its expected output
 * is compared every time.
 */
public final class PythonExampleCheck {

    /** What the stage did, for the log and tests. */
    public record Result(int examples, int ran) {
    }

    /** One example with where it is written and what it reads. */
    private record Located(Page page, PythonExample example, Map<String, String> files, String key) {
        SourceLocation where() {
            return new SourceLocation(page.display(), example.line());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Node and Pyodide's start-up, before the first example runs. */
    private static final long START_SECONDS = 120;

    private final List<String> command;
    private final Path contentDir;
    private final Path cacheDir;
    private final Function<Path, String> display;
    private final PrintStream log;

    /**
     * @param command    the runner command (two file arguments are appended); empty: examples are only validated
     * @param contentDir where input files named by {@code files=} are read (site paths map to content paths)
     * @param cacheDir   where outputs are kept between builds (under target/)
     */
    public PythonExampleCheck(List<String> command, Path contentDir, Path cacheDir, Function<Path, String> display, PrintStream log) {
        this.command = List.copyOf(command);
        this.contentDir = contentDir;
        this.cacheDir = cacheDir;
        this.display = display;
        this.log = log;
    }

    /** The page's runner examples; Markdown nested too deeply to parse here is that page's one-line error. */
    private List<PythonExample> examplesOf(Page page) {
        try {
            return PythonExample.findAll(page.markdown(), page.bodyLine());
        } catch (StackOverflowError e) {
            throw new BuildException(SourceLocation.of(page.display()),
                    "nesting too deep to look for Python examples", "flatten the nesting (quotes, lists, emphasis or brackets inside each other)");
        }
    }

    public Result check(List<Page> pages) {
        List<Located> examples = new ArrayList<>();
        for (Page page : pages) {
            for (PythonExample example : examplesOf(page)) {
                examples.add(locate(page, example));
            }
        }
        if (examples.isEmpty()) {
            return new Result(0, 0);
        }
        if (command.isEmpty()) {
            log.println("python: " + examples.size() + " examples not run (no --python-check command given)");
            return new Result(examples.size(), 0);
        }
        List<Located> missing = examples.stream().filter(e -> !Files.isRegularFile(outputFile(e))).toList();
        if (!missing.isEmpty()) {
            run(missing);
        }
        List<BuildException> failures = new ArrayList<>();
        for (Located e : examples) {
            String actual = read(outputFile(e));
            String difference = difference(e.example().expected(), actual);
            if (difference != null) {
                failures.add(new BuildException(e.where(), "the Python example's output differs from its output block: " + difference,
                        "fix the code or the ```output block; the full output is in " + display.apply(outputFile(e))));
            }
        }
        if (!failures.isEmpty()) {
            // Each once: all but the last here, the last by whoever catches it.
            failures.subList(0, failures.size() - 1).forEach(f -> log.println(f.oneLine()));
            throw failures.get(failures.size() - 1);
        }
        log.println("python: " + examples.size() + " examples match their output (" + missing.size() + " run, "
                + (examples.size() - missing.size()) + " unchanged)");
        return new Result(examples.size(), missing.size());
    }

    private Located locate(Page page, PythonExample example) {
        SourceLocation where = new SourceLocation(page.display(), example.line());
        if (example.expected() == null) {
            throw new BuildException(where, "the Python example has no output block after it",
                    "follow it directly with a fence whose info string is `output`, holding what it prints");
        }
        if (example.limitSeconds() <= 0) {
            throw new BuildException(where, "limit= must be a whole number of seconds above 0", "e.g. limit=10");
        }
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : example.files()) {
            Path file = contentDir.resolve(name).normalize();
            if (!file.startsWith(contentDir) || !Files.isRegularFile(file)) {
                throw new BuildException(where, "input file " + name + " not found in " + display.apply(contentDir),
                        "files= names files of the site, relative to its root (e.g. data/orders.csv)");
            }
            files.put("/" + name, read(file));
        }
        StringBuilder identity = new StringBuilder(String.join(" ", command)).append('\0').append(example.code());
        files.forEach((name, text) -> identity.append('\0').append(name).append('\0').append(text));
        return new Located(page, example, files, sha256(identity.toString()));
    }

    private void run(List<Located> examples) {
        List<Map<String, Object>> requests = new ArrayList<>();
        for (Located e : examples) {
            requests.add(Map.of("id", e.key(), "code", e.example().code(), "inputs", Map.of("files", e.files())));
        }
        Path requestFile = cacheDir.resolve("examples.json");
        Path resultFile = cacheDir.resolve("results.jsonl");
        Path logFile = cacheDir.resolve("node.log");
        long limit = START_SECONDS + examples.stream().mapToLong(e -> e.example().limitSeconds()).sum();
        try {
            Files.createDirectories(cacheDir);
            JSON.writeValue(requestFile.toFile(), requests);
            Files.deleteIfExists(resultFile);
            List<String> argv = new ArrayList<>(command);
            argv.add(requestFile.toString());
            argv.add(resultFile.toString());
            BoundedProcess process = BoundedProcess.start(new ProcessBuilder(argv), logFile);
            boolean finished = process.await(System.nanoTime() + TimeUnit.SECONDS.toNanos(limit), line -> log.println("  " + line));
            Map<String, String> outputs = new LinkedHashMap<>();
            if (Files.isRegularFile(resultFile)) {
                for (String line : Files.readAllLines(resultFile)) {
                    JsonNode result = JSON.readTree(line);
                    outputs.put(result.get("id").asText(), result.get("output").asText());
                }
            }
            for (Located e : examples) {
                String output = outputs.get(e.key());
                if (output == null) {
                    String why = finished ? "the Python check stopped before it (exit " + process.exitValue() + ", see "
                            + display.apply(logFile) + ")" : "it did not finish within " + limit + " s";
                    throw new BuildException(e.where(), "the Python example was not checked: " + why,
                            "an example that never ends cannot be checked; run the command by hand to see more");
                }
                Files.writeString(outputFile(e), output);
            }
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(String.join(" ", command)), "cannot run the Python examples: " + e.getMessage(),
                    "build with ./mvnw package, which installs Node and Pyodide", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildException(SourceLocation.of("python check"), "interrupted", null, e);
        }
    }

    private Path outputFile(Located e) {
        return cacheDir.resolve(e.key() + ".out");
    }

    /** Null when equal (ignoring trailing spaces and final newlines), else where they first differ. */
    static String difference(String expected, String actual) {
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        for (int i = 0; i < Math.max(want.size(), got.size()); i++) {
            String w = i < want.size() ? want.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            if (w == null || !w.equals(g)) {
                return "output line " + (i + 1) + ": expected " + (w == null ? "no more output" : "\"" + w + "\"")
                        + ", got " + (g == null ? "no more output" : "\"" + g + "\"");
            }
        }
        return null;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
