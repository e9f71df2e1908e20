// `npm start`: builds the extension and opens it in a real VS Code with the examples folder.
//   - desktop VS Code (`code` on the PATH): `code --extensionDevelopmentPath=<this folder> examples/`
//   - otherwise code-server (VS Code in the browser, installed into .vscode-test/ on first use) on
//     127.0.0.1, with the extension installed from a freshly packaged .vsix; the URL is printed.
//
//   npm start                          whichever is available, desktop first
//   npm start -- --code-server         code-server even when `code` is on the PATH
//   npm start -- --port 8080           code-server on that port (default: a free one)
//
//   npm start -- --real-service        no simulator: the workspace uses the real ECI service (your credentials)
//
// By default it first starts the ECI simulator (`eci simulator`, 127.0.0.1 only, a test key made for
// this session) and opens a workspace file (in .vscode-test/launch/) holding the examples folder with
// `eci.endpoint` pointed at the simulator and the test key in the environment of that VS Code only:
// Create -> Running -> Logs work with no account. The examples folder itself is left untouched, so
// everywhere else the real service stays the default. The simulator stops with this command.
//
// On a fresh clone it installs the npm dependencies first (npm ci).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(root, 'examples');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function parseArgs(argv) {
  const options = { codeServer: false, port: 0, simulator: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--code-server') options.codeServer = true;
    else if (a === '--real-service') options.simulator = false;
    else if (a === '--port') {
      const port = Number(argv[++i]);
      if (!Number.isInteger(port) || port < 1 || port > 65535)
        fail(`--port needs a port number from 1 to 65535, got "${argv[i] ?? ''}"`);
      options.port = port;
    } else fail(`unknown option "${a}"; options are --code-server, --port N and --real-service`);
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

/**
 * Starts `eci simulator` (dist/cli.js) on a free loopback port with a test key made for this session.
 * Resolves with its URL, the key and a stop function once it listens.
 */
export async function startSimulatorProcess({ pendingSeconds = 5 } = {}) {
  const accessKeyId = `LTAIsim${randomBytes(8).toString('hex')}`;
  const accessKeySecret = randomBytes(18).toString('base64url');
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist', 'cli.js'),
      'simulator',
      '--port',
      '0',
      '--pending-seconds',
      String(pendingSeconds),
      '--access-key-id',
      accessKeyId,
      '--access-key-secret',
      accessKeySecret,
      '--locale',
      'en',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`the simulator did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      rej(new Error(`the simulator exited (${code ?? signal}):\n${output}`));
    });
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  return { url, accessKeyId, accessKeySecret, stop, child };
}

/**
 * The workspace file of a simulator session: the examples folder, with eci.endpoint pointing at the
 * simulator and a comment saying so (workspace settings of this file only).
 */
export function writeSimulatorWorkspace(dir, url) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'eci-simulator.code-workspace');
  const text = `// ECI simulator session (npm start): this workspace sends every ECI call to the local simulator
// at ${url}, with a test key that works only there. Nothing reaches Alibaba Cloud.
// Outside this workspace the real service stays the default (eci.endpoint empty).
{
  "folders": [{ "path": ${JSON.stringify(examples)} }],
  "settings": {
    // ECI simulator: the local simulator started by npm start (not Alibaba Cloud).
    "eci.endpoint": ${JSON.stringify(url)},
    "eci.followTimeoutSeconds": 120
  }
}
`;
  writeFileSync(file, text);
  return file;
}

async function launchCodeServer(port, session) {
  const { ensureVscodeRuntime, packageExtension, runtimeDir, startCodeServer } =
    await import('./install-vscode-runtime.mjs');
  const runtime = ensureVscodeRuntime({ requireChromium: false });
  const launchDir = join(runtimeDir, '..', 'launch');
  const vsix = join(launchDir, 'eci-container-groups.vsix');
  mkdirSync(launchDir, { recursive: true });
  console.log('> package the extension (vsce)');
  try {
    packageExtension(vsix);
  } catch (err) {
    fail(err.message);
  }
  // The extension is reinstalled from this build on every launch; settings and state are kept.
  rmSync(join(launchDir, 'extensions'), { recursive: true, force: true });
  const server = await startCodeServer(runtime, {
    name: 'launch',
    sessionDir: launchDir,
    workspace: examples,
    vsix,
    port,
    keepHome: true,
    env: session.env,
  });
  const url = session.workspaceFile
    ? `${server.url}/?workspace=${encodeURIComponent(session.workspaceFile)}`
    : `${server.url}/?folder=${encodeURIComponent(examples)}`;
  console.log('');
  console.log(
    `VS Code (code-server) is running with the ECI extension and the examples folder${session.workspaceFile ? ', pointed at the ECI simulator' : ''}:`,
  );
  console.log(`  ${url}`);
  console.log('Open that URL in a browser (on another machine: forward the port, e.g. ssh -L). Ctrl+C stops it.');
  const stop = async () => {
    await server.stop();
    session.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const { code, signal } = await server.exited;
  console.error(`code-server exited (${code ?? signal}); its output:\n${server.output().slice(-4000)}`);
  session.stop();
  process.exit(1);
}

/** The simulator and the workspace pointed at it, or the plain examples folder with --real-service. */
async function prepareSession(options) {
  if (!options.simulator) return { env: {}, workspaceFile: undefined, target: examples, stop: () => undefined };
  const simulator = await startSimulatorProcess();
  const workspaceFile = writeSimulatorWorkspace(join(root, '.vscode-test', 'launch'), simulator.url);
  console.log(
    `> ECI simulator listening on ${simulator.url} (127.0.0.1 only; a test key for this session, in the environment of this VS Code only)`,
  );
  console.log(
    `  workspace ${workspaceFile}: eci.endpoint = ${simulator.url}. Open examples/web-server.eci.yaml and click Create.`,
  );
  console.log('  Run `npm start -- --real-service` to use Alibaba Cloud instead.');
  simulator.child.once('exit', (code, signal) => console.error(`the ECI simulator stopped (${code ?? signal})`));
  return {
    env: {
      ALIBABA_CLOUD_ACCESS_KEY_ID: simulator.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: simulator.accessKeySecret,
      ECI_SIMULATOR_SESSION: simulator.url,
    },
    workspaceFile,
    target: workspaceFile,
    stop: simulator.stop,
  };
}

if (process.argv[1] !== fileURLToPath(import.meta.url)) {
  // Imported (by a test) for its helpers: launch nothing.
} else {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(root, 'node_modules', '.package-lock.json')))
    run('install dependencies (npm ci)', npm, ['ci', '--no-audit', '--no-fund']);
  run('build the extension', process.execPath, [join(root, 'scripts', 'build.mjs')]);

  const session = await prepareSession(options);
  process.on('exit', () => session.stop());
  const code = options.codeServer ? undefined : findDesktopCode();
  if (code) {
    console.log(`> open desktop VS Code (${code}) with the extension under development and ${session.target}`);
    // --wait: this command (and the simulator) lives as long as the window.
    const child = spawn(code, [`--extensionDevelopmentPath=${root}`, '--new-window', '--wait', session.target], {
      stdio: 'inherit',
      env: { ...process.env, ...session.env },
    });
    const stopAll = () => {
      session.stop();
      process.exit(0);
    };
    process.on('SIGINT', stopAll);
    process.on('SIGTERM', stopAll);
    child.on('exit', (status) => {
      session.stop();
      process.exit(status ?? 0);
    });
  } else {
    await launchCodeServer(options.port, session);
  }
}
