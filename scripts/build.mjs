// Bundles the extension client, the language server and the CLI with esbuild.
//   node scripts/build.mjs            one production build (minified, with source maps)
//   node scripts/build.mjs --watch    rebuild on change (development)
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';
import { generateValidator } from './generate-validator.mjs';

const watch = process.argv.includes('--watch');

// The schema's validator, generated from schemas/ (ajv standalone code) before anything imports it.
generateValidator();

/** Entry points. */
const entries = [
  // Activation loads dist/extension.js; the commands (and the call layer) come in dist/commands.js on first use.
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'], lazy: ['commands'] },
  { in: 'client/src/commands.ts', out: 'commands', external: ['vscode'] },
  // dist/server.js is a small loader that runs dist/server-main.js from V8's code cache (server/src/start.ts).
  { in: 'server/src/server.ts', out: 'server-main', external: [] },
  { in: 'server/src/start.ts', out: 'server', external: [] },
  { in: 'cli/src/cli.ts', out: 'cli', external: [] },
  { in: 'calls/src/sdkBundle.ts', out: 'alicloud', external: [], sdk: true },
];
for (const e of entries) if (!existsSync(e.in)) throw new Error(`entry point ${e.in} is missing`);

/**
 * In the extension and the CLI, every `@alicloud/*` package the call layer requires (lazily, inside the
 * call) becomes a property of dist/alicloud.js, so that their bundles stay small and fast to load.
 */
const alicloudPackages = [
  '@alicloud/eci20180808',
  '@alicloud/openapi-client',
  '@alicloud/tea-util',
  '@alicloud/credentials',
  '@alicloud/openapi-util',
  '@alicloud/tea-typescript',
];
const sdkOnDemand = {
  name: 'alicloud-on-demand',
  setup(build) {
    build.onResolve({ filter: /^@alicloud\// }, (args) => {
      if (!alicloudPackages.includes(args.path))
        throw new Error(
          `${args.path} is not in dist/alicloud.js: add it to calls/src/sdkBundle.ts and scripts/build.mjs`,
        );
      return { path: args.path, namespace: 'alicloud-on-demand' };
    });
    build.onLoad({ filter: /.*/, namespace: 'alicloud-on-demand' }, (args) => ({
      contents: `module.exports = require('./alicloud.js').packages[${JSON.stringify(args.path)}];`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/alicloud\.js$/ }, () => ({ path: './alicloud.js', external: true }));
  },
};

/** `require('./NAME')` of the listed modules stays a require of the bundle dist/NAME.js, loaded when called. */
function onFirstUse(names) {
  return {
    name: 'on-first-use',
    setup(build) {
      const filter = new RegExp(`^\\./(${names.join('|')})$`);
      build.onResolve({ filter }, (args) =>
        args.kind === 'require-call' ? { path: `${args.path}.js`, external: true } : undefined,
      );
    },
  };
}

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
      plugins: [...(e.sdk ? [] : [sdkOnDemand]), ...(e.lazy ? [onFirstUse(e.lazy)] : [])],
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
