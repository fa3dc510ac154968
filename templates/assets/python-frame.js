// Runs inside the page's sandboxed Python frame (see python-runner.js): an opaque origin, so
// nothing here, and nothing in the Worker it starts, can open the site's caches, storage or
// cookies, reach its DOM, or fetch from it as the reader. This module only relays: the page's
// requests to the Worker, the Worker's answers (checked) back to the page, and Stop.
//
// The page boots it with the Worker's script and Pyodide's files as bytes, so the frame needs
// nothing from the network (a sandboxed frame's requests bypass the site's service worker).

/** The Worker's messages the page understands, with the type of each field. */
const WORKER_MESSAGES = {
  ready: { version: 'string', loadMs: 'number' },
  failed: { message: 'string' },
  output: { id: 'number', stream: 'string', text: 'string' },
  display: { id: 'number', mime: 'string', data: 'string' },
  done: { id: 'number', result: 'object' },
};

/** A copy of a Worker message holding only the fields its type has, or null if it is not one. */
export function checkedWorkerMessage(data) {
  const fields = data && typeof data === 'object' && Object.prototype.hasOwnProperty.call(WORKER_MESSAGES, data.type)
    ? WORKER_MESSAGES[data.type] : null;
  if (!fields) return null;
  const copy = { type: data.type };
  for (const [name, type] of Object.entries(fields)) {
    if (typeof data[name] !== type || data[name] === null) return null;
    copy[name] = data[name];
  }
  return copy;
}

export function start({ worker: workerScript, files }) {
  const interruptible = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
  const workerUrl = URL.createObjectURL(new Blob([workerScript], { type: 'text/javascript' }));
  let worker = null;
  let interruptBuffer = null;
  let runToStop = null;
  const toPage = (message) => parent.postMessage(message, '*');

  function startWorker() {
    // Classic, not a module: Chromium refuses a module Worker from an opaque origin's blob: URL.
    worker = new Worker(workerUrl, { name: 'python' });
    interruptBuffer = interruptible ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    runToStop = interruptible ? new Int32Array(new SharedArrayBuffer(4)) : null;
    worker.onmessage = ({ data }) => {
      const message = checkedWorkerMessage(data);
      if (message) toPage(message);
    };
    worker.onerror = (event) => toPage({ type: 'failed', message: 'the Python worker failed: ' + (event.message || 'no reason given') });
    // Copies, not transfers: a restarted Worker needs the files again.
    worker.postMessage({ type: 'init', files, stopping: interruptible ? { interruptBuffer: interruptBuffer.buffer, runToStop: runToStop.buffer } : null });
  }

  addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== parent || !data || typeof data !== 'object') return;
    if (data.type === 'init') startWorker();
    else if (data.type === 'run' && worker && Number.isInteger(data.id)) {
      if (interruptBuffer) interruptBuffer[0] = 0;
      worker.postMessage({ type: 'run', id: data.id, request: data.request });
    } else if (data.type === 'stop' && interruptBuffer && Number.isInteger(data.id)) {
      // Which run, then 2 = SIGINT: Python raises KeyboardInterrupt in that run's code.
      Atomics.store(runToStop, 0, data.id);
      Atomics.store(interruptBuffer, 0, 2);
    } else if (data.type === 'terminate' && worker) {
      worker.terminate();
      worker = null;
    }
  });
  toPage({ type: 'booted', interruptible });
}
