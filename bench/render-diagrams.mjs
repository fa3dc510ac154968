// Renders the Mermaid fences of every Markdown file in CONTENT_DIR with the build's diagram step
// (src/main/frontend/diagrams.mjs), as the post-process does, and prints what it did.
//   target/node/node bench/render-diagrams.mjs content
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renderDiagrams } from '../src/main/frontend/diagrams.mjs';

const dir = process.argv[2];
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pages = new Map();
for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()) {
  const fences = [...(await readFile(join(dir, name), 'utf8')).matchAll(/^```mermaid\n([\s\S]*?)^```/gm)];
  if (fences.length) pages.set(name, fences.map(([, src]) => `<pre class="mermaid">${escape(src)}</pre>`).join('\n'));
}
const t0 = performance.now();
const result = await renderDiagrams(pages);
console.log(`${result.diagrams} diagrams in ${pages.size} pages: ${result.rendered} rendered, ${result.cached} cached, `
  + `${((performance.now() - t0) / 1000).toFixed(2)} s`);
