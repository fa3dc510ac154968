// Prints a module's imports, one "module.name" per line, with Node's WebAssembly API.
// Usage: node emscripten-starter-pack/scripts/list_imports.mjs FILE.wasm
import { readFile } from 'node:fs/promises';

const module = new WebAssembly.Module(await readFile(process.argv[2]));
for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
  console.log(`${from}.${name} (${kind})`);
}
