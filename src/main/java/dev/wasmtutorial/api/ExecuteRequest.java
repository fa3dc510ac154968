package dev.wasmtutorial.api;

import dev.wasmtutorial.sandbox.RunSpec;

import java.util.List;
import java.util.Map;

/**
 * A validated {@code POST /execute} body.
 *
 * @param language    what the code is
 * @param code        Python or C source, or the base64 text as sent
 * @param module      the module's bytes for "wasm", null for "c"
 * @param call        for "wasm": the export to call instead of {@code _start}, or null
 * @param stdin       standard input
 * @param args        argv after the program name
 * @param files       name → text in the data directory
 * @param limits      the run's limits, already capped by the server's maxima
 */
record ExecuteRequest(Language language, String code, byte[] module, RunSpec.Call call, String stdin, List<String> args,
                      Map<String, String> files, RunSpec.Limits limits) {
}
