// One server-side Python run (serve --api, language "python"): Pyodide under Node, started by
// the server inside bubblewrap and Node's permission model (see python/PythonSandbox.java), loaded
// before any request arrives, then given exactly one program and discarded. The program can reach
// everything JavaScript here can (the Function constructor leads to `process`), so nothing in this
// file is a boundary; it only keeps the protocol:
//
//   stdout  {"ready":true}                                   Pyodide loaded, waiting for a job
//           {"out":"stdout"|"stderr","text":"..."}           output as the program prints it
//           {"file":{"name","data"}}                          a file written under /output (base64)
//           {"done":{status,result?,display,diagnostics}}    the end of the run
//   stdin   one line: {"code","stdin","args","files"}
//
// Limits are the server's: it kills this process at the deadline, at the output cap or when its
// resident memory passes the run's limit (V8's flags are frozen, so none is set in here).
//
//   node --permission --allow-fs-read=PYODIDE python-server.mjs PYODIDE_DIR [--snapshot=FILE] [--packages=DIR]
//       loads Pyodide (from FILE when given: about 0.5 s instead of 4-6 s) and serves one run;
//       with DIR (a Pyodide distribution's pyodide-lock.json and wheels), the packages the
//       program imports are installed from there, and only from there
//   node python-server.mjs PYODIDE_DIR --make-snapshot OUT
//       run by the server itself, outside any sandbox, before it starts runners: no program is
//       involved, only Pyodide and the standard modules the runner imports
import { constants as fsConstants } from 'node:fs';
import { createInterface } from 'node:readline';

// Pyodide's Node file system support reads fs constants through process.binding, which the
// permission model refuses; these are the same values.
const binding = process.binding;
process.binding = (name) => (name === 'constants' ? { fs: fsConstants } : binding(name));

const send = (message) => process.stdout.write(JSON.stringify(message) + '\n');

const HELPER = `
import ast, base64, inspect, io, json, linecache, sys, traceback, types

_MIMES = (("text/html", "_repr_html_"), ("image/svg+xml", "_repr_svg_"), ("image/png", "_repr_png_"),
          ("image/jpeg", "_repr_jpeg_"), ("application/json", "_repr_json_"), ("text/markdown", "_repr_markdown_"))
_displayed = []

def _bundle(obj):
    """The object's MIME bundle by the IPython display protocol; text/plain is always there."""
    bundle = {}
    make = getattr(obj, "_repr_mimebundle_", None)
    if callable(make) and not isinstance(obj, type):
        data = make()
        if isinstance(data, tuple):
            data = data[0]
        if isinstance(data, dict):
            bundle.update({str(k): v for k, v in data.items()})
    for mime, method in _MIMES:
        make = getattr(obj, method, None)
        if mime not in bundle and callable(make) and not isinstance(obj, type):
            value = make()
            if isinstance(value, tuple):
                value = value[0]
            if value is not None:
                bundle[mime] = value
    for mime, value in list(bundle.items()):
        if isinstance(value, bytes):
            bundle[mime] = base64.b64encode(value).decode() if mime.startswith("image/") and mime != "image/svg+xml" else value.decode("utf-8", "replace")
        elif mime != "application/json" and not isinstance(value, str):
            bundle[mime] = str(value)
    bundle.setdefault("text/plain", repr(obj))
    return bundle

def display(*objs):
    """Adds each object to the run's display list (a builtin, as in Jupyter; also: from display import display)."""
    for obj in objs:
        _displayed.append(_bundle(obj))

import builtins
builtins.display = display
_module = types.ModuleType("display")
_module.display = display
sys.modules["display"] = _module

def _rich(obj):
    return any(callable(getattr(obj, m, None)) for m in ("_repr_mimebundle_",) + tuple(m for _, m in _MIMES)) and not isinstance(obj, type)

def _frames(tb):
    kept = []
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "main.py":
            kept.append(tb)
        tb = tb.tb_next
    chain = None
    for entry in reversed(kept):
        chain = types.TracebackType(chain, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return chain

async def _evaluate(compiled, namespace):
    value = eval(compiled, namespace)
    return await value if compiled.co_flags & inspect.CO_COROUTINE else value

def _jsonable(value):
    try:
        return json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return None

async def _run(code, stdin, args):
    linecache.cache["main.py"] = (len(code), None, code.splitlines(True), "main.py")
    sys.argv = ["main.py", *args]
    sys.stdin = io.StringIO(stdin)
    main = types.ModuleType("__main__")
    main.__file__ = "main.py"
    sys.modules["__main__"] = main
    outcome = {"status": "succeeded", "display": _displayed, "diagnostics": []}
    try:
        try:
            tree = compile(code, "main.py", "exec", flags=ast.PyCF_ONLY_AST | ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        except SyntaxError as error:
            outcome["diagnostics"].append({"line": error.lineno or 0, "column": error.offset or 0, "message": error.msg})
            raise
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        await _evaluate(compile(tree, "main.py", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), main.__dict__)
        if last is not None:
            value = await _evaluate(compile(ast.Expression(last.value), "main.py", "eval", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT), main.__dict__)
            if value is not None:
                text = _jsonable(value)
                outcome["result"] = {"json": text} if text is not None else {"repr": repr(value)}
                if _rich(value):
                    _displayed.append(_bundle(value))
    except SystemExit as exit:
        code_ = exit.code
        if code_ not in (None, 0):
            if not isinstance(code_, int):
                print(code_, file=sys.stderr)
            outcome["status"] = "failed"
            outcome["exitCode"] = code_ if isinstance(code_, int) else 1
    except BaseException as error:
        traceback.print_exception(type(error), error, _frames(error.__traceback__))
        outcome["status"] = "failed"
        outcome["memoryError"] = isinstance(error, MemoryError)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    try:
        return json.dumps(outcome)
    except (TypeError, ValueError):
        # A display bundle that JSON cannot hold (a _repr_json_ of something else): its text only.
        outcome["display"] = [{"text/plain": b.get("text/plain", "")} for b in _displayed]
        return json.dumps(outcome)
`;

// Imported before a snapshot is made, so a runner started from it has them already.
const PRELOADED = 'import ast, asyncio, base64, csv, inspect, io, json, linecache, statistics, sys, traceback, types';

const [pyodideDir, ...flags] = process.argv.slice(2);
const flag = (name) => flags.find((f) => f.startsWith(name + '='))?.slice(name.length + 1);
const { loadPyodide } = await import(pyodideDir + '/pyodide.mjs');
if (flags[0] === '--make-snapshot') {
  const snapshotOut = flags[1];
  const { writeFileSync } = await import('node:fs');
  const made = await loadPyodide({ jsglobals: {}, env: { HOME: '/home/pyodide' }, _makeSnapshot: true });
  made.runPython(PRELOADED);
  writeFileSync(snapshotOut, made.makeMemorySnapshot());
  process.exit(0);
}
const options = { jsglobals: {}, env: { HOME: '/home/pyodide' } };
const snapshot = flag('--snapshot');
if (snapshot) {
  const { readFileSync } = await import('node:fs');
  options._loadSnapshot = readFileSync(snapshot);
}
const packages = flag('--packages');
if (packages) {
  options.lockFileURL = packages + '/pyodide-lock.json';
  options.packageBaseUrl = packages + '/';
}
const pyodide = await loadPyodide(options);
for (const [name, setter] of [['stdout', 'setStdout'], ['stderr', 'setStderr']]) {
  const decoder = new TextDecoder();
  pyodide[setter]({ write: (bytes) => { send({ out: name, text: decoder.decode(bytes, { stream: true }) }); return bytes.length; } });
}
pyodide.runPython(HELPER);
const run = pyodide.globals.get('_run');
send({ ready: true });

const lines = createInterface({ input: process.stdin });
lines.once('line', async (line) => {
  lines.close();
  const job = JSON.parse(line);
  pyodide.FS.mkdirTree('/data');
  for (const [name, text] of Object.entries(job.files || {})) {
    const path = '/data/' + name;
    pyodide.FS.mkdirTree(path.substring(0, path.lastIndexOf('/')));
    pyodide.FS.writeFile(path, text);
  }
  pyodide.FS.mkdirTree('/output');
  if (packages) {
    // Resolved by the lock file of the packages folder; a name it does not list stays missing
    // (ModuleNotFoundError when the program imports it): nothing is fetched from anywhere else.
    await pyodide.loadPackagesFromImports(job.code, {
      messageCallback: () => {},
      errorCallback: (text) => send({ out: 'stderr', text: text + '\n' }),
    });
  }
  const done = JSON.parse(await run(job.code, job.stdin || '', pyodide.toPy(job.args || [])));
  // What the program wrote under /output (figures, data), one line each; the server checks names and sizes.
  const walk = (dir, prefix) => {
    for (const name of pyodide.FS.readdir(dir)) {
      if (name === '.' || name === '..') continue;
      const mode = pyodide.FS.stat(dir + '/' + name).mode;
      if (pyodide.FS.isDir(mode)) walk(dir + '/' + name, prefix + name + '/');
      else if (pyodide.FS.isFile(mode)) send({ file: { name: prefix + name, data: Buffer.from(pyodide.FS.readFile(dir + '/' + name)).toString('base64') } });
    }
  };
  walk('/output', '');
  process.stdout.write(JSON.stringify({ done }) + '\n', () => process.exit(0));
});
