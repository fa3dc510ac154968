// Live Python examples: every [data-python-runner] element gets Run and Stop. One Pyodide per
// page, in one Worker shared by all runners, started on the first Run (nothing heavy on page
// load); the editor (CodeMirror) loads when the reader first clicks into the code.
//
// Stopping: with cross-origin isolation (COOP/COEP), Stop writes to Pyodide's interrupt buffer
// (a SharedArrayBuffer): Python raises KeyboardInterrupt, the interpreter and its globals survive.
// Without it, the only way to stop a Worker busy in Python is to terminate it and start afresh.

const WORKER = typeof __PYTHON_WORKER__ === 'undefined' ? 'python-worker.js' : __PYTHON_WORKER__;
// If Python does not react to the interrupt (e.g. blocked in time.sleep), terminate after this.
const INTERRUPT_GRACE_MS = 2000;
// How often a Stop is written again while Python has not answered it (see stop()).
const STOP_AGAIN_MS = 200;
// The result of a run stopped before Python was given it (e.g. while Python was still loading).
const CANCELLED = Object.freeze({ status: 'cancelled', stdout: '', stderr: '', timings: {} });

class PythonEngine {
  constructor() {
    this.interruptible = globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
    this.worker = null;
    this.ready = null;
    this.runs = new Map();
    // Runs queued (or waiting for Python to load), not yet sent to the Worker: id -> cancel().
    this.waiting = new Map();
    this.nextId = 1;
    this.queue = Promise.resolve();
    this.onProgress = () => {};
    this.starts = 0;
    this.loaded = false;
  }

  get mode() {
    return this.interruptible ? 'interrupt' : 'restart';
  }

  start() {
    if (this.ready) return this.ready;
    this.starts++;
    this.loaded = false;
    this.worker = new Worker(new URL(WORKER, import.meta.url), { type: 'module', name: 'python' });
    this.interruptBuffer = this.interruptible ? new Uint8Array(new SharedArrayBuffer(1)) : null;
    this.runToStop = this.interruptible ? new Int32Array(new SharedArrayBuffer(4)) : null;
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = ({ data }) => {
        if (data.type === 'progress') this.onProgress(data.loaded, data.total);
        else if (data.type === 'ready') {
          this.loaded = true;
          resolve(data);
        }
        else if (data.type === 'failed') reject(new Error(data.message));
        else if (data.type === 'output') this.runs.get(data.id)?.onOutput(data.stream, data.text);
        else if (data.type === 'done') this.runs.get(data.id)?.finish(data.result);
      };
      this.worker.onerror = (event) => reject(new Error(event.message || 'the Python worker failed to start'));
    });
    this.worker.postMessage({ type: 'init',
      stopping: this.interruptible ? { interruptBuffer: this.interruptBuffer.buffer, runToStop: this.runToStop.buffer } : null });
    return this.ready;
  }

  /** Terminates the Worker (losing all Python state) and starts a fresh one in the background. */
  restart() {
    this.worker.terminate();
    this.ready = null;
    for (const run of this.runs.values()) run.finish(null);
    this.start().catch(() => { /* reported by the next Run */ });
  }

  /**
   * Runs one request at a time; resolves with the run contract's result. `onSent` is called when
   * the request goes to Python (after the runs queued before it, and after Python has loaded).
   */
  run(request, onOutput, onSent = () => {}) {
    const id = this.nextId++;
    let handle;
    const done = new Promise((resolve) => {
      handle = { id, onOutput, finish: (result) => { this.runs.delete(id); resolve(result); } };
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
      if (this.interruptBuffer) this.interruptBuffer[0] = 0;
      this.runs.set(id, handle);
      this.worker.postMessage({ type: 'run', id, request });
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
    if (this.interruptBuffer) {
      // Which run, then 2 = SIGINT: Python raises KeyboardInterrupt in that run's code. Pyodide
      // reads the buffer and then writes 0 to it with a plain store, so a Stop written between
      // the two is lost (4 of 150 Stops of a tight loop, measured in Node): it is written again
      // until the run ends, and after the grace period the Worker is restarted.
      const signal = () => {
        Atomics.store(this.runToStop, 0, id);
        Atomics.store(this.interruptBuffer, 0, 2);
      };
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
const loadEditor = () => (editorModule = editorModule || import('./python-editor.js'));

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

  element.dataset.stopMode = engine.mode;
  const modeText = engine.mode === 'interrupt'
    ? 'Stop interrupts Python (cross-origin isolated: globals survive)'
    : 'Stop restarts Python (not cross-origin isolated: globals are lost)';
  const idle = `Time limit ${limitMs / 1000} s. ${modeText}.`;
  status.textContent = idle;
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
      });
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
