// The asset bundle step (`node build.mjs assets SRC OUT`): a bundle that fails (an author's syntax
// error, saved while `serve --watch` runs) leaves the last good bundle and its manifest in place.
// Run by `npm test` in src/main/frontend (Maven's test phase).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, appendFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const build = join(here, '../../main/frontend/build.mjs');
const templateAssets = join(here, '../../../templates/assets');

const bundle = (src, out) => spawnSync(process.execPath, [build, 'assets', src, out], { encoding: 'utf8' });

test('a failed bundle keeps the last good one, and a fixed one replaces it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'assets-'));
  try {
    const src = join(dir, 'src');
    const out = join(dir, 'out');
    await cp(templateAssets, src, { recursive: true });

    const first = bundle(src, out);
    assert.equal(first.status, 0, first.stderr);
    const manifest = await readFile(join(out, 'manifest.json'), 'utf8');
    const files = (await readdir(out)).sort();
    assert.ok(JSON.parse(manifest)['site.js'].startsWith('site-'));

    await appendFile(join(src, 'site.js'), '\nfunction broken( {\n');
    const failed = bundle(src, out);
    assert.notEqual(failed.status, 0);
    assert.match(failed.stderr, /site\.js/);
    assert.equal(await readFile(join(out, 'manifest.json'), 'utf8'), manifest);
    assert.deepEqual((await readdir(out)).sort(), files);
    assert.deepEqual((await readdir(dir)).sort(), ['out', 'src'], 'no partial folder left behind');

    await cp(join(templateAssets, 'site.js'), join(src, 'site.js'));
    await appendFile(join(src, 'site.js'), '\nconsole.debug("changed");\n');
    const fixed = bundle(src, out);
    assert.equal(fixed.status, 0, fixed.stderr);
    const after = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    assert.notEqual(after['site.js'], JSON.parse(manifest)['site.js']);
    assert.ok((await readdir(out)).includes(after['site.js']));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
