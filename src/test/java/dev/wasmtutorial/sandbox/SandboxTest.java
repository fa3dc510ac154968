package dev.wasmtutorial.sandbox;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's policy, one rule at a time, on the modules in src/test/resources/wasm. */
class SandboxTest {

    private static final Sandbox SANDBOX = new Sandbox(2);

    @AfterAll
    static void close() {
        SANDBOX.close();
    }

    private static WasmModule module(String name) throws Exception {
        return Parser.parse(Files.readAllBytes(Path.of("src/test/resources/wasm/" + name)));
    }

    private static Outcome run(String name, RunSpec.Entry entry, RunSpec.Limits limits, RunListener listener) throws Exception {
        return SANDBOX.run(new RunSpec(module(name), entry, limits, List.of()), listener);
    }

    private static final RunSpec.Limits LIMITS = new RunSpec.Limits(2000, 16, 1024);
    private static final RunSpec.Command NO_INPUT = new RunSpec.Command("", List.of(), Map.of());

    @Test
    void aCommandsOutputIsStreamedAndCollected() throws Exception {
        List<String> chunks = new ArrayList<>();
        Outcome o = run("wasi_print.wasm", NO_INPUT, LIMITS, (channel, text) -> chunks.add(channel + ":" + text));
        assertThat(o.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(o.exitCode()).isZero();
        assertThat(o.stdout()).isEqualTo("hi from wasm\n");
        assertThat(chunks).containsExactly("STDOUT:hi from wasm\n");
    }

    @Test
    void argumentsMustBeValuesOfTheirParameterTypes() {
        assertThat(Sandbox.fits(5L, com.dylibso.chicory.wasm.types.ValType.I32)).isTrue();
        assertThat(Sandbox.fits(-2147483648L, com.dylibso.chicory.wasm.types.ValType.I32)).isTrue();
        assertThat(Sandbox.fits(4294967295L, com.dylibso.chicory.wasm.types.ValType.I32)).isTrue(); // unsigned view
        assertThat(Sandbox.fits(4294967296L, com.dylibso.chicory.wasm.types.ValType.I32)).isFalse();
        assertThat(Sandbox.fits(2.7, com.dylibso.chicory.wasm.types.ValType.I32)).isFalse();
        assertThat(Sandbox.fits(3.0, com.dylibso.chicory.wasm.types.ValType.I32)).isTrue();
        assertThat(Sandbox.fits(1e300, com.dylibso.chicory.wasm.types.ValType.I64)).isFalse();
        assertThat(Sandbox.fits(2.7, com.dylibso.chicory.wasm.types.ValType.F64)).isTrue();
    }

    /** An export that calls proc_exit ended the program: an exit code (failed when not 0), not a return value. */
    @Test
    void anExportThatExitsReportsItsExitCode() throws Exception {
        Outcome o = run("export_exits.wasm", new RunSpec.Call("f", List.of()), LIMITS, RunListener.NONE);
        assertThat(o.status()).isEqualTo(Outcome.Status.FAILED);
        assertThat(o.exitCode()).isEqualTo(3);
        assertThat(o.result()).isEmpty();
    }

    @Test
    void outputPastTheCapIsCutAndStopsTheRun() throws Exception {
        Outcome o = run("wasi_print.wasm", NO_INPUT, new RunSpec.Limits(2000, 16, 5), RunListener.NONE);
        assertThat(o.status()).isEqualTo(Outcome.Status.OUTPUT_LIMIT);
        assertThat(o.stdout()).isEqualTo("hi fr");
        assertThat(o.stdoutTruncated()).isTrue();
        assertThat(o.stderrTruncated()).isFalse();
    }

    @Test
    void importsBeyondWasiAreRefusedBeforeRunningUnlessRecorded() throws Exception {
        RunSpec.Call call = new RunSpec.Call("add_and_log", List.of(5, 7));
        Outcome refused = run("add_and_log.wasm", call, LIMITS, RunListener.NONE);
        assertThat(refused.status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(refused.message()).isEqualTo("it imports env.log_value (i32) -> nil, which no host provides");

        Outcome recorded = SANDBOX.run(new RunSpec(module("add_and_log.wasm"), call, LIMITS, List.of("env.log_value")), RunListener.NONE);
        assertThat(recorded.result()).containsExactly(12L);
        assertThat(recorded.calls()).containsEntry("env.log_value", List.of(List.of(12L)));
    }

    @Test
    void theDeadlineAnswersOnTimeAndFreesTheWorker() throws Exception {
        long start = System.nanoTime();
        Outcome o = run("endless_loop.wasm", new RunSpec.Call("spin", List.of()), new RunSpec.Limits(200, 16, 1024), RunListener.NONE);
        assertThat(o.status()).isEqualTo(Outcome.Status.TIMED_OUT);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        // Both workers are usable again: two runs at once still finish.
        assertThat(run("add.wasm", new RunSpec.Call("add", List.of(2, 3)), LIMITS, RunListener.NONE).result()).containsExactly(5L);
    }

    @Test
    void memoryIsHeldToTheCapWhetherDeclaredOrGrown() throws Exception {
        Outcome declared = run("huge_memory.wasm", new RunSpec.Call("noop", List.of()), LIMITS, RunListener.NONE);
        assertThat(declared.status()).isEqualTo(Outcome.Status.REJECTED);
        assertThat(declared.rejection().found()).isEqualTo("the module declares 300 initial pages");

        Outcome grown = run("grow_memory.wasm", new RunSpec.Call("grow", List.of()), new RunSpec.Limits(2000, 4, 1024), RunListener.NONE);
        assertThat(grown.status()).isEqualTo(Outcome.Status.MEMORY_LIMIT);
        assertThat(grown.message()).isEqualTo("tried to grow memory to 11 pages (cap 4)");
    }

    @Test
    void filesLiveInAnInMemoryDataDirectory() throws Exception {
        Outcome o = run("wasi_files.wasm", new RunSpec.Command("", List.of(), Map.of("in.txt", "given\n")), LIMITS, RunListener.NONE);
        assertThat(o.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(o.stdout()).isEqualTo("given\n");
        assertThat(o.files()).containsExactly(Map.entry("out.txt", "written\n"));
    }
}
