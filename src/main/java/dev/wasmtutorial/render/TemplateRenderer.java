package dev.wasmtutorial.render;

import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.Hashes;
import dev.wasmtutorial.config.SitePaths;
import dev.wasmtutorial.config.SourceTree;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.TextFiles;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Lays pages out with the Pebble templates in the templates folder ({@code NAME.peb}).
 * Strict variables (a typo in a template is an error, not an empty string) and HTML
 * auto-escaping; page bodies are marked safe with {@code |raw} in the templates.
 */
public final class TemplateRenderer {

    private static final String SUFFIX = ".peb";

    private final PebbleEngine engine;
    private final Path templatesDir;
    private final String templatesDisplay;
    /** Template names already checked to name a file (one build: a changed folder means a new renderer). */
    private final Set<String> found = ConcurrentHashMap.newKeySet();

    public TemplateRenderer(Path templatesDir, String templatesDisplay) {
        this.templatesDir = templatesDir;
        this.templatesDisplay = templatesDisplay;
        if (!Files.isDirectory(templatesDir)) {
            throw new BuildException(SourceLocation.of(templatesDisplay), "templates folder not found",
                    "pass --templates DIR or run from the project root");
        }
        checkEncoding(templatesDir, templatesDisplay);
        FileLoader loader = new FileLoader();
        loader.setPrefix(templatesDir.toAbsolutePath().toString());
        loader.setSuffix(SUFFIX);
        this.engine = new PebbleEngine.Builder()
                .loader(loader)
                .strictVariables(true)
                .autoEscaping(true)
                .addEscapingStrategy("html", MarkupEscaping::escape) // replaces Pebble's own: the same text, faster to start
                .newLineTrimming(true)
                .extension(new IncludeDepth())
                .build();
    }

    /**
     * @param template the template name from front matter ({@code page})
     * @param model    the variables
     * @param usedBy   the page that asked for it, for errors
     */
    public String render(String template, Map<String, Object> model, SourceLocation usedBy) {
        if (!found.contains(template) && !(template.matches("[A-Za-z0-9_-]+") && Files.isRegularFile(templatesDir.resolve(template + SUFFIX)))) {
            throw new BuildException(usedBy, "unknown template '" + template + "'",
                    "available templates: " + available());
        }
        found.add(template);
        PebbleTemplate compiled;
        try {
            compiled = engine.getTemplate(template);
        } catch (LoaderException e) {
            throw new BuildException(usedBy, "unknown template '" + template + "'", "available templates: " + available(), e);
        } catch (PebbleException e) {
            throw templateError(e, template);
        }
        StringWriter out = new StringWriter();
        try {
            compiled.evaluate(out, model);
        } catch (PebbleException e) {
            throw templateError(e, template);
        } catch (StackOverflowError | IncludeDepth.TooDeep e) {
            throw endlessRecursion(template);
        } catch (IOException e) {
            throw new BuildException(usedBy, "cannot render template: " + e.getMessage(), null, e);
        }
        return out.toString();
    }

    private BuildException endlessRecursion(String template) {
        var cycle = new TemplateCycles(templatesDir, SUFFIX).cycleFrom(template);
        if (cycle.isPresent()) {
            var chain = cycle.get();
            var last = chain.get(chain.size() - 1);
            StringBuilder path = new StringBuilder(chain.get(0).from());
            chain.forEach(edge -> path.append(" -> ").append(edge.to()));
            return new BuildException(TemplateCycles.locationOf(last, templatesDisplay, SUFFIX),
                    "template '" + last.from() + "' includes itself without end (" + path + ")",
                    "remove the include, or wrap it in a condition that becomes false");
        }
        var macros = new MacroCycles(templatesDir, SUFFIX).firstCycle();
        if (macros.isPresent()) {
            var chain = macros.get();
            String names = String.join(" -> ", chain.stream().map(MacroCycles.Macro::name).toList());
            return new BuildException(MacroCycles.locationOf(chain.get(0), templatesDisplay),
                    "macro '" + chain.get(0).name() + "' calls itself without end (" + names + ")",
                    "give the macro a condition that stops the recursion");
        }
        return new BuildException(SourceLocation.of(templatesDisplay + "/" + template + SUFFIX),
                "rendering template '" + template + "' recursed without end",
                "look for a macro or include that never stops");
    }

    private BuildException templateError(PebbleException e, String template) {
        String file = e.getFileName() == null ? template : Path.of(e.getFileName()).getFileName().toString();
        if (!file.endsWith(SUFFIX)) {
            file += SUFFIX;
        }
        int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
        String message = e.getPebbleMessage() == null ? e.getMessage() : e.getPebbleMessage();
        java.util.regex.Matcher end = UnclosedTag.UNEXPECTED_END.matcher(message);
        java.util.regex.Matcher endOfFile = UnclosedTag.END_OF_TEMPLATE.matcher(message);
        boolean midway = end.find() && line > 0;
        if (midway || endOfFile.find()) {
            try {
                List<String> lines = Files.readAllLines(templatesDir.resolve(file));
                var open = midway ? UnclosedTag.find(lines, line, end.group(1)) : UnclosedTag.openAtEnd(lines, endOfFile.group(1));
                if (open.isPresent()) {
                    String tag = open.get().tag();
                    String met = midway ? "Pebble met '{% " + end.group(1) + " %}' on line " + line + " first" : "the file ends first";
                    return new BuildException(new SourceLocation(templatesDisplay + "/" + file, open.get().line()),
                            "template error: '{% " + tag + " %}' is never closed (" + met + ")",
                            "add '{% end" + tag + " %}' where the " + tag + " should end", e);
                }
            } catch (IOException ignored) {
                // fall back to Pebble's own message
            }
        }
        return new BuildException(new SourceLocation(templatesDisplay + "/" + file, line),
                "template error: " + message, "fix the template; variables available to pages are listed in templates/README.md", e);
    }

    /**
     * A hash of every file in the templates folder (names and bytes): a page laid out with the
     * same fingerprint, model and body is the same page.
     */
    public String fingerprint() {
        MessageDigest digest = Hashes.sha256();
        for (Path file : SourceTree.files(templatesDir)) {
            Hashes.update(digest, SitePaths.slashes(templatesDir.relativize(file)));
            try {
                digest.update(Files.readAllBytes(file));
            } catch (IOException e) {
                Hashes.update(digest, "unreadable " + e.getMessage()); // rendering reports it
            }
        }
        return Hashes.hex(digest.digest());
    }

    /** Pebble would decode bad bytes silently; every template must be valid UTF-8, like the content. */
    private static void checkEncoding(Path templatesDir, String templatesDisplay) {
        try (Stream<Path> files = Files.list(templatesDir)) {
            for (Path template : files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                TextFiles.readUtf8(template, templatesDisplay + "/" + template.getFileName());
            }
        } catch (IOException e) {
            throw new BuildException(SourceLocation.of(templatesDisplay), "cannot list templates: " + e.getMessage(), null, e);
        }
    }

    private String available() {
        try (Stream<Path> files = Files.list(templatesDir)) {
            TreeSet<String> names = new TreeSet<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(SUFFIX) && !n.startsWith("_"))
                    .forEach(n -> names.add(n.substring(0, n.length() - SUFFIX.length())));
            return String.join(", ", names);
        } catch (IOException e) {
            return "(cannot list " + templatesDisplay + ")";
        }
    }
}
