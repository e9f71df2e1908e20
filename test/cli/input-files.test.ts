// Issue 16 items 4 and 13: what `eci` reads. Only regular files, of bounded size, as strict UTF-8:
// a Latin-1 or UTF-16 file, a FIFO, /dev/zero, /dev/null or a pattern that is not one is named with what
// is wrong (exit 2), and nothing is read as something else or sent.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { startEciEndpoint, type EciEndpoint } from '../support/eciEndpoint';
import { makeTree, runCli, VALID_DOCUMENT } from './helpers';

const ACCESS_KEY_ID = 'LTAI5tCliInputFiles01';
const ACCESS_KEY_SECRET = 'cli-input-files-secret-9q';
const credentials = { ALIBABA_CLOUD_ACCESS_KEY_ID: ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: ACCESS_KEY_SECRET };

// `ContainerGroupName: café` in Latin-1: the é is the single byte 0xE9.
const LATIN1 = Buffer.concat([
  Buffer.from(VALID_DOCUMENT.replace('ContainerGroupName: web-frontend\n', ''), 'utf8'),
  Buffer.from('Description: caf'),
  Buffer.from([0xe9]),
  Buffer.from('\n'),
]);
const LATIN1_LINE = VALID_DOCUMENT.split('\n').length - 1; // the last line: VALID_DOCUMENT has one line less (the name) and one more (Description)
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
const utf32le = (s: string) => {
  const out = Buffer.alloc(4 + [...s].length * 4);
  out.writeUInt32LE(0xfeff, 0);
  [...s].forEach((c, i) => out.writeUInt32LE(c.codePointAt(0)!, 4 + i * 4));
  return out;
};

const tree = makeTree({});
let endpoint: EciEndpoint;
before(async () => {
  writeFileSync(tree.path('latin1.eci.yaml'), LATIN1);
  writeFileSync(tree.path('utf16le.eci.yaml'), utf16le(VALID_DOCUMENT));
  writeFileSync(tree.path('utf16be.eci.yaml'), utf16be(VALID_DOCUMENT));
  writeFileSync(tree.path('utf32le.eci.yaml'), utf32le(VALID_DOCUMENT));
  writeFileSync(
    tree.path('bom8.eci.yaml'),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VALID_DOCUMENT)]),
  );
  writeFileSync(tree.path('nul.eci.yaml'), Buffer.concat([Buffer.from(VALID_DOCUMENT), Buffer.from([0])]));
  writeFileSync(tree.path('good.eci.yaml'), VALID_DOCUMENT);
  writeFileSync(tree.path('huge.eci.yaml'), '');
  truncateSync(tree.path('huge.eci.yaml'), 7 * 1024 * 1024); // sparse: costs nothing unless read
  execFileSync('mkfifo', [tree.path('fifo.eci.yaml')]);
  endpoint = await startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } } });
});
after(async () => {
  await endpoint.close();
  tree.dispose();
});

const eci = (args: string[], timeoutMs = 15000) => runCli(args, { cwd: tree.dir, env: credentials, timeoutMs });

test('a Latin-1 file is refused as not UTF-8, with the byte, its offset and line; request prints nothing', async () => {
  const offset = LATIN1.indexOf(0xe9);
  for (const args of [
    ['validate', 'latin1.eci.yaml'],
    ['request', 'latin1.eci.yaml'],
  ]) {
    const r = await eci(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /latin1\.eci\.yaml: the file is not valid UTF-8/);
    assert.match(r.stderr, new RegExp(`0xE9 at byte offset ${offset} \\(line ${LATIN1_LINE}, byte 17 of the line\\)`));
    assert.ok(!r.stdout.includes('\uFFFD') && !r.stdout.includes('caf'), r.stdout);
  }
  const j = await eci(['validate', '--format', 'json', 'latin1.eci.yaml', 'good.eci.yaml']);
  assert.equal(j.code, 2);
  const out = JSON.parse(j.stdout) as { files: { path: string }[]; unreadable: { path: string; message: string }[] };
  assert.deepEqual(
    out.files.map((f) => f.path),
    ['good.eci.yaml'],
  );
  assert.equal(out.unreadable[0].path, 'latin1.eci.yaml');
  assert.match(out.unreadable[0].message, /not valid UTF-8/);
});

test('dry-run and create send nothing for a file that is not UTF-8 (in Japanese too)', async () => {
  const before = endpoint.requests.length;
  for (const command of ['dry-run', 'create']) {
    const r = await eci([command, '--endpoint', `http://${endpoint.endpoint}`, '--locale', 'ja', 'latin1.eci.yaml']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /正しい UTF-8 ではありません/);
  }
  assert.equal(endpoint.requests.length, before);
});

for (const [file, encoding] of [
  ['utf16le.eci.yaml', 'UTF-16 LE'],
  ['utf16be.eci.yaml', 'UTF-16 BE'],
  ['utf32le.eci.yaml', 'UTF-32 LE'],
]) {
  test(`a ${encoding} file (byte-order mark) is named as such, not analysed as "not a mapping"`, async () => {
    for (const args of [
      ['validate', file],
      ['request', file],
    ]) {
      const r = await eci(args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(
        r.stderr,
        new RegExp(`${file.replace('.', '\\.')}: the file is encoded as ${encoding}.*save it as UTF-8`),
      );
      assert.doesNotMatch(r.stdout + r.stderr, /not-a-mapping|must be a mapping/);
    }
  });
}

test('a UTF-8 byte-order mark is fine; a NUL byte is named', async () => {
  const ok = await eci(['validate', 'bom8.eci.yaml']);
  assert.equal(ok.code, 0, ok.stderr + ok.stdout);
  const nul = await eci(['validate', 'nul.eci.yaml']);
  assert.equal(nul.code, 2);
  assert.match(nul.stderr, /NUL byte at byte offset \d+/);
});

test('an invalid character class is a usage error (exit 2), not a crash', async () => {
  const r = await eci(['validate', '[z-a]*.eci.yaml']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /\[z-a\]\*\.eci\.yaml: not a usable pattern: the character class \[z-a\] is not valid/);
  assert.doesNotMatch(r.stderr, /internal error|SyntaxError|Invalid regular expression/);
  // The other arguments are still checked.
  const mixed = await eci(['validate', '[z-a].eci.yaml', 'good.eci.yaml']);
  assert.equal(mixed.code, 2);
  assert.match(mixed.stderr, /1 file/);
});

test('/dev/zero, /dev/null and a FIFO are refused at once as not regular files', async () => {
  const zero = await eci(['request', '/dev/zero'], 10000);
  assert.equal(zero.code, 2, zero.stderr);
  assert.match(zero.stderr, /\/dev\/zero: is a character device, not a regular file/);
  for (const command of ['validate', 'request']) {
    const n = await eci([command, '/dev/null'], 10000);
    assert.equal(n.code, 2, n.stderr);
    assert.match(n.stderr, /\/dev\/null: is a character device/);
    assert.doesNotMatch(n.stderr, /no such file/);
    const f = await eci([command, 'fifo.eci.yaml'], 10000);
    assert.equal(f.code, 2, f.stderr);
    assert.match(f.stderr, /fifo\.eci\.yaml: is a FIFO \(named pipe\)/);
  }
  // A directory holding a FIFO: the FIFO is not a document to read, the others are.
  const dir = await eci(['validate', '.'], 10000);
  assert.doesNotMatch(dir.stderr, /fifo/);
});

test('a file above the size limit is refused before it is read', async () => {
  const started = Date.now();
  for (const args of [
    ['validate', 'huge.eci.yaml'],
    ['request', 'huge.eci.yaml'],
  ]) {
    const r = await eci(args);
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /huge\.eci\.yaml: the file has 7340032 bytes, more than the 6291456 bytes a document can have/,
    );
  }
  assert.ok(Date.now() - started < 10000);
});
