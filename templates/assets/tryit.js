// The "Try it" panel on the server-mode page: sends Python or C code to this server's execution
// API (serve --api) and shows the run's output as its events arrive, then its result, its rich
// outputs and its files. On a static host there is no API: the first Run says so.
//
// What comes back is untrusted (the program wrote it): text goes in as text, images as <img>
// (an SVG in an <img> runs no script), HTML only into a frame that may run none, and files as
// links to the API, which serves them so that no browser runs them.

const EXAMPLES = {
  python: 'import statistics\n\nclass Bars:\n    def __init__(self, values):\n        self.values = values\n'
    + '    def _repr_svg_(self):\n        bars = "".join(f\'<rect x="{i * 22}" y="{60 - v * 10}" width="18" height="{v * 10}" fill="teal"/>\''
    + ' for i, v in enumerate(self.values))\n        return f\'<svg xmlns="http://www.w3.org/2000/svg" width="{len(self.values) * 22}" height="60">{bars}</svg>\'\n\n'
    + 'values = [3, 5, 2, 6]\nprint("mean:", statistics.mean(values))\nBars(values)\n',
  c: '#include <stdio.h>\n\nint main(void) {\n  for (int i = 1; i <= 3; i++) printf("line %d\\n", i);\n  return 0;\n}\n',
};

function element(tag, props = {}, text = '') {
  const node = Object.assign(document.createElement(tag), props);
  if (text) node.textContent = text;
  return node;
}

const NO_API = 'There is no execution API behind this page: it is not served by `serve --api` (a static host has none). '
  + 'Run java -jar target/wasm-tutorial.jar serve --api and open this page there to try it.';

// The panel is always offered (probing first would log a 404 on every static host); the first
// answer tells whether an API is there. The API answers JSON; a static host answers with HTML.
/** One rich output (a MIME bundle), shown by the safest form it offers. */
function shown(bundle) {
  if (typeof bundle['image/png'] === 'string' && /^[A-Za-z0-9+/=\s]*$/.test(bundle['image/png'])) {
    return element('img', { src: 'data:image/png;base64,' + bundle['image/png'].replace(/\s/g, ''), alt: 'image output' });
  }
  if (typeof bundle['image/svg+xml'] === 'string') {
    return element('img', { src: 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(bundle['image/svg+xml']), alt: 'image output' });
  }
  if (typeof bundle['text/html'] === 'string') {
    const frame = element('iframe', { title: 'HTML output', srcdoc: bundle['text/html'] });
    frame.setAttribute('sandbox', '');
    return frame;
  }
  return element('pre', {}, String(bundle['text/plain'] ?? ''));
}

export function attach(panel, root) {
  const languageLabel = element('label', { htmlFor: 'try-it-language' }, 'Language');
  const language = element('select', { id: 'try-it-language' });
  language.append(element('option', { value: 'python' }, 'Python'), element('option', { value: 'c' }, 'C'));
  const label = element('label', { htmlFor: 'try-it-code' }, 'Source');
  const code = element('textarea', { id: 'try-it-code', rows: 12, spellcheck: false, value: EXAMPLES.python });
  language.addEventListener('change', () => { code.value = EXAMPLES[language.value]; });
  const run = element('button', { type: 'button' }, 'Run');
  const status = element('p', { className: 'try-it-status', role: 'status' });
  const output = element('pre', { className: 'try-it-output', ariaLive: 'polite' });
  const results = element('div', { className: 'try-it-results' });
  panel.append(languageLabel, language, label, code, run, status, output, results);

  run.addEventListener('click', async () => {
    run.disabled = true;
    output.textContent = '';
    results.replaceChildren();
    status.textContent = 'sending…';
    try {
      const response = await fetch(new URL('execute', root), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ language: language.value, code: code.value }),
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
        const details = result.diagnostics && result.diagnostics.length
          ? result.diagnostics.map((d) => `line ${d.line}:${d.column} ${d.message}`).join('\n')
          : result.message || (result.language === 'python' ? 'done' : `exit code ${result.exitCode}`);
        status.textContent = `${result.status}: ${details}`;
        if (result.language === 'python' && result.result !== undefined) {
          results.append(element('p', {}, 'Result: ' + JSON.stringify(result.result)));
        }
        for (const bundle of result.display || []) results.append(shown(bundle));
        for (const file of result.outputFiles || []) {
          const link = element('a', { href: new URL(file.link, location.href).href }, `${file.name} (${file.size} bytes, ${file.type})`);
          results.append(element('p', {}, 'File: '), link);
        }
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
