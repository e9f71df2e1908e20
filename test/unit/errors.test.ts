// Error explanations: every code of the reference's error table is explained in English and
// Japanese with what to do, and errors about parameters name them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_EXPLANATIONS, explainError, explanationEntry } from '../../calls/src/errorExplanations';

interface Row {
  status: number;
  code: string;
  text: string;
  line: number;
}
const table = JSON.parse(
  readFileSync(join(__dirname, '..', '..', '..', 'simulator', 'data', 'reference-error-codes.json'), 'utf8'),
) as Row[];
const schemaText = readFileSync(
  join(__dirname, '..', '..', '..', 'schemas', 'eci-container-group.schema.json'),
  'utf8',
);

/** Every x-wirePath of the schema (parameters and their containers). */
const wirePaths = new Set([...schemaText.matchAll(/"x-wirePath":\s*"([^"]+)"/g)].map((m) => m[1]));

test('the reference table has 76 rows and every row (code and HTTP status) has an explanation', () => {
  assert.equal(table.length, 76);
  for (const row of table) {
    const e = explanationEntry(row.code, row.status);
    assert.ok(e, `${row.code} (line ${row.line}) has no explanation`);
    assert.equal(e.code, row.code);
    assert.equal(e.httpStatus, row.status, `${row.code}: status`);
  }
  // And the table of explanations has nothing the reference lacks (its order follows the reference).
  assert.deepEqual(
    ERROR_EXPLANATIONS.map((e) => `${e.httpStatus} ${e.code}`),
    table.map((r) => `${r.status} ${r.code}`),
  );
});

test('every explanation has plain words and an action in English and Japanese', () => {
  for (const row of table) {
    for (const locale of ['en', 'ja'] as const) {
      const x = explainError(row.code, locale, row.status);
      assert.equal(x.known, true, row.code);
      assert.ok(x.text.length >= 15, `${row.code} ${locale}: text too short`);
      assert.ok(x.action && x.action.length >= 10, `${row.code} ${locale}: no action`);
      assert.ok(!x.text.includes('%s') && !x.action.includes('%s'), `${row.code} ${locale}: a placeholder leaked`);
    }
    const en = explainError(row.code, 'en', row.status);
    const ja = explainError(row.code, 'ja', row.status);
    assert.match(ja.text, /[\u3040-\u30ff\u4e00-\u9faf]/, `${row.code}: the Japanese text is Japanese`);
    assert.doesNotMatch(en.text, /[\u3040-\u30ff]/, `${row.code}: the English text is English`);
    assert.notEqual(en.text, ja.text);
  }
});

test('every parameter path an explanation names is a wire path of the schema', () => {
  for (const e of ERROR_EXPLANATIONS) {
    for (const p of e.parameterPaths) assert.ok(wirePaths.has(p), `${e.code}: ${p} is not in the schema`);
  }
});

test('the errors about parameters name them', () => {
  const cases: [string, string[]][] = [
    ['InvalidParameter.DuplicatedName', ['Container[].Name', 'InitContainer[].Name']],
    ['InvalidParameter.DuplicatedVolumeName', ['Volume[].Name']],
    ['InvalidParameter.CPU.Memory', ['Cpu', 'Memory']],
    ['OperationDenied.VswZoneMisMatch', ['VSwitchId', 'ZoneId']],
    ['InvalidVSwitchId.IpNotEnough', ['VSwitchId']],
    ['Ipv6AddressNotSupportVsw', ['Ipv6AddressCount', 'VSwitchId']],
    ['OperationDenied.SecurityGroupMisMatch', ['VSwitchId', 'SecurityGroupId']],
    ['PrivateIpAddress.Already.InUse', ['PrivateIpAddress']],
    ['ImageSnapshot.NotFound', ['ImageSnapshotId']],
    ['InvalidDiskId.NotFound', ['Volume[].DiskVolume.DiskId']],
  ];
  for (const [code, paths] of cases) assert.deepEqual(explainError(code, 'en').parameterPaths, paths, code);
  // Account-level errors concern no parameter.
  assert.deepEqual(explainError('Account.Arrearage', 'en').parameterPaths, []);
});

test('a code the table lists twice is told apart by its HTTP status', () => {
  const account = explainError('NoPermission', 'en', 400);
  const role = explainError('NoPermission', 'en', 403);
  assert.notEqual(account.text, role.text);
  assert.deepEqual(role.parameterPaths, ['RamRoleName']);
  assert.deepEqual(account.parameterPaths, []);
});

test('locales: ja and ja-JP give Japanese, anything else English', () => {
  assert.equal(explainError('Throttling', 'ja-JP').text, explainError('Throttling', 'ja').text);
  assert.equal(explainError('Throttling', 'fr').text, explainError('Throttling', 'en').text);
  assert.equal(explainError('Throttling').text, explainError('Throttling', 'en').text);
});

test('an unknown code is explained generically, naming it, and points at the service message', () => {
  const en = explainError('Brand.New.Code', 'en');
  assert.equal(en.known, false);
  assert.match(en.text, /Brand\.New\.Code/);
  assert.match(en.text, /service's message/);
  assert.match(en.action ?? '', /request id/);
  assert.deepEqual(en.parameterPaths, []);
  assert.match(explainError('Brand.New.Code', 'ja').text, /Brand\.New\.Code/);
});
