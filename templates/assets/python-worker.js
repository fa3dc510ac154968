// The page's one Python: Pyodide in a dedicated module Worker, so a long or endless run never
// blocks the page. Loaded by python-runner.js on the first Run. Pyodide is served by this site
// (assets/pyodide/, copied from the npm package by the front-end build): no other origin.
import { createSession } from './python-run.js';

// Sizes of Pyodide's files, filled in by the front-end build (for the progress bar).
const FILES = typeof __PYODIDE_FILES__ === 'undefined' ? {} : __PYODIDE_FILES__;
const indexURL = new URL('pyodide/', import.meta.url).href;
let session = null;

/**
 * While Pyodide loads, count the bytes of its files as they arrive and report them. The count
 * reads a clone: the original response goes to Pyodide untouched, so the browser can still use
 * its cached compilation of the .wasm (a re-wrapped response has no URL and is compiled afresh).
 */
function countingFetch(realFetch, report) {
  return async (input, init) => {
    const response = await realFetch(input, init);
    const url = typeof input === 'string' ? input : input.url;
    if (response.body && String(url).startsWith(indexURL)) {
      const reader = response.clone().body.getReader();
      const pump = () => reader.read().then(({ done, value }) => {
        if (!done) {
          report(value.byteLength);
          pump();
        }
      }, () => { /* the original stream reports the error */ });
      pump();
    }
    return response;
  };
}

async function load(stopping) {
  const started = performance.now();
  const total = Object.values(FILES).reduce((sum, size) => sum + size, 0);
  let loaded = 0;
  const report = (bytes) => {
    loaded += bytes;
    postMessage({ type: 'progress', loaded: Math.min(loaded, total), total });
  };
  const realFetch = self.fetch;
  self.fetch = countingFetch(realFetch.bind(self), report);
  let pyodide;
  try {
    const { loadPyodide } = await import(indexURL + 'pyodide.mjs');
    pyodide = await loadPyodide({ indexURL });
  } finally {
    // Python's `js.fetch` must be the Worker's own fetch, not this counter.
    self.fetch = realFetch;
  }
  if (stopping) {
    const interruptBuffer = new Uint8Array(stopping.interruptBuffer);
    pyodide.setInterruptBuffer(interruptBuffer);
    session = createSession(pyodide, { interruptBuffer, runToStop: new Int32Array(stopping.runToStop) });
  } else {
    session = createSession(pyodide);
  }
  postMessage({ type: 'progress', loaded: total, total });
  postMessage({ type: 'ready', version: pyodide.version, loadMs: Math.round(performance.now() - started) });
}

self.onmessage = async ({ data }) => {
  if (data.type === 'init') {
    try {
      await load(data.stopping);
    } catch (error) {
      postMessage({ type: 'failed', message: String(error && error.message || error) });
    }
  } else if (data.type === 'run') {
    const output = (stream, text) => postMessage({ type: 'output', id: data.id, stream, text });
    try {
      const result = await session.run(data.request, output, data.id);
      postMessage({ type: 'done', id: data.id, result });
    } catch (error) {
      postMessage({ type: 'done', id: data.id, result: { status: 'failed', stdout: '', stderr: String(error), timings: {} } });
    }
  }
};
