package dev.wasmtutorial.api;

import dev.wasmtutorial.config.BoundedProcess;
import dev.wasmtutorial.config.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles C source to a standalone WASI module with emcc, inside {@link CompilerSandbox}: a
 * fresh temp folder per compile, one time limit for all its steps, output caps, an environment
 * with only what emcc needs, and {@link SourceScreen} over the preprocessed source first. Results (modules and
 * compile errors alike) are cached by the source's hash, and concurrent requests for the same
 * source share one compile.
 */
final class CCompiler {

    /**
     * Growth allowed so a program that allocates past its memory cap meets the sandbox's limit,
     * not a silent NULL. Memory starts at 6 MiB instead of Emscripten's 16 (its 5 MiB stack plus
     * room; the heap grows on demand): every run allocates and zeroes its initial memory, and
     * bench/execute-benchmark.sh ran C programs at 105-110 runs/s from one client instead of
     * 73-95, 251-254 instead of 180-200 from 64, with 1.0 GiB of server RSS under load instead of
     * 1.46-1.67 (two runs each, alternating).
     */
    static final List<String> FLAGS = List.of("-O2", "-sALLOW_MEMORY_GROWTH=1");
    static final String INITIAL_MEMORY = "6291456";
    private static final Pattern MEMORY_NEEDED = Pattern.compile("initial memory too small, (\\d+) bytes needed");
    /** What the preprocessor may produce from one request's source (a macro "bomb" expands to gigabytes). */
    static final long PREPROCESSED_CAP = 16L * 1024 * 1024;
    /**
     * Linked into every program beside main.c, so that fopen(), stat(), remove() and the like
     * reach the run's /data through WASI (Emscripten 3.1.6's standalone C library refuses every
     * path but the standard streams; the C file says how).
     */
    static final String FILE_ACCESS_SOURCE = "wasi_files.c";
    /** The names of the WASI functions that file imports, for emcc's link step (no JavaScript is emitted). */
    static final String FILE_ACCESS_SYMBOLS = "wasi_files.js";
    private static final int CACHE_ENTRIES = 256;
    private static final Pattern DIAGNOSTIC = Pattern.compile("^main\\.c:(\\d+):(\\d+): (?:fatal )?(error|warning): (.*)$");

    /** A compile's result: the module, or the diagnostics that explain why there is none. */
    record Result(byte[] wasm, List<Diagnostic> diagnostics, String message, long millis, boolean cached) {
        boolean ok() {
            return wasm != null;
        }

        Result fromCache() {
            return new Result(wasm, diagnostics, message, 0, true);
        }
    }

    private final String emcc;
    private final CompilerSandbox sandbox;
    private final Map<String, CompletableFuture<Result>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Result>> eldest) {
            return size() > CACHE_ENTRIES;
        }
    };

    CCompiler(String emcc, CompilerSandbox sandbox) {
        this.emcc = emcc;
        this.sandbox = sandbox;
    }

    Result compile(String source) throws InterruptedException {
        String key = sha256(String.join(" ", FLAGS) + " " + INITIAL_MEMORY + " " + FILE_ACCESS_SOURCE + "\n" + source);
        CompletableFuture<Result> mine = new CompletableFuture<>();
        CompletableFuture<Result> existing;
        synchronized (cache) {
            existing = cache.putIfAbsent(key, mine);
        }
        if (existing != null) {
            try {
                return existing.get().fromCache();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        try {
            Result result = compileNow(source);
            mine.complete(result);
            if (result.message() != null && result.diagnostics().isEmpty()) {
                synchronized (cache) { // a timeout or a missing emcc is not a property of the source
                    cache.remove(key);
                }
            }
            return result;
        } catch (RuntimeException | InterruptedException e) {
            mine.completeExceptionally(e);
            synchronized (cache) {
                cache.remove(key);
            }
            throw e;
        }
    }

    private Result compileNow(String source) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(ApiLimits.COMPILE_TIMEOUT_MS); // for all steps together
        Optional<String> noSandbox = sandbox.unavailable();
        if (noSandbox.isPresent()) {
            return new Result(null, List.of(), noSandbox.get(), millis(start), false);
        }
        List<Diagnostic> directives = SourceScreen.checkSource(source);
        if (!directives.isEmpty()) {
            return new Result(null, directives, null, millis(start), false);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("execute-");
            Files.writeString(dir.resolve("main.c"), source);
            for (String file : List.of(FILE_ACCESS_SOURCE, FILE_ACCESS_SYMBOLS)) {
                try (var in = CCompiler.class.getResourceAsStream(file)) {
                    Files.copy(java.util.Objects.requireNonNull(in, file + " missing from the jar"), dir.resolve(file));
                }
            }
            Path log = dir.resolve("emcc.log");
            // The screen reads what the compile will see: the same flags, so the same branches of #if.
            List<String> screen = new ArrayList<>(List.of(emcc, "-E"));
            screen.addAll(FLAGS);
            screen.addAll(List.of("main.c", "-o", "main.i"));
            BoundedProcess preprocess = start(screen, dir, log);
            if (!preprocess.await(deadline, null)) {
                return timedOut(start);
            }
            Path preprocessed = dir.resolve("main.i");
            if (preprocess.exitValue() != 0 || !Files.isRegularFile(preprocessed)) {
                return failed(readCapped(log, dir), start); // fail closed: nothing unscreened is compiled
            }
            if (Files.size(preprocessed) > PREPROCESSED_CAP) {
                return new Result(null, List.of(), "the preprocessed source is over " + PREPROCESSED_CAP / (1024 * 1024)
                        + " MiB (macros that expand without bound?)", millis(start), false);
            }
            List<Diagnostic> refused = SourceScreen.check(Files.readString(preprocessed));
            if (!refused.isEmpty()) {
                return new Result(null, refused, null, millis(start), false);
            }
            Files.delete(preprocessed);
            Link link = link(INITIAL_MEMORY, dir, log, deadline);
            String needed = link.wasm() == null ? initialMemoryFor(link.output()) : null;
            if (needed != null) { // the program's static data does not fit beside the stack: link with what it needs
                link = link(needed, dir, log, deadline);
            }
            if (link.timedOut()) {
                return timedOut(start);
            }
            return link.wasm() != null ? new Result(link.wasm(), List.of(), null, millis(start), false) : failed(link.output(), start);
        } catch (IOException e) {
            return new Result(null, List.of(), "cannot run emcc: " + e.getMessage(), millis(start), false);
        } finally {
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /** One link step's result: the module, or the compiler's output, or neither when the deadline passed. */
    private record Link(byte[] wasm, String output, boolean timedOut) {
    }

    private Link link(String initialMemory, Path dir, Path log, long deadline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(emcc));
        command.addAll(FLAGS);
        command.add("-sINITIAL_MEMORY=" + initialMemory);
        command.addAll(List.of("main.c", FILE_ACCESS_SOURCE, "--js-library", FILE_ACCESS_SYMBOLS, "-o", "main.wasm"));
        BoundedProcess process = start(command, dir, log);
        if (!process.await(deadline, null)) {
            return new Link(null, null, true);
        }
        Path wasm = dir.resolve("main.wasm");
        // emcc can exit 1 and still leave a .wasm behind: trust the exit code.
        if (process.exitValue() == 0 && Files.isRegularFile(wasm)) {
            return new Link(Files.readAllBytes(wasm), null, false);
        }
        return new Link(null, readCapped(log, dir), false);
    }

    /**
     * The initial memory a program needs when the linker said the default is too small (static
     * data over about 1 MiB: Emscripten's 5 MiB stack takes the rest of the 6 MiB), with 1 MiB of
     * room for the heap, in whole pages; null if the linker said something else or the program
     * would not fit under the largest memory cap anyway.
     */
    static String initialMemoryFor(String linkerOutput) {
        Matcher m = MEMORY_NEEDED.matcher(linkerOutput == null ? "" : linkerOutput);
        if (!m.find()) {
            return null;
        }
        long page = 64 * 1024;
        long needed = Long.parseLong(m.group(1)) + 1024 * 1024;
        long bytes = (needed + page - 1) / page * page;
        return bytes > (long) ApiLimits.MAX_MEMORY_MIB * 1024 * 1024 ? null : Long.toString(bytes);
    }

    private static Result failed(String output, long start) {
        List<Diagnostic> diagnostics = diagnostics(output);
        String message = diagnostics.isEmpty() ? firstErrorLine(output) : null;
        return new Result(null, diagnostics, message == null ? "compile failed" : message, millis(start), false);
    }

    private static Result timedOut(long start) {
        return new Result(null, List.of(), "compile stopped after " + ApiLimits.COMPILE_TIMEOUT_MS + " ms", millis(start), false);
    }

    /** Output to a file, read only once the step is over (capped); the deadline kills the sandbox with all it started. */
    private BoundedProcess start(List<String> command, Path dir, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(sandbox.wrap(command, dir)).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        String path = env.getOrDefault("PATH", "/usr/bin:/bin");
        env.clear(); // none of the server's environment reaches the compiler
        env.put("PATH", path);
        env.put("HOME", dir.toString());
        env.put("NODE_PATH", "/usr/share/nodejs");
        return BoundedProcess.start(pb, log);
    }

    /** Errors and warnings located in the user's file; messages about the compiler's own files are left out. */
    static List<Diagnostic> diagnostics(String output) {
        List<Diagnostic> out = new ArrayList<>();
        for (String line : output.split("\n")) {
            Matcher m = DIAGNOSTIC.matcher(line.strip());
            if (m.matches()) {
                out.add(new Diagnostic(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) + ": " + m.group(4)));
            }
        }
        return out;
    }

    private static String firstErrorLine(String output) {
        for (String line : output.split("\n")) {
            if (line.contains("error")) {
                // Only the message, never a path: a linker error names symbols, not files.
                return line.replaceAll("(/[^\\s:]+)+", "").strip();
            }
        }
        return null;
    }

    /** The compiler's output, capped, with the compile folder's path taken out. */
    private static String readCapped(Path log, Path dir) throws IOException {
        try (InputStream in = Files.newInputStream(log)) {
            return new String(in.readNBytes(ApiLimits.COMPILE_OUTPUT_CAP), StandardCharsets.UTF_8)
                    .replace(dir.toString() + "/", "").replace(dir.toString(), ".");
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless; the OS cleans /tmp
        }
    }

    static String sha256(String text) {
        return Hashes.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
