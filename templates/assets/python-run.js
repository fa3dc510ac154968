// One Python session on a loaded Pyodide, shared by the page's Worker (python-worker.js) and the
// build's check of every example under Node (src/main/frontend/check-python.mjs), so the build
// proves exactly what the reader's browser runs. No DOM here.
//
// A run follows the server API's contract where it fits: {code, inputs: {files}} in,
// {status, stdout, stderr, timings} out; status is succeeded, failed or interrupted.

// Runs user code as a module of its own, with top-level await (so `await js.fetch(...)` works),
// and prints a traceback that starts at the user's code, not in Pyodide's machinery.
const HELPER = `
import ast, base64, contextvars, inspect, linecache, signal, sys, traceback, types

# Rich output by the IPython display protocol: an object shows itself through the first of these
# methods it has. A run's display(...) calls, and its last expression when that is such an object,
# go to the page, which shows images as images and HTML in a frame of its own.
_REPRS = (("image/svg+xml", "_repr_svg_"), ("image/png", "_repr_png_"), ("image/jpeg", "_repr_jpeg_"), ("text/html", "_repr_html_"))
_display_sink = contextvars.ContextVar("_display_sink", default=None)

def _rich(obj):
    for mime, method in _REPRS:
        make = getattr(obj, method, None)
        if callable(make) and not isinstance(obj, type):
            data = make()
            if isinstance(data, bytes):
                data = base64.b64encode(data).decode() if mime in ("image/png", "image/jpeg") else data.decode()
            if isinstance(data, str):
                return mime, data
    return None

def display(*objs):
    sink = _display_sink.get()
    for obj in objs:
        shown = _rich(obj) or ("text/plain", repr(obj))
        sys.stdout.flush()
        if sink is None:
            print(shown[1])
        else:
            sink(*shown)

# The id of the run whose code is executing. Tasks the example starts inherit it, so a task an
# earlier run left behind still carries that run's id.
_run_id = contextvars.ContextVar("_run_id", default=0)

async def _run_example(code, namespace, run_id=0, sink=None):
    _run_id.set(run_id)
    _display_sink.set(sink)
    namespace.setdefault("display", display)
    # Tracebacks quote the failing line: give the traceback module the example's source.
    linecache.cache["<example>"] = (len(code), None, code.splitlines(True), "<example>")
    try:
        tree = compile(code, "<example>", "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        await _evaluate(compile(tree, "<example>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), namespace)
        if last is not None:
            value = await _evaluate(compile(ast.Expression(last.value), "<example>", "eval", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), namespace)
            if sink is not None and _rich(value) is not None:
                display(value)
        return "succeeded"
    except BaseException as error:
        # Drop this helper's own frames (a SyntaxError has no frame of the user's code at all),
        # the interrupt handler's included, which is where a Stop's KeyboardInterrupt is raised.
        traceback.print_exception(type(error), error, _example_frames(error.__traceback__))
        return "interrupted" if isinstance(error, KeyboardInterrupt) else "failed"
    finally:
        sys.stdout.flush()
        sys.stderr.flush()

async def _evaluate(compiled, namespace):
    # Code with a top-level await compiles to a coroutine; a coroutine the code merely returns is a value.
    result = eval(compiled, namespace)
    return await result if compiled.co_flags & inspect.CO_COROUTINE else result

def _example_frames(tb):
    kept = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename != _run_example.__code__.co_filename:
            kept.append(tb)
        tb = tb.tb_next
    chain = None
    for entry in reversed(kept):
        chain = types.TracebackType(chain, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return chain

def _interrupt_examples_only(stop_wanted, rearm):
    # Pyodide raises KeyboardInterrupt wherever Python is when it next looks at the interrupt
    # buffer. A Stop that lands outside the example (its run not started yet, or in the event
    # loop's own code between steps) broke the loop's bookkeeping: the run then never reported
    # back, or the example went on looping unseen. So the interrupt is raised only in the run it
    # was meant for, while that run's example code (or something it called) runs; anywhere else
    # the buffer is set again (if that run has not ended) and Python sees it a few instructions
    # later.
    global _stop_wanted, _rearm
    _stop_wanted, _rearm = stop_wanted, rearm
    signal.signal(signal.SIGINT, _on_interrupt)

def _on_interrupt(signum, frame):
    if _stop_wanted(_run_id.get()):
        while frame is not None:
            if frame.f_code.co_filename == "<example>":
                raise KeyboardInterrupt
            frame = frame.f_back
    _rearm()
`;

/**
 * @param stopping where the page says which run to stop, if it can stop runs without ending the
 *                 Worker: {interruptBuffer, the Uint8Array given to pyodide.setInterruptBuffer;
 *                 runToStop, an Int32Array whose [0] the page sets to a run's id before it
 *                 writes SIGINT to the interrupt buffer}
 */
export function createSession(pyodide, stopping = null) {
  pyodide.runPython(HELPER);
  const runExample = pyodide.globals.get('_run_example');
  let current = 0; // the id of the run under way, 0 between runs
  let ended = 0; // the highest id of a run that has ended
  if (stopping) {
    const { interruptBuffer, runToStop } = stopping;
    const interruptExamplesOnly = pyodide.globals.get('_interrupt_examples_only');
    // A Stop for a run that has ended is dropped, one for a run not started yet is kept for it.
    interruptExamplesOnly((runId) => runId === current && current !== 0 && Atomics.load(runToStop, 0) === current,
      () => { if (Atomics.load(runToStop, 0) > ended) Atomics.store(interruptBuffer, 0, 2); });
    interruptExamplesOnly.destroy();
  }
  const namespaces = new Map();
  let sink = () => {};
  for (const [name, setter] of [['stdout', 'setStdout'], ['stderr', 'setStderr']]) {
    const decoder = new TextDecoder();
    // Python flushes these line by line, so output reaches the page as it is printed.
    pyodide[setter]({ write: (bytes) => { sink(name, decoder.decode(bytes, { stream: true })); return bytes.length; } });
  }

  /**
   * @param request  {code, inputs: {files: {"/data/x.csv": "text"}}, namespace?: a key whose globals persist}
   * @param onOutput (stream, text) for each chunk as it is produced
   * @param id       the run's id, which a Stop names (increasing from 1; only with `stopping`)
   * @param onDisplay (mime, data) for each rich output (display() and a rich last value); without
   *                  it display() prints the object's repr and a last value is not shown
   */
  async function run(request, onOutput = () => {}, id = 0, onDisplay = undefined) {
    const started = performance.now();
    const out = { stdout: '', stderr: '' };
    sink = (stream, text) => { out[stream] += text; onOutput(stream, text); };
    current = id;
    let namespace = null;
    let status;
    try {
      for (const [path, text] of Object.entries((request.inputs && request.inputs.files) || {})) {
        pyodide.FS.mkdirTree(path.substring(0, path.lastIndexOf('/')) || '/');
        pyodide.FS.writeFile(path, text);
      }
      namespace = request.namespace === undefined ? null : namespaces.get(request.namespace);
      if (!namespace) {
        namespace = pyodide.globals.get('dict')();
        namespace.set('__name__', '__main__');
        if (request.namespace !== undefined) namespaces.set(request.namespace, namespace);
      }
      // undefined, not null: Pyodide turns null into jsnull, not None.
      status = await runExample(request.code, namespace, id, onDisplay ?? undefined);
    } finally {
      current = 0;
      ended = Math.max(ended, id);
      if (namespace && request.namespace === undefined) namespace.destroy();
      sink = () => {};
    }
    return { status, stdout: out.stdout, stderr: out.stderr, timings: { run: Math.round(performance.now() - started) } };
  }

  return { run };
}
