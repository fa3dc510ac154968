// Stop stress: how many Stops of `while True: pass` Python fails to answer, written once or
// written again every 200 ms as the page does (templates/assets/python-runner.js). Runs the
// page's Python session in a worker thread (src/test/frontend/python-session-worker.mjs), stops
// each run 0-20 ms after posting it, and counts runs not answered within 1.5 s (those are then
// stopped again, so the next run can start).
//
//   target/node/node bench/python-stop-stress.mjs [STOPS] [once|again]   (from the project folder,
//   after ./mvnw package installed Node and the npm packages)
import { Worker } from 'node:worker_threads';

const stops = Number(process.argv[2] || 150);
const mode = process.argv[3] || 'once';
const interruptBuffer = new SharedArrayBuffer(1);
const runToStop = new SharedArrayBuffer(4);
const worker = new Worker(new URL('../src/test/frontend/python-session-worker.mjs', import.meta.url),
  { workerData: { interruptBuffer, runToStop } });
await new Promise((resolve) => worker.once('message', resolve));

let nextId = 1;
const signal = (id) => {
  Atomics.store(new Int32Array(runToStop), 0, id);
  Atomics.store(new Uint8Array(interruptBuffer), 0, 2);
};
function run(request) {
  const id = nextId++;
  const answer = new Promise((resolve) => {
    const onMessage = (message) => {
      if (message.id !== id) return;
      worker.off('message', onMessage);
      resolve(message);
    };
    worker.on('message', onMessage);
    worker.postMessage({ id, request });
  });
  return Object.assign(answer, { id });
}

let unanswered = 0;
const started = performance.now();
for (let i = 0; i < stops; i++) {
  const looping = run({ code: 'counter = 41\nwhile True: pass', namespace: 'stress' });
  let again = null;
  setTimeout(() => {
    signal(looping.id);
    if (mode === 'again') again = setInterval(() => signal(looping.id), 200);
  }, i % 21);
  const late = await Promise.race([looping.then(() => false), new Promise((r) => setTimeout(() => r(true), 1500))]);
  clearInterval(again);
  if (late) {
    unanswered++;
    signal(looping.id);
    await looping;
  }
  await run({ code: 'print(1)', namespace: 'stress' });
}
console.log(`${mode}: ${unanswered} of ${stops} Stops not answered within 1.5 s (${((performance.now() - started) / 1000).toFixed(1)} s)`);
await worker.terminate();
