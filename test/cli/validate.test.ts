// `eci validate`: exit codes, the three formats, file discovery, colours and locale, run as a process.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ANSI, makeTree, runCli, lineOf, VALID_DOCUMENT, ROOT } from './helpers';

const UNKNOWN_KEY_DOCUMENT = `${VALID_DOCUMENT}RestartPolicyy: Always
`;
/** Legal but risky: bash without a terminal exits at once (rule container.tty-for-bash, a warning). */
const WARNING_DOCUMENT = `${VALID_DOCUMENT}    Command: [/bin/bash]
`;
const MISSING_IMAGE_DOCUMENT = `RegionId: cn-hangzhou
ContainerGroupName: web
Container:
  - Name: nginx
`;

const tree = makeTree({
  'deploy/good.eci.yaml': VALID_DOCUMENT,
  'deploy/nested/deeper/bad.eci.yaml': UNKNOWN_KEY_DOCUMENT,
  'deploy/nested/also.eci.yml': VALID_DOCUMENT,
  'deploy/node_modules/pkg/ignored.eci.yaml': MISSING_IMAGE_DOCUMENT,
  'deploy/.git/ignored.eci.yaml': MISSING_IMAGE_DOCUMENT,
  'deploy/plain.yaml': MISSING_IMAGE_DOCUMENT,
  'missing-image.eci.yaml': MISSING_IMAGE_DOCUMENT,
  'clean/one.eci.yaml': VALID_DOCUMENT,
  'empty-dir/readme.txt': 'no documents here\n',
  'named-anyhow.yaml': UNKNOWN_KEY_DOCUMENT,
  'warn/bash.eci.yaml': WARNING_DOCUMENT,
  // Issue 16, item 1: b is a's edit (a line added above a tab-only line); a CR-only file.
  'pair/a.eci.yaml': `${VALID_DOCUMENT}\t\n    Imagee: x\n`,
  'pair/b.eci.yaml': `${VALID_DOCUMENT}    WorkingDir: /srv\n\t\n    Imagee: x\n`,
  'cr/only.eci.yaml': VALID_DOCUMENT.replace(/\n/g, '\r') + 'RestartPolicyy: Always\r',
});
after(() => tree.dispose());

const TEXT_LINE = /^(.+?):(\d+):(\d+): (error|warning|information|hint) ([\w.-]+): (.+)$/;

function parseTextLines(stdout: string) {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = TEXT_LINE.exec(l);
      assert.ok(m, `not a diagnostic line: ${JSON.stringify(l)}`);
      return { file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4], rule: m[5], message: m[6] };
    });
}

test('a clean document: exit 0, nothing on stdout, a summary on stderr', async () => {
  const r = await runCli(['validate', 'clean/one.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /0 errors, 0 warnings in 1 file/);
});

test('an error: exit 1 and file:line:col: severity rule-id: message with 1-based positions', async () => {
  const r = await runCli(['validate', 'deploy/nested/deeper/bad.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 1, r.stderr);
  const lines = parseTextLines(r.stdout);
  const unknown = lines.find((l) => l.rule === 'schema.unknown-key');
  assert.ok(unknown, r.stdout);
  assert.equal(unknown.file, 'deploy/nested/deeper/bad.eci.yaml');
  assert.equal(unknown.severity, 'error');
  assert.equal(unknown.line, lineOf(UNKNOWN_KEY_DOCUMENT, 'RestartPolicyy') + 1);
  assert.equal(unknown.column, 1);
  assert.match(unknown.message, /RestartPolicyy/);
  assert.match(r.stderr, /1 error/);
});

test('warnings only: exit 0, each warning printed with its rule id', async () => {
  const r = await runCli(['validate', 'warn'], { cwd: tree.dir });
  assert.equal(r.code, 0, r.stderr);
  const lines = parseTextLines(r.stdout);
  assert.ok(lines.length >= 1);
  const tty = lines.find((l) => l.rule === 'container.tty-for-bash');
  assert.ok(tty, r.stdout);
  assert.equal(tty.severity, 'warning');
  assert.equal(tty.line, lineOf(WARNING_DOCUMENT, 'Command: [/bin/bash]') + 1);
  assert.ok(lines.every((l) => l.severity !== 'error'));
  assert.match(r.stderr, /0 errors, \d+ warnings? in 1 file/);
});

test('a missing required parameter is reported on the container that lacks it', async () => {
  const r = await runCli(['validate', 'missing-image.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 1);
  const required = parseTextLines(r.stdout).filter((l) => l.rule === 'schema.required');
  assert.ok(
    required.some((l) => /Image/.test(l.message) && l.line >= lineOf(MISSING_IMAGE_DOCUMENT, 'Container:') + 1),
    r.stdout,
  );
});

test('a directory is searched recursively for *.eci.yaml and *.eci.yml, skipping node_modules and .git', async () => {
  const r = await runCli(['validate', 'deploy'], { cwd: tree.dir });
  assert.equal(r.code, 1, r.stderr);
  const files = new Set(parseTextLines(r.stdout).map((l) => l.file));
  assert.deepEqual([...files], ['deploy/nested/deeper/bad.eci.yaml']);
  // three documents checked: good.eci.yaml, nested/also.eci.yml, nested/deeper/bad.eci.yaml
  assert.match(r.stderr, /in 3 files/);
});

test('globs: ** spans directories, * and ? stay within a name', async () => {
  const deep = await runCli(['validate', 'deploy/**/*.eci.y*ml'], { cwd: tree.dir });
  assert.match(deep.stderr, /in 3 files/, deep.stderr);
  assert.equal(deep.code, 1);
  // `?` is exactly one character: y?ml matches yaml, not yml
  const oneChar = await runCli(['validate', 'deploy/**/*.eci.y?ml'], { cwd: tree.dir });
  assert.match(oneChar.stderr, /in 2 files/, oneChar.stderr);
  const fourLetters = await runCli(['validate', 'deploy/????.eci.yaml'], { cwd: tree.dir });
  assert.equal(fourLetters.code, 0, fourLetters.stderr);
  assert.match(fourLetters.stderr, /in 1 file\b/);
  const shallow = await runCli(['validate', 'deploy/*.eci.yaml'], { cwd: tree.dir });
  assert.equal(shallow.code, 0, shallow.stderr + shallow.stdout);
  assert.match(shallow.stderr, /in 1 file\b/);
  const yml = await runCli(['validate', '**/*.yml'], { cwd: tree.dir });
  assert.equal(yml.code, 0);
  assert.match(yml.stderr, /in 1 file\b/);
});

test('a symbolic link to a directory is not followed (no loops); a link to a file is', async () => {
  const linked = makeTree({ 'real/a.eci.yaml': VALID_DOCUMENT, 'other/b.eci.yaml': UNKNOWN_KEY_DOCUMENT });
  try {
    symlinkSync(linked.path('real'), linked.path('real/loop'));
    symlinkSync(linked.path('other/b.eci.yaml'), linked.path('real/link.eci.yaml'));
    const r = await runCli(['validate', 'real'], { cwd: linked.dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /in 2 files/);
    assert.deepEqual([...new Set(parseTextLines(r.stdout).map((l) => l.file))], ['real/link.eci.yaml']);
  } finally {
    linked.dispose();
  }
});

test('a byte-order mark and CRLF line endings do not shift positions; a YAML syntax error is an error', async () => {
  const crlf = '\ufeff' + UNKNOWN_KEY_DOCUMENT.replace(/\n/g, '\r\n');
  const t = makeTree({ 'crlf.eci.yaml': crlf, 'syntax.eci.yaml': 'RegionId: cn-hangzhou\nContainer: [ {Name: a\n' });
  try {
    const r = await runCli(['validate', '-f', 'json', '.'], { cwd: t.dir });
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as {
      files: { path: string; diagnostics: { rule: string; line: number; column: number }[] }[];
    };
    const unknown = out.files
      .find((f) => f.path === 'crlf.eci.yaml')
      ?.diagnostics.find((d) => d.rule === 'schema.unknown-key');
    assert.deepEqual(unknown && [unknown.line, unknown.column], [
      lineOf(UNKNOWN_KEY_DOCUMENT, 'RestartPolicyy') + 1,
      1,
    ]);
    const syntax = out.files.find((f) => f.path === 'syntax.eci.yaml');
    assert.ok(
      syntax?.diagnostics.some((d) => d.rule === 'yaml.syntax'),
      JSON.stringify(syntax),
    );
  } finally {
    t.dispose();
  }
});

test('each file is validated on its own: a file validated after another reads as it does alone', async () => {
  const both = await runCli(['validate', '--format', 'json', 'pair/a.eci.yaml', 'pair/b.eci.yaml'], { cwd: tree.dir });
  const alone = await runCli(['validate', '--format', 'json', 'pair/b.eci.yaml'], { cwd: tree.dir });
  const diagnosticsOf = (stdout: string, name: string) =>
    (JSON.parse(stdout).files as { path: string; diagnostics: unknown[] }[]).find((f) => f.path.endsWith(name))
      ?.diagnostics;
  assert.equal(both.code, 1, both.stderr);
  const b = diagnosticsOf(alone.stdout, 'b.eci.yaml');
  assert.ok(JSON.stringify(b).includes('Imagee'), alone.stdout);
  assert.deepEqual(diagnosticsOf(both.stdout, 'b.eci.yaml'), b);
});

test('CR line ends: lines are counted at each CR', async () => {
  const r = await runCli(['validate', 'cr/only.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 1, r.stderr);
  const lines = VALID_DOCUMENT.split('\n').length;
  assert.match(r.stdout, new RegExp(`^cr/only.eci.yaml:${lines}:1: error schema.unknown-key: .*RestartPolicyy`, 'm'));
});

test('a file named explicitly is checked whatever its name', async () => {
  const r = await runCli(['validate', 'named-anyhow.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 1);
  assert.ok(parseTextLines(r.stdout).every((l) => l.file === 'named-anyhow.yaml'));
});

test('no argument: the current directory', async () => {
  const r = await runCli(['validate'], { cwd: join(tree.dir, 'clean') });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /in 1 file\b/);
});

test('a missing file: exit 2 naming it, and the readable files are still reported', async () => {
  const r = await runCli(['validate', 'nope.eci.yaml', 'deploy/nested/deeper/bad.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nope\.eci\.yaml: no such file or directory/);
  assert.ok(parseTextLines(r.stdout).some((l) => l.file === 'deploy/nested/deeper/bad.eci.yaml'));
});

test('a pattern matching nothing and a directory without documents: exit 2, each named', async () => {
  const r = await runCli(['validate', 'nothing/**/*.eci.yaml', 'empty-dir', 'clean'], { cwd: tree.dir });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /nothing\/\*\*\/\*\.eci\.yaml: no file matches this pattern/);
  assert.match(r.stderr, /empty-dir: no \*\.eci\.yaml or \*\.eci\.yml file in this directory/);
});

test('usage errors exit 2: unknown option, bad format, unknown command, missing command', async () => {
  for (const args of [
    ['validate', '--frmat', 'json'],
    ['validate', '--format', 'xml'],
    ['validate', '--format'],
    ['lint'],
    [],
  ]) {
    const r = await runCli(args, { cwd: tree.dir });
    assert.equal(r.code, 2, `eci ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^eci: /);
  }
});

test('--format json: every diagnostic with 1-based positions, the summary and unreadable inputs', async () => {
  const r = await runCli(['validate', '--format', 'json', 'deploy', 'nope.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout) as {
    files: {
      path: string;
      diagnostics: {
        line: number;
        column: number;
        endLine: number;
        endColumn: number;
        severity: string;
        rule: string;
        message: string;
        range: { start: { line: number; character: number } };
      }[];
    }[];
    unreadable: { path: string; message: string }[];
    summary: { files: number; errors: number; warnings: number; unreadable: number };
  };
  assert.deepEqual(
    out.files.map((f) => f.path),
    ['deploy/good.eci.yaml', 'deploy/nested/also.eci.yml', 'deploy/nested/deeper/bad.eci.yaml'],
  );
  const bad = out.files[2].diagnostics.find((d) => d.rule === 'schema.unknown-key');
  assert.ok(bad);
  assert.equal(bad.line, lineOf(UNKNOWN_KEY_DOCUMENT, 'RestartPolicyy') + 1);
  assert.equal(bad.line, bad.range.start.line + 1);
  assert.equal(bad.column, bad.range.start.character + 1);
  assert.equal(bad.severity, 'error');
  assert.equal(out.summary.files, 3);
  assert.ok(out.summary.errors >= 1);
  assert.deepEqual(
    out.unreadable.map((u) => u.path),
    ['nope.eci.yaml'],
  );
});

test('--format json on clean input: exit 0 and zero counts', async () => {
  const r = await runCli(['validate', '-f', 'json', 'clean'], { cwd: tree.dir });
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.summary, { files: 1, errors: 0, warnings: 0, unreadable: 0 });
});

test('no colours when output is not a terminal', async () => {
  const piped = await runCli(['validate', 'deploy'], { cwd: tree.dir });
  assert.doesNotMatch(piped.stdout + piped.stderr, ANSI);
});

test('colours on a terminal unless NO_COLOR is set', async () => {
  // util-linux `script` gives the child a pseudo-terminal, as an interactive shell would.
  const { spawnSync } = await import('node:child_process');
  const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'dist', 'cli.js'))} validate deploy/nested/deeper/bad.eci.yaml`;
  const run = (extra: Record<string, string>) =>
    spawnSync('script', ['-qec', cmd, '/dev/null'], {
      cwd: tree.dir,
      env: { PATH: process.env.PATH, HOME: tree.dir, TERM: 'xterm', ...extra },
      encoding: 'utf8',
    });
  const tty = run({});
  assert.equal(tty.status, 1, tty.stdout + tty.stderr);
  assert.match(tty.stdout, ANSI);
  const noColour = run({ NO_COLOR: '1' });
  assert.equal(noColour.status, 1);
  assert.match(noColour.stdout, /bad\.eci\.yaml:\d+:\d+: error /);
  assert.doesNotMatch(noColour.stdout, ANSI);
});

test('Japanese: --locale ja and LANG=ja_JP.UTF-8 give Japanese messages', async () => {
  const flag = await runCli(['validate', '--locale', 'ja', 'deploy/nested/deeper/bad.eci.yaml'], { cwd: tree.dir });
  assert.equal(flag.code, 1);
  assert.match(flag.stderr, /1 ファイル中 エラー/);
  assert.match(flag.stdout, /[\u3040-\u30ff]/, 'the service speaks Japanese too');
  const env = await runCli(['validate', 'deploy/nested/deeper/bad.eci.yaml'], {
    cwd: tree.dir,
    env: { LANG: 'ja_JP.UTF-8' },
  });
  assert.equal(env.stdout, flag.stdout);
  const english = await runCli(['validate', '--locale', 'en', 'deploy/nested/deeper/bad.eci.yaml'], {
    cwd: tree.dir,
    env: { LANG: 'ja_JP.UTF-8' },
  });
  assert.doesNotMatch(english.stdout, /[\u3040-\u30ff]/);
  const bad = await runCli(['validate', '--locale', 'fr', 'clean'], { cwd: tree.dir });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--locale must be en or ja/);
});

test('--help for every command, eci --help and --version', async () => {
  const main = await runCli(['--help']);
  assert.equal(main.code, 0);
  for (const c of ['validate', 'request', 'dry-run', 'create'])
    assert.match(main.stdout, new RegExp(`^  ${c}\\b`, 'm'));
  assert.match(main.stdout, /Exit codes:/);
  for (const c of ['validate', 'request', 'dry-run', 'create']) {
    const r = await runCli([c, '--help']);
    assert.equal(r.code, 0, c);
    assert.match(r.stdout, new RegExp(`^Usage: eci ${c} `), c);
    const viaHelp = await runCli(['help', c]);
    assert.equal(viaHelp.stdout, r.stdout);
  }
  const call = await runCli(['create', '--help']);
  for (const o of ['--region', '--profile', '--endpoint', '--json']) assert.match(call.stdout, new RegExp(o));
  for (const code of ['0', '1', '2', '3', '4']) assert.match(call.stdout, new RegExp(`^  ${code} +\\S`, 'm'));
  const ja = await runCli(['validate', '--help', '--locale', 'ja']);
  assert.match(ja.stdout, /^使い方: eci validate/);
  const version = await runCli(['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});
