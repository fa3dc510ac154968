// The build-time diagram step (src/main/frontend/diagrams.mjs): rendering, the cache, and what
// happens without Chromium. Run by `npm test` in src/main/frontend (Maven's test phase).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderDiagrams, prefixIds, mergeThemes } from '../../main/frontend/diagrams.mjs';

const FLOW = 'flowchart LR\n  A["bytes<br/>(.wasm)"] --&gt; B[Module]\n';
const SEQUENCE = 'sequenceDiagram\n  accTitle: Page calls Wasm\n  Page-&gt;&gt;Wasm: add(5, 7)\n';
const page = (...sources) => sources.map((s) => `<p>x</p><pre class="mermaid">${s}</pre>`).join('\n');
const ids = (html) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

async function withCache(run) {
  const dir = await mkdtemp(join(tmpdir(), 'diagram-cache-'));
  const saved = { cache: process.env.DIAGRAM_CACHE, chromium: process.env.CHROMIUM_PATH };
  process.env.DIAGRAM_CACHE = dir;
  try {
    return await run(dir);
  } finally {
    for (const [name, value] of [['DIAGRAM_CACHE', saved.cache], ['CHROMIUM_PATH', saved.chromium]]) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await rm(dir, { recursive: true, force: true });
  }
}

test('renders light and dark SVG with an accessible name, then serves them from the cache without a browser', () => withCache(async (dir) => {
  const pages = new Map([['a.html', page(FLOW, SEQUENCE, FLOW)], ['b.html', page(FLOW)]]);
  assert.deepEqual(await renderDiagrams(pages), { diagrams: 4, rendered: 2, cached: 0 });
  assert.equal((await readdir(dir)).length, 2);
  const a = pages.get('a.html');
  // Both themes share one drawing: one SVG per diagram, the dark style scoped to the dark theme.
  assert.equal((a.match(/<div class="diagram-svg" role="img"/g) || []).length, 3);
  assert.equal((a.match(/<svg /g) || []).length, 3);
  assert.equal((a.match(/<style>/g) || []).length, 6);
  assert.match(a, /<style>:root\[data-theme="dark"\] #mmd-[0-9a-f]{16}\{/);
  assert.match(a, /aria-label="Diagram \(flowchart\): bytes \(\.wasm\); Module"/);
  assert.match(a, /aria-label="Page calls Wasm"/);
  assert.match(a, /<details><summary>Diagram source<\/summary><pre class="diagram-source">flowchart LR/);
  assert.doesNotMatch(a, /<pre class="mermaid">/, 'no block is left for a Mermaid runtime');
  const all = ids(a);
  assert.deepEqual(all.filter((id, i) => all.indexOf(id) !== i && !/^mmd-.*-L_/.test(id)), [],
    'ids repeat across the SVGs of one page (the same diagram twice included)');

  // A browser that does not exist: everything must come from the cache, identically.
  process.env.CHROMIUM_PATH = join(dir, 'no-chromium');
  const again = new Map([['a.html', page(FLOW, SEQUENCE, FLOW)], ['b.html', page(FLOW)]]);
  assert.deepEqual(await renderDiagrams(again), { diagrams: 4, rendered: 0, cached: 2 });
  assert.deepEqual(again, pages);
}));

test('an unreadable cache entry is rendered again, not trusted', () => withCache(async (dir) => {
  const pages = () => new Map([['a.html', page(FLOW)]]);
  await renderDiagrams(pages());
  const [file] = await readdir(dir);
  await writeFile(join(dir, file), '{"light":');
  const again = pages();
  assert.deepEqual(await renderDiagrams(again), { diagrams: 1, rendered: 1, cached: 0 });
  assert.match(again.get('a.html'), /<svg /);
}));

test('without Chromium an uncached diagram fails the build with one line saying what to install', () => withCache(async (dir) => {
  process.env.CHROMIUM_PATH = join(dir, 'no-chromium');
  await assert.rejects(renderDiagrams(new Map([['a.html', page(FLOW)]])), (error) => {
    assert.equal(error.message, `diagrams: no Chromium at ${join(dir, 'no-chromium')} to render 1 Mermaid diagram(s); `
      + 'install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary');
    return true;
  });
}));

test('a diagram that does not parse names its page', () => withCache(async () => {
  await assert.rejects(renderDiagrams(new Map([['bad.html', page('flowchart LR\n  A --&gt;&gt;&gt; [\n')]])),
    /^Error: diagrams: bad\.html: the Mermaid diagram starting "flowchart LR" does not render \(.+\); fix its source$/);
}));

test('pages without diagrams need no browser and stay as they are', () => withCache(async (dir) => {
  process.env.CHROMIUM_PATH = join(dir, 'no-chromium');
  const pages = new Map([['a.html', '<pre><code class="language-c">int x;</code></pre>']]);
  assert.deepEqual(await renderDiagrams(pages), { diagrams: 0, rendered: 0, cached: 0 });
  assert.equal(pages.get('a.html'), '<pre><code class="language-c">int x;</code></pre>');
}));

test('prefixIds prefixes node ids and the references to them, not ids already prefixed', () => {
  const svg = '<svg id="p"><marker id="p_arrow"/><g id="node-A"><path marker-end="url(#p_arrow)"/></g><use href="#node-A"/></svg>';
  assert.equal(prefixIds(svg, 'p'),
    '<svg id="p"><marker id="p_arrow"/><g id="p-node-A"><path marker-end="url(#p_arrow)"/></g><use href="#p-node-A"/></svg>');
});

test('mergeThemes shares one drawing only when the shapes match', () => {
  const svg = (theme, fill, x) => `<svg id="mmd-k-${theme}"><style>#mmd-k-${theme}{fill:${fill};}#mmd-k-${theme} .node{fill:${fill};}</style>`
    + `<marker id="mmd-k-${theme}_arrow"/><rect x="${x}"/></svg>`;
  assert.equal(mergeThemes('k', svg('light', '#333', 1), svg('dark', '#ccc', 1)),
    '<svg id="mmd-k"><style>#mmd-k{fill:#333;}#mmd-k .node{fill:#333;}</style>'
    + '<style>:root[data-theme="dark"] #mmd-k{fill:#ccc;}:root[data-theme="dark"] #mmd-k .node{fill:#ccc;}</style>'
    + '<marker id="mmd-k_arrow"/><rect x="1"/></svg>');
  assert.equal(mergeThemes('k', svg('light', '#333', 1), svg('dark', '#ccc', 2)), null);
});
