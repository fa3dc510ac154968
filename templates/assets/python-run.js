// One Python session on a loaded Pyodide, shared by the page's Worker (python-worker.js) and the
// build's check of every example under Node (src/main/frontend/check-python.mjs), so the build
// proves exactly what the reader's browser runs. No DOM here.
//
// A run follows the server API's contract where it fits: {code, inputs: {files}} in,
// {status, stdout, stderr, timings} out; status is succeeded, failed or interrupted.

// Runs user code as a module of its own, with top-level await (so `await js.fetch(...)` works),
// and prints a traceback that starts at the user's code, not in Pyodide's machinery.
const HELPER = `
import ast, linecache, sys, traceback, types

async def _run_example(code, namespace):
    # Tracebacks quote the failing line: give the traceback module the example's source.
    linecache.cache["<example>"] = (len(code), None, code.splitlines(True), "<example>")
    try:
        compiled = compile(code, "<example>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        result = eval(compiled, namespace)
        if isinstance(result, types.CoroutineType):
            await result
        return "succeeded"
    except BaseException as error:
        tb = error.__traceback__
        # Drop this helper's own frame; a SyntaxError has no frame of the user's code at all.
        traceback.print_exception(type(error), error, tb.tb_next if tb is not None else None)
        return "interrupted" if isinstance(error, KeyboardInterrupt) else "failed"
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
`;

export function createSession(pyodide) {
  pyodide.runPython(HELPER);
  const runExample = pyodide.globals.get('_run_example');
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
   */
  async function run(request, onOutput = () => {}) {
    const started = performance.now();
    const out = { stdout: '', stderr: '' };
    sink = (stream, text) => { out[stream] += text; onOutput(stream, text); };
    for (const [path, text] of Object.entries((request.inputs && request.inputs.files) || {})) {
      pyodide.FS.mkdirTree(path.substring(0, path.lastIndexOf('/')) || '/');
      pyodide.FS.writeFile(path, text);
    }
    let namespace = request.namespace === undefined ? null : namespaces.get(request.namespace);
    if (!namespace) {
      namespace = pyodide.globals.get('dict')();
      namespace.set('__name__', '__main__');
      if (request.namespace !== undefined) namespaces.set(request.namespace, namespace);
    }
    let status;
    try {
      status = await runExample(request.code, namespace);
    } finally {
      if (request.namespace === undefined) namespace.destroy();
      sink = () => {};
    }
    return { status, stdout: out.stdout, stderr: out.stderr, timings: { run: Math.round(performance.now() - started) } };
  }

  return { run };
}
