// Incremental re-parsing of a scalar edit must give exactly what a full parse gives: the same
// value, the same offsets for every node, the same diagnostics. Differential test over many seeded
// random edits of the fixture documents.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { prng, validFixtureTexts } from '../support/seeded';
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { parse } from '../../server/src/service/parse';
import { reparse } from '../../server/src/service/incremental';
import { createLanguageService } from '../../server/src/service/index';
import { applyEdit, budgetFromEnv, randomEdit, withLineEnds } from '../support/edits';

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
    out.push(
      `scalar ${JSON.stringify(node.range)} ${JSON.stringify(node.value)} ${node.type} ${String(node.tag ?? '')}`,
    );
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

const TOKENS = [
  'Name',
  'Image',
  'Key',
  'nginx:1.25',
  'a:',
  'vsw-****',
  'x&y',
  'x',
  '1',
  '80',
  '0.5',
  'true',
  'no',
  'Always',
  'web-2',
  '-3',
  '1e3',
  'null',
  '~',
  'a b',
  ' ',
  ':',
  '#',
  '[',
  'é',
  '0o17',
  '0x1F',
];

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
        const rewritten =
          text.slice(0, lineStart) +
          m[1] +
          (rnd() < 0.5 ? m[2] : m[2].slice(0, -1)) +
          ': ' +
          (rnd() < 0.5 ? token : m[3] + '1') +
          text.slice(lineEnd);
        const previous = parse(text);
        const fast = reparse(previous, rewritten);
        const full = parse(rewritten);
        total++;
        if (fast) {
          incremental++;
          assert.deepEqual(fast.problems, full.problems);
          assert.deepEqual(
            shape(fast.doc!.contents),
            shape(full.doc!.contents),
            `line ${JSON.stringify(line)} -> ${JSON.stringify(rewritten.slice(lineStart, lineEnd + rewritten.length - text.length))}`,
          );
          assert.deepEqual(fast.doc!.toJS(), full.doc!.toJS());
        }
        if (!full.problems.length) text = rewritten;
        continue;
      }
      const next =
        r < 0.4
          ? text.slice(0, at) + token + text.slice(at)
          : r < 0.7
            ? text.slice(0, at) + text.slice(Math.min(e, at + 1))
            : text.slice(0, s) + token + text.slice(e);
      const previous = parse(text);
      const fast = reparse(previous, next);
      const full = parse(next);
      total++;
      if (fast) {
        incremental++;
        assert.deepEqual(fast.problems, full.problems);
        assert.deepEqual(
          shape(fast.doc!.contents),
          shape(full.doc!.contents),
          `edit ${JSON.stringify(text.slice(s, e))} -> ${JSON.stringify(next.slice(s, e + next.length - text.length))}`,
        );
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

/** Lines put into list items: valid keys, nested lists, flow collections and quotes across lines, block scalars, comments, syntax errors. */
const LINES = [
  'Name: extra',
  'Cpu: 2',
  'SubPth: x-7',
  'Value: production',
  'Port: 80',
  '- a',
  'Items:',
  '  - x',
  'Key: "q"',
  'Name: web',
  'Bad line',
  'a: b: c',
  'Tag: [x',
  '# note',
  '',
  'Key: &a v',
  '  Deep: 1',
  '- b: 1',
  'Command: [a,',
  '  b]',
  'X: |',
  '  text',
  "Y: 'a",
  "  b'",
  'Z:',
  '  - 1',
  '    - 2',
  '-',
  'Q: 1 # c',
  '    More: 2',
];

test('lines added and removed inside a list item re-parse incrementally equal to the full parse', (t) => {
  let incremental = 0;
  let total = 0;
  let clean = 0;
  for (let seed = 1; seed <= 6; seed++) {
    const rnd = prng(seed * 23);
    for (const doc of DOCS) {
      let text = doc;
      for (let i = 0; i < 120; i++) {
        const lines = text.split('\n');
        // A line after the first line of a list item (more indented than its dash).
        const inside: number[] = [];
        const dashes: number[] = [];
        for (let n = 0; n < lines.length; n++) {
          const indent = /^ */.exec(lines[n])![0].length;
          while (dashes.length && lines[n].trim() && indent <= dashes[dashes.length - 1]) dashes.pop();
          if (dashes.length && lines[n].trim()) inside.push(n);
          const dash = /^( *)- /.exec(lines[n]);
          if (dash) dashes.push(dash[1].length);
        }
        if (!inside.length) break;
        const n = inside[Math.floor(rnd() * inside.length)];
        const indent = /^ */.exec(lines[n])![0];
        const r = rnd();
        const edited = lines.slice();
        if (r < 0.45)
          edited.splice(
            n + (rnd() < 0.5 ? 0 : 1),
            0,
            (rnd() < 0.85 ? indent : indent.slice(0, Math.floor(rnd() * indent.length))) +
              LINES[Math.floor(rnd() * LINES.length)],
          );
        else if (r < 0.75) edited.splice(n, 1 + Math.floor(rnd() * 3));
        else
          edited.splice(
            n,
            1,
            indent + LINES[Math.floor(rnd() * LINES.length)],
            indent + LINES[Math.floor(rnd() * LINES.length)],
          );
        const next = edited.join('\n');
        if (next === text) continue;
        const previous = parse(text);
        const fast = reparse(previous, next);
        const full = parse(next);
        total++;
        // Documents with anchors or aliases always take the full parse.
        if (!full.problems.length && !/[&*]\w/.test(text)) clean++;
        if (fast) {
          incremental++;
          const where = `line ${n + 1} ${JSON.stringify(lines[n])}`;
          assert.deepEqual(fast.problems, full.problems, where);
          assert.deepEqual(shape(fast.doc!.contents), shape(full.doc!.contents), where);
          assert.deepEqual(fast.doc!.toJS(), full.doc!.toJS(), where);
          assert.deepEqual(fast.doc!.range, full.doc!.range, where);
          for (const o of [0, Math.floor(rnd() * next.length), next.length])
            assert.deepEqual(fast.positionAt(o), full.positionAt(o));
          // The reused tree keeps serving later edits.
          text = next;
          continue;
        }
        if (!full.problems.length) text = next;
      }
    }
  }
  t.diagnostic(
    `${incremental} of ${total} line edits re-parsed incrementally (${clean} of them parse without problems in documents without anchors)`,
  );
  assert.ok(incremental > clean / 5, `only ${incremental} of ${clean} clean line edits were incremental`);
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

test('the service gives the same diagnostics as a fresh service when lines are added to and removed from list items', () => {
  const rnd = prng(31);
  const service = createLanguageService();
  for (const doc of DOCS) {
    let text = doc;
    service.diagnose(text);
    for (let i = 0; i < 40; i++) {
      const lines = text.split('\n');
      const n = 1 + Math.floor(rnd() * (lines.length - 1));
      const indent = /^ */.exec(lines[n])![0];
      const edited = lines.slice();
      if (rnd() < 0.5 && indent.length > 2) edited.splice(n, 1);
      else
        edited.splice(
          n,
          0,
          indent + ['SubPth: x-7', 'Cpu: 2', 'Name: extra', 'MountPath: /data', 'Bad line'][Math.floor(rnd() * 5)],
        );
      const next = edited.join('\n');
      const fresh = createLanguageService();
      assert.deepEqual(service.diagnose(next), fresh.diagnose(next), `line ${n + 1}`);
      if (!parse(next).problems.length) text = next;
    }
  }
});

test('edits that are not inside one plain scalar take the full parse', () => {
  const base = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n';
  const cases = [
    base.replace('ContainerGroupName', 'RegionId'), // a key made a duplicate
    base.replace('web\n', 'web\nCpu: 1\n'), // a line added outside any list item
    base.replace('nginx', '"nginx"'), // quotes
    base.replace('web\n', 'web # note\n'), // a comment
    base.replace('nginx', 'nginx: 1'), // a colon and a space
    base + 'Cpu: 2\n', // an addition outside any scalar
  ];
  for (const next of cases) assert.equal(reparse(parse(base), next), undefined, JSON.stringify(next));
  // A line added or removed inside a list item, below its `- ` line: the item alone is re-parsed.
  const added = base.replace('    Image: nginx\n', '    Image: nginx\n    Cpu: 1\n');
  const grown = reparse(parse(base), added);
  assert.ok(grown, 'a line added inside Container[0]');
  assert.deepEqual(grown.doc!.toJS(), parse(added).doc!.toJS());
  assert.ok(reparse(parse(added), base), 'a line removed inside Container[0]');
  for (const next of [
    base.replace('  - Name: web\n', '  - Name: web2\n    Cpu: 1\n'), // the item's first line changed
    base.replace('    Image: nginx\n', '    Image: nginx\n    Cpu: "1"\n'), // a quoted scalar
    base.replace('    Image: nginx\n', '    Image: nginx\n    Name: x\n'), // a duplicate key in the item
    base.replace('    Image: nginx\n', '    Image: nginx\n  Cpu: 1\n'), // a line outside the item
    base.replace('    Image: nginx\n', '    Image: nginx\n    # note\n'), // a comment
    base.replace('    Image: nginx\n', '    Image: nginx\n# note\n    Cpu: 1\n'), // a comment line at the margin inside the item
  ])
    assert.equal(reparse(parse(base), next), undefined, JSON.stringify(next));
  assert.ok(reparse(parse(base), base.replace('nginx', 'busybox')));
  assert.ok(reparse(parse(base), base.replace('RegionId', 'RegionIdx')), 'a key renamed');
  assert.ok(reparse(parse(base), base.replace('Image: nginx', 'Imag: busybox')), 'a key: value line rewritten');
  assert.equal(reparse(parse(base), base.replace('Image: nginx', 'Name: busybox')), undefined, 'a duplicate key');
  // Anchors and aliases: the full parse.
  const anchored = base + 'Tag:\n  - &t {Key: a, Value: b}\n';
  assert.equal(reparse(parse(anchored), anchored.replace('Value: b', 'Value: c')), undefined);
  assert.ok(reparse(parse(base + 'VSwitchId: vsw-2ze****\n'), base + 'VSwitchId: vsw-2zf****\n'));
});

// Issue 16, item 1: a line holding only a tab or a CR is blank to YAML; the item goes on after it.
test('a blank line holding a tab or a CR does not end the re-parsed list item', () => {
  const head = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n';
  for (const blank of ['\t', '\r', '  \t ', ' \r']) {
    for (const tail of ['    Command:\n      - sleep\n      - "3600"\n', '    Imagee: x\n']) {
      const before = `${head}${blank}\n${tail}`;
      const after = before.replace('    Image: nginx\n', '    Image: nginx\n    Cpu: 1\n');
      const fast = reparse(parse(before), after);
      const full = parse(after);
      if (fast) assert.deepEqual(fast.doc!.toJS(), full.doc!.toJS(), JSON.stringify(blank));
      const service = createLanguageService();
      service.diagnose(before);
      assert.deepEqual(
        service.diagnose(after),
        createLanguageService().diagnose(after),
        `blank line ${JSON.stringify(blank)} before ${JSON.stringify(tail)}`,
      );
      assert.deepEqual(service.wireRequest(after), createLanguageService().wireRequest(after));
    }
  }
  // The fuzzer's minimal case: two spaces inserted at offset 16.
  const text = 'Container:\n- N:\n   2\n\t\n  :';
  const next = text.slice(0, 16) + '  ' + text.slice(16);
  const fast = reparse(parse(text), next);
  if (fast) assert.deepEqual(fast.doc?.toJS(), parse(next).doc?.toJS());
  const service = createLanguageService();
  service.diagnose(text);
  assert.deepEqual(service.diagnose(next), createLanguageService().diagnose(next));
});

// Issue 16, item 2: a tag decides how a scalar is read; a re-read of the token alone would lose it.
test('a scalar edit next to an explicit tag reads the value with its tag', () => {
  const base =
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: !!str 1\n    Cpu: !!str 2\n';
  for (const [from, to] of [
    ['Cpu: !!str 2', 'Cpu: !!str 23'],
    ['Image: !!str 1', 'Image: !!str 12'],
    ['Cpu: !!str 2', 'Cpu: !!str 3'],
    ['Cpu: !!str 2', 'Cpux: !!str 2'],
  ]) {
    const next = base.replace(from, to);
    const fast = reparse(parse(base), next);
    if (fast) assert.deepEqual(shape(fast.doc!.contents), shape(parse(next).doc!.contents), `${from} -> ${to}`);
    const service = createLanguageService();
    service.diagnose(base);
    assert.deepEqual(service.diagnose(next), createLanguageService().diagnose(next), `${from} -> ${to}`);
  }
  const service = createLanguageService();
  service.diagnose(base);
  assert.ok(
    service
      .diagnose(base.replace('Cpu: !!str 2', 'Cpu: !!str 23'))
      .some((d) => d.code === 'schema.type' && /Cpu/.test(String(d.message))),
    'Cpu: !!str 23 is a string',
  );
  assert.ok(
    !service.diagnose(base.replace('Image: !!str 1', 'Image: !!str 12')).some((d) => /Image/.test(String(d.message))),
    'Image: !!str 12 is a string, as an image must be',
  );
});

// Issue 16: random edits anywhere (tabs, lone CRs and CRLF, tags, explicit keys, anchors), each
// analysed by the service that saw the text before it, against a fresh service. ECI_FUZZ_ITERATIONS
// runs longer (e.g. ECI_FUZZ_ITERATIONS=50000); ECI_FUZZ_SEED replays another seed.
test('random edits of every kind: the edited analysis equals a fresh one (diagnostics and wire request)', (t) => {
  const iterations = budgetFromEnv('ECI_FUZZ_ITERATIONS', 600);
  const seed = budgetFromEnv('ECI_FUZZ_SEED', 16);
  const rnd = prng(seed);
  const service = createLanguageService({ locale: 'en' });
  let text = '';
  let incremental = 0;
  for (let i = 0; i < iterations; i++) {
    if (i % 25 === 0) text = withLineEnds(DOCS[Math.floor(rnd() * DOCS.length)], rnd);
    service.diagnose(text);
    const previous = service.parse(text);
    const edit = randomEdit(text, rnd);
    const next = applyEdit(text, edit);
    const fresh = createLanguageService({ locale: 'en' });
    const where = `seed ${seed}, edit ${i}: ${JSON.stringify(edit)}\n--- before ---\n${JSON.stringify(text)}\n--- after ---\n${JSON.stringify(next)}`;
    assert.deepEqual(service.diagnose(next), fresh.diagnose(next), where);
    assert.deepEqual(service.wireRequest(next), fresh.wireRequest(next), where);
    if (service.parse(next).doc && service.parse(next).doc === previous.doc) incremental++;
    // Mostly on from a text that still reads cleanly (only those are re-parsed incrementally).
    if (!fresh.parse(next).problems.length || rnd() < 0.2) text = next;
  }
  t.diagnostic(`${iterations} edits (seed ${seed}), ${incremental} re-parsed incrementally`);
});
