// The "Try it" panel on the server-mode page: sends C code to this server's execution API
// (serve --api) and shows the run's output as its events arrive. On a static host there is no
// API: the panel says so instead of offering a button that cannot work.

const EXAMPLE = '#include <stdio.h>\n\nint main(void) {\n  for (int i = 1; i <= 3; i++) printf("line %d\\n", i);\n  return 0;\n}\n';

function element(tag, props = {}, text = '') {
  const node = Object.assign(document.createElement(tag), props);
  if (text) node.textContent = text;
  return node;
}

// The API answers an unknown run id with a JSON 404; a static host answers with its HTML page.
async function apiAvailable(root) {
  try {
    const response = await fetch(new URL('runs/00000000000000000000000000000000', root), { cache: 'no-store' });
    return response.status === 404 && (response.headers.get('content-type') || '').startsWith('application/json');
  } catch (e) {
    return false;
  }
}

export async function attach(panel, root) {
  const note = panel.querySelector('p');
  if (!(await apiAvailable(root))) {
    if (note) note.textContent = 'This page is not served by `serve --api`, so there is no execution API behind it. '
      + 'Run java -jar target/wasm-tutorial.jar serve --api and open this page there to try it.';
    return;
  }
  if (note) note.remove();
  const label = element('label', { htmlFor: 'try-it-code' }, 'C source');
  const code = element('textarea', { id: 'try-it-code', rows: 8, spellcheck: false, value: EXAMPLE });
  const run = element('button', { type: 'button' }, 'Run');
  const status = element('p', { className: 'try-it-status', role: 'status' });
  const output = element('pre', { className: 'try-it-output', ariaLive: 'polite' });
  panel.append(label, code, run, status, output);

  run.addEventListener('click', async () => {
    run.disabled = true;
    output.textContent = '';
    status.textContent = 'sending…';
    try {
      const response = await fetch(new URL('execute', root), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: 'c', code: code.value }),
      });
      const accepted = await response.json();
      if (response.status !== 202) {
        status.textContent = `${response.status}: ${accepted.error} (${accepted.hint})`;
        run.disabled = false;
        return;
      }
      const events = new EventSource(new URL(accepted.links.events, location.href));
      events.addEventListener('status', (e) => { status.textContent = e.data; });
      events.addEventListener('stdout', (e) => { output.textContent += e.data; });
      events.addEventListener('stderr', (e) => { output.textContent += e.data; });
      events.addEventListener('done', (e) => {
        events.close();
        const result = JSON.parse(e.data);
        const details = result.diagnostics
          ? result.diagnostics.map((d) => `line ${d.line}:${d.column} ${d.message}`).join('\n')
          : result.message || `exit code ${result.exitCode}`;
        status.textContent = `${result.status}: ${details}`;
        run.disabled = false;
      });
      events.onerror = () => {
        if (events.readyState === EventSource.CLOSED) run.disabled = false;
      };
    } catch (error) {
      status.textContent = `could not reach the API: ${error.message}`;
      run.disabled = false;
    }
  });
}
