// Bundles the extension client, the language server and the CLI with esbuild.
//   node scripts/build.mjs            one production build (minified, with source maps)
//   node scripts/build.mjs --watch    rebuild on change (development)
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/** Entry points; the CLI is added once its source exists. */
const entries = [
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', external: [] },
  { in: 'cli/src/cli.ts', out: 'cli', external: [] },
].filter((e) => existsSync(e.in));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
  legalComments: 'none',
};

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      ...common,
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      external: e.external,
      banner: e.out === 'cli' ? { js: '#!/usr/bin/env node' } : undefined,
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${entries.map((e) => e.in).join(', ')}`);
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755); // the package's `bin`
  console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);
}
