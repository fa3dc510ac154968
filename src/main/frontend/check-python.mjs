// Runs the site's Python examples in Pyodide under Node, with the same session code the reader's
// Worker uses (templates/assets/python-run.js). Called by the generator's Python check stage:
//
//   node check-python.mjs EXAMPLES.json RESULTS.jsonl
//
// EXAMPLES.json: [{id, code, inputs: {files: {"/data/x.csv": "text"}}}]. For each example, one
// line {id, status, output, ms} is appended to RESULTS.jsonl as soon as it finishes (output is
// stdout and stderr interleaved as printed), so a run that never ends is pinned to its example.
import { readFile, appendFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { createSession } from '../../../templates/assets/python-run.js';

const [examplesFile, resultsFile] = process.argv.slice(2);
try {
  if (!examplesFile || !resultsFile) throw new Error('usage: node check-python.mjs EXAMPLES.json RESULTS.jsonl');
  const examples = JSON.parse(await readFile(examplesFile, 'utf8'));
  await writeFile(resultsFile, '');
  const started = performance.now();
  const here = dirname(fileURLToPath(import.meta.url));
  const pyodide = await loadPyodide({ indexURL: join(here, 'node_modules', 'pyodide') + '/' });
  const loadMs = Math.round(performance.now() - started);
  const session = createSession(pyodide);
  for (const example of examples) {
    let output = '';
    const result = await session.run({ code: example.code, inputs: example.inputs }, (stream, text) => { output += text; });
    await appendFile(resultsFile, JSON.stringify({ id: example.id, status: result.status, output, ms: result.timings.run }) + '\n');
  }
  console.log(`python: ran ${examples.length} examples in Pyodide ${pyodide.version} (load ${loadMs} ms, `
    + `${Math.round(performance.now() - started - loadMs)} ms running)`);
  process.exit(0);
} catch (error) {
  console.error('error: ' + error.message);
  process.exit(1);
}
