// `npm start`: builds the extension and opens it in a real VS Code with the examples folder.
//   - desktop VS Code (`code` on the PATH): `code --extensionDevelopmentPath=<this folder> examples/`
//   - otherwise code-server (VS Code in the browser, installed into .vscode-test/ on first use) on
//     127.0.0.1, with the extension installed from a freshly packaged .vsix; the URL is printed.
//
//   npm start                          whichever is available, desktop first
//   npm start -- --code-server         code-server even when `code` is on the PATH
//   npm start -- --port 8080           code-server on that port (default: a free one)
//
// On a fresh clone it installs the npm dependencies first (npm ci).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function parseArgs(argv) {
  const options = { codeServer: false, port: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--code-server') options.codeServer = true;
    else if (a === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port needs a port number from 1 to 65535, got "${argv[i] ?? ''}"`);
      options.port = port;
    } else fail(`unknown option "${a}"; options are --code-server and --port N`);
  }
  return options;
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

function run(label, cmd, args, opts = {}) {
  console.log(`> ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) fail(`${label} failed (exit ${r.status ?? r.signal})`);
}

/** The desktop `code` command when it is on the PATH. */
function findDesktopCode() {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of process.platform === 'win32' ? ['code.cmd', 'code.exe'] : ['code']) {
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        /* not here */
      }
    }
  }
  return undefined;
}

async function launchCodeServer(port) {
  const { ensureVscodeRuntime, runtimeDir, startCodeServer } = await import('./install-vscode-runtime.mjs');
  const runtime = ensureVscodeRuntime({ requireChromium: false });
  const launchDir = join(runtimeDir, '..', 'launch');
  const vsix = join(launchDir, 'eci-container-groups.vsix');
  mkdirSync(launchDir, { recursive: true });
  run('package the extension (vsce)', process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--out', vsix]);
  // The extension is reinstalled from this build on every launch; settings and state are kept.
  rmSync(join(launchDir, 'extensions'), { recursive: true, force: true });
  const server = await startCodeServer(runtime, { name: 'launch', sessionDir: launchDir, workspace: examples, vsix, port, keepHome: true });
  const url = `${server.url}/?folder=${encodeURIComponent(examples)}`;
  console.log('');
  console.log('VS Code (code-server) is running with the ECI extension and the examples folder:');
  console.log(`  ${url}`);
  console.log('Open that URL in a browser (on another machine: forward the port, e.g. ssh -L). Ctrl+C stops it.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { code, signal } = await server.exited;
  console.error(`code-server exited (${code ?? signal}); its output:\n${server.output().slice(-4000)}`);
  process.exit(1);
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) run('install dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
run('build the extension', process.execPath, [join(root, 'scripts', 'build.mjs')]);

const code = options.codeServer ? undefined : findDesktopCode();
if (code) {
  console.log(`> open desktop VS Code (${code}) with the extension under development and ${examples}`);
  const child = spawn(code, [`--extensionDevelopmentPath=${root}`, examples], { stdio: 'inherit' });
  child.on('exit', (status) => process.exit(status ?? 0));
} else {
  await launchCodeServer(options.port);
}
