// Two ways to use Emscripten output: a bare exported function, and a program run by its JS glue.
'use strict';

const onFile = location.protocol === 'file:';
if (onFile) {
  document.getElementById('file-warning').hidden = false;
}

// 1. hello_export.wasm: no imports, so an empty import object is enough.
const addResult = document.getElementById('add-result');
const exportsPromise = (async () => {
  const response = await fetch('../dist/hello_export.wasm');
  if (!response.ok) {
    throw new Error('could not fetch ../dist/hello_export.wasm (HTTP ' + response.status + '); run scripts/build.sh');
  }
  // instantiateStreaming needs Content-Type: application/wasm; a server that sends another
  // type (some static servers do) gets the slower path through an ArrayBuffer instead.
  const { instance } = response.headers.get('Content-Type') === 'application/wasm'
    ? await WebAssembly.instantiateStreaming(response, {})
    : await WebAssembly.instantiate(await response.arrayBuffer(), {});
  return instance.exports;
})();

exportsPromise.then((exports) => {
  addResult.textContent = 'add(2, 3) = ' + exports.add(2, 3);
}, (error) => {
  addResult.textContent = 'Error: ' + error.message;
});

document.getElementById('add-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const a = Number(document.getElementById('a').value);
  const b = Number(document.getElementById('b').value);
  try {
    const exports = await exportsPromise;
    // JavaScript numbers are converted to i32 on the way in (ToInt32), and the sum wraps.
    addResult.textContent = 'add(' + a + ', ' + b + ') = ' + exports.add(a, b);
  } catch (error) {
    addResult.textContent = 'Error: ' + error.message;
  }
});

// 2. hello_stdio.js: the glue reads its settings from a global `Module` object, if one exists
// before it runs. print receives each line main() writes to stdout.
const stdout = document.getElementById('stdout');
window.Module = {
  print: (line) => {
    stdout.textContent += line + '\n';
    console.log(line);
  },
  printErr: (line) => console.warn(line),
};
if (!onFile) {
  const glue = document.createElement('script');
  glue.src = '../dist/hello_stdio.js'; // the glue finds hello_stdio.wasm beside itself
  glue.onerror = () => { stdout.textContent = 'Error: could not load ../dist/hello_stdio.js; run scripts/build.sh'; };
  document.body.appendChild(glue);
}
