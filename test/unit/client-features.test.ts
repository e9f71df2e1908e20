// The service shaped to what the editor takes: plain text instead of markdown, plain-text snippets,
// single-line keys without snippet support, no filterText equal to the label; one locale reading for
// the service, the CLI and the call layer; returned diagnostics matched to the published ones.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service/index';
import { markdownToPlainText } from '../../server/src/service/clientFeatures';
import { environmentLocale, localeOf } from '../../server/src/service/locale';
import { publishedOriginal } from '../../server/src/service/actions';
import { detectLocale } from '../../cli/src/locale';
import { describeLocale } from '../../calls/src/describe';

const PLAIN = {
  snippets: false,
  completionDocumentation: 'plaintext',
  hoverContent: 'plaintext',
  insertTextMode: false,
  triggerSuggestCommand: undefined,
} as const;

test('markdown to plain text: bold, code spans, fences and rules go; masked IDs and list marks stay', () => {
  assert.equal(
    markdownToPlainText(
      '**`Always`** — the value `Always` of **RestartPolicy**\n\n---\n\n- Example: `sg-uf66****`\n```yaml\nA: **b**\n```\nan escaped \\*star\\*',
    ),
    'Always — the value Always of RestartPolicy\n\n- Example: sg-uf66****\nA: **b**\nan escaped *star*',
  );
});

test('a plain-text client: hover and completion documentation without markdown', () => {
  const s = createLanguageService({ locale: 'en', client: PLAIN });
  const h = s.hover('RestartPolicy: Always\n', { line: 0, character: 2 })!;
  assert.deepEqual(Object.keys(h.contents), ['kind', 'value']);
  assert.equal((h.contents as { kind: string }).kind, 'plaintext');
  assert.match((h.contents as { value: string }).value, /^RestartPolicy · string · optional\n/);
  const always = s.complete('RestartPolicy: \n', { line: 0, character: 15 }).items.find((i) => i.label === 'Always')!;
  assert.deepEqual(always.documentation, {
    kind: 'plaintext',
    value: markdownToPlainText(
      (
        createLanguageService({ locale: 'en' })
          .complete('RestartPolicy: \n', { line: 0, character: 15 })
          .items.find((i) => i.label === 'Always')!.documentation as { value: string }
      ).value,
    ),
  });
  assert.doesNotMatch((always.documentation as { value: string }).value, /\*\*|`/);
});

test('without snippet support: snippets as plain text with their defaults, object keys on one line, no insertTextMode or command', () => {
  const text = 'RegionId: cn-hangzhou\nContainer:\n  - Name: a\n    Image: b\n    \n';
  const plain = createLanguageService({ locale: 'en', client: PLAIN }).complete(text, { line: 4, character: 4 }).items;
  const full = createLanguageService({ locale: 'en' }).complete(text, { line: 4, character: 4 }).items;
  const probe = plain.find((i) => i.label === 'HTTP probe')!;
  assert.equal(probe.insertTextFormat, 1);
  assert.equal(
    probe.textEdit!.newText,
    'ReadinessProbe:\n      HttpGet:\n        Path: /healthz\n        Port: 80\n        Scheme: HTTP\n      InitialDelaySeconds: 5\n      PeriodSeconds: 10\n      TimeoutSeconds: 1',
  );
  assert.equal(probe.filterText, 'ReadinessProbe');
  assert.equal(full.find((i) => i.label === 'HTTP probe')!.insertTextFormat, 2);
  assert.equal(full.find((i) => i.label === 'HTTP probe')!.filterText, 'ReadinessProbe');
  assert.equal(plain.find((i) => i.label === 'SecurityContext')!.textEdit!.newText, 'SecurityContext:');
  assert.equal(plain.find((i) => i.label === 'Port')!.textEdit!.newText, 'Port:');
  assert.equal(full.find((i) => i.label === 'SecurityContext')!.textEdit!.newText, 'SecurityContext:\n      ');
  for (const item of plain) {
    assert.equal(item.insertTextMode, undefined, item.label);
    assert.equal(item.command, undefined, item.label);
  }
  assert.ok(full.some((i) => i.command?.command === 'editor.action.triggerSuggest'));
  for (const item of [...plain, ...full]) assert.notEqual(item.filterText, item.label, item.label);
});

test('locale: the POSIX and BCP 47 forms of Japanese, the same in the service, the CLI and the call layer', () => {
  for (const ja of ['ja', 'JA', 'ja-JP', 'ja_JP', 'ja_JP.UTF-8', 'ja.UTF-8', 'ja_JP@cjk', ' ja_JP.eucJP']) {
    assert.equal(localeOf(ja), 'ja', ja);
    assert.equal(detectLocale(ja, {}), 'ja', ja);
    assert.equal(describeLocale(ja), 'ja', ja);
  }
  for (const en of [undefined, '', 'en', 'en_US.UTF-8', 'C', 'POSIX', 'jav', 'jaxx', 'de_DE'])
    assert.equal(localeOf(en), 'en', String(en));
  assert.equal(environmentLocale({ LANG: 'ja_JP.UTF-8' }), 'ja_JP.UTF-8');
  assert.equal(environmentLocale({ LC_ALL: '', LC_MESSAGES: 'ja_JP', LANG: 'en_US' }), 'ja_JP');
  assert.equal(environmentLocale({ LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }), 'C');
  assert.equal(environmentLocale({}), undefined);
  assert.equal(createLanguageService({ locale: 'ja_JP.UTF-8' }).locale, 'ja');
});

test('a returned diagnostic is matched to the published one by code, data path and line, whatever its columns', () => {
  const s = createLanguageService({ locale: 'en' });
  const text = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: a\n  - Name: b\n';
  const published = s.diagnose(text);
  const required = published.filter((d) => d.code === 'schema.required');
  assert.equal(required.length, 2);
  // Without data, with the columns shifted: still the one on its line.
  const sent = {
    ...required[1],
    data: undefined,
    range: {
      start: { line: required[1].range.start.line, character: 40 },
      end: { line: required[1].range.start.line, character: 44 },
    },
  };
  assert.equal(publishedOriginal(sent, published), required[1]);
  assert.equal(publishedOriginal({ ...sent, code: 'schema.enum' }, published), undefined);
  assert.equal(
    publishedOriginal(
      { ...sent, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } },
      published,
    ),
    undefined,
  );
  // The quick fix works from the matched original.
  const actions = s.codeActions(text, { uri: 'file:///a', range: sent.range, diagnostics: [sent] });
  assert.deepEqual(
    actions.map((a) => a.title),
    ['Add required Image to Container[]', 'Ignore schema.required on this line'],
  );
  assert.deepEqual(actions[0].diagnostics, [sent]);
});
