package dev.wasmtutorial.render;

import dev.wasmtutorial.config.SourceLocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the include/extends/embed/import chain by which a template reaches itself, to name the
 * file and line when rendering it overflowed the stack or nested more includes than
 * {@link IncludeDepth} allows. Only consulted then: a guarded recursive include is legitimate, so
 * this is a diagnosis, not a rule.
 */
final class TemplateCycles {

    private static final Pattern REFERENCE = Pattern.compile("\\{%-?\\s*(?:include|extends|embed|import|from)\\s+[\"']([^\"']+)[\"']");

    /** A reference from one template's line to another template. */
    record Edge(String from, int line, String to) {
    }

    private final Path templatesDir;
    private final String suffix;

    TemplateCycles(Path templatesDir, String suffix) {
        this.templatesDir = templatesDir;
        this.suffix = suffix;
    }

    /** The chain from {@code start} back to a template already on it (e.g. page → base → base), if any. */
    Optional<List<Edge>> cycleFrom(String start) {
        return search(start, new ArrayList<>(), new HashSet<>());
    }

    private Optional<List<Edge>> search(String template, List<Edge> path, Set<String> done) {
        for (Edge edge : references(template)) {
            List<Edge> next = new ArrayList<>(path);
            next.add(edge);
            // The templates on the chain so far: where it started, and each one it reached.
            boolean onPath = edge.to().equals(next.get(0).from()) || path.stream().anyMatch(e -> e.to().equals(edge.to()));
            if (onPath) {
                return Optional.of(next);
            }
            if (done.add(edge.to())) {
                Optional<List<Edge>> found = search(edge.to(), next, done);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private List<Edge> references(String template) {
        List<Edge> edges = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(templatesDir.resolve(template + suffix));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = REFERENCE.matcher(lines.get(i));
                while (m.find()) {
                    String to = m.group(1).endsWith(suffix) ? m.group(1).substring(0, m.group(1).length() - suffix.length()) : m.group(1);
                    edges.add(new Edge(template, i + 1, to));
                }
            }
        } catch (IOException e) {
            // a template that cannot be read has no references we can follow
        }
        return edges;
    }

    static SourceLocation locationOf(Edge edge, String templatesDisplay, String suffix) {
        return new SourceLocation(templatesDisplay + "/" + edge.from() + suffix, edge.line());
    }
}
