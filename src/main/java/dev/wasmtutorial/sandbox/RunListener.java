package dev.wasmtutorial.sandbox;

/** Hears a run's output as it is produced (for streaming); called on the run's thread. */
@FunctionalInterface
public interface RunListener {

    enum Channel { STDOUT, STDERR }

    RunListener NONE = (channel, text) -> { };

    void output(Channel channel, String text);
}
