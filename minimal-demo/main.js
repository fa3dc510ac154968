// Loads dist/add_and_log.wasm by hand: no Emscripten glue, just the WebAssembly JS API.
'use strict';

const resultEl = document.getElementById('result');
const runButton = document.getElementById('run');

if (location.protocol === 'file:') {
  // fetch() of a local file is blocked by the browser; say why instead of failing silently.
  document.getElementById('file-warning').hidden = false;
  runButton.disabled = true;
}

// region: import-object
// What the module imports. The C declaration `extern void log_value(int)` became the import
// env.log_value, so the import object needs an `env` namespace with a `log_value` function.
const importObject = {
  env: {
    log_value: (value) => console.log('WASM says: ' + value),
  },
};
// endregion: import-object

// region: instantiate
async function loadModule() {
  const response = await fetch('dist/add_and_log.wasm');
  if (!response.ok) {
    throw new Error('could not fetch dist/add_and_log.wasm (HTTP ' + response.status + '); build it with scripts/build_add_and_log.sh');
  }
  // instantiateStreaming compiles while the bytes arrive; it needs the server to send
  // Content-Type: application/wasm. Fall back to an ArrayBuffer when a server does not.
  if (response.headers.get('Content-Type') === 'application/wasm') {
    return WebAssembly.instantiateStreaming(response, importObject);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), importObject);
}
// endregion: instantiate

let instancePromise = null;

runButton.addEventListener('click', async () => {
  try {
    instancePromise = instancePromise || loadModule();
    const { instance } = await instancePromise;
    // If the module exports _initialize (a "reactor"), run it once before other calls.
    if (instance.exports._initialize && !runButton.dataset.initialized) {
      instance.exports._initialize();
      runButton.dataset.initialized = 'yes';
    }
    // region: call
    const result = instance.exports.add_and_log(5, 7);
    resultEl.textContent = 'Result: ' + result;
    // endregion: call
  } catch (error) {
    instancePromise = null;
    resultEl.textContent = 'Error: ' + error.message;
    console.error(error);
  }
});
