package dev.wasmtutorial.wasm;

import dev.wasmtutorial.config.Hashes;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Proves a module works before it is published: parse (and so validate) it with Chicory, then
 * run each declared check on a fresh instance. The first failing check stops validation.
 */
public final class ModuleValidator {

    /** A passed module: its report and how long validation took (kept out of the report). */
    public record Outcome(ModuleReport report, long millis) {
    }

    public Outcome validate(Path wasmFile, String moduleName, ChecksFile.ModuleChecks spec) throws ValidationFailure {
        long start = System.nanoTime();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wasmFile);
        } catch (IOException e) {
            throw new ValidationFailure(moduleName, "read module", "a readable .wasm file", "cannot read it: " + e.getMessage()
                    + " (did the demo's build script run?)");
        }
        WasmModule module;
        try {
            module = Parser.parse(bytes);
        } catch (ChicoryException e) {
            throw new ValidationFailure(moduleName, "parse module", "a valid WebAssembly module",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        ModuleShape shape = ModuleShape.of(module);
        CheckRunner runner = new CheckRunner(module, moduleName, spec);
        List<ModuleReport.CheckResult> results = new ArrayList<>();
        for (ChecksFile.Check check : spec.checks()) {
            results.add(runner.run(check));
        }
        ModuleReport report = new ModuleReport(moduleName, bytes.length, Hashes.sha256Hex(bytes), shape.memoryInitialPages(),
                shape.memoryMaxPages(), shape.imports(), shape.exports(), List.copyOf(results), "pass");
        return new Outcome(report, (System.nanoTime() - start) / 1_000_000);
    }
}
