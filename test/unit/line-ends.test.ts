// Issue 16, item 3: `\r\n`, `\r` and `\n` each end a line, as in LSP and YAML 1.2. Diagnostics,
// quick fixes, completion and the line listing of the service all count lines so.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/index';
import { splitLines } from '../../server/src/service/cursor';

const URI = 'file:///work/line-ends.eci.yaml';
const LINES = [
  'RegionId: cn-hangzhou',
  'ContainerGroupName: web',
  'Container:',
  '  - Name: web',
  '    Imagee: nginx',
  '    Cpu: x',
];

/** The line (LSP counting) whose text contains `needle`. */
function lspLine(doc: TextDocument, needle: string): number {
  for (let line = 0; line < doc.lineCount; line++) {
    const text = doc.getText({ start: { line, character: 0 }, end: { line, character: 10_000 } });
    if (text.includes(needle)) return line;
  }
  return -1;
}

for (const [name, eol] of [
  ['LF', '\n'],
  ['CR', '\r'],
  ['CRLF', '\r\n'],
] as const) {
  test(`${name} line ends: diagnostics land on their line and the quick fix rewrites it`, () => {
    const text = LINES.join(eol) + eol;
    const doc = TextDocument.create(URI, 'eci-yaml', 1, text);
    const service = createLanguageService({ locale: 'en' });
    const diagnostics = service.diagnose(text);
    const unknown = diagnostics.find((d) => d.code === 'schema.unknown-key');
    const cpu = diagnostics.find((d) => d.code === 'schema.type');
    assert.ok(unknown && cpu, JSON.stringify(diagnostics));
    assert.equal(unknown.range.start.line, lspLine(doc, 'Imagee'));
    assert.equal(doc.getText(unknown.range), 'Imagee');
    assert.equal(cpu.range.start.line, lspLine(doc, 'Cpu'));
    assert.equal(doc.getText(cpu.range), 'x');
    const fix = service
      .codeActions(text, { uri: URI, range: unknown.range, diagnostics: [unknown] })
      .find((a) => a.title === 'Change Imagee to Image');
    assert.ok(fix?.edit?.changes?.[URI]);
    const fixed = TextDocument.applyEdits(doc, fix.edit.changes[URI]);
    assert.equal(fixed, text.replace('Imagee', 'Image'));
    assert.equal(splitLines(text).length, doc.lineCount);
    // Completion at the start of the empty last line offers top-level keys, not a container's.
    const items = service.complete(text, { line: doc.lineCount - 1, character: 0 }).items.map((i) => i.label);
    assert.ok(items.includes('SecurityGroupId'), JSON.stringify(items.slice(0, 10)));
  });
}

test('a lone CR inside an LF file ends a line: the diagnostics below it are not one line off', () => {
  const text =
    'RegionId: cn-hangzhou\rContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n    Cpu: x\n';
  const doc = TextDocument.create(URI, 'eci-yaml', 1, text);
  const service = createLanguageService({ locale: 'en' });
  const diagnostics = service.diagnose(text);
  assert.ok(
    !diagnostics.some((d) => d.code === 'schema.required'),
    `RegionId and ContainerGroupName are read as two keys: ${JSON.stringify(diagnostics)}`,
  );
  const cpu = diagnostics.find((d) => d.code === 'schema.type');
  assert.ok(cpu);
  assert.equal(cpu.range.start.line, lspLine(doc, 'Cpu'));
  assert.equal(doc.getText(cpu.range), 'x');
  const wire = service.wireRequest(text.replace('Cpu: x', 'Cpu: 1'));
  assert.ok(wire.ok);
  assert.equal(wire.params.ContainerGroupName, 'web');
});

test('a file of CRs only is an empty document, not the value "\\r\\r\\r"', () => {
  const service = createLanguageService({ locale: 'en' });
  assert.deepEqual(service.diagnose('\r\r\r'), service.diagnose('\n\n\n'));
});
