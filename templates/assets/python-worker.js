// The page's one Python: Pyodide in a dedicated Worker, so a long or endless run never
// blocks the page. The Worker lives inside the sandboxed frame that python-frame.js runs in (an
// opaque origin: see python-runner.js), so it has no network path to the site either: it gets
// Pyodide's files as bytes in its first message and loads them from memory.
import { createSession } from './python-run.js';

// Pyodide asks for its files by URL under its indexURL. The page handed them over already, so
// that base is a name that never resolves: anything not in memory fails instead of leaving the frame.
const INDEX_URL = 'https://pyodide.invalid/';
let session = null;

// A classic Worker (see python-frame.js) still has importScripts; Pyodide refuses to load where a
// call to it succeeds, and nothing here needs it, so it is taken away before Pyodide looks.
self.importScripts = () => {
  throw new TypeError('importScripts is not available in the Python sandbox');
};

const moduleUrl = (bytes) => URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));

/**
 * Answers Pyodide's fetches of its own files from memory (the wasm with its MIME type, so it is
 * compiled while it streams in); any other URL goes to the real fetch.
 */
function fetchFromMemory(realFetch, files) {
  const types = { 'pyodide.asm.wasm': 'application/wasm', 'pyodide-lock.json': 'application/json' };
  return (input, init) => {
    const url = String(typeof input === 'string' || input instanceof URL ? input : input.url);
    const name = url.startsWith(INDEX_URL) ? url.slice(INDEX_URL.length) : null;
    if (name !== null && Object.prototype.hasOwnProperty.call(files, name)) {
      return Promise.resolve(new Response(files[name], { headers: { 'content-type': types[name] || 'application/octet-stream' } }));
    }
    return realFetch(input, init);
  };
}

async function load(files, stopping) {
  const started = performance.now();
  const { loadPyodide } = await import(moduleUrl(files['pyodide.mjs']));
  const createPyodideModule = (await import(moduleUrl(files['pyodide.asm.mjs']))).default;
  const realFetch = self.fetch;
  self.fetch = fetchFromMemory(realFetch.bind(self), files);
  let pyodide;
  try {
    pyodide = await loadPyodide({
      indexURL: INDEX_URL,
      createPyodideModule,
      lockFileContents: new TextDecoder().decode(files['pyodide-lock.json']),
      stdLibURL: INDEX_URL + 'python_stdlib.zip',
    });
  } finally {
    // Python's `js.fetch` must be the Worker's own fetch, not this one.
    self.fetch = realFetch;
  }
  if (stopping) {
    const interruptBuffer = new Uint8Array(stopping.interruptBuffer);
    pyodide.setInterruptBuffer(interruptBuffer);
    session = createSession(pyodide, { interruptBuffer, runToStop: new Int32Array(stopping.runToStop) });
  } else {
    session = createSession(pyodide);
  }
  postMessage({ type: 'ready', version: pyodide.version, loadMs: Math.round(performance.now() - started) });
}

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    try {
      await load(data.files, data.stopping);
    } catch (error) {
      postMessage({ type: 'failed', message: String(error && error.message || error) });
    }
  } else if (data.type === 'run') {
    const output = (stream, text) => postMessage({ type: 'output', id: data.id, stream, text });
    const display = (mime, content) => postMessage({ type: 'display', id: data.id, mime, data: content });
    try {
      const result = await session.run(data.request, output, data.id, display);
      postMessage({ type: 'done', id: data.id, result });
    } catch (error) {
      postMessage({ type: 'done', id: data.id, result: { status: 'failed', stdout: '', stderr: String(error), timings: {} } });
    }
  }
};
