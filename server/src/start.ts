// dist/server.js: starts the language server (dist/server-main.js) from V8's code cache.
//
// Compiling the 800 KB bundle, and then the functions that the first diagnostics run, is a good part of the time
// from spawn to the first diagnostics. V8 can serialise compiled code and take it back on the next start
// (vm.Script `cachedData`; what Node 22's module.enableCompileCache and VS Code's own loader do). The cache is
// made a few seconds after start, when the first document has been analysed, so that it holds the functions
// of parsing and validation too; it is one file per bundle build and Node version in the temporary folder of
// this user. Without a usable cache (first start, another build, a read-only or full disk) the server starts
// as it would without this loader: nothing here may stop it from starting.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** When the cache is written: after the first document's diagnostics, in the usual case. */
const SAVE_AFTER_MS = 3000;

function cacheFile(bundle: string): string | undefined {
  try {
    const s = statSync(bundle);
    // The bundle's identity (size, time) and the V8 that compiled it: any change gives another file.
    const key = createHash('sha256')
      .update(`${bundle}\0${s.size}\0${s.mtimeMs}\0${process.version}\0${process.arch}\0${process.versions.v8}`)
      .digest('hex')
      .slice(0, 20);
    let user = 'user';
    try {
      user = String(userInfo().uid >= 0 ? userInfo().uid : userInfo().username);
    } catch {
      /* no user database: one folder for all */
    }
    return join(process.env.ECI_CODE_CACHE_DIR || join(tmpdir(), `eci-language-server-${user}`), `${key}.v8cache`);
  } catch {
    return undefined;
  }
}

/**
 * Whether the cache folder is this user's alone (or does not exist yet). Code from a cache is run as is: a
 * folder that another user could write to is not read from.
 */
function ownFolder(dir: string): boolean {
  try {
    const s = statSync(dir);
    return s.isDirectory() && (process.getuid === undefined || s.uid === process.getuid()) && (s.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function start(): void {
  // Parsing a long document allocates much short-lived data; by default V8 lets the heap grow far beyond what
  // the server keeps before collecting it. This heuristic (read by V8 at run time) keeps the process's memory
  // close to its live data (10,000 lines: peak RSS about 120 MiB instead of about 290 MiB), for some more time
  // spent collecting (see the benchmark). Set before compiling: V8 accepts a code cache only under the flags
  // it was made with.
  setFlagsFromString('--optimize-for-size');
  const bundle = join(__dirname, 'server-main.js');
  const source = readFileSync(bundle, 'utf8');
  // ECI_CODE_CACHE_DIR: another folder for the cache; ECI_NO_CODE_CACHE=1: none.
  const file = process.env.ECI_NO_CODE_CACHE ? undefined : cacheFile(bundle);
  let cachedData: Buffer | undefined;
  if (file && ownFolder(join(file, '..'))) {
    try {
      cachedData = readFileSync(file);
    } catch {
      /* first start of this build */
    }
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
  const localRequire = Module.createRequire(bundle);
  if (file && (!cachedData || script.cachedDataRejected)) {
    let saved = false;
    const save = () => {
      if (saved) return;
      saved = true;
      try {
        mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
        if (!ownFolder(join(file, '..'))) return;
        const partial = `${file}.${process.pid}`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, file);
      } catch {
        /* no cache this time */
      }
    };
    // A few seconds in (the first document analysed), or at exit when the server is stopped before that.
    setTimeout(save, SAVE_AFTER_MS).unref();
    process.once('exit', save);
  }
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(mod.exports, mod.exports, localRequire, mod, bundle, __dirname);
}

start();
