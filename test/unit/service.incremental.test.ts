// Incremental re-parsing of a scalar edit must give exactly what a full parse gives: the same
// value, the same offsets for every node, the same diagnostics. Differential test over many seeded
// random edits of the fixture documents.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { prng, validFixtureTexts } from '../support/seeded';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { parse, reparse } from '../../server/src/service/parse';
import { createLanguageService } from '../../server/src/service/index';

const DOCS = validFixtureTexts();


/** Every node as `kind range value`, in document order. */
function shape(node: unknown, out: string[] = []): string[] {
  if (isPair(node)) {
    shape(node.key, out);
    shape(node.value, out);
  } else if (isMap(node) || isSeq(node)) {
    out.push(`${isMap(node) ? 'map' : 'seq'} ${JSON.stringify((node as Node).range)}`);
    for (const item of node.items as unknown[]) shape(item, out);
  } else if (isScalar(node)) {
    out.push(`scalar ${JSON.stringify(node.range)} ${JSON.stringify(node.value)} ${node.type} ${String(node.tag ?? '')}`);
  } else if (node !== null && node !== undefined) {
    out.push(`other ${JSON.stringify((node as Node).range)}`);
  }
  return out;
}

/** Offsets [start, end) of the plain scalars (keys and values) of a text. */
function plainValues(text: string): [number, number][] {
  const out: [number, number][] = [];
  const walk = (n: unknown) => {
    if (isPair(n)) {
      walk(n.key);
      walk(n.value);
    } else if (isMap(n) || isSeq(n)) for (const item of n.items as unknown[]) walk(item);
    else if (isScalar(n) && n.type === 'PLAIN' && n.range) out.push([n.range[0], n.range[1]]);
  };
  walk(parse(text).doc?.contents);
  return out;
}

const TOKENS = ['Name', 'Image', 'Key', 'nginx:1.25', 'a:', 'vsw-****', 'x&y', 'x', '1', '80', '0.5', 'true', 'no', 'Always', 'web-2', '-3', '1e3', 'null', '~', 'a b', ' ', ':', '#', '[', 'é', '0o17', '0x1F'];

test('a scalar edit re-parsed incrementally equals the full parse', (t) => {
  const rnd = prng(7);
  let incremental = 0;
  let total = 0;
  for (const doc of DOCS) {
    let text = doc;
    for (let i = 0; i < 150; i++) {
      const values = plainValues(text);
      if (!values.length) break;
      const [s, e] = values[Math.floor(rnd() * values.length)];
      const at = s + Math.floor(rnd() * (e - s + 1));
      const token = TOKENS[Math.floor(rnd() * TOKENS.length)];
      const r = rnd();
      // Sometimes a whole `key: value` line rewritten, as an editor replacing a line does.
      const lineStart = text.lastIndexOf('\n', s - 1) + 1;
      const lineEnd = text.indexOf('\n', s) < 0 ? text.length : text.indexOf('\n', s);
      const line = text.slice(lineStart, lineEnd);
      const m = /^(\s*(?:- )?)(\w+): (.+)$/.exec(line);
      if (m && rnd() < 0.3) {
        const rewritten = text.slice(0, lineStart) + m[1] + (rnd() < 0.5 ? m[2] : m[2].slice(0, -1)) + ': ' + (rnd() < 0.5 ? token : m[3] + '1') + text.slice(lineEnd);
        const previous = parse(text);
        const fast = reparse(previous, rewritten);
        const full = parse(rewritten);
        total++;
        if (fast) {
          incremental++;
          assert.deepEqual(fast.problems, full.problems);
          assert.deepEqual(shape(fast.doc!.contents), shape(full.doc!.contents), `line ${JSON.stringify(line)} -> ${JSON.stringify(rewritten.slice(lineStart, lineEnd + rewritten.length - text.length))}`);
          assert.deepEqual(fast.doc!.toJS(), full.doc!.toJS());
        }
        if (!full.problems.length) text = rewritten;
        continue;
      }
      const next =
        r < 0.4 ? text.slice(0, at) + token + text.slice(at) : r < 0.7 ? text.slice(0, at) + text.slice(Math.min(e, at + 1)) : text.slice(0, s) + token + text.slice(e);
      const previous = parse(text);
      const fast = reparse(previous, next);
      const full = parse(next);
      total++;
      if (fast) {
        incremental++;
        assert.deepEqual(fast.problems, full.problems);
        assert.deepEqual(shape(fast.doc!.contents), shape(full.doc!.contents), `edit ${JSON.stringify(text.slice(s, e))} -> ${JSON.stringify(next.slice(s, e + next.length - text.length))}`);
        assert.deepEqual(fast.doc!.toJS(), full.doc!.toJS());
        for (const o of [0, at, next.length]) assert.deepEqual(fast.positionAt(o), full.positionAt(o));
      }
      // Keep going from a document that still parses cleanly.
      if (!full.problems.length) text = next;
    }
  }
  t.diagnostic(`${incremental} of ${total} edits re-parsed incrementally`);
  assert.ok(incremental > total / 4, `only ${incremental} of ${total} edits were incremental`);
});

test('the service gives the same diagnostics with incremental re-parsing as a fresh service', () => {
  const rnd = prng(11);
  const service = createLanguageService();
  for (const doc of DOCS) {
    let text = doc;
    service.diagnose(text);
    for (let i = 0; i < 40; i++) {
      const values = plainValues(text);
      const [s, e] = values[Math.floor(rnd() * values.length)];
      const next = text.slice(0, s) + TOKENS[Math.floor(rnd() * TOKENS.length)] + text.slice(e);
      const fresh = createLanguageService();
      assert.deepEqual(service.diagnose(next), fresh.diagnose(next));
      if (!parse(next).problems.length) text = next;
    }
  }
});

test('edits that are not inside one plain scalar take the full parse', () => {
  const base = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n';
  const cases = [
    base.replace('ContainerGroupName', 'RegionId'), // a key made a duplicate
    base.replace('nginx', 'nginx\n    Cpu: 1'), // a newline
    base.replace('nginx', '"nginx"'), // quotes
    base.replace('web\n', 'web # note\n'), // a comment
    base.replace('nginx', 'nginx: 1'), // a colon and a space
    base + 'Cpu: 2\n', // an addition outside any scalar
  ];
  for (const next of cases) assert.equal(reparse(parse(base), next), undefined, JSON.stringify(next));
  assert.ok(reparse(parse(base), base.replace('nginx', 'busybox')));
  assert.ok(reparse(parse(base), base.replace('RegionId', 'RegionIdx')), 'a key renamed');
  assert.ok(reparse(parse(base), base.replace('Image: nginx', 'Imag: busybox')), 'a key: value line rewritten');
  assert.equal(reparse(parse(base), base.replace('Image: nginx', 'Name: busybox')), undefined, 'a duplicate key');
  // Anchors and aliases: the full parse.
  const anchored = base + 'Tag:\n  - &t {Key: a, Value: b}\n';
  assert.equal(reparse(parse(anchored), anchored.replace('Value: b', 'Value: c')), undefined);
  assert.ok(reparse(parse(base + 'VSwitchId: vsw-2ze****\n'), base + 'VSwitchId: vsw-2zf****\n'));
});
