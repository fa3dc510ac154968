package dev.wasmtutorial.wasm;

import dev.wasmtutorial.config.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validation results kept between the rebuilds of {@code serve --watch}: a module is run again
 * only when its bytes or its declared checks changed. Only passing modules are kept.
 */
public final class ValidationCache {

    /** A module's outcome, and whether it was reused rather than run. */
    record Result(ModuleValidator.Outcome outcome, boolean reused) {
    }

    private final Map<String, ModuleValidator.Outcome> passed = new ConcurrentHashMap<>();
    private int validated;

    Result validate(ModuleValidator validator, Path wasm, String display, ChecksFile.ModuleChecks spec)
            throws ValidationFailure {
        String key;
        try {
            key = display + "\0" + spec + "\0" + Hashes.sha256Hex(Files.readAllBytes(wasm));
        } catch (IOException e) {
            return new Result(validator.validate(wasm, display, spec), false); // reports the unreadable module properly
        }
        ModuleValidator.Outcome cached = passed.get(key);
        if (cached != null) {
            return new Result(cached, true);
        }
        ModuleValidator.Outcome outcome = validator.validate(wasm, display, spec);
        synchronized (this) {
            validated++;
        }
        passed.put(key, outcome);
        return new Result(outcome, false);
    }

    /** Modules run (not reused) since the last call. */
    public synchronized int takeValidatedCount() {
        int n = validated;
        validated = 0;
        return n;
    }
}
