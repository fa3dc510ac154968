package dev.wasmtutorial.markdown;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.config.Suggestions;
import dev.wasmtutorial.content.RealPaths;
import dev.wasmtutorial.content.TextFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block whose info string names a file, so the code shown is the code built:
 *
 * <pre>
 * ```c include="../minimal-demo/c/add_and_log.c" region="export"
 * ```
 * </pre>
 *
 * The path is relative to the Markdown file (as a link would be) and may not leave the project.
 * A region is the text between a line containing {@code region: NAME} and one containing
 * {@code endregion: NAME} (in any comment syntax); marker lines of nested regions are dropped.
 */
final class IncludeDirective {

    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");
    private static final Pattern ANY_MARKER = Pattern.compile("\\b(end)?region:\\s*[\\w-]+");

    /**
     * The language (first word of the info string) and its key=value attributes.
     *
     * @param unclosed the name of an attribute whose value opens a quote and does not close it, or null
     */
    record Info(String language, Map<String, String> attributes, String unclosed) {

        static Info parse(String info) {
            String trimmed = info.strip();
            int space = trimmed.indexOf(' ');
            String language = space < 0 ? trimmed : trimmed.substring(0, space);
            if (language.contains("=")) {
                language = "";
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            String unclosed = null;
            Matcher m = ATTRIBUTE.matcher(trimmed);
            while (m.find()) {
                String value = m.group(2);
                if (value.startsWith("\"")) {
                    if (value.length() < 2 || !value.endsWith("\"")) { // matched as an unquoted word: no closing quote
                        unclosed = unclosed == null ? m.group(1) : unclosed;
                        value = value.substring(1);
                    } else {
                        value = value.substring(1, value.length() - 1);
                    }
                }
                attributes.put(m.group(1), value);
            }
            return new Info(language, attributes, unclosed);
        }

        /**
         * What is wrong with the options, for a fence that takes only {@code known} ({@code kind}
         * names the fence in the message): an unclosed quote or an unknown option, or null.
         */
        String optionProblem(String kind, List<String> known) {
            if (unclosed != null) {
                return "the value of " + unclosed + "= opens a quote that the line does not close (write " + unclosed + "=\"...\")";
            }
            return attributes.keySet().stream().filter(k -> !known.contains(k)).findFirst()
                    .map(k -> "unknown " + kind + " option '" + k + "='" + Suggestions.didYouMean(k, known)).orElse(null);
        }
    }

    /** The text to show, the file it came from, and the name to show for it. */
    record Included(String code, Path file) {
    }

    private IncludeDirective() {
    }

    static Included load(String includePath, String region, Path markdownFile, Path projectRoot, SourceLocation where) {
        Path file = markdownFile.getParent().resolve(includePath).toAbsolutePath().normalize();
        if (!file.startsWith(projectRoot)) {
            throw new BuildException(where, "include '" + includePath + "' points outside the project",
                    "include files from inside the repository only");
        }
        if (!Files.isRegularFile(file)) {
            throw new BuildException(where, "included file not found: " + includePath,
                    "the path is relative to the Markdown file; check it exists");
        }
        RealPaths.requireInside(file, where, projectRoot);
        String text;
        try {
            text = TextFiles.readUtf8(file, projectRoot.relativize(file).toString());
        } catch (BuildException e) {
            // The author's mistake is the include line, not the file it names.
            throw new BuildException(where, "cannot include '" + includePath + "': " + e.location() + ": " + e.getMessage(),
                    "include only text files (UTF-8), e.g. source code");
        }
        if (text.indexOf('\0') >= 0) {
            throw new BuildException(where, "cannot include '" + includePath + "': it is a binary file (it contains NUL bytes)",
                    "include only text files (UTF-8), e.g. source code");
        }
        text = TextFiles.normalizeLineEndings(text);
        String code = region == null ? text : extractRegion(text, region, includePath, where);
        code = stripMarkerLines(code);
        return new Included(stripTrailingNewlines(code), file);
    }

    static String extractRegion(String text, String region, String includePath, SourceLocation where) {
        Pattern start = Pattern.compile("(?<!end)region:\\s*" + Pattern.quote(region) + "\\s*(\\*/|-->)?\\s*$");
        Pattern end = Pattern.compile("endregion:\\s*" + Pattern.quote(region) + "\\s*(\\*/|-->)?\\s*$");
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean inside = false;
        boolean found = false;
        for (String line : lines) {
            if (!inside && start.matcher(line).find()) {
                inside = true;
                found = true;
                continue;
            }
            if (inside && end.matcher(line).find()) {
                return dedent(out.toString());
            }
            if (inside) {
                out.append(line).append('\n');
            }
        }
        if (!found) {
            throw new BuildException(where, "region '" + region + "' not found in " + includePath,
                    "mark it with comment lines 'region: " + region + "' and 'endregion: " + region + "'");
        }
        throw new BuildException(where, "region '" + region + "' in " + includePath + " has no 'endregion: " + region + "' line",
                "close the region");
    }

    private static String stripMarkerLines(String code) {
        StringBuilder out = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            String trimmed = line.strip();
            boolean markerOnly = ANY_MARKER.matcher(trimmed).find()
                    && trimmed.replaceAll("(//|#|/\\*|\\*/|<!--|-->|\\s)", "").replaceAll(ANY_MARKER.pattern(), "").isEmpty();
            if (!markerOnly) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String dedent(String code) {
        int indent = Integer.MAX_VALUE;
        for (String line : code.split("\n")) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        if (indent == 0 || indent == Integer.MAX_VALUE) {
            return code;
        }
        StringBuilder out = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            out.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
        }
        return out.toString();
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }
}
