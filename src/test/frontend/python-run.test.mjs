// The page's Python session (templates/assets/python-run.js): Stop, i.e. the interrupt buffer
// written while Python runs in another thread, must end the example's run as "interrupted"
// wherever Python is at that moment, and leave the session usable with its globals.
// Run by `npm test` in src/main/frontend (Maven's test phase).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';

const LOOP = 'counter = 41\nwhile True: pass';
/** A run that has not answered by then has lost the interrupt (the example loops for ever). */
const HUNG_MS = 10_000;

/**
 * Pyodide and the session in a worker thread. `run` answers a promise with the run's `id`;
 * `stop(id)` is the page's Stop (python-runner.js): which run, then SIGINT in the interrupt buffer.
 */
async function startSession() {
  const interruptBuffer = new SharedArrayBuffer(1);
  const runToStop = new SharedArrayBuffer(4);
  const worker = new Worker(new URL('./python-session-worker.mjs', import.meta.url), { workerData: { interruptBuffer, runToStop } });
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  let nextId = 1;
  const answered = new Set();
  return {
    /**
     * As python-runner.js does: the run's id, then SIGINT, written again every 200 ms until the
     * run answers (Pyodide can erase a Stop written just as it clears the buffer).
     */
    stop(id) {
      const signal = () => {
        Atomics.store(new Int32Array(runToStop), 0, id);
        Atomics.store(new Uint8Array(interruptBuffer), 0, 2);
      };
      signal();
      if (answered.has(id)) return;
      const again = setInterval(() => (answered.has(id) ? clearInterval(again) : signal()), 200);
    },
    run(request) {
      const id = nextId++;
      const answer = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`run ${id} did not end within ${HUNG_MS} ms: the interrupt was lost`)), HUNG_MS);
        const onMessage = (message) => {
          if (message.id !== id) return;
          worker.off('message', onMessage);
          answered.add(id);
          clearTimeout(timer);
          if (message.error) reject(new Error(`run ${id} failed outside the example: ${message.error}`));
          else resolve(message.result);
        };
        worker.on('message', onMessage);
        worker.postMessage({ id, request });
      });
      return Object.assign(answer, { id });
    },
    close: () => worker.terminate(),
  };
}

test('a Stop during the example interrupts it and keeps its globals', async () => {
  const python = await startSession();
  try {
    const looping = python.run({ code: LOOP, namespace: 'a' });
    setTimeout(() => python.stop(looping.id), 300);
    const stopped = await looping;
    assert.equal(stopped.status, 'interrupted');
    // The traceback ends in the example's loop, not in the session's interrupt handler.
    assert.match(stopped.stderr, /File "<example>", line 2, in <module>\n[^]*KeyboardInterrupt/);
    assert.doesNotMatch(stopped.stderr, /on_interrupt|<exec>/);
    const next = await python.run({ code: 'print(counter + 1)', namespace: 'a' });
    assert.deepEqual([next.status, next.stdout], ['succeeded', '42\n']);
  } finally {
    await python.close();
  }
});

test('a Stop that arrives before the example starts still interrupts the example, not the event loop', async () => {
  const python = await startSession();
  try {
    // Written before the run is posted: Python first sees it in the session's own code (creating
    // the namespace, scheduling the coroutine), where a KeyboardInterrupt used to break the run.
    python.stop(1);
    const stopped = await python.run({ code: LOOP, namespace: 'b' });
    assert.equal(stopped.status, 'interrupted');
    assert.match(stopped.stderr, /File "<example>", line \d/);
    const next = await python.run({ code: 'print("still here")' });
    assert.deepEqual([next.status, next.stdout], ['succeeded', 'still here\n']);
  } finally {
    await python.close();
  }
});

test('a Stop at any moment of a run ends it as interrupted, and the next run works', async () => {
  const python = await startSession();
  try {
    for (let delayMs = 0; delayMs <= 20; delayMs += 2) {
      const looping = python.run({ code: LOOP, namespace: 'c' });
      setTimeout(() => python.stop(looping.id), delayMs);
      assert.equal((await looping).status, 'interrupted', `Stop ${delayMs} ms after Run`);
      const next = await python.run({ code: 'print("ok")', namespace: 'c' });
      assert.equal(next.stdout, 'ok\n', `the run after a Stop ${delayMs} ms after Run`);
    }
  } finally {
    await python.close();
  }
});

test('a Stop for a run that has ended does not stop the next one', async () => {
  const python = await startSession();
  try {
    const first = python.run({ code: 'x = 1' });
    await first;
    // Too late for the first run (e.g. pressed as it finished): Python sees it during the next.
    python.stop(first.id);
    const next = await python.run({ code: 'total = 0\nfor i in range(200_000):\n    total += i\nprint(total)' });
    assert.deepEqual([next.status, next.stdout], ['succeeded', '19999900000\n']);
  } finally {
    await python.close();
  }
});

test('a Stop stops its own run, not a task that an earlier run left running', async () => {
  const python = await startSession();
  try {
    // Both busy in turns, and each pauses on a timer (a task that only awaited sleep(0) would keep
    // the Worker from ever taking the next message).
    const BUSY = 'for i in range(20_000):\n        pass\n    await asyncio.sleep(0.001)';
    const ORPHAN = `import asyncio\nticks = 0\nasync def orphan():\n    global ticks\n    while True:\n        ticks += 1\n        ${BUSY.replaceAll('\n    ', '\n        ')}\ntask = asyncio.ensure_future(orphan())`;
    assert.equal((await python.run({ code: ORPHAN, namespace: 'd' })).status, 'succeeded');
    for (let round = 0; round < 5; round++) {
      const looping = python.run({ code: `import asyncio\nwhile True:\n    ${BUSY}`, namespace: 'd' });
      setTimeout(() => python.stop(looping.id), 200 + 7 * round);
      assert.equal((await looping).status, 'interrupted', `round ${round}`);
      const after = await python.run({ code: 'print(task.done(), ticks)', namespace: 'd' });
      assert.match(after.stdout, /^False \d+\n$/, `round ${round}: the earlier run's task is still running`);
    }
  } finally {
    await python.close();
  }
});
