package dev.wasmtutorial.content;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.Diagnostics;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.config.Suggestions;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown file into YAML front matter and body, and checks the front matter's fields.
 * Line numbers in errors are those of the whole file, so an author can jump to them.
 */
public final class FrontMatterParser {

    private static final Set<String> KNOWN_KEYS = Set.of("title", "description", "order", "nav", "template", "draft");
    /** Made on first use (a holder class): a rebuild whose front matter is all remembered never starts the YAML parser. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** The front matter, the Markdown after it, and the 1-based line on which that Markdown starts. */
    public record Split(FrontMatter frontMatter, String body, int bodyLine) {
    }

    private final Diagnostics diagnostics;
    private final FrontMatterMemo memo;

    public FrontMatterParser(Diagnostics diagnostics) {
        this(diagnostics, FrontMatterMemo.NONE);
    }

    public FrontMatterParser(Diagnostics diagnostics, FrontMatterMemo memo) {
        this.diagnostics = diagnostics;
        this.memo = memo;
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
        String yamlText = yaml.toString();
        Map<String, Object> fields = memo.fields(yamlText, () -> readYaml(yamlText, display));
        FrontMatter frontMatter = toFrontMatter(fields, yamlText, display);

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
        rejectTabIndentation(yaml, display);
        try {
            Object value = Yaml.MAPPER.readValue(yaml, Object.class);
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
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.find()) {
                String key = duplicate.group(1);
                throw new BuildException(new SourceLocation(display, line),
                        "duplicate front matter key '" + key + "' (first on line " + lineOfKey(yaml, key) + ")",
                        "keep one of the two '" + key + ":' lines");
            }
            throw new BuildException(new SourceLocation(display, line),
                    "malformed front matter: " + e.getOriginalMessage().lines().findFirst().orElse("invalid YAML"),
                    "front matter is YAML: 'key: value', one per line; quote values that contain ': '");
        }
    }

    /** SnakeYAML's own message for a tab ("while scanning for the next token") hides the cause. */
    private static void rejectTabIndentation(String yaml, String display) {
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            if (indent.indexOf('\t') >= 0) {
                throw new BuildException(new SourceLocation(display, i + 2), "tab used for indentation in front matter",
                        "YAML allows only spaces for indentation; replace the tab with spaces");
            }
        }
    }

    private FrontMatter toFrontMatter(Map<String, Object> fields, String yaml, String display) {
        for (String key : fields.keySet()) {
            if (!KNOWN_KEYS.contains(key)) {
                String suggestion = closestKnownKey(key);
                diagnostics.warn(new SourceLocation(display, lineOfKey(yaml, key)), "unknown front matter field '" + key + "' "
                        + (suggestion != null ? "(did you mean '" + suggestion + "'?)" : "(known: title, description, order, nav, template, draft)"));
            }
        }
        Object title = fields.get("title");
        if (title == null) {
            String misspelt = fields.keySet().stream().filter(k -> "title".equals(closestKnownKey(k))).findFirst().orElse(null);
            if (misspelt != null) {
                throw new BuildException(new SourceLocation(display, lineOfKey(yaml, misspelt)),
                        "front matter needs a 'title'; found '" + misspelt + "'", "did you mean 'title'?");
            }
            throw new BuildException(new SourceLocation(display, 1), "front matter needs a non-empty 'title'",
                    "add 'title: ...' between the '---' lines");
        }
        if (!(title instanceof String t)) {
            throw new BuildException(new SourceLocation(display, lineOfKey(yaml, "title")),
                    "'title' must be text, not " + (title instanceof Map || title instanceof java.util.List ? "a YAML structure" : "'" + title + "'"),
                    "quote it: title: \"" + title + "\"");
        }
        if (t.isBlank()) {
            throw new BuildException(new SourceLocation(display, lineOfKey(yaml, "title")),
                    "front matter needs a non-empty 'title'", "write the page's title after 'title: '");
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

    /** The known key an unknown one is most likely a typo of (case or up to two edits), or null. */
    static String closestKnownKey(String key) {
        return Suggestions.closest(key, KNOWN_KEYS);
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
