package dev.wasmtutorial.wasm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wasmtutorial.config.BuildException;
import dev.wasmtutorial.config.SourceLocation;
import dev.wasmtutorial.content.TextFiles;

import java.nio.file.Path;

/** Reads a {@code wasm-checks.yaml}; unknown fields and missing required ones are errors with a line number. */
public final class ChecksFileParser {

    public static final String FILE_NAME = "wasm-checks.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ChecksFileParser() {
    }

    private static int lineOf(String text, String needle, int fallback) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith(needle) || lines[i].strip().startsWith("- " + needle)) {
                return i + 1;
            }
        }
        return fallback;
    }

    public static ChecksFile parse(Path file, String display) {
        String text = TextFiles.readUtf8(file, display);
        ChecksFile checks;
        try {
            checks = YAML.readValue(text, ChecksFile.class);
        } catch (PropertyBindingException e) {
            // Jackson points past the offending key; name the key's own line.
            int line = lineOf(text, e.getPropertyName() + ":", e.getLocation() == null ? 0 : e.getLocation().getLineNr());
            throw new BuildException(new SourceLocation(display, line),
                    "invalid checks file: unknown field '" + e.getPropertyName() + "' (known: " + e.getKnownPropertyIds() + ")",
                    "see the fields documented at the top of minimal-demo/" + FILE_NAME);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BuildException(new SourceLocation(display, line),
                    "invalid checks file: " + e.getOriginalMessage().lines().findFirst().orElse(""),
                    "see the fields documented at the top of minimal-demo/" + FILE_NAME);
        }
        if (checks == null || checks.modules() == null || checks.modules().isEmpty()) {
            throw new BuildException(SourceLocation.of(display), "no modules listed", "add a 'modules:' list");
        }
        for (ChecksFile.ModuleChecks module : checks.modules()) {
            if (module.file() == null) {
                throw new BuildException(SourceLocation.of(display), "a module entry has no 'file'", "add 'file: dist/NAME.wasm'");
            }
            if (module.checks() == null || module.checks().isEmpty()) {
                throw new BuildException(SourceLocation.of(display), "module " + module.file() + " has no checks",
                        "every published module must be run: add at least one check");
            }
            for (ChecksFile.Check check : module.checks()) {
                if (check.call() == null || check.name() == null) {
                    throw new BuildException(SourceLocation.of(display), "a check of " + module.file() + " lacks 'name' or 'call'", null);
                }
                if (check.memory() != null && check.memory().problem() != null) {
                    throw new BuildException(SourceLocation.of(display), "check '" + check.name() + "': memory " + check.memory().problem(),
                            "see the field list at the top of minimal-demo/wasm-checks.yaml");
                }
            }
        }
        return checks;
    }
}
