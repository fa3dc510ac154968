package dev.wasmtutorial.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads emcc's preprocessed output of the user's file ({@code emcc -E}) and refuses what would
 * let the compiler read the host's files into the module: inline assembly ({@code .incbin} and
 * {@code .include} embed any file the server can read, proven by hand with emcc 3.1.6) and
 * {@code #include} of anything but the compiler's own headers. Checked after macro expansion,
 * so a macro cannot assemble the forbidden words; line directives, which could make the user's
 * code look like a header's, are refused in the source itself. A courtesy that explains the
 * refusal: the compiler runs in {@link CompilerSandbox}, where such reads find nothing.
 */
final class SourceScreen {

    private static final Pattern LINE_MARKER = Pattern.compile("^# (\\d+) \"([^\"]*)\".*$");
    private static final Pattern ASM = Pattern.compile("\\b(asm|__asm|__asm__)\\b");
    /** String and character literals, whichever starts first ('"' is a character, not a string's start). */
    private static final Pattern LITERAL = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'");
    /** A line directive ({@code #line N "file"} or GNU's {@code # N "file"}), which could pass the user's code off as a header's. */
    private static final Pattern LINE_DIRECTIVE = Pattern.compile("^\\s*(#|%:)\\s*(line\\b|\\d)");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/");
    /** Emscripten's sysroot and clang's builtin headers. */
    private static final Pattern SYSTEM_HEADER = Pattern.compile("^(/usr(/local)?/(share|lib)/.*(emscripten|clang)/.*\\.h|<[^>]+>)$");

    private SourceScreen() {
    }

    /** The user's own source, before preprocessing: line directives are refused. */
    static List<Diagnostic> checkSource(String source) {
        List<Diagnostic> problems = new ArrayList<>();
        String[] lines = source.replace("\\\r\n", "\\\n").split("\r\n|\r|\n", -1);
        StringBuilder logical = new StringBuilder();
        int first = 1;
        for (int i = 0; i < lines.length; i++) {
            if (logical.length() == 0) {
                first = i + 1;
            }
            String line = lines[i];
            if (line.endsWith("\\")) { // continued on the next line
                logical.append(line, 0, line.length() - 1);
                continue;
            }
            logical.append(line);
            if (LINE_DIRECTIVE.matcher(BLOCK_COMMENT.matcher(logical).replaceAll(" ")).find()) {
                problems.add(new Diagnostic(first, 0, "error: line directives (#line) are not allowed on this server"));
            }
            logical.setLength(0);
        }
        return problems;
    }

    /** Diagnostics for what the source may not do; empty if it may be compiled. */
    static List<Diagnostic> check(String preprocessed) {
        List<Diagnostic> problems = new ArrayList<>();
        String file = "main.c";
        int line = 1;
        for (String text : preprocessed.split("\n", -1)) {
            Matcher marker = LINE_MARKER.matcher(text);
            if (marker.matches()) {
                file = marker.group(2);
                line = Integer.parseInt(marker.group(1));
                if (!file.equals("main.c") && !SYSTEM_HEADER.matcher(file).matches() && problems.stream().noneMatch(p -> p.message().contains("include"))) {
                    problems.add(new Diagnostic(0, 0, "error: only the compiler's own headers may be included (e.g. <stdio.h>)"));
                }
                continue;
            }
            if (file.equals("main.c")) {
                Matcher asm = ASM.matcher(LITERAL.matcher(text).replaceAll("\"\""));
                if (asm.find()) {
                    problems.add(new Diagnostic(line, 0, "error: inline assembly is not allowed on this server"));
                }
            }
            line++;
        }
        return problems;
    }
}
