// Build-time Mermaid: every <pre class="mermaid"> block of the staged site becomes a figure with
// two inline SVGs (light and dark, switched by the site's CSS), an accessible name, and the
// source kept in a <details>. Pages then need no diagram JavaScript, and readers without
// JavaScript see every diagram.
//
// Rendering needs a browser (Mermaid measures text in a real layout engine): one Chromium
// session, driven by playwright-core, renders every diagram that is not yet in the cache. The
// cache (target/diagram-cache/, or DIAGRAM_CACHE) is keyed by the diagram's source, the Mermaid
// version and the rendering settings, so a build whose diagrams are all cached starts no browser.
// CHROMIUM_PATH names the browser (default /usr/bin/chromium).
import { readFile, writeFile, mkdir, access, rename } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const MERMAID_DIST = require.resolve('mermaid/dist/mermaid.min.js');
const MERMAID_VERSION = JSON.parse(await readFile(join(dirname(MERMAID_DIST), '..', 'package.json'), 'utf8')).version;

// The page's own font stack (site.css), so boxes are measured for the text readers will see.
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const THEMES = { light: 'default', dark: 'dark' };
// Part of every cache key: change it when the rendering settings below change.
const SETTINGS = JSON.stringify({ THEMES, FONT, securityLevel: 'strict', v: 4 });
// The same launch flags as the browser tests: offline, no background traffic, loopback DNS only.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'];

const BLOCK = /<pre class="mermaid">([\s\S]*?)<\/pre>/g;
const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
const unescape = (s) => s.replace(/&(lt|gt|amp|quot|#39);/g, (m) => ENTITIES[m]);
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const cacheDir = () => process.env.DIAGRAM_CACHE || join(here, '..', '..', '..', 'target', 'diagram-cache');
const keyOf = (source) => createHash('sha256').update(MERMAID_VERSION + '\0' + SETTINGS + '\0' + source).digest('hex').slice(0, 16);

/** The accessible name: the author's accTitle/accDescr if given, else the diagram's kind and its labels in order. */
function describe(source, labels) {
  const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1].trim();
  const descr = /^\s*accDescr\s*:\s*(.+)$/m.exec(source)?.[1].trim();
  if (title || descr) return [title, descr].filter(Boolean).join('. ');
  const kind = /^\s*(?:%%.*\n\s*)*(\w[\w-]*)/.exec(source)?.[1] || 'diagram';
  const unique = [...new Set(labels.map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean))];
  return `Diagram (${kind})` + (unique.length ? ': ' + unique.join('; ') : '');
}

/** Renders the given sources in one Chromium session: key -> { light, dark, labels }. */
async function renderAll(missing) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    await access(executablePath);
  } catch {
    throw new Error(`diagrams: no Chromium at ${executablePath} to render ${missing.size} Mermaid diagram(s); `
      + 'install it (apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary');
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const jobs = [...missing].map(([key, source]) => ({ key, source }));
    // One page per theme, in parallel: Mermaid numbers some elements with counters that run
    // for the page's life, so both themes must render the same diagrams in the same order on a
    // fresh page for their drawings to match (then mergeThemes can share one SVG).
    const perTheme = await Promise.all(Object.entries(THEMES).map(async ([name, theme]) => {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ path: MERMAID_DIST });
      return page.evaluate(async ({ jobs, name, theme, font }) => {
        window.mermaid.initialize({ startOnLoad: false, theme, securityLevel: 'strict', fontFamily: font });
        const out = {};
        for (const { key, source } of jobs) {
          try {
            const { svg } = await window.mermaid.render(`mmd-${key}-${name}`, source);
            const holder = document.createElement('div');
            holder.innerHTML = svg;
            holder.querySelectorAll('br').forEach((br) => br.replaceWith(' ')); // "validate +<br/>compile"
            const labels = [...holder.querySelectorAll('.nodeLabel, .edgeLabel, .messageText, .actor, text')]
              .map((e) => e.textContent);
            out[key] = { [name]: svg, labels };
          } catch (error) {
            out[key] = { error: String(error?.message || error) };
          }
        }
        return out;
      }, { jobs, name, theme, font: FONT });
    }));
    const out = {};
    for (const { key } of jobs) {
      const results = perTheme.map((r) => r[key]);
      out[key] = results.find((r) => r.error) || Object.assign({}, ...results);
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * Mermaid prefixes its markers and styles with the id it is given, but not its node and edge ids
 * ("flowchart-A-0"), which would repeat across the inline SVGs of a page: prefix those too, with
 * the references to them.
 */
export function prefixIds(svg, prefix) {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]).filter((id) => !id.startsWith(prefix));
  if (!ids.length) return svg;
  const own = new Set(ids);
  const fix = (id) => (own.has(id) ? `${prefix}-${id}` : id);
  return svg
    .replace(/(\sid=")([^"]+)"/g, (m, head, id) => `${head}${fix(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (m, id) => `url(#${fix(id)})`)
    .replace(/(href=")#([^"]+)"/g, (m, head, id) => `${head}#${fix(id)}"`);
}

const STYLE = /<style>([\s\S]*?)<\/style>/;

/**
 * One SVG for both themes when Mermaid drew the same shapes in both (only its scoped <style>
 * differs): the light style, then the dark one scoped to the site's dark theme. That halves
 * the page weight of a diagram. Null when the drawings differ.
 */
export function mergeThemes(key, light, dark) {
  const own = (svg, theme) => svg.replaceAll(`mmd-${key}-${theme}`, `mmd-${key}`);
  const shapes = (svg, theme) => own(svg, theme).replace(STYLE, '');
  if (shapes(light, 'light') !== shapes(dark, 'dark')) return null;
  const darkStyle = STYLE.exec(dark)?.[1];
  if (!darkStyle || !STYLE.test(light)) return null;
  const scoped = darkStyle.replaceAll(`#mmd-${key}-dark`, `:root[data-theme="dark"] #mmd-${key}`).replaceAll(`mmd-${key}-dark`, `mmd-${key}`);
  return own(light, 'light').replace(/<\/style>/, () => `</style><style>${scoped}</style>`);
}

function figure(entry, source, escapedSource, nth) {
  const key = entry.key;
  // A diagram used twice on one page would repeat its SVG ids: suffix the later copies.
  const copy = (svg, id) => (nth === 0 ? svg : svg.replaceAll(id, `${id}-${nth}`));
  const label = escapeAttr(describe(source, entry.labels));
  const details = `<details><summary>Diagram source</summary><pre class="diagram-source">${escapedSource}</pre></details>`;
  const merged = mergeThemes(key, entry.light, entry.dark);
  if (merged) {
    return `<figure class="diagram"><div class="diagram-svg" role="img" aria-label="${label}">${copy(merged, `mmd-${key}`)}</div>${details}</figure>`;
  }
  // Two drawings: only the current theme's is displayed; the other is out of the accessibility
  // tree (display: none) and out of the search index.
  return '<figure class="diagram">'
    + `<div class="diagram-svg diagram-light" role="img" aria-label="${label}">${copy(entry.light, `mmd-${key}-light`)}</div>`
    + `<div class="diagram-svg diagram-dark" role="img" aria-label="${label}" data-pagefind-ignore>${copy(entry.dark, `mmd-${key}-dark`)}</div>`
    + details + '</figure>';
}

/**
 * Replaces the Mermaid blocks of the given pages (path -> html) with rendered figures, in place.
 * Returns { diagrams, rendered, cached }. Throws one line naming the page if a diagram fails.
 */
export async function renderDiagrams(pages) {
  const sources = new Map(); // key -> source
  for (const html of pages.values()) {
    for (const [, body] of html.matchAll(BLOCK)) {
      const source = unescape(body);
      sources.set(keyOf(source), source);
    }
  }
  if (sources.size === 0) return { diagrams: 0, rendered: 0, cached: 0 };
  const dir = cacheDir();
  const entries = new Map();
  const missing = new Map();
  for (const [key, source] of sources) {
    try {
      const entry = JSON.parse(await readFile(join(dir, key + '.json'), 'utf8'));
      if (Object.keys(THEMES).some((theme) => typeof entry[theme] !== 'string')) throw new Error('incomplete');
      entries.set(key, { key, ...entry });
    } catch {
      missing.set(key, source); // not cached, or unreadable: render it again
    }
  }
  if (missing.size) {
    const rendered = await renderAll(missing);
    await mkdir(dir, { recursive: true });
    for (const [key, source] of missing) {
      const result = rendered[key];
      if (result.error) {
        const page = [...pages].find(([, html]) => [...html.matchAll(BLOCK)].some(([, b]) => keyOf(unescape(b)) === key))[0];
        const firstLine = source.trim().split('\n')[0];
        throw new Error(`diagrams: ${page}: the Mermaid diagram starting "${firstLine}" does not render (${result.error.split('\n')[0]}); fix its source`);
      }
      for (const theme of Object.keys(THEMES)) result[theme] = prefixIds(result[theme], `mmd-${key}-${theme}`);
      // Written whole, then renamed: a build running at the same time never reads half a file.
      const file = join(dir, key + '.json');
      await writeFile(`${file}.${process.pid}.tmp`, JSON.stringify(result));
      await rename(`${file}.${process.pid}.tmp`, file);
      entries.set(key, { key, ...result });
    }
  }
  let diagrams = 0;
  for (const [path, html] of pages) {
    const seen = new Map();
    pages.set(path, html.replace(BLOCK, (match, body) => {
      const source = unescape(body);
      const key = keyOf(source);
      const nth = seen.get(key) || 0;
      seen.set(key, nth + 1);
      diagrams++;
      return figure(entries.get(key), source, body, nth);
    }));
  }
  return { diagrams, rendered: missing.size, cached: sources.size - missing.size };
}
