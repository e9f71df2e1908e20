// Architecture invariants as a walk over the project's TypeScript imports (ts.preProcessFile: static
// imports, re-exports, `import()` and `require()`, comments and strings understood):
// - the language service (server/src/service) imports neither vscode nor the LSP connection
//   (vscode-languageserver), directly or through any project module it imports;
// - the call layer (calls/src) imports no vscode and nothing of the VS Code client or the CLI;
// - the CLI (cli/src) imports nothing from the VS Code client (client/src);
// - no import cycles among the project's modules.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const root = resolve(__dirname, '../../..');
const SOURCE_FOLDERS = ['calls/src', 'client/src', 'cli/src', 'server/src', 'simulator/src'];

interface Module {
  /** Project modules imported (paths relative to the root, `/`-separated). */
  local: string[];
  /** Package specifiers imported (`vscode`, `vscode-languageserver/node`, `node:fs`). */
  packages: string[];
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** `./x`, `./x.js`, `../dir` -> the project file it names (`.ts` or `/index.ts`); undefined for anything else (JSON). */
function resolveLocal(from: string, specifier: string): string | undefined {
  const base = resolve(root, dirname(from), specifier.replace(/\.js$/, ''));
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')])
    if (existsSync(candidate)) return relative(root, candidate).split('\\').join('/');
  return undefined;
}

function readGraph(): Map<string, Module> {
  const graph = new Map<string, Module>();
  for (const file of SOURCE_FOLDERS.flatMap(sourceFiles)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const m: Module = { local: [], packages: [] };
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) m.packages.push(fileName);
      else {
        const target = resolveLocal(file, fileName);
        if (target) m.local.push(target);
      }
    }
    graph.set(file, m);
  }
  return graph;
}

const graph = readGraph();

/** Every project module `file` reaches through its imports, itself included. */
function closure(file: string): Set<string> {
  const seen = new Set<string>([file]);
  const todo = [file];
  for (let f = todo.pop(); f !== undefined; f = todo.pop()) {
    for (const next of graph.get(f)?.local ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(next);
    }
  }
  return seen;
}

/** For each module under `folder`: `module -> reached (via its imports) -> what it must not import`. */
function violations(folder: string, forbidden: (specifier: string, isLocal: boolean) => boolean): string[] {
  const found: string[] = [];
  for (const file of graph.keys()) {
    if (!file.startsWith(`${folder}/`)) continue;
    for (const reached of closure(file)) {
      const m = graph.get(reached)!;
      for (const p of m.packages) if (forbidden(p, false)) found.push(`${file} -> ${reached} imports ${p}`);
      for (const l of m.local) if (forbidden(l, true)) found.push(`${file} -> ${reached} imports ${l}`);
    }
  }
  return [...new Set(found)];
}

const isVscode = (p: string) => p === 'vscode' || p.startsWith('vscode-languageclient');
const isConnection = (p: string) => p === 'vscode-languageserver' || p.startsWith('vscode-languageserver/');

test('the scan sees the project: every source folder, imports of both kinds', () => {
  for (const folder of SOURCE_FOLDERS)
    assert.ok(
      [...graph.keys()].some((f) => f.startsWith(`${folder}/`)),
      `no module found in ${folder}`,
    );
  assert.ok(graph.get('client/src/extension.ts')?.packages.includes('vscode'), 'extension.ts imports vscode');
  assert.ok(
    graph.get('client/src/extension.ts')?.local.includes('client/src/commands.ts'),
    "extension.ts's require('./commands') is seen",
  );
  assert.ok(graph.get('server/src/server.ts')?.packages.some(isConnection), 'server.ts imports the LSP connection');
  assert.ok(
    graph.get('cli/src/cli.ts')?.local.includes('cli/src/callCommand.ts'),
    "cli.ts's import('./callCommand.js') is seen",
  );
});

test('the simulator imports no vscode and nothing of the front doors or the call layer', () => {
  const found = violations('simulator/src', (s, local) =>
    local ? !s.startsWith('simulator/src/') : isVscode(s) || isConnection(s),
  );
  assert.deepEqual(found, []);
});

test('the language service imports neither vscode nor the LSP connection, nor any front door', () => {
  const found = violations('server/src/service', (s, local) =>
    local
      ? !s.startsWith('server/src/service/') && !s.startsWith('server/src/generated/')
      : isVscode(s) || isConnection(s),
  );
  assert.deepEqual(found, []);
});

test('the call layer imports no vscode, and nothing of the VS Code client or the CLI', () => {
  const found = violations('calls/src', (s, local) =>
    local
      ? s.startsWith('client/') || s.startsWith('cli/') || s === 'server/src/server.ts'
      : isVscode(s) || isConnection(s),
  );
  assert.deepEqual(found, []);
});

test('the CLI imports nothing from the VS Code client', () => {
  const found = violations('cli/src', (s, local) => (local ? s.startsWith('client/') : isVscode(s)));
  assert.deepEqual(found, []);
});

/**
 * Cycles known when this test was written, each to be broken by its owner (issue 14 item 4: the
 * parser and its incremental re-parse). A cycle not listed fails; so does a listed one that is gone
 * (take it off the list).
 */
const KNOWN_CYCLES: string[][] = [];

/** The strongly connected components of more than one module (Tarjan), each sorted. */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.local ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) {
      onStack.delete(w);
      component.push(w);
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

test('no import cycles among the project modules', () => {
  const found = cycles().map((c) => c.join(' <-> '));
  const known = KNOWN_CYCLES.map((c) => [...c].sort().join(' <-> '));
  assert.deepEqual(
    found.filter((c) => !known.includes(c)),
    [],
    'new import cycles',
  );
  assert.deepEqual(
    known.filter((c) => !found.includes(c)),
    [],
    'these cycles are gone: take them off KNOWN_CYCLES',
  );
});

test('the cycle finder finds a cycle', () => {
  graph.set('test/a.ts', { local: ['test/b.ts'], packages: [] });
  graph.set('test/b.ts', { local: ['test/a.ts'], packages: [] });
  try {
    assert.ok(cycles().some((c) => c.join() === 'test/a.ts,test/b.ts'));
  } finally {
    graph.delete('test/a.ts');
    graph.delete('test/b.ts');
  }
});
