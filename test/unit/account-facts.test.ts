// The account checks and live completion of the service, given looked-up facts (accountFacts.ts):
// warnings with their own codes on the line concerned, their quick fixes, completion with live items;
// and without facts, nothing changes.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService, diagnosticCatalogue } from '../../server/src/service/index';
import { ACCOUNT_CODES } from '../../server/src/service/accountCodes';
import { FACTS } from '../support/accountFacts';

const en = createLanguageService({ locale: 'en' });
const ja = createLanguageService({ locale: 'ja' });

const doc = (extra: string) => `RegionId: cn-hangzhou\n${extra}Container:\n  - Name: web\n    Image: nginx:1.27\n`;
const account = (ds: Diagnostic[]) => ds.filter((d) => String(d.code).startsWith('account.'));

test('every account code is catalogued as a suppressible warning with en and ja descriptions', () => {
  for (const id of ACCOUNT_CODES) {
    const e = diagnosticCatalogue().find((x) => x.id === id);
    assert.ok(e, id);
    assert.equal(e.severity, 'warning');
    assert.equal(e.kind, 'account');
    assert.ok(e.description.en && e.description.ja && e.description.en !== e.description.ja, id);
  }
});

test('without facts: no account finding, whatever the ids', () => {
  const text = doc('VSwitchId: vsw-nothere\nSecurityGroupId: sg-nothere\nZoneId: cn-hangzhou-j\nCpu: 2\nMemory: 4\n');
  assert.deepEqual(account(en.diagnose(text)), []);
  assert.deepEqual(en.diagnose(text), en.diagnose(text, []));
});

test('an unknown vSwitch: a warning on that id of a comma-separated list, saying what was looked up and when', () => {
  const text = doc('VSwitchId: vsw-prodh,vsw-nothere\n');
  const [d, ...rest] = account(en.diagnose(text, FACTS));
  assert.equal(rest.length, 0);
  assert.equal(d.code, 'account.unknown-vswitch');
  assert.equal(d.severity, 2);
  assert.deepEqual(d.range, { start: { line: 1, character: 21 }, end: { line: 1, character: 32 } });
  assert.match(
    String(d.message),
    /vsw-nothere does not exist in cn-hangzhou.*4 vSwitch.*DescribeVSwitches.*2025-03-01 08:00 UTC/,
  );
  assert.match(String(account(ja.diagnose(text, FACTS))[0].message), /存在しません/);
});

test('a security group of another VPC than the vSwitch: on SecurityGroupId, fixed with one of the right VPC', () => {
  const text = doc('VSwitchId: vsw-prodh\nSecurityGroupId: sg-devall\n');
  const [d] = account(en.diagnose(text, FACTS));
  assert.equal(d.code, 'account.security-group-vpc');
  assert.equal(d.range.start.line, 2);
  assert.match(String(d.message), /sg-devall is in VPC vpc-dev, but vSwitch vsw-prodh is in VPC vpc-prod/);
  const actions = en.codeActions(text, { uri: 'file:///a.eci.yaml', range: d.range, diagnostics: [d] });
  assert.equal(actions[0].title, 'Change to sg-prodweb (prod-web)');
  const edit = actions[0].edit?.changes?.['file:///a.eci.yaml']?.[0];
  assert.equal(edit?.newText.trim(), 'sg-prodweb');
});

test("ZoneId other than the vSwitch's zone: on ZoneId, with the matching zone and a vSwitch of the zone as fixes", () => {
  const text = doc('VSwitchId: vsw-prodh\nZoneId: cn-hangzhou-i\n');
  const [d] = account(en.diagnose(text, FACTS));
  assert.equal(d.code, 'account.zone-mismatch');
  assert.equal(d.range.start.line, 2);
  const titles = en
    .codeActions(text, { uri: 'file:///a.eci.yaml', range: d.range, diagnostics: [d] })
    .map((a) => a.title);
  assert.deepEqual(titles, [
    "Set ZoneId to cn-hangzhou-h (the vSwitch's zone)",
    'Use vSwitch vsw-prodi (zone cn-hangzhou-i)',
    'Ignore account.zone-mismatch on this line',
  ]);
});

test('a vSwitch without free IPs, and no stock in the zone for the size', () => {
  const noIp = account(en.diagnose(doc('VSwitchId: vsw-devh\n'), FACTS));
  assert.deepEqual(
    noIp.map((d) => d.code),
    ['account.vswitch-no-free-ip'],
  );
  const stock = account(en.diagnose(doc('ZoneId: cn-hangzhou-k\nCpu: 8\nMemory: 16\n'), FACTS));
  assert.deepEqual(
    stock.map((d) => [d.code, d.range.start.line]),
    [['account.no-stock', 1]],
  );
  assert.match(String(stock[0].message), /cn-hangzhou-k has no stock for 8 vCPU/);
  // No zone set and none has stock for the instance type: on InstanceType.
  const none = account(
    en.diagnose(doc('InstanceType: ecs.c6.large\n'), [
      {
        ...FACTS[0],
        zones: FACTS[0].zones!.map((z) => ({ ...z, instanceTypes: { 'ecs.c6.large': 'without' as const } })),
      },
    ]),
  );
  assert.deepEqual(
    none.map((d) => [d.code, d.range.start.line]),
    [['account.no-stock', 1]],
  );
  // The stock in the zone given: nothing.
  assert.deepEqual(account(en.diagnose(doc('ZoneId: cn-hangzhou-h\nCpu: 8\nMemory: 16\n'), FACTS)), []);
});

test('unknown EIP and image cache; facts of another region check nothing; a suppression comment silences a finding', () => {
  const codes = account(
    en.diagnose(doc('EipInstanceId: eip-nope\nImageSnapshotId: imc-nope\nSecurityGroupId: sg-nope\n'), FACTS),
  ).map((d) => d.code);
  assert.deepEqual(codes, ['account.unknown-security-group', 'account.unknown-eip', 'account.unknown-image-cache']);
  assert.deepEqual(
    account(en.diagnose(doc('EipInstanceId: eip-nope\n').replace('cn-hangzhou', 'cn-beijing'), FACTS)),
    [],
  );
  const suppressed = doc('EipInstanceId: eip-nope # eci-ignore account.unknown-eip -- allocated by the pipeline\n');
  assert.deepEqual(account(en.diagnose(suppressed, FACTS)), []);
  assert.equal(en.suppressed(suppressed, FACTS).length, 1);
});

function labels(text: string, facts = FACTS) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line].indexOf('|');
  const items = en.complete(text.replace('|', ''), { line, character }, facts).items;
  return items
    .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))
    .map((i) => ({ label: i.label, detail: i.detail }));
}

test('VSwitchId completion: the zone of ZoneId first, with zone, VPC, CIDR and free IPs; after a comma, the others', () => {
  const items = labels(doc('ZoneId: cn-hangzhou-k\nVSwitchId: |\n'));
  assert.equal(items[0].label, 'vsw-devk');
  assert.equal(items[0].detail, 'dev-k · cn-hangzhou-k · vpc-dev · 172.16.2.0/24 · 120 free IPs');
  assert.equal(items.length, 4);
  const after = labels(doc('VSwitchId: vsw-prodh,|\n')).map((i) => i.label);
  assert.ok(!after.includes('vsw-prodh'));
  assert.equal(after.length, 3);
});

test("SecurityGroupId: the vSwitch's VPC first; ZoneId with stock marks; ImageSnapshotId matching the images first; EIPs available only; live regions", () => {
  assert.deepEqual(
    labels(doc('VSwitchId: vsw-devk\nSecurityGroupId: |\n')).map((i) => i.label),
    ['sg-devall', 'sg-prodweb'],
  );
  const zones = labels(doc('Cpu: 8\nMemory: 16\nZoneId: |\n'));
  assert.deepEqual(
    zones.map((z) => [z.label, z.detail]),
    [
      ['cn-hangzhou-h', 'in stock for this size · recommended'],
      ['cn-hangzhou-j', 'NO stock for this size'],
      ['cn-hangzhou-k', 'NO stock for this size'],
    ],
  );
  assert.deepEqual(
    labels(doc('ImageSnapshotId: |\n')).map((i) => i.label),
    ['imc-nginx', 'imc-redis'],
  );
  assert.deepEqual(
    labels(doc('EipInstanceId: |\n')).map((i) => i.label),
    ['eip-free'],
  );
  assert.deepEqual(
    labels('RegionId: |\n').map((i) => i.label),
    ['cn-hangzhou', 'cn-shanghai', 'ap-northeast-1'],
  );
  // Without facts: today's static region list, and nothing for the ids.
  assert.ok(labels('RegionId: |\n', []).length > 20);
  assert.deepEqual(labels(doc('VSwitchId: |\n'), []), []);
});
