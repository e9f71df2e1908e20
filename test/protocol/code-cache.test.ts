// dist/server.js runs the server bundle from V8's code cache (server/src/start.ts): the first start writes the
// cache, later starts take it, a damaged or foreign cache never stops the server, and a cache folder that other
// users may write to is not read.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient } from './lspClient';

const DOC =
  'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n    Cpu: one\n';

/** Starts the server with the cache in `dir`, checks that it analyses a document, and stops it. */
async function startAndAnalyse(dir: string): Promise<void> {
  const client = await LspClient.start({ locale: 'en', env: { ...process.env, ECI_CODE_CACHE_DIR: dir } });
  await client.open('file:///cache.eci.yaml', DOC);
  const published = await client.diagnostics('file:///cache.eci.yaml');
  assert.ok(
    published.diagnostics.some((d) => d.code === 'schema.type'),
    JSON.stringify(published.diagnostics),
  );
  assert.equal(await client.stop(), 0);
}

function cacheFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
  } catch {
    return [];
  }
}

test('the first start writes the code cache, the next takes it as it is', async () => {
  const root = mkdtempSync(join(tmpdir(), 'eci-cache-'));
  const dir = join(root, 'cache');
  try {
    await startAndAnalyse(dir);
    const files = cacheFiles(dir);
    assert.equal(files.length, 1, 'one cache file for this build and Node');
    const file = join(dir, files[0]);
    assert.equal(statSync(dir).mode & 0o777, 0o700, "the folder is the user's alone");
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const made = statSync(file).mtimeMs;
    await startAndAnalyse(dir);
    assert.equal(statSync(file).mtimeMs, made, 'an accepted cache is not written again');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a damaged cache is replaced and the server starts all the same', async () => {
  const root = mkdtempSync(join(tmpdir(), 'eci-cache-'));
  const dir = join(root, 'cache');
  try {
    await startAndAnalyse(dir);
    const file = join(dir, cacheFiles(dir)[0]);
    writeFileSync(file, Buffer.from('not a V8 code cache'));
    await startAndAnalyse(dir);
    assert.ok(statSync(file).size > 100_000, 'V8 rejected the damaged data and a new cache was written');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a cache folder that others may write to is neither read nor written', async () => {
  const root = mkdtempSync(join(tmpdir(), 'eci-cache-'));
  const dir = join(root, 'cache');
  try {
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    await startAndAnalyse(dir);
    assert.deepEqual(cacheFiles(dir), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
