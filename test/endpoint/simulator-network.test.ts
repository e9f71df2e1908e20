// The simulator's VPC (2016-04-28) and ECS (2014-05-26) look-ups through @alicloud/openapi-client's
// generic callApi, as the product calls them: response shapes, PageNumber/PageSize/TotalCount
// paging, filters, throttling, and routing on x-acs-action/x-acs-version.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { harness, thrown, type Harness } from './simulator-helpers';

let h: Harness;
before(async () => {
  h = await harness();
});
after(() => h.close());

type VSwitch = {
  VSwitchId: string;
  VpcId: string;
  ZoneId: string;
  AvailableIpAddressCount: number;
  CidrBlock: string;
  Status: string;
};

test('DescribeVSwitches pages with PageNumber/PageSize and filters by zone and VPC', async () => {
  const first = await h.rpc('DescribeVSwitches', '2016-04-28', { RegionId: 'cn-hangzhou', PageSize: 3 });
  assert.equal(first.TotalCount, 4);
  assert.equal(first.PageNumber, 1);
  assert.equal(first.PageSize, 3);
  const page1 = (first.VSwitches as { VSwitch: VSwitch[] }).VSwitch;
  assert.equal(page1.length, 3);
  const second = await h.rpc('DescribeVSwitches', '2016-04-28', {
    RegionId: 'cn-hangzhou',
    PageSize: 3,
    PageNumber: 2,
  });
  const page2 = (second.VSwitches as { VSwitch: VSwitch[] }).VSwitch;
  assert.equal(page2.length, 1);
  const all = [...page1, ...page2];
  assert.equal(new Set(all.map((v) => v.VSwitchId)).size, 4);
  assert.deepEqual([...new Set(all.map((v) => v.ZoneId))].sort(), ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-k']);
  assert.deepEqual([...new Set(all.map((v) => v.VpcId))].length, 2);
  assert.ok(
    all.some((v) => v.AvailableIpAddressCount === 0),
    'one vSwitch has no free IP',
  );
  assert.ok(all.every((v) => v.Status === 'Available' && /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(v.CidrBlock)));

  const zoneH = await h.rpc('DescribeVSwitches', '2016-04-28', { RegionId: 'cn-hangzhou', ZoneId: 'cn-hangzhou-h' });
  assert.equal(zoneH.TotalCount, 2);
  const vpc = await h.rpc('DescribeVSwitches', '2016-04-28', {
    RegionId: 'cn-hangzhou',
    VpcId: 'vpc-bp1sim0dev000000000002',
  });
  assert.deepEqual(
    (vpc.VSwitches as { VSwitch: VSwitch[] }).VSwitch.map((v) => v.VSwitchId),
    ['vsw-bp1sim0devh000000003', 'vsw-bp1sim0devk000000004'],
  );
  const elsewhere = await h.rpc('DescribeVSwitches', '2016-04-28', { RegionId: 'cn-beijing' });
  assert.equal(elsewhere.TotalCount, 0);
  assert.equal(
    (await thrown(h.rpc('DescribeVSwitches', '2016-04-28', { RegionId: 'cn-hangzhou', PageSize: 51 }))).code,
    'InvalidParameter',
  );
});

test('DescribeSecurityGroups (ECS) per VPC, with paging', async () => {
  const r = await h.rpc('DescribeSecurityGroups', '2014-05-26', {
    RegionId: 'cn-hangzhou',
    VpcId: 'vpc-bp1sim0prod00000000001',
  });
  assert.equal(r.TotalCount, 2);
  assert.equal(r.RegionId, 'cn-hangzhou');
  const groups = (
    r.SecurityGroups as { SecurityGroup: { SecurityGroupId: string; SecurityGroupName: string; VpcId: string }[] }
  ).SecurityGroup;
  assert.deepEqual(
    groups.map((g) => g.SecurityGroupName),
    ['prod-web', 'prod-internal'],
  );
  assert.ok(groups.every((g) => g.VpcId === 'vpc-bp1sim0prod00000000001'));
  const p2 = await h.rpc('DescribeSecurityGroups', '2014-05-26', {
    RegionId: 'cn-hangzhou',
    PageSize: 2,
    PageNumber: 2,
  });
  assert.equal(p2.TotalCount, 3);
  assert.equal((p2.SecurityGroups as { SecurityGroup: unknown[] }).SecurityGroup.length, 1);
});

test('DescribeEipAddresses (VPC): all, or only the Available ones', async () => {
  const all = await h.rpc('DescribeEipAddresses', '2016-04-28', { RegionId: 'cn-hangzhou' });
  assert.equal(all.TotalCount, 3);
  const free = await h.rpc('DescribeEipAddresses', '2016-04-28', { RegionId: 'cn-hangzhou', Status: 'Available' });
  const eips = (free.EipAddresses as { EipAddress: { AllocationId: string; IpAddress: string; Status: string }[] })
    .EipAddress;
  assert.deepEqual(
    eips.map((e) => e.AllocationId),
    ['eip-bp1sim0free000000001', 'eip-bp1sim0free000000002'],
  );
  assert.ok(eips.every((e) => e.Status === 'Available' && /^\d+\.\d+\.\d+\.\d+$/.test(e.IpAddress)));
});

test('throttling applies to VPC and ECS look-ups too; the error body names the product', async () => {
  h.sim.inject({ kind: 'error', code: 'Throttling', action: 'DescribeSecurityGroups' });
  const e = await thrown(h.rpc('DescribeSecurityGroups', '2014-05-26', { RegionId: 'cn-hangzhou' }));
  assert.equal(e.code, 'Throttling');
  assert.match(String((e.data as Record<string, unknown>).Recommend), /product=Ecs/);
  assert.equal((await h.rpc('DescribeSecurityGroups', '2014-05-26', { RegionId: 'cn-hangzhou' })).TotalCount, 3);
});

test('routing on x-acs-action and x-acs-version: a known action under another version, an unknown action', async () => {
  assert.equal(
    (await thrown(h.rpc('DescribeVSwitches', '2014-05-26', { RegionId: 'cn-hangzhou' }))).code,
    'InvalidVersion',
  );
  assert.equal(
    (await thrown(h.rpc('DescribeNothing', '2016-04-28', { RegionId: 'cn-hangzhou' }))).code,
    'InvalidAction.NotFound',
  );
  assert.ok(h.sim.requests.every((r) => r.signature === 'valid'));
});
