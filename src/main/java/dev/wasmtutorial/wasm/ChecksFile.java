package dev.wasmtutorial.wasm;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * A demo's {@code wasm-checks.yaml}: how to build it and what each of its modules must do when run.
 *
 * @param build   the build script, relative to the demo folder (run with bash)
 * @param modules every module the demo publishes
 */
public record ChecksFile(String build, List<ModuleChecks> modules) {

    public static final int DEFAULT_TIMEOUT_MS = 2000;
    /** 256 pages of 64 KiB = 16 MiB, Emscripten's default fixed memory. */
    public static final int DEFAULT_MAX_MEMORY_PAGES = 256;

    /**
     * @param file           the module, relative to the demo folder
     * @param timeoutMs      wall-clock limit per check; a module still running is interrupted and fails
     * @param maxMemoryPages memory cap; a module that declares or grows past it fails
     * @param record         imports (module.name) answered by a stub that records its arguments and returns 0,
     *                       standing in for the JavaScript functions the page provides
     * @param checks         calls to make and what they must produce
     */
    public record ModuleChecks(
            String file,
            @JsonProperty("timeout-ms") Integer timeoutMs,
            @JsonProperty("max-memory-pages") Integer maxMemoryPages,
            List<String> record,
            List<Check> checks) {

        public int timeoutOrDefault() {
            return timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
        }

        public int maxPagesOrDefault() {
            return maxMemoryPages == null ? DEFAULT_MAX_MEMORY_PAGES : maxMemoryPages;
        }

        public List<String> recordOrEmpty() {
            return record == null ? List.of() : record;
        }
    }

    /**
     * @param name          what the check proves, for messages
     * @param call          the exported function to call (after {@code _initialize} or {@code __wasm_call_ctors})
     * @param args          its arguments (integers)
     * @param returns       the expected result, or null to ignore it
     * @param stdout        the exact text the call must write to stdout, or null to ignore it
     * @param importsCalled for each recorded import, the exact list of argument lists it must receive
     * @param memory        data passed in and read back through linear memory, or null
     */
    public record Check(
            String name,
            String call,
            List<Long> args,
            Long returns,
            String stdout,
            @JsonProperty("imports-called") Map<String, List<List<Long>>> importsCalled,
            MemoryCheck memory) {

        public Check(String name, String call, List<Long> args, Long returns, String stdout, Map<String, List<List<Long>>> importsCalled) {
            this(name, call, args, returns, stdout, importsCalled, null);
        }

        public List<Long> argsOrEmpty() {
            return args == null ? List.of() : args;
        }
    }
}
