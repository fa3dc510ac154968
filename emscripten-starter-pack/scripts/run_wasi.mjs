// Runs a WASI command module (one that exports _start) with Node's built-in WASI host.
// Usage: node emscripten-starter-pack/scripts/run_wasi.mjs FILE.wasm
// Node's WASI is for running modules you trust: its documentation warns that it does not
// isolate the file system and must not be relied on for untrusted code.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const file = process.argv[2];
// No preopens, no environment: the module gets stdin/stdout/stderr and its arguments only.
const wasi = new WASI({ version: 'preview1', args: [file], env: {} });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
