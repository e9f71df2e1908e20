// Writes docs/rules.md from the language service's catalogue of diagnostic codes
// (server/src/service/catalogue.ts). A unit test fails when the file and the catalogue differ.
//   node scripts/rules-doc.mjs
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = await esbuild.build({
  stdin: { contents: "module.exports = require('./server/src/service/catalogue.ts');", resolveDir: root, loader: 'js' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
});
const module = { exports: {} };
new Function('module', 'exports', 'require', out.outputFiles[0].text)(
  module,
  module.exports,
  createRequire(import.meta.url),
);
writeFileSync(join(root, 'docs', 'rules.md'), module.exports.catalogueMarkdown());
console.log('wrote docs/rules.md');
