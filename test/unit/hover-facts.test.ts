// No hover repeats a fact: the reference writes defaults, ranges and examples into descriptions whose schema
// nodes hold the same facts as `default`, `minimum`/`maximum` and `examples`, which the hover shows as lines of
// their own. Checked for every node of the schema, in English and Japanese.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parameterMarkdown } from '../../server/src/service/docs';
import { resolveSchema, type DocPath, type JsonSchema } from '../../server/src/service/schema';
import { documentSchema } from '../../server/src/service/schema';

function everyNode(): { path: DocPath; node: JsonSchema }[] {
  const out: { path: DocPath; node: JsonSchema }[] = [];
  const walk = (node: JsonSchema | undefined, path: (string | number)[]) => {
    const n = resolveSchema(node);
    if (!n) return;
    if (path.length) out.push({ path, node: n });
    for (const [key, child] of Object.entries(n.properties ?? {})) walk(child, [...path, key]);
    if (n.items && !Array.isArray(n.items)) walk(n.items, [...path, 0]);
  };
  walk(documentSchema, []);
  return out;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

test('every schema node: the default, the range and each example are stated once in the hover (en and ja)', () => {
  const nodes = everyNode();
  assert.ok(nodes.length >= 230, `${nodes.length} nodes`);
  const repeated: string[] = [];
  let defaults = 0;
  for (const { path, node } of nodes) {
    for (const locale of ['en', 'ja'] as const) {
      const md = parameterMarkdown(path, locale);
      const where = `${path.join('.')} (${locale})`;
      if (node.default !== undefined) {
        defaults += 1;
        const v = escape(String(node.default));
        const words = node.default === '' ? (locale === 'en' ? '(empty|`""`)' : '(空|`""`)') : `\`?${v}\`?`;
        const statements =
          locale === 'en'
            ? count(md, new RegExp(`default(s| value)?:? (is )?${words}|${words} \\(default\\)`, 'gi'))
            : count(md, new RegExp(`(デフォルト|既定)[^。\\n]*?${words}|${words}\\s*(デフォルト)`, 'g'));
        if (statements !== 1) repeated.push(`${where}: the default stated ${statements} times`);
      }
      if (node.minimum !== undefined && node.maximum !== undefined) {
        const range = count(
          md,
          new RegExp(`${escape(String(node.minimum))}\\s*(–|to|〜|~)\\s*${escape(String(node.maximum))}`, 'g'),
        );
        if (range > 1) repeated.push(`${where}: the range stated ${range} times`);
      }
      for (const example of node.examples ?? []) {
        const v = escape(String(example));
        const statements = count(md, new RegExp(`(e\\.g\\.,?|Example:|such as|例[:：])\\s*\`?${v}(?![\\w-])`, 'g'));
        if (statements > 1) repeated.push(`${where}: the example ${String(example)} stated ${statements} times`);
      }
    }
  }
  assert.ok(defaults > 60, `${defaults} hovers with a default`);
  assert.deepEqual(repeated, []);
});

test('an example that is the default or an allowed value is not shown again as an example', () => {
  const md = parameterMarkdown(['RestartPolicy'], 'en');
  assert.doesNotMatch(md, /Example:/);
  assert.match(parameterMarkdown(['DnsConfig', 'Option', 0, 'Name'], 'en'), /- Example: `name`/);
  // The format line of PrivateIpAddress says "an IPv4 address such as 172.16.0.1": no Example line repeats it.
  assert.equal(count(parameterMarkdown(['PrivateIpAddress'], 'en'), /172\.16\.0\.1/g), 1);
  // The description of RegionId gives its example itself ("e.g. cn-hangzhou"): no Example line repeats it.
  const region = parameterMarkdown(['RegionId'], 'en');
  assert.equal(count(region, /cn-hangzhou/g), 1, region);
});

test('RestartPolicy: "Default: Always" once, and the rest of the description kept', () => {
  const md = parameterMarkdown(['RestartPolicy'], 'en');
  assert.equal(count(md, /Default/g), 1, md);
  assert.match(md, /- Default: `Always`/);
  const ja = parameterMarkdown(['RestartPolicy'], 'ja');
  assert.equal(count(ja, /デフォルト/g), 1, ja);
});
