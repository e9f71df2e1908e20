// Every rule id of schemas/eci-rules.json is implemented exactly once, and nothing else is.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { IMPLEMENTED_RULE_IDS } from '../../server/src/service/rules/index';
import { ECI_RULES } from '../../server/src/service/schemaVocabulary';
import { createLanguageService } from '../../server/src/service/index';

test('the implemented rule ids equal the rules file ids', () => {
  assert.deepEqual([...IMPLEMENTED_RULE_IDS].sort(), ECI_RULES.map((r) => r.id).sort());
});

test('each rule id is implemented once', () => {
  const seen = new Set<string>();
  for (const id of IMPLEMENTED_RULE_IDS) {
    assert.ok(!seen.has(id), `${id} is implemented twice`);
    seen.add(id);
  }
});

test('a rule finding takes its severity from the rules file', () => {
  const service = createLanguageService();
  const base = 'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n';
  const severityOf = (id: string) => (ECI_RULES.find((r) => r.id === id)!.severity === 'error' ? 1 : 2);
  const spot = service
    .diagnose(base + 'SpotStrategy: SpotWithPriceLimit\n')
    .find((d) => d.code === 'spot.price-limit-required')!;
  assert.equal(spot.severity, severityOf('spot.price-limit-required'));
  const windows = service.diagnose(base + 'OsType: Windows\n').find((d) => d.code === 'os-type.windows-beta')!;
  assert.equal(windows.severity, severityOf('os-type.windows-beta'));
});

test('rule messages name the parameter and what is allowed', () => {
  const service = createLanguageService();
  const text = [
    'RegionId: cn-hangzhou',
    'ContainerGroupName: web',
    'Container:',
    '  - Name: web',
    '    Image: nginx',
    '    VolumeMount:',
    '      - Name: cache',
    '        MountPath: /cache',
    'Volume:',
    '  - Name: data',
    '    Type: EmptyDirVolume',
    '  - Name: logs',
    '    Type: EmptyDirVolume',
    '',
  ].join('\n');
  const d = service.diagnose(text);
  assert.equal(d.length, 1);
  assert.equal(d[0].code, 'volume-mount.unknown-volume');
  assert.match(String(d[0].message), /"cache"/);
  assert.match(String(d[0].message), /"data", "logs"/);
  assert.deepEqual(d[0].range, { start: { line: 6, character: 14 }, end: { line: 6, character: 19 } });
});

test('a mount naming no volume says why: no Volume at all, or volumes without a Name', () => {
  const service = createLanguageService();
  const mount =
    'RegionId: cn-hangzhou\nContainerGroupName: web\nContainer:\n  - Name: web\n    Image: nginx\n    VolumeMount:\n      - Name: cache\n        MountPath: /cache\n';
  const none = service.diagnose(mount);
  assert.deepEqual(
    none.map((d) => d.code),
    ['volume-mount.unknown-volume'],
  );
  assert.match(String(none[0].message), /defines no Volume/);
  const unnamed = service.diagnose(mount + 'Volume:\n  - Type: EmptyDirVolume\n');
  assert.deepEqual(
    unnamed.map((d) => d.code),
    ['volume-mount.unknown-volume'],
  );
  assert.doesNotMatch(String(unnamed[0].message), /defines no Volume/);
  assert.match(String(unnamed[0].message), /no item of Volume has a Name/);
});
