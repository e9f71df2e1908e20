import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { InsertTextFormat, type TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/index';
import { parse } from '../../server/src/service/parse';
import { diagnose } from '../../server/src/service/diagnose';
import { documentSymbols } from '../../server/src/service/symbols';
import { volumeNameOccurrences } from '../../server/src/service/navigation';
import { CONTAINER_GROUP_TEMPLATES, templateById } from '../../server/src/service/templates';

test('the five templates the command offers exist, with unique ids usable as file names', () => {
  assert.deepEqual(
    CONTAINER_GROUP_TEMPLATES.map((t) => t.id),
    ['web-server', 'batch-job', 'spot-job', 'gpu-job', 'init-container-and-volumes'],
  );
  for (const t of CONTAINER_GROUP_TEMPLATES) {
    assert.match(t.id, /^[a-z0-9-]+$/);
    assert.equal(templateById(t.id), t);
    for (const locale of ['en', 'ja'] as const) {
      assert.ok(t.label[locale].trim(), `${t.id} has a ${locale} label`);
      assert.ok(t.description[locale].trim(), `${t.id} has a ${locale} description`);
    }
    assert.notEqual(t.label.en, t.label.ja);
  }
  assert.equal(templateById('nope'), undefined);
});

for (const t of CONTAINER_GROUP_TEMPLATES) {
  test(`template ${t.id} is a valid document: no error, no warning, in either language`, () => {
    const parsed = parse(t.text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      diagnose(parsed, 'en').map((d) => `${d.code}: ${d.message}`),
      [],
    );
    assert.deepEqual(
      diagnose(parsed, 'ja').map((d) => `${d.code}: ${d.message}`),
      [],
    );
    assert.ok(t.text.endsWith('\n') && !t.text.includes('\t'));
    assert.ok(documentSymbols(parsed).some((s) => s.name === 'Container'));
  });
}

test("a template's comments follow the locale; its parameters do not change", () => {
  for (const t of CONTAINER_GROUP_TEMPLATES) {
    const en = t.textIn('en');
    const ja = t.textIn('ja');
    assert.equal(en, t.text);
    const comments = (text: string) => text.split('\n').filter((l) => l.startsWith('#'));
    assert.ok(comments(en).length > 0 && comments(ja).length === comments(en).length, t.id);
    for (const line of comments(ja)) assert.match(line, /[ぁ-んァ-ン一-龯]/, `${t.id}: ${line}`);
    assert.deepEqual(parse(ja).doc!.toJS(), parse(en).doc!.toJS());
    assert.deepEqual(diagnose(parse(ja), 'ja'), []);
  }
  const items = createLanguageService({ locale: 'ja' })
    .complete('', { line: 0, character: 0 })
    .items.filter((i) => i.sortText?.startsWith('3_template_'));
  assert.equal((items[0].textEdit as TextEdit).newText, CONTAINER_GROUP_TEMPLATES[0].textIn('ja'));
});

/** A template's value as plain data (nested mappings and lists of any shape). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a YAML document's value is any shape by nature
type Doc = any;

test('each template shows what its name promises', () => {
  const value = (id: string) => parse(templateById(id)!.text).doc!.toJS() as Record<string, Doc>;
  const web = value('web-server');
  assert.ok(web.Container[0].ReadinessProbe.HttpGet && web.Container[0].LivenessProbe.TcpSocket);
  assert.equal(value('batch-job').RestartPolicy, 'Never');
  const spot = value('spot-job');
  assert.equal(spot.SpotStrategy, 'SpotWithPriceLimit');
  assert.equal(typeof spot.SpotPriceLimit, 'number');
  assert.ok(value('gpu-job').Container[0].Gpu >= 1);
  const init = value('init-container-and-volumes');
  assert.ok(init.InitContainer.length >= 1 && init.Volume.length >= 2);
  const occurrences = volumeNameOccurrences(parse(templateById('init-container-and-volumes')!.text));
  const defined = new Set(occurrences.filter((o) => o.role === 'definition').map((o) => o.name));
  const mounted = occurrences.filter((o) => o.role === 'mount');
  assert.ok(
    mounted.some((o) => o.wirePath.startsWith('InitContainer')) &&
      mounted.some((o) => o.wirePath.startsWith('Container')),
  );
  for (const m of mounted) assert.ok(defined.has(m.name), `${m.wirePath} names a defined volume`);
  const content = init.Volume.find((v: Doc) => v.Type === 'ConfigFileVolume').ConfigFileVolume.ConfigFileToPath[0]
    .Content;
  assert.match(Buffer.from(content, 'base64').toString('utf8'), /listen 80;/);
});

test('an empty file offers the templates as completions, each inserting the whole document', () => {
  const service = createLanguageService({ locale: 'en' });
  const list = service.complete('', { line: 0, character: 0 });
  const items = list.items.filter((i) => i.sortText?.startsWith('3_template_'));
  assert.deepEqual(
    items.map((i) => i.label),
    CONTAINER_GROUP_TEMPLATES.map((t) => t.label.en),
  );
  for (const item of items) {
    const edit = item.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(item.insertTextFormat, InsertTextFormat.PlainText, 'the text is inserted as is ($ signs included)');
    assert.deepEqual(service.diagnose(edit.newText), []);
  }

  const commented = '# my container group\n\n  ';
  const ja = createLanguageService({ locale: 'ja' }).complete(commented, { line: 2, character: 2 });
  const jaItems = ja.items.filter((i) => i.sortText?.startsWith('3_template_'));
  assert.deepEqual(
    jaItems.map((i) => i.label),
    CONTAINER_GROUP_TEMPLATES.map((t) => t.label.ja),
  );
  const edit = jaItems[0].textEdit as TextEdit;
  assert.deepEqual(edit.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } });
  const after = `# my container group\n\n${edit.newText}`;
  assert.deepEqual(service.diagnose(after), []);

  const onComment = service.complete('# my container group', { line: 0, character: 20 });
  assert.equal(
    onComment.items.filter((i) => i.sortText?.startsWith('3_template_')).length,
    0,
    'not after a comment on the line',
  );
  const notEmpty = service.complete('RegionId: cn-hangzhou\n', { line: 1, character: 0 });
  assert.equal(
    notEmpty.items.filter((i) => i.sortText?.startsWith('3_template_')).length,
    0,
    'not in a document with content',
  );
});
