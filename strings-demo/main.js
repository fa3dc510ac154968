// Strings through linear memory, twice: by hand with TextEncoder/TextDecoder and an exported
// allocator, then through Emscripten's glue (ccall/cwrap) created by a factory function.
'use strict';

const input = document.getElementById('text');
const handResult = document.getElementById('hand-result');
const glueResult = document.getElementById('glue-result');
const printed = document.getElementById('printed');

if (location.protocol === 'file:') {
  document.getElementById('file-warning').hidden = false;
}

// region: load
// dist/shout.wasm has no imports: the allocator and the C code are all inside the module.
async function loadStandalone() {
  const response = await fetch('dist/shout.wasm');
  if (!response.ok) {
    throw new Error('could not fetch dist/shout.wasm (HTTP ' + response.status + '); run scripts/build.sh');
  }
  const { instance } = response.headers.get('Content-Type') === 'application/wasm'
    ? await WebAssembly.instantiateStreaming(response, {})
    : await WebAssembly.instantiate(await response.arrayBuffer(), {});
  instance.exports._initialize(); // a --no-entry build is a reactor: initialise once
  return instance.exports;
}
// endregion: load

// region: by-hand
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function shoutByHand(wasm, text) {
  const bytes = encoder.encode(text); // UTF-8
  const inPtr = wasm.malloc(bytes.length);
  if (inPtr === 0) throw new Error('malloc failed');
  try {
    // Make the view after malloc: if memory grew, older views of the buffer are detached.
    new Uint8Array(wasm.memory.buffer, inPtr, bytes.length).set(bytes);
    const outPtr = wasm.shout(inPtr, bytes.length);
    if (outPtr === 0) throw new Error('shout returned NULL');
    try {
      // shout writes exactly as many bytes as it read.
      return decoder.decode(new Uint8Array(wasm.memory.buffer, outPtr, bytes.length));
    } finally {
      wasm.free(outPtr);
    }
  } finally {
    wasm.free(inPtr);
  }
}
// endregion: by-hand

// region: factory
// createShoutModule comes from dist/shout_glue.js (built with MODULARIZE). Settings go in as an
// argument, not a global Module object: print receives each line the C code writes to stdout.
function loadWithGlue() {
  return createShoutModule({
    print: (line) => { printed.textContent += line + '\n'; },
    printErr: (line) => console.warn(line),
  });
}
// endregion: factory

// region: cwrap
function shoutWithGlue(mod, text) {
  // 'string' arguments are copied into memory as NUL-terminated UTF-8 by the glue, on the C
  // stack, and released when the call returns. The result is a malloc'd pointer: read it, free it.
  const shoutCstr = mod.cwrap('shout_cstr', 'number', ['string']);
  const outPtr = shoutCstr(text);
  try {
    return mod.UTF8ToString(outPtr);
  } finally {
    mod._free(outPtr);
  }
}
// endregion: cwrap

let standalone = null;
let glued = null;

document.getElementById('shout-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const text = input.value;
  try {
    standalone = standalone || loadStandalone();
    handResult.textContent = shoutByHand(await standalone, text);
  } catch (error) {
    standalone = null;
    handResult.textContent = 'Error: ' + error.message;
  }
  try {
    glued = glued || loadWithGlue();
    const mod = await glued;
    glueResult.textContent = shoutWithGlue(mod, text);
    // region: ccall
    mod.ccall('shout_print', null, ['string'], [text]); // its printf arrives at print
    // endregion: ccall
  } catch (error) {
    glued = null;
    glueResult.textContent = 'Error: ' + error.message;
  }
});
