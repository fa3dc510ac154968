package dev.wasmtutorial.render;

import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.config.SourceTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds macros that call themselves, directly or through other macros, to name the file and line
 * when rendering overflowed the stack and no template includes itself ({@link TemplateCycles}).
 * A recursive macro with a condition that stops it is legitimate, so this is a diagnosis, only
 * consulted after an overflow: of the macros on a call cycle, the first one defined is named.
 */
final class MacroCycles {

    private static final Pattern DEFINITION = Pattern.compile("\\{%-?\\s*macro\\s+(\\w+)\\s*\\(");
    private static final Pattern END = Pattern.compile("\\{%-?\\s*endmacro\\b");
    /** A Pebble tag or print: where a macro can be called. */
    private static final Pattern TAG = Pattern.compile("\\{[{%](.*?)[}%]\\}", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("\\b(\\w+)\\s*\\(");

    /** A macro's definition: where it is, and which macros its body calls. */
    record Macro(String name, String file, int line, Set<String> calls) {
    }

    private final Map<String, Macro> macros = new LinkedHashMap<>();

    /** Reads every template under {@code templatesDir} whose name ends in {@code suffix}. */
    MacroCycles(Path templatesDir, String suffix) {
        for (Path file : SourceTree.files(templatesDir)) {
            if (file.getFileName().toString().endsWith(suffix)) {
                read(templatesDir.relativize(file).toString().replace('\\', '/'), file);
            }
        }
    }

    private void read(String name, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return; // a template that cannot be read defines no macros we can follow
        }
        Matcher definition = DEFINITION.matcher(text);
        int from = 0;
        while (definition.find(from)) {
            Matcher end = END.matcher(text);
            int bodyEnd = end.find(definition.end()) ? end.start() : text.length();
            Set<String> calls = new HashSet<>();
            Matcher tag = TAG.matcher(text.substring(definition.end(), bodyEnd));
            while (tag.find()) {
                Matcher call = CALL.matcher(tag.group(1));
                while (call.find()) {
                    calls.add(call.group(1));
                }
            }
            macros.putIfAbsent(definition.group(1), new Macro(definition.group(1), name, lineOf(text, definition.start()), calls));
            from = Math.max(bodyEnd, definition.end());
        }
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The first macro (in file order) that reaches itself, with the chain of names (e.g. a -> b -> a). */
    Optional<List<Macro>> firstCycle() {
        for (Macro macro : macros.values()) {
            Optional<List<Macro>> cycle = search(macro, List.of(macro), new HashSet<>());
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return Optional.empty();
    }

    private Optional<List<Macro>> search(Macro current, List<Macro> path, Set<String> done) {
        for (String called : current.calls()) {
            Macro next = macros.get(called);
            if (next == null) {
                continue;
            }
            List<Macro> longer = new ArrayList<>(path);
            longer.add(next);
            if (next == path.get(0)) {
                return Optional.of(longer);
            }
            if (done.add(called)) {
                Optional<List<Macro>> found = search(next, longer, done);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    static SourceLocation locationOf(Macro macro, String templatesDisplay) {
        return new SourceLocation(templatesDisplay + "/" + macro.file(), macro.line());
    }
}
