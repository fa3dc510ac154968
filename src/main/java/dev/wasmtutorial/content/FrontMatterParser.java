package dev.wasmtutorial.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.config.SourceLocation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Splits a Markdown file into YAML front matter and body, and checks the front matter's fields.
 * Line numbers in errors are those of the whole file, so an author can jump to them.
 */
public final class FrontMatterParser {

    private static final Set<String> KNOWN_KEYS = Set.of("title", "description", "order", "nav", "template", "draft");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The front matter, the Markdown after it, and the 1-based line on which that Markdown starts. */
    public record Split(FrontMatter frontMatter, String body, int bodyLine) {
    }

    private final Diagnostics diagnostics;

    public FrontMatterParser(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    public Split parse(String text, String display) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].stripTrailing().equals("---")) {
            throw new BuildException(new SourceLocation(display, 1), "missing front matter",
                    "start the file with '---', a 'title: ...' line and a closing '---'");
        }
        int close = -1;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new BuildException(new SourceLocation(display, 1), "front matter is not closed",
                    "add a line '---' after the last front matter field");
        }
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i < close; i++) {
            yaml.append(lines[i]).append('\n');
        }
        Map<String, Object> fields = readYaml(yaml.toString(), display);
        FrontMatter frontMatter = toFrontMatter(fields, yaml.toString(), display);

        StringBuilder body = new StringBuilder();
        for (int i = close + 1; i < lines.length; i++) {
            body.append(lines[i]);
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        return new Split(frontMatter, body.toString(), close + 2);
    }

    private static Map<String, Object> readYaml(String yaml, String display) {
        if (yaml.isBlank()) {
            return Map.of();
        }
        try {
            Object value = YAML.readValue(yaml, Object.class);
            if (value == null) {
                return Map.of();
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new BuildException(new SourceLocation(display, 2), "front matter must be a set of 'key: value' lines",
                        "write e.g. 'title: My page'");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> fields.put(String.valueOf(k), v));
            return fields;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            // +1: the YAML starts on the line after the opening '---'.
            int line = where == null ? 1 : where.getLineNr() + 1;
            // SnakeYAML also knows where the broken construct began (e.g. the unclosed '['):
            // that is the line the author has to fix.
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getContextMark() != null) {
                line = marked.getContextMark().getLine() + 2;
            }
            throw new BuildException(new SourceLocation(display, line),
                    "malformed front matter: " + e.getOriginalMessage().lines().findFirst().orElse("invalid YAML"),
                    "front matter is YAML: 'key: value', one per line; quote values that contain ': '");
        }
    }

    private FrontMatter toFrontMatter(Map<String, Object> fields, String yaml, String display) {
        for (String key : fields.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                diagnostics.warn(new SourceLocation(display, lineOfKey(yaml, key)),
                        "unknown front matter field '" + key + "' (known: title, description, order, nav, template, draft)");
            }
        }
        Object title = fields.get("title");
        if (!(title instanceof String t) || t.isBlank()) {
            throw new BuildException(new SourceLocation(display, title == null ? 1 : lineOfKey(yaml, "title")),
                    "front matter needs a non-empty 'title'", "add 'title: ...' between the '---' lines");
        }
        String description = stringField(fields, "description", yaml, display);
        if (description == null) {
            diagnostics.warn(new SourceLocation(display, 1), "no 'description' in front matter (used for the meta description)");
        }
        Integer order = null;
        Object rawOrder = fields.get("order");
        if (rawOrder != null) {
            if (!(rawOrder instanceof Integer i)) {
                throw new BuildException(new SourceLocation(display, lineOfKey(yaml, "order")),
                        "'order' must be a whole number, not '" + rawOrder + "'", "write e.g. 'order: 3'");
            }
            order = i;
        }
        boolean nav = booleanField(fields, "nav", true, yaml, display, "write 'nav: false' to hide the page from the sidebar");
        boolean draft = booleanField(fields, "draft", false, yaml, display, "write 'draft: true' to leave the page out unless built with --drafts");
        String template = stringField(fields, "template", yaml, display);
        return new FrontMatter(t(title), description, order, nav, template == null ? FrontMatter.DEFAULT_TEMPLATE : template, draft);
    }

    private static boolean booleanField(Map<String, Object> fields, String key, boolean absent, String yaml, String display, String fix) {
        Object value = fields.get(key);
        if (value == null) {
            return absent;
        }
        if (!(value instanceof Boolean b)) {
            throw new BuildException(new SourceLocation(display, lineOfKey(yaml, key)),
                    "'" + key + "' must be true or false, not '" + value + "'", fix);
        }
        return b;
    }

    private static String t(Object title) {
        return ((String) title).strip();
    }

    private static String stringField(Map<String, Object> fields, String key, String yaml, String display) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new BuildException(new SourceLocation(display, lineOfKey(yaml, key)),
                    "'" + key + "' must be text, not '" + value + "'", "quote the value");
        }
        return s.strip();
    }

    /** The file line of a top-level key (the front matter starts on line 2). */
    private static int lineOfKey(String yaml, String key) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 2;
            }
        }
        return 1;
    }
}
