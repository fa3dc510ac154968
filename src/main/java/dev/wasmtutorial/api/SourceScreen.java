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
 * so a macro cannot assemble the forbidden words.
 */
final class SourceScreen {

    private static final Pattern LINE_MARKER = Pattern.compile("^# (\\d+) \"([^\"]*)\".*$");
    private static final Pattern ASM = Pattern.compile("\\b(asm|__asm|__asm__)\\b");
    /** Emscripten's sysroot and clang's builtin headers. */
    private static final Pattern SYSTEM_HEADER = Pattern.compile("^(/usr(/local)?/(share|lib)/.*(emscripten|clang)/.*\\.h|<[^>]+>)$");

    private SourceScreen() {
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
                Matcher asm = ASM.matcher(text.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
                if (asm.find()) {
                    problems.add(new Diagnostic(line, 0, "error: inline assembly is not allowed on this server"));
                }
            }
            line++;
        }
        return problems;
    }
}
