// Front-end build steps, run by Maven through the frontend-maven-plugin's Node:
//
//   node build.mjs assets SRC_DIR OUT_DIR
//       Bundles and minifies SRC_DIR's site.js (with its lazily loaded search.js), theme.js and site.css into OUT_DIR with content-hashed names, copies
//       the other files as they are, and writes OUT_DIR/manifest.json (name -> hashed name).
//       Pyodide's runtime files are copied to OUT_DIR/pyodide/; python-worker.js (which loads them)
//       and python-frame.js (the sandboxed frame that hosts it) are bundled on their own: the page
//       fetches them and hands them to the frame (their hashed names are compiled into python-runner.js).
//
//   node build.mjs postprocess SITE_DIR
//       Run by the site generator on its staging folder before the link check: turns every
//       Mermaid block into inline SVG (diagrams.mjs), highlights every <pre><code class="language-x">
//       block with Prism (so code is coloured without JavaScript) and writes the Pagefind search index to SITE_DIR/pagefind/.
import { readFile, writeFile, readdir, mkdir, copyFile, rm, stat, rename } from 'node:fs/promises';
import { join, relative, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import Prism from 'prismjs';
import loadLanguages from 'prismjs/components/index.js';
import * as pagefind from 'pagefind';
import { renderDiagrams } from './diagrams.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [mode, ...args] = process.argv.slice(2);

// Hidden files and folders (a segment starting with '.') are skipped: the generator's rule (SourceTree.java).
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await files(path));
    else out.push(path);
  }
  return out.sort();
}

// Pyodide's files, published under assets/pyodide/ and loaded by the Python Worker on first Run.
const PYODIDE_FILES = ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

/** Copies Pyodide into OUT_DIR/pyodide; returns each file's size in bytes (for the progress bar). */
async function copyPyodide(outDir) {
  const sizes = {};
  await mkdir(join(outDir, 'pyodide'), { recursive: true });
  for (const name of PYODIDE_FILES) {
    const from = join(here, 'node_modules', 'pyodide', name);
    await copyFile(from, join(outDir, 'pyodide', name));
    sizes[name] = (await stat(from)).size;
  }
  return sizes;
}

/**
 * Bundles one script that the page does not import but fetches and hands to the Python sandbox
 * frame (the frame's code, the Worker's); returns its hashed name.
 */
async function sandboxScript(srcDir, outDir, entry, format) {
  const result = await esbuild.build({
    entryPoints: [join(srcDir, entry)],
    outdir: outDir,
    bundle: true,
    format,
    minify: true,
    target: ['es2020'],
    entryNames: '[name]-[hash]',
    metafile: true,
    logLevel: 'error',
  });
  return Object.keys(result.metafile.outputs).find((o) => o.endsWith('.js')).split('/').pop();
}

// Bundled into a folder of its own and swapped in only when complete: a syntax error in an asset
// leaves the last good bundle (and its manifest) in place for the next build to use.
async function assets(srcDir, finalDir) {
  const outDir = `${finalDir}.partial-${process.pid}`;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  try {
    await bundleAssets(srcDir, outDir);
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
  await rm(finalDir, { recursive: true, force: true });
  await rename(outDir, finalDir);
}

async function bundleAssets(srcDir, outDir) {
  const sizes = await copyPyodide(outDir);
  // A classic Worker: Chromium refuses a module Worker from a blob: URL of an opaque origin.
  const worker = await sandboxScript(srcDir, outDir, 'python-worker.js', 'iife');
  const frame = await sandboxScript(srcDir, outDir, 'python-frame.js', 'esm');
  // Each define a string: esbuild moves an object-valued one into a chunk that every entry imports,
  // theme.js too, which is a classic script and cannot import.
  const result = await esbuild.build({
    define: { __PYTHON_WORKER__: JSON.stringify(worker), __PYTHON_FRAME__: JSON.stringify(frame), __PYODIDE_FILES__: JSON.stringify(JSON.stringify(sizes)) },
    entryPoints: [join(srcDir, 'site.js'), join(srcDir, 'theme.js'), join(srcDir, 'site.css')],
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: ['es2020'],
    entryNames: '[name]-[hash]',
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    legalComments: 'linked',
    nodePaths: [join(here, 'node_modules')],
    metafile: true,
    logLevel: 'warning',
  });
  const manifest = {};
  for (const [output, info] of Object.entries(result.metafile.outputs)) {
    // Our own entry points only; lazily loaded chunks are found by import, not by name.
    if (info.entryPoint && !info.entryPoint.includes('node_modules')) {
      manifest[info.entryPoint.split('/').pop()] = output.split('/').pop();
    }
  }
  for (const file of await files(srcDir)) {
    const name = relative(srcDir, file);
    if (!/\.(js|css)$/.test(name)) {
      await mkdir(dirname(join(outDir, name)), { recursive: true });
      await copyFile(file, join(outDir, name));
      manifest[name] = name;
    }
  }
  manifest['python-worker.js'] = worker;
  manifest['python-frame.js'] = frame;
  const sorted = Object.fromEntries(Object.entries(manifest).sort());
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(sorted, null, 2) + '\n');
  const outputs = Object.entries(result.metafile.outputs);
  const kib = (bytes) => (bytes / 1024).toFixed(1) + ' KiB';
  const ours = outputs.filter(([, i]) => i.entryPoint && !i.entryPoint.includes('node_modules'))
    .map(([o, i]) => `${o.split('/').pop()} ${kib(i.bytes)}`);
  const total = outputs.reduce((sum, [, i]) => sum + i.bytes, 0);
  console.log(`assets: ${ours.join(', ')}; ${outputs.length} files, ${kib(total)} in all`);
}

// Fence names used in the content, mapped to Prism's language ids.
const ALIASES = { js: 'javascript', html: 'markup', xml: 'markup', sh: 'bash', shell: 'bash', wat: 'wasm', ps1: 'powershell', yml: 'yaml' };
loadLanguages(['c', 'python', 'bash', 'powershell', 'json', 'wasm', 'yaml', 'java', 'markup', 'javascript']);

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
const unescape = (s) => s.replace(/&(lt|gt|amp|quot|#39);/g, (m) => ENTITIES[m]);

function highlight(html) {
  let count = 0;
  const out = html.replace(/<pre><code class="language-([\w-]+)">([\s\S]*?)<\/code><\/pre>/g, (match, fence, body) => {
    const lang = ALIASES[fence] || fence;
    const grammar = Prism.languages[lang];
    if (!grammar) return match;
    count++;
    const coloured = Prism.highlight(unescape(body), grammar, lang);
    return `<pre class="language-${lang}"><code class="language-${lang}">${coloured}</code></pre>`;
  });
  return { out, count };
}

/** Null when the index in dir is complete, else what is wrong with it. */
async function checkIndex(dir) {
  let entry;
  try {
    entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8'));
  } catch (error) {
    return 'pagefind-entry.json is unreadable (' + error.message + ')';
  }
  for (const [language, info] of Object.entries(entry.languages || {})) {
    const meta = join(dir, `pagefind.${info.hash}.pf_meta`);
    try {
      if ((await readFile(meta)).length === 0) return `${meta} is empty`;
    } catch (error) {
      return `index for language ${language} is missing (${error.message})`;
    }
  }
  return Object.keys(entry.languages || {}).length ? null : 'pagefind-entry.json lists no language';
}

async function postprocess(siteDir) {
  let blocks = 0;
  let pages = 0;
  const original = new Map();
  for (const file of await files(siteDir)) {
    if (file.endsWith('.html')) original.set(relative(siteDir, file), await readFile(file, 'utf8'));
  }
  const staged = new Map(original);
  const drawn = await renderDiagrams(staged);
  for (const [name, html] of staged) {
    const { out, count } = highlight(html);
    staged.set(name, out);
    if (out !== original.get(name)) await writeFile(join(siteDir, name), out);
    if (count > 0) {
      blocks += count;
      pages++;
    }
  }
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (errors.length) throw new Error('pagefind: ' + errors.join('; '));
  // One page at a time in path order, not addDirectory: it numbers pages in the order its
  // parallel walk finds them, so two builds of the same site wrote different index files (and a
  // new service worker version) every time.
  for (const name of [...staged.keys()].sort()) {
    const added = await index.addHTMLFile({ sourcePath: name.split(sep).join('/'), content: staged.get(name) });
    if (added.errors.length) throw new Error('pagefind: ' + name + ': ' + added.errors.join('; '));
  }
  // Seen once: writeFiles resolved while pagefind-entry.json was still empty, and the published
  // search then failed in the browser. Check what was written before stopping Pagefind's service.
  const outputPath = join(siteDir, 'pagefind');
  for (let attempt = 1; ; attempt++) {
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error('pagefind: ' + written.errors.join('; '));
    const problem = await checkIndex(outputPath);
    if (!problem) break;
    if (attempt === 3) throw new Error('pagefind wrote an incomplete index: ' + problem);
    console.log(`postprocess: ${problem}; writing the index again`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await pagefind.close();
  // The site has its own small search UI (templates/assets/search.js): Pagefind's prebuilt UIs
  // would only be published and precached for nothing.
  const unused = /^pagefind-(ui|component-ui|modular-ui|highlight)\./;
  for (const name of await readdir(join(siteDir, 'pagefind'))) {
    if (unused.test(name)) await rm(join(siteDir, 'pagefind', name));
  }
  const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8'));
  const pageCount = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  const indexFiles = await files(join(siteDir, 'pagefind'));
  let bytes = 0;
  for (const file of indexFiles) bytes += (await readFile(file)).length;
  console.log(`postprocess: ${drawn.diagrams} diagrams as inline SVG (${drawn.rendered} rendered, ${drawn.cached} from the cache); `
    + `highlighted ${blocks} code blocks in ${pages} pages; search index of ${pageCount} pages, `
    + `${indexFiles.length} files, ${(bytes / 1024).toFixed(0)} KiB`);
}

try {
  if (mode === 'assets') await assets(args[0], args[1]);
  else if (mode === 'postprocess') await postprocess(args[0]);
  else throw new Error('usage: node build.mjs assets SRC OUT | postprocess SITE_DIR');
} catch (error) {
  console.error('error: ' + error.message);
  process.exit(1);
}
