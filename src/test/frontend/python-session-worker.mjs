// Test fixture for python-run.test.mjs: the page's Python session (templates/assets/python-run.js)
// on Pyodide in a worker thread, as python-worker.js runs it in the browser's Worker; the test's
// thread plays the page, which writes to the interrupt buffer while Python runs here.
import { parentPort, workerData } from 'node:worker_threads';
import { loadPyodide } from '../../main/frontend/node_modules/pyodide/pyodide.mjs';
import { createSession } from '../../../templates/assets/python-run.js';

const pyodide = await loadPyodide();
const interruptBuffer = new Uint8Array(workerData.interruptBuffer);
pyodide.setInterruptBuffer(interruptBuffer);
const session = createSession(pyodide, { interruptBuffer, runToStop: new Int32Array(workerData.runToStop) });
parentPort.on('message', async ({ id, request }) => {
  try {
    parentPort.postMessage({ id, result: await session.run(request, () => {}, id) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
parentPort.postMessage({ ready: true });
