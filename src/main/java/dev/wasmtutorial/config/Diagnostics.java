package dev.wasmtutorial.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects warnings from every stage (thread-safe: pages render in parallel).
 * In strict mode the build fails when any were reported, after all of them are printed.
 */
public final class Diagnostics {

    public record Warning(SourceLocation location, String message) {
        @Override
        public String toString() {
            return (location != null ? location + ": " : "") + "warning: " + message;
        }
    }

    private final List<Warning> warnings = new ArrayList<>();

    public synchronized void warn(SourceLocation location, String message) {
        warnings.add(new Warning(location, message));
    }

    public synchronized void addAll(List<Warning> more) {
        warnings.addAll(more);
    }

    /** Warnings in a stable order (by file, line, text), so output does not depend on thread timing. */
    public synchronized List<Warning> warnings() {
        List<Warning> sorted = new ArrayList<>(warnings);
        sorted.sort(Comparator.comparing((Warning w) -> w.location() == null ? "" : w.location().file())
                .thenComparingInt(w -> w.location() == null ? 0 : w.location().line())
                .thenComparing(Warning::message));
        return sorted;
    }

    public synchronized boolean isEmpty() {
        return warnings.isEmpty();
    }
}
