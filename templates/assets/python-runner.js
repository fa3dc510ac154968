// Live Python examples: every [data-python-runner] element gets Run and Stop. One Pyodide per
// page, started on the first Run (nothing heavy on page load); the editor (CodeMirror) loads when
// the reader first clicks into the code.
//
// Containment: the code a reader runs (or pastes from an LLM) is untrusted. A Worker on the site's
// own origin could open the site's caches (and poison what the service worker serves), its
// IndexedDB and localStorage, and fetch its pages with the reader's cookies. So Python runs in a
// Worker inside a sandboxed frame without allow-same-origin: an opaque origin that owns no
// storage and that the site's server treats as another origin. The page and the frame talk only
// by postMessage, each checking where a message comes from and what it holds. The frame is an
// inline document (srcdoc), so it needs nothing from the network; the page fetches the frame's
// code, the Worker's and Pyodide's files (through the service worker: they work offline) and
// hands them over as bytes.
//
// Stopping: when the frame is cross-origin isolated (the page sends COOP/COEP and lets the frame
// share that), Stop writes to Pyodide's interrupt buffer (a SharedArrayBuffer the frame owns):
// Python raises KeyboardInterrupt, the interpreter and its globals survive. Otherwise the only way
// to stop a Worker busy in Python is to terminate it and start afresh.
import { checkedWorkerMessage } from './python-frame.js';

const WORKER = typeof __PYTHON_WORKER__ === 'undefined' ? 'python-worker.js' : __PYTHON_WORKER__;
const FRAME = typeof __PYTHON_FRAME__ === 'undefined' ? 'python-frame.js' : __PYTHON_FRAME__;
// Sizes of Pyodide's files, filled in by the front-end build (for the progress bar).
const PYODIDE_FILES = JSON.parse(typeof __PYODIDE_FILES__ === 'undefined' ? '{}' : __PYODIDE_FILES__);
// If Python does not react to the interrupt (e.g. blocked in time.sleep), terminate after this.
const INTERRUPT_GRACE_MS = 2000;
// How often a Stop is written again while Python has not answered it (see stop()).
const STOP_AGAIN_MS = 200;
// The result of a run stopped before Python was given it (e.g. while Python was still loading).
const CANCELLED = Object.freeze({ status: 'cancelled', stdout: '', stderr: '', timings: {} });

// The frame's only inline script: it waits for the page's boot message and imports the frame's
// code from the bytes in it. Its SHA-256 is in the site's Content-Security-Policy (script-src), so
// change both together (SecurityHeadersTest checks they match).
export const FRAME_LOADER = "addEventListener('message',function boot(e){if(e.source!==parent||!e.data||e.data.type!=='boot')return;"
  + "removeEventListener('message',boot);import(URL.createObjectURL(new Blob([e.data.frame],{type:'text/javascript'})))"
  + ".then(function(m){m.start(e.data)},function(x){parent.postMessage({type:'failed',message:String(x)},'*')})});"
  + "parent.postMessage({type:'loaded'},'*')";

/** Fetches a file of the site as bytes, reporting each chunk's size as it arrives. */
async function fetchBytes(url, report) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url.pathname.split('/').pop()} (HTTP ${response.status})`);
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    report(value.byteLength);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}

/**
 * The sandboxed frame that hosts Python's Worker, with the Worker's interface: postMessage,
 * onmessage, terminate. Made once per page; a restart replaces only the Worker inside it.
 */
class PythonFrame {
  constructor(onProgress) {
    this.onmessage = () => {};
    this.interruptible = false;
    this.booted = this.boot(onProgress);
  }

  async boot(onProgress) {
    const assets = new URL('./', import.meta.url);
    const names = Object.keys(PYODIDE_FILES);
    const total = names.reduce((sum, name) => sum + PYODIDE_FILES[name], 0);
    let loaded = 0;
    const report = (bytes) => {
      loaded += bytes;
      onProgress(Math.min(loaded, total), total);
    };
    const frame = document.createElement('iframe');
    // allow-scripts without allow-same-origin: the frame's origin is opaque.
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.setAttribute('allow', 'cross-origin-isolated');
    frame.hidden = true;
    frame.title = 'Python sandbox';
    let loadedFrame;
    let bootedFrame;
    let failed;
    const frameLoaded = new Promise((resolve) => { loadedFrame = resolve; });
    const frameBooted = new Promise((resolve, reject) => { bootedFrame = resolve; failed = reject; });
    addEventListener('message', (event) => {
      // Only this page's frame; its origin is "null", so the source is what identifies it.
      if (event.source !== frame.contentWindow) return;
      const data = event.data;
      if (data && data.type === 'loaded') loadedFrame();
      else if (data && data.type === 'booted') {
        this.interruptible = data.interruptible === true;
        bootedFrame();
      } else if (data && data.type === 'failed' && typeof data.message === 'string') {
        failed(new Error(data.message));
        this.onmessage({ data: { type: 'failed', message: data.message } });
      } else {
        const message = checkedWorkerMessage(data);
        if (message) this.onmessage({ data: message });
      }
    });
    frame.srcdoc = `<!doctype html><meta charset="utf-8"><script>${FRAME_LOADER}</` + 'script>';
    document.body.append(frame);
    this.frame = frame;
    const [frameCode, workerCode, ...bytes] = await Promise.all([
      fetchBytes(new URL(FRAME, assets), () => {}),
      fetchBytes(new URL(WORKER, assets), () => {}),
      ...names.map((name) => fetchBytes(new URL('pyodide/' + name, assets), report)),
    ]);
    await frameLoaded;
    const files = Object.fromEntries(names.map((name, i) => [name, bytes[i]]));
    // The origin is opaque ("null"), so '*' is the only target there is; the frame is the
    // only recipient, and checks that the message came from this page.
    frame.contentWindow.postMessage({ type: 'boot', frame: frameCode, worker: workerCode, files }, '*', [frameCode, workerCode, ...bytes]);
    await frameBooted;
  }

  postMessage(message) {
    this.booted.then(() => this.frame.contentWindow.postMessage(message, '*'), () => {});
  }
}

const STATUSES = new Set(['succeeded', 'failed', 'interrupted']);

/** A run's result as the page shows it, from what the frame sent (which Python could forge). */
function checkedResult(result) {
  const text = (value) => (typeof value === 'string' ? value : '');
  const run = result.timings && Number.isFinite(result.timings.run) ? result.timings.run : 0;
  return { status: STATUSES.has(result.status) ? result.status : 'failed', stdout: text(result.stdout), stderr: text(result.stderr), timings: { run } };
}

class PythonEngine {
  constructor() {
    // A guess until the frame says (the frame is isolated when the page is).
    this.interruptible = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
    this.frame = null;
    this.ready = null;
    this.runs = new Map();
    // Runs queued (or waiting for Python to load), not yet sent to the Worker: id -> cancel().
    this.waiting = new Map();
    this.nextId = 1;
    this.queue = Promise.resolve();
    this.onProgress = () => {};
    this.starts = 0;
    this.loaded = false;
    this.modeListeners = [];
  }

  get mode() {
    return this.interruptible ? 'interrupt' : 'restart';
  }

  start() {
    if (this.ready) return this.ready;
    this.starts++;
    this.loaded = false;
    this.frame = this.frame || new PythonFrame((loaded, total) => this.onProgress(loaded, total));
    const frame = this.frame;
    this.ready = new Promise((resolve, reject) => {
      frame.onmessage = ({ data }) => {
        if (data.type === 'ready') {
          if (this.loaded) return; // once per start: the Worker's code (the reader's) could send more
          this.loaded = true;
          // site.js has the service worker store what came from the network before it was in control.
          document.dispatchEvent(new Event('python-loaded'));
          resolve(data);
        } else if (data.type === 'failed') reject(new Error(data.message));
        else if (data.type === 'output') this.runs.get(data.id)?.onOutput(data.stream, data.text);
        else if (data.type === 'display') this.runs.get(data.id)?.onDisplay(data.mime, data.data);
        else if (data.type === 'done') this.runs.get(data.id)?.finish(checkedResult(data.result));
      };
      frame.booted.then(() => {
        if (this.interruptible !== frame.interruptible) {
          this.interruptible = frame.interruptible;
          this.modeListeners.forEach((listener) => listener());
        }
        frame.postMessage({ type: 'init' });
      }, reject);
    });
    return this.ready;
  }

  /** Terminates the Worker (losing all Python state) and starts a fresh one in the background. */
  restart() {
    this.frame.postMessage({ type: 'terminate' });
    this.ready = null;
    for (const run of this.runs.values()) run.finish(null);
    this.start().catch(() => { /* reported by the next Run */ });
  }

  /**
   * Runs one request at a time; resolves with the run contract's result. `onSent` is called when
   * the request goes to Python (after the runs queued before it, and after Python has loaded).
   */
  run(request, onOutput, onSent = () => {}, onDisplay = () => {}) {
    const id = this.nextId++;
    let handle;
    const done = new Promise((resolve) => {
      handle = { id, onOutput, onDisplay, finish: (result) => { this.runs.delete(id); resolve(result); } };
    });
    // A run cancelled while Python loads ends at once, not when loading ends.
    let cancel;
    const cancelled = new Promise((resolve) => { cancel = () => resolve(CANCELLED); });
    this.waiting.set(id, cancel);
    const turn = this.queue.then(async () => {
      try {
        await this.start();
      } catch (error) {
        this.waiting.delete(id);
        throw error;
      }
      if (!this.waiting.delete(id)) return CANCELLED; // stopped before it was sent
      this.runs.set(id, handle);
      this.frame.postMessage({ type: 'run', id, request });
      onSent();
      return done;
    });
    this.queue = turn.catch(() => {});
    return { id, result: Promise.race([turn, cancelled]) };
  }

  /** Stops run `id`: cancels it if it has not been sent to Python yet, else stops it running. */
  stop(id) {
    const cancel = this.waiting.get(id);
    if (cancel) {
      this.waiting.delete(id);
      cancel();
      return;
    }
    if (!this.runs.has(id)) return;
    if (this.interruptible) {
      // The frame writes which run, then SIGINT, to the interrupt buffer. Pyodide reads the
      // buffer and then writes 0 to it with a plain store, so a Stop written between the two is
      // lost (4 of 150 Stops of a tight loop, measured in Node): it is sent again until the run
      // ends, and after the grace period the Worker is restarted.
      const signal = () => this.frame.postMessage({ type: 'stop', id });
      signal();
      const since = performance.now();
      const again = setInterval(() => {
        if (!this.runs.has(id)) clearInterval(again);
        else if (performance.now() - since >= INTERRUPT_GRACE_MS) {
          clearInterval(again);
          this.restart();
        } else signal();
      }, STOP_AGAIN_MS);
    } else {
      this.restart();
    }
  }
}

const engine = new PythonEngine();
const root = new URL(document.documentElement.dataset.root || './', location.href);
let editorModule = null;
const loadEditor = () => (editorModule = editorModule || import('./python-editor.js').then((m) => {
  document.dispatchEvent(new Event('editor-loaded'));
  return m;
}));

const formatBytes = (n) => (n / 1048576).toFixed(1) + ' MB';

function attach(element, index) {
  const codeBlock = element.querySelector('.runner-code');
  const original = () => codeBlock.querySelector('code').textContent;
  const runButton = element.querySelector('.runner-run');
  const stopButton = element.querySelector('.runner-stop');
  const status = element.querySelector('.runner-status');
  const progress = element.querySelector('.runner-progress');
  const resultBox = element.querySelector('.runner-result');
  const output = element.querySelector('.runner-output');
  const limitMs = Number(element.dataset.timeLimit || 10) * 1000;
  const files = (element.dataset.files || '').split(/\s+/).filter(Boolean);
  let editor = null;
  let current = null;

  const showMode = () => {
    element.dataset.stopMode = engine.mode;
    const modeText = engine.mode === 'interrupt'
      ? 'Stop interrupts Python (cross-origin isolated: globals survive)'
      : 'Stop restarts Python (not cross-origin isolated: globals are lost)';
    if (!current) status.textContent = `Time limit ${limitMs / 1000} s. ${modeText}.`;
  };
  showMode();
  engine.modeListeners.push(showMode);
  element.querySelector('.runner-toolbar').hidden = false;

  const code = () => (editor ? editor.state.doc.toString() : original());
  const upgrade = () => loadEditor().then((m) => {
    if (editor) return;
    const host = document.createElement('div');
    host.className = 'runner-editor';
    codeBlock.replaceWith(host);
    editor = m.createEditor(host, original().replace(/\n$/, ''), () => run());
    editor.focus();
  }, (error) => console.warn('the editor did not load, the code stays read-only:', error.message));
  codeBlock.addEventListener('focus', upgrade, { once: true });
  codeBlock.addEventListener('pointerdown', upgrade, { once: true });

  function append(stream, text) {
    const last = output.lastChild;
    if (last && last.dataset.stream === stream) last.textContent += text;
    else {
      const span = document.createElement('span');
      span.dataset.stream = stream;
      span.className = 'runner-' + stream;
      span.textContent = text;
      output.append(span);
    }
  }

  // Rich output (the IPython display protocol) is as untrusted as the code: images are shown as
  // images (an SVG in <img> runs no script), HTML only in a frame of its own that may run none.
  function display(mime, data) {
    let node;
    if ((mime === 'image/png' || mime === 'image/jpeg') && /^[A-Za-z0-9+/=\s]*$/.test(data)) {
      node = document.createElement('img');
      node.src = `data:${mime};base64,${data.replace(/\s/g, '')}`;
    } else if (mime === 'image/svg+xml') {
      node = document.createElement('img');
      node.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(data);
    } else if (mime === 'text/html') {
      node = document.createElement('iframe');
      node.setAttribute('sandbox', '');
      node.title = 'HTML output of the example';
      node.srcdoc = data;
    } else {
      append('stdout', data.endsWith('\n') ? data : data + '\n');
      return;
    }
    node.className = 'runner-display';
    node.dataset.mime = mime;
    if (node.tagName === 'IMG') node.alt = 'image output of the example';
    output.append(node);
  }

  async function inputs() {
    const entries = await Promise.all(files.map(async (file) => {
      const response = await fetch(new URL(file, root));
      if (!response.ok) throw new Error(`cannot load ${file} (HTTP ${response.status})`);
      return ['/' + file, await response.text()];
    }));
    return { files: Object.fromEntries(entries) };
  }

  async function run() {
    if (current) return;
    output.replaceChildren();
    resultBox.hidden = false;
    element.dataset.state = 'running';
    runButton.disabled = true;
    stopButton.disabled = false;
    if (!engine.loaded) {
      progress.hidden = false;
      status.textContent = 'Loading Python…';
      engine.onProgress = (loaded, total) => {
        progress.max = total;
        progress.value = loaded;
        status.textContent = `Loading Python: ${formatBytes(loaded)} of ${formatBytes(total)}`;
      };
    }
    let stopReason = null;
    let timer = null;
    const started = performance.now();
    try {
      const request = { code: code(), inputs: await inputs(), namespace: index };
      const ready = engine.start();
      // The time limit counts from when Python gets the code, not while it loads or while
      // another runner's code runs before it.
      const pending = engine.run(request, append, () => {
        status.textContent = `Running… (time limit ${limitMs / 1000} s)`;
        timer = setTimeout(() => { stopReason = 'timed_out'; engine.stop(pending.id); }, limitMs);
      }, display);
      current = pending.id;
      ready.then(() => { progress.hidden = true; }, () => {});
      stopButton.onclick = () => { stopReason = 'stopped'; engine.stop(pending.id); };
      const result = await pending.result;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      // A Stop (or the time limit) that came as the code finished by itself did not end it.
      if (stopReason && result && result !== CANCELLED && result.status !== 'interrupted') stopReason = null;
      if (stopReason === 'timed_out') {
        status.textContent = `Timed out after ${limitMs / 1000} s` + (result ? ' (interrupted; globals kept).' : ' (Python was restarted).');
      } else if (stopReason === 'stopped') {
        status.textContent = result === CANCELLED ? 'Stopped before Python ran it.'
          : 'Stopped' + (result ? ' (interrupted; globals kept).' : ' (Python was restarted).');
        // Python goes on loading in the background for the next Run; this runner no longer waits.
        if (result === CANCELLED) progress.hidden = true;
      } else {
        status.textContent = result.status === 'succeeded' ? `Finished in ${result.timings.run} ms.` : `Failed after ${seconds} s (traceback below).`;
      }
      element.dataset.state = stopReason || result.status;
    } catch (error) {
      append('stderr', 'Python could not start: ' + error.message + '\n');
      status.textContent = 'Python could not start.';
      element.dataset.state = 'failed';
      progress.hidden = true;
    } finally {
      clearTimeout(timer);
      engine.onProgress = () => {};
      current = null;
      runButton.disabled = false;
      stopButton.disabled = true;
    }
  }

  runButton.addEventListener('click', run);
  codeBlock.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
}

export function attachAll() {
  document.querySelectorAll('[data-python-runner]').forEach(attach);
  // For tests and the curious: how many Workers this page has started.
  window.pythonEngine = engine;
}
