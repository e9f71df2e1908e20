// The VS Code runtime installer runs a nested `npm install` (Node 24, code-server). Under `npm test` and
// `npm start` the process carries the outer npm's variables; the nested npm must not adopt them, or
// code-server's postinstall reads "node/v20" from npm_config_user_agent and refuses to install.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface Installer {
  nestedNpmEnv(
    env: NodeJS.ProcessEnv,
    options?: { prependPath?: string[]; extra?: Record<string, string> },
  ): Record<string, string>;
  npmInstall(folder: string, spec: string, options?: { prependPath?: string[]; extra?: Record<string, string> }): void;
}

const root = path.resolve(__dirname, '..', '..', '..');
const installer = (): Promise<Installer> =>
  import(pathToFileURL(path.join(root, 'scripts', 'install-vscode-runtime.mjs')).href) as Promise<Installer>;

/** What `npm test` (npm 11 on Node 20) puts into the environment of the script it runs, as measured here. */
function outerNpmEnvironment(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    PATH: [
      '/work/c/node_modules/.bin',
      '/work/node_modules/.bin',
      '/node_modules/.bin',
      '/usr/lib/node_modules/npm/node_modules/@npmcli/run-script/lib/node-gyp-bin',
      base.PATH,
    ].join(path.delimiter),
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64 workspaces/false',
    npm_node_execpath: '/usr/bin/node',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    npm_command: 'test',
    npm_config_prefix: '/usr',
    npm_config_global_prefix: '/usr',
    npm_config_local_prefix: '/work/c',
    npm_config_nodedir: '/usr',
    npm_config_node_gyp: '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    npm_config_npm_version: '11.19.1',
    npm_package_name: 'eci-container-groups',
    npm_package_json: '/work/c/package.json',
    npm_lifecycle_event: 'test',
    npm_lifecycle_script: 'node scripts/test.mjs',
    npm_config_registry: 'https://registry.example.invalid/',
    npm_config_cafile: '/etc/ssl/certs/ca-certificates.crt',
    INIT_CWD: '/work/c',
    NODE: '/usr/bin/node',
    COLOR: '0',
  };
}

test('nestedNpmEnv drops what the outer npm says of itself and keeps the user settings', async () => {
  const { nestedNpmEnv } = await installer();
  const env = nestedNpmEnv(outerNpmEnvironment({ PATH: '/usr/bin:/bin', HOME: '/home/u' }), {
    prependPath: ['/rt/node24/bin'],
    extra: { npm_config_nodedir: '/rt/node24' },
  });
  for (const key of [
    'npm_config_user_agent',
    'npm_node_execpath',
    'npm_execpath',
    'npm_command',
    'npm_config_prefix',
    'npm_config_global_prefix',
    'npm_config_local_prefix',
    'npm_config_node_gyp',
    'npm_config_npm_version',
    'npm_package_name',
    'npm_package_json',
    'npm_lifecycle_event',
    'npm_lifecycle_script',
    'INIT_CWD',
    'NODE',
    'COLOR',
  ]) {
    assert.equal(env[key], undefined, `${key} must not reach the nested npm`);
  }
  assert.equal(env.npm_config_nodedir, '/rt/node24', 'native modules build against the runtime Node');
  assert.equal(env.npm_config_registry, 'https://registry.example.invalid/', 'a registry the user exported is kept');
  assert.equal(env.npm_config_cafile, '/etc/ssl/certs/ca-certificates.crt');
  assert.equal(env.HOME, '/home/u');
  assert.equal(
    env.PATH,
    ['/rt/node24/bin', '/usr/bin', '/bin'].join(path.delimiter),
    'node_modules/.bin and node-gyp-bin of the outer run are gone',
  );
});

test('npmInstall runs the nested npm in the cleaned environment (a fake npm records what it was given)', async () => {
  const { npmInstall } = await installer();
  const dir = mkdtempSync(path.join(tmpdir(), 'eci-runtime-'));
  const fakeBin = path.join(dir, 'bin');
  const record = path.join(dir, 'env.json');
  const saved = { ...process.env };
  try {
    // An `npm` earlier on PATH than the real one, as Node 24's own npm is during the install.
    mkdirSync(fakeBin);
    const fakeNpm = path.join(fakeBin, 'npm');
    writeFileSync(
      fakeNpm,
      `#!/bin/sh\n"${process.execPath}" -e 'require("fs").writeFileSync(process.argv[1], JSON.stringify({ env: process.env, args: process.argv.slice(2), cwd: process.cwd() }))' "${record}" "$@"\n`,
    );
    chmodSync(fakeNpm, 0o755);
    Object.assign(process.env, outerNpmEnvironment(process.env));
    npmInstall(path.join(dir, 'target'), 'code-server@4.139.1', {
      prependPath: [fakeBin],
      extra: { npm_config_nodedir: '/rt/node24' },
    });
    const seen = JSON.parse(readFileSync(record, 'utf8')) as {
      env: Record<string, string>;
      args: string[];
      cwd: string;
    };
    assert.equal(seen.env.npm_config_user_agent, undefined, 'code-server postinstall would read node/v20 from it');
    assert.equal(seen.env.npm_config_prefix, undefined);
    assert.equal(seen.env.npm_config_nodedir, '/rt/node24');
    assert.equal(seen.env.PATH.split(path.delimiter)[0], fakeBin);
    assert.ok(!seen.env.PATH.split(path.delimiter).some((d) => d.endsWith(`${path.sep}.bin`)), seen.env.PATH);
    assert.deepEqual(seen.args.slice(-1), ['code-server@4.139.1']);
    assert.equal(seen.cwd, path.join(dir, 'target'));
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  }
});
