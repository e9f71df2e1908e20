// Completion: one `complete(doc-with-cursor)` helper, many small cases. `|` marks the cursor.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/index';
import { SNIPPETS, expandSnippet } from '../../server/src/service/snippets';
import { CONTAINER_GROUP_SCHEMA } from '../../server/src/service/schemaVocabulary';

const en = createLanguageService({ locale: 'en' });
const ja = createLanguageService({ locale: 'ja' });

function complete(docWithCursor: string, service = en): { text: string; items: CompletionItem[] } {
  const at = docWithCursor.indexOf('|');
  assert.ok(at >= 0, 'the case marks the cursor with |');
  const text = docWithCursor.slice(0, at) + docWithCursor.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  const items = service.complete(text, { line: before.length - 1, character: before[before.length - 1].length }).items;
  return { text, items };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

/** Applies an item's text edit (snippet tabstops expanded to their defaults). */
function apply(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const lines = text.split('\n');
  const { start, end } = edit.range;
  assert.equal(start.line, end.line);
  const line = lines[start.line];
  const newText = item.insertTextFormat === 2 ? expandSnippet(edit.newText) : edit.newText;
  lines[start.line] = line.slice(0, start.character) + newText + line.slice(end.character);
  return lines.join('\n');
}

const ROOT_KEYS = Object.keys((CONTAINER_GROUP_SCHEMA as { properties: Record<string, unknown> }).properties);
const CONTAINER_KEYS = Object.keys(
  (
    CONTAINER_GROUP_SCHEMA as unknown as {
      properties: { Container: { items: { properties: Record<string, unknown> } } };
    }
  ).properties.Container.items.properties,
);

test('root keys: every schema key not yet written, required ones first', () => {
  const { items } = complete('RegionId: cn-hangzhou\n|\n');
  const l = labels(items).filter((x) => ROOT_KEYS.includes(x));
  assert.deepEqual([...l].sort(), ROOT_KEYS.filter((k) => k !== 'RegionId').sort());
  const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(labels(sorted.slice(0, 2)).sort(), ['Container', 'ContainerGroupName']);
  for (const item of items.filter((i) => i.kind === 10)) {
    assert.equal(typeof item.documentation === 'object' && item.documentation.kind, 'markdown', item.label);
  }
});

test('keys of a container item while typing `  Ima` (the line being typed)', () => {
  const { text, items } = complete('RegionId: cn-hangzhou\nContainer:\n  - Name: web\n    Ima|\n');
  const l = labels(items);
  assert.ok(l.includes('Image') && l.includes('ImagePullPolicy') && l.includes('ReadinessProbe'));
  assert.ok(!l.includes('Name'), 'Name is present already');
  assert.ok(l.every((x) => CONTAINER_KEYS.includes(x) || items.find((i) => i.label === x)!.kind === 15));
  const image = items.find((i) => i.label === 'Image')!;
  assert.equal(apply(text, image), 'RegionId: cn-hangzhou\nContainer:\n  - Name: web\n    Image: \n');
});

test('keys of a new list item after `- `, with nested keys indented under it', () => {
  const { text, items } = complete('Container:\n  - Name: a\n    Image: b\n  - |\n');
  const l = labels(items);
  assert.ok(l.includes('Name') && l.includes('Image'), 'a new item has none of its keys yet');
  const port = items.find((i) => i.label === 'Port')!;
  assert.equal(apply(text, port), 'Container:\n  - Name: a\n    Image: b\n  - Port:\n      - \n');
});

test('keys in an indentless list and with the list marker missing', () => {
  assert.ok(labels(complete('Container:\n- Name: a\n  |\n').items).includes('Image'));
  const { text, items } = complete('Container:\n  |\n');
  const name = items.find((i) => i.label === 'Name')!;
  assert.equal(apply(text, name), 'Container:\n  - Name: \n');
});

test('keys at depth: probes, handlers, security context, DNS config, volume, env, port, tag', () => {
  const cases: [string, string[]][] = [
    ['Container:\n  - Name: a\n    ReadinessProbe:\n      |\n', ['HttpGet', 'Exec', 'TcpSocket', 'PeriodSeconds']],
    ['Container:\n  - Name: a\n    LivenessProbe:\n      HttpGet:\n        |\n', ['Path', 'Port', 'Scheme']],
    ['Container:\n  - Name: a\n    SecurityContext:\n      |\n', ['Capability', 'ReadOnlyRootFilesystem', 'RunAsUser']],
    ['DnsConfig:\n  |\n', ['NameServer', 'Search', 'Option']],
    ['Volume:\n  - Name: v\n    |\n', ['Type', 'EmptyDirVolume', 'NFSVolume', 'ConfigFileVolume']],
    ['Container:\n  - Name: a\n    EnvironmentVar:\n      - |\n', ['Key', 'Value', 'FieldRef']],
    ['InitContainer:\n  - Name: a\n    Port:\n      - |\n', ['Port', 'Protocol']],
    ['Container:\n  - Name: a\n    VolumeMount:\n      - Name: x\n        |\n', ['MountPath', 'ReadOnly', 'SubPath']],
    ['Tag:\n  - |\n', ['Key', 'Value']],
  ];
  for (const [doc, expected] of cases) {
    const l = labels(complete(doc).items);
    for (const e of expected) assert.ok(l.includes(e), `${JSON.stringify(doc)} offers ${e}: ${l.join(', ')}`);
  }
});

test('enum values in block style, quoted, and flow style', () => {
  assert.deepEqual(labels(complete('RestartPolicy: |').items), ['Always', 'Never', 'OnFailure']);
  const quoted = complete('RestartPolicy: "N|"\n');
  assert.deepEqual(labels(quoted.items), ['Always', 'Never', 'OnFailure']);
  assert.equal(apply(quoted.text, quoted.items[1]), 'RestartPolicy: "Never"\n');
  assert.deepEqual(labels(complete('Container:\n  - Name: a\n    Port: [{Port: 80, Protocol: |}]\n').items), [
    'TCP',
    'UDP',
  ]);
  assert.deepEqual(labels(complete('Container:\n  - Name: a\n    Port:\n      - Protocol: U|\n').items), [
    'TCP',
    'UDP',
  ]);
  assert.deepEqual(
    labels(
      complete('Container:\n  - Name: a\n    SecurityContext:\n      Capability:\n        Add: [NET_ADMIN, |]\n').items,
    ),
    ['NET_ADMIN', 'NET_RAW'],
  );
  const listItem = complete(
    'Container:\n  - Name: a\n    SecurityContext:\n      Capability:\n        Add:\n          - |\n',
  );
  assert.deepEqual(labels(listItem.items), ['NET_ADMIN', 'NET_RAW']);
});

test('keys in a flow mapping leave out the keys written in it', () => {
  const { items } = complete('Container:\n  - {Name: a, |}\n');
  const l = labels(items);
  assert.ok(l.includes('Image'));
  assert.ok(!l.includes('Name'));
  assert.equal((items.find((i) => i.label === 'Image')!.textEdit as TextEdit).newText, 'Image: ');
});

test('booleans, and nothing for a free-text value', () => {
  assert.deepEqual(labels(complete('Container:\n  - Name: a\n    Tty: |\n').items), ['true', 'false']);
  assert.deepEqual(labels(complete('ContainerGroupName: |\n').items), []);
});

test('regions for RegionId, the schema example first', () => {
  const l = labels(complete('RegionId: |\n').items);
  assert.equal(l[0], 'cn-hangzhou');
  assert.ok(l.includes('ap-northeast-1') && l.includes('eu-central-1'));
  assert.equal(new Set(l).size, l.length);
  assert.ok(
    labels(complete('AcrRegistryInfo:\n  - RegionId: |\n').items).includes('cn-shanghai'),
    'any RegionId parameter',
  );
});

test('VolumeMount.Name offers the volumes the document defines, even while the document is broken', () => {
  const doc =
    'Container:\n  - Name: a\n    VolumeMount:\n      - Name: |\n        MountPath: [\nVolume:\n  - Name: data\n    Type: EmptyDirVolume\n  - Name: logs\n';
  assert.deepEqual(labels(complete(doc).items), ['data', 'logs']);
});

test("a probe or callback port offers the container's own ports, then the schema example, in block and flow style", () => {
  const web = 'Container:\n  - Name: web\n    Image: nginx\n    Port:\n      - Port: 8080\n      - Port: 9090\n';
  const other = '  - Name: sidecar\n    Image: envoy\n    Port: [{Port: 7000}]\n';
  const http = complete(web + '    ReadinessProbe:\n      HttpGet:\n        Port: |\n' + other);
  const second = complete(web + other + '    ReadinessProbe:\n      HttpGet:\n        Port: |\n');
  assert.equal(labels(second.items)[0], '7000', "the second container's own port");
  assert.deepEqual(
    labels(http.items).slice(0, 2),
    ['8080', '9090'],
    'the ports of the container the cursor is in, not of its neighbour',
  );
  assert.ok(!labels(http.items).includes('7000'));
  assert.match(String(http.items[0].detail), /web.*Port\[\]\.Port/);
  assert.equal(apply(http.text, http.items[0]).split('\n')[8], '        Port: 8080');
  const flow = complete(web + '    LivenessProbe: {TcpSocket: {Port: |}}\n' + other);
  assert.deepEqual(labels(flow.items).slice(0, 2), ['8080', '9090']);
  const tcp = complete(web + '    ReadinessProbe:\n      TcpSocket:\n        Port: |\n');
  const example = tcp.items.find((i) => /example/.test(String(i.detail)))!;
  assert.ok(example && !['8080', '9090'].includes(String(example.label)), labels(tcp.items).join(', '));
  const callback = complete(web + '    LifecyclePostStartHandlerHttpGetPort: |\n');
  assert.deepEqual(labels(callback.items).slice(0, 2), ['8080', '9090']);
  // No container port declared: the schema example still comes.
  assert.ok(
    complete('Container:\n  - Name: a\n    ReadinessProbe:\n      HttpGet:\n        Port: |\n').items.length > 0,
  );
});

test('values with no enum offer the schema default and examples, marked as such', () => {
  const cpu = complete('Cpu: |\n').items;
  assert.ok(cpu.length > 0 && cpu.every((i) => /example|default/.test(String(i.detail))), JSON.stringify(cpu));
  const period = complete('Container:\n  - Name: a\n    ReadinessProbe:\n      PeriodSeconds: |\n').items;
  const def = period.find((i) => /^default of Container\[\]\.ReadinessProbe\.PeriodSeconds/.test(String(i.detail)));
  assert.ok(def, JSON.stringify(period));
  assert.equal(period[0], def, 'the default first');
  const spot = complete('SpotDuration: |\n').items;
  assert.ok(spot.length > 0);
  assert.equal(new Set(labels(spot)).size, spot.length, 'a value both default and example is offered once');
  assert.match(String(complete('Cpu: |\n', ja).items[0].detail), /の例/);
});

test('nothing inside a comment or a block scalar', () => {
  assert.deepEqual(labels(complete('# Reg|\n').items), []);
  assert.deepEqual(labels(complete('RegionId: cn-hangzhou # Rest|\n').items), []);
  assert.deepEqual(labels(complete('Container:\n  - Name: a\n    WorkingDir: |\n      /app\n      |\n').items), []);
});

test('an empty file offers the minimal document snippet, which is valid', () => {
  const { text, items } = complete('|');
  const doc = items.find((i) => i.kind === 15 && String(i.label).includes('minimal'))!;
  assert.ok(doc, labels(items).join(', '));
  const result = apply(text, doc);
  assert.deepEqual(en.diagnose(result), []);
});

test('every snippet expands, where it is offered, into a valid document', () => {
  const base = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n';
  const places: Record<string, string> = {
    root: 'RegionId: cn-hangzhou\nContainerGroupName: web\n|\n',
    'container-item': base + '  - |\n',
    container: base + '    |\n',
    'volume-item': base + 'Volume:\n  - |\n',
    probe: base + '    LivenessProbe:\n      |\n',
  };
  for (const s of SNIPPETS) {
    if (s.place === 'document') continue;
    const where = s.place === 'root' && !s.writes.includes('Container') ? base + '|\n' : places[s.place];
    const { text, items } = complete(where);
    const item = items.find(
      (i) =>
        i.kind === 15 &&
        expandSnippet((i.textEdit as TextEdit).newText)
          .replace(/\s+/g, ' ')
          .trim() === expandSnippet(s.body).replace(/\s+/g, ' ').trim(),
    );
    assert.ok(
      item,
      `snippet ${s.id} is offered at ${s.place}: ${labels(items.filter((i) => i.kind === 15)).join(', ')}`,
    );
    const result = apply(text, item);
    const errors = en.diagnose(result).filter((d) => d.severity === 1);
    assert.deepEqual(
      errors.map((d) => `${d.code}: ${d.message}`),
      [],
      `${s.id}:\n${result}`,
    );
  }
});

test('volume snippets exist for every volume Type of the schema', () => {
  const typeEnum = (
    CONTAINER_GROUP_SCHEMA as unknown as {
      properties: { Volume: { items: { properties: { Type: { enum: string[] } } } } };
    }
  ).properties.Volume.items.properties.Type.enum;
  const snippetTypes = SNIPPETS.filter((s) => s.place === 'volume-item').map((s) => s.labelArg);
  assert.deepEqual([...snippetTypes].sort(), [...typeEnum].sort());
});

test('probe and spot snippets are offered where they fit', () => {
  const probeLabels = labels(
    complete('Container:\n  - Name: a\n    Image: b\n    |\n').items.filter((i) => i.kind === 15),
  );
  assert.deepEqual(probeLabels.sort(), ['Exec probe', 'HTTP probe', 'TCP probe']);
  const rootSnippets = labels(complete('RegionId: x\n|\n').items.filter((i) => i.kind === 15));
  assert.ok(rootSnippets.some((l) => /Spot/.test(String(l))));
  const withSpot = labels(complete('SpotStrategy: NoSpot\n|\n').items.filter((i) => i.kind === 15));
  assert.ok(!withSpot.some((l) => /Spot/.test(String(l))), 'not offered when SpotStrategy is written');
});

test('probe snippets leave out the probes already written; inside a probe, the check method alone', () => {
  const withReadiness =
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\n    ReadinessProbe:\n      TcpSocket:\n        Port: 80\n    |\n';
  const { text, items } = complete(withReadiness);
  const probes = items.filter((i) => i.kind === 15);
  assert.deepEqual(labels(probes).sort(), ['Exec probe', 'HTTP probe', 'TCP probe']);
  for (const p of probes) {
    const result = apply(text, p);
    assert.deepEqual(
      en.diagnose(result).map((d) => `${d.code}: ${d.message}`),
      [],
      result,
    );
    assert.match(result, /\n {4}LivenessProbe:\n/);
  }
  const both = withReadiness.replace('    |\n', '    LivenessProbe:\n      TcpSocket:\n        Port: 80\n    |\n');
  assert.deepEqual(labels(complete(both).items.filter((i) => i.kind === 15)), []);

  const inside =
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n    Image: b\n    ReadinessProbe:\n      PeriodSeconds: 5\n      |\n';
  const handlerCase = complete(inside);
  const handlers = handlerCase.items.filter((i) => i.kind === 15);
  assert.deepEqual(labels(handlers).sort(), ['Command check (Exec)', 'HTTP check (HttpGet)', 'TCP check (TcpSocket)']);
  for (const h of handlers) {
    const result = apply(handlerCase.text, h);
    assert.deepEqual(
      en.diagnose(result).map((d) => `${d.code}: ${d.message}`),
      [],
      result,
    );
  }
  assert.match(
    apply(
      handlerCase.text,
      handlers.find((h) => /HttpGet/.test(String(h.label)))!,
    ),
    /\n {6}HttpGet:\n {8}Path: \/healthz\n {8}Port: 80\n/,
  );
  const hasHandler = complete(inside.replace('PeriodSeconds: 5', 'Exec:\n        Command: [cat]'));
  assert.deepEqual(labels(hasHandler.items.filter((i) => i.kind === 15)), [], 'a probe takes one check method');
  assert.deepEqual(
    labels(complete(inside, ja).items.filter((i) => i.kind === 15)).sort(),
    ['HTTP チェック (HttpGet)', 'TCP チェック (TcpSocket)', 'コマンドチェック (Exec)'].sort(),
  );
});

test('documentation follows the locale', () => {
  const doc = (service: typeof en) => {
    const item = complete('RestartPolicy: |', service).items[0];
    return (item.documentation as { value: string }).value;
  };
  assert.match(doc(en), /restart/i);
  assert.match(doc(ja), /再起動/);
  const zone = complete('RegionId: x\n|\n', ja).items.find((i) => i.label === 'ZoneId')!;
  assert.match((zone.documentation as { value: string }).value, /ゾーン/);
});

test('completion answers on broken and odd input without throwing', () => {
  const odd = [
    'Container: [\n  |',
    '{|',
    ': : :|',
    '- - - |',
    '"unclosed: |',
    'a: &x\nb: *x|\n',
    '\t|',
    'Container:\n  - Name: a\n    Image: |b\n',
  ];
  for (const doc of odd) complete(doc);
  // Positions past the end of the document.
  assert.deepEqual(en.complete('a: b\n', { line: 99, character: 0 }).items, []);
  en.complete('a: b\n', { line: 0, character: 999 });
});

test('CRLF documents complete and hover like LF ones', () => {
  const crlf = 'RegionId: cn-hangzhou\r\nContainer:\r\n  - Name: web\r\n    \r\n    RestartPolicy: x\r\n';
  const keys = en.complete(crlf, { line: 3, character: 4 }).items.map((i) => i.label);
  assert.ok(keys.includes('Image') && !keys.includes('Name'), keys.join(', '));
  const h = en.hover(crlf, { line: 2, character: 7 });
  assert.match((h!.contents as { value: string }).value, /Container\[\]\.Name/);
});
