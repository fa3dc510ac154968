// Rich output from the page's Python session (templates/assets/python-run.js) and the checks the
// sandbox frame (templates/assets/python-frame.js) applies to what its Worker sends the page.
// Run by `npm test` in src/main/frontend (Maven's test phase).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { loadPyodide } from '../../main/frontend/node_modules/pyodide/pyodide.mjs';
import { createSession } from '../../../templates/assets/python-run.js';
import { checkedWorkerMessage } from '../../../templates/assets/python-frame.js';

let session;
before(async () => {
  session = createSession(await loadPyodide());
});

async function run(code) {
  const shown = [];
  const result = await session.run({ code }, () => {}, 0, (mime, data) => shown.push([mime, data]));
  return { result, shown };
}

const CHART = 'class Chart:\n    def _repr_svg_(self):\n        return "<svg xmlns=\'http://www.w3.org/2000/svg\'><script>alert(1)</script></svg>"\n';

test('display() sends each object by the first rich representation it has, in order with print', async () => {
  const { result, shown } = await run(CHART + 'print("before")\ndisplay(Chart(), 42)');
  assert.equal(result.status, 'succeeded');
  assert.equal(result.stdout, 'before\n');
  assert.deepEqual(shown.map(([mime]) => mime), ['image/svg+xml', 'text/plain']);
  assert.match(shown[0][1], /^<svg/);
  assert.equal(shown[1][1], '42');
});

test('a rich last expression is displayed; a plain one is not', async () => {
  assert.deepEqual((await run(CHART + 'Chart()')).shown.map(([mime]) => mime), ['image/svg+xml']);
  assert.deepEqual((await run('1 + 1')).shown, []);
});

test('PNG bytes are sent as base64, HTML as text', async () => {
  const { shown } = await run('class P:\n    def _repr_png_(self):\n        return b"\\x89PNG"\n'
    + 'class H:\n    def _repr_html_(self):\n        return "<b>bold</b>"\ndisplay(P(), H())');
  assert.deepEqual(shown, [['image/png', 'iVBORw=='], ['text/html', '<b>bold</b>']]);
});

test('a last expression with top-level await is awaited; a coroutine merely returned is a value', async () => {
  const awaited = await run('import asyncio\nasync def f():\n    return 5\nprint(await f())');
  assert.equal(awaited.result.stdout, '5\n');
  const returned = await run('import asyncio\nasync def f():\n    print("ran")\nc = f()\nc.close()\nc');
  assert.equal(returned.result.status, 'succeeded');
  assert.equal(returned.result.stdout, '');
});

test('a traceback starts at the example, without the session\'s own frames', async () => {
  const { result } = await run('def f():\n    raise ValueError("no")\nf()');
  assert.equal(result.status, 'failed');
  assert.match(result.stderr, /File "<example>", line 3/);
  assert.doesNotMatch(result.stderr, /<exec>|_evaluate|_run_example/);
});

test('without a display sink, display() prints the repr', async () => {
  const result = await session.run({ code: CHART + 'display(Chart())' });
  assert.match(result.stdout, /^<svg/);
});

test('the frame passes on only the Worker messages the page knows, with only their fields', () => {
  assert.deepEqual(checkedWorkerMessage({ type: 'output', id: 3, stream: 'stdout', text: 'hi', extra: 'x' }),
    { type: 'output', id: 3, stream: 'stdout', text: 'hi' });
  assert.equal(checkedWorkerMessage({ type: 'output', id: '3', stream: 'stdout', text: 'hi' }), null);
  assert.equal(checkedWorkerMessage({ type: 'done', id: 1, result: null }), null);
  assert.equal(checkedWorkerMessage({ type: 'boot', frame: 'x' }), null);
  assert.equal(checkedWorkerMessage({ type: 'toString' }), null);
  assert.equal(checkedWorkerMessage('output'), null);
});
