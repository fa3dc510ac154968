// The "Try it" panel on the server-mode page: sends C code to this server's execution API
// (serve --api) and shows the run's output as its events arrive. On a static host there is no
// API: the first Run says so.

const EXAMPLE = '#include <stdio.h>\n\nint main(void) {\n  for (int i = 1; i <= 3; i++) printf("line %d\\n", i);\n  return 0;\n}\n';

function element(tag, props = {}, text = '') {
  const node = Object.assign(document.createElement(tag), props);
  if (text) node.textContent = text;
  return node;
}

const NO_API = 'There is no execution API behind this page: it is not served by `serve --api` (a static host has none). '
  + 'Run java -jar target/wasm-tutorial.jar serve --api and open this page there to try it.';

// The panel is always offered (probing first would log a 404 on every static host); the first
// answer tells whether an API is there. The API answers JSON; a static host answers with HTML.
export function attach(panel, root) {
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
      if (!(response.headers.get('content-type') || '').startsWith('application/json')) {
        status.textContent = NO_API;
        return; // nothing to retry here
      }
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
      status.textContent = `${NO_API} (${error.message})`;
      run.disabled = false;
    }
  });
}
