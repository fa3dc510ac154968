package dev.wasmtutorial.sandbox;

import com.dylibso.chicory.wasm.WasmModule;

import java.util.List;
import java.util.Map;

/**
 * One run for the {@link Sandbox}: which module, how to enter it, what it may see, and its limits.
 *
 * @param module   the parsed (and so validated) module
 * @param entry    a WASI command or a call of one export
 * @param limits   wall clock, memory and output caps
 * @param recorded imports (module.name) answered by a stub that records its arguments and returns
 *                 zeros: the JavaScript callbacks a demo page supplies. Empty for untrusted code.
 */
public record RunSpec(WasmModule module, Entry entry, Limits limits, List<String> recorded) {

    public RunSpec {
        recorded = List.copyOf(recorded);
    }

    /** How the run starts. */
    public sealed interface Entry permits Command, Call {
    }

    /**
     * Run {@code _start} as a WASI command.
     *
     * @param stdin what the program reads from standard input
     * @param args  argv after the program name
     * @param files text files in the pre-opened in-memory directory {@link Sandbox#DATA_DIR}
     */
    public record Command(String stdin, List<String> args, Map<String, String> files) implements Entry {
        public Command {
            stdin = stdin == null ? "" : stdin;
            args = args == null ? List.of() : List.copyOf(args);
            files = files == null ? Map.of() : Map.copyOf(files);
        }
    }

    /**
     * Run the module's initializer ({@code _initialize} or {@code __wasm_call_ctors}), then call
     * one export with numeric arguments. A WASI command's {@code _start} that ends in
     * {@code proc_exit} returns the exit status as its result.
     *
     * @param hook work on the instance around the call, or null
     */
    public record Call(String export, List<Number> args, CallHook hook) implements Entry {
        public Call {
            args = List.copyOf(args);
        }

        public Call(String export, List<Number> args) {
            this(export, args, null);
        }
    }

    /**
     * @param timeMs      wall clock from the moment the run starts (queueing excluded)
     * @param memoryPages linear memory cap in 64 KiB pages (declared or grown)
     * @param outputBytes stdout + stderr together
     */
    public record Limits(long timeMs, int memoryPages, long outputBytes) {
    }
}
