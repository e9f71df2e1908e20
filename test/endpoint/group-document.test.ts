// "Open as .eci.yaml" (calls/src/groupDocument.ts): a group created from a document, described by the
// simulator through the REAL SDK, written back as a document that the service's validator accepts
// and that has the same wire parameters; no secret; the update plan of an edited document.
import { strict as assert } from 'node:assert';
import { after, before, test } from 'node:test';
import { groupToDocument, planUpdate, registryOf } from '../../calls/src/groupDocument';
import type { EciTarget } from '../../calls/src/lifecycleTypes';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { describeContainerGroup } from '../../calls/src/operations/lifecycleOperations';
import { createLanguageService } from '../../server/src/service/index';
import { credential, wire } from './helpers';
import { callTarget, harness, type Harness } from './simulator-helpers';

let h: Harness;
let target: EciTarget;
before(async () => {
  h = await harness();
  target = callTarget(h, credential());
});
after(() => h.close());

const DOCUMENT = `RegionId: cn-hangzhou
ContainerGroupName: round-trip
SecurityGroupId: sg-bp1sim0prodweb0000001
VSwitchId: vsw-bp1sim0prodh00000001
Cpu: 2
Memory: 4
RestartPolicy: OnFailure
Tag:
  - Key: app
    Value: "yes"
Container:
  - Name: web
    Image: registry.example.com/team/web:1.2
    Command:
      - /bin/sh
      - -c
      - "echo ready: now; sleep 3600"
    Cpu: 1
    Memory: 2
    Port:
      - Port: 80
    EnvironmentVar:
      - Key: MODE
        Value: "on"
  - Name: side
    Image: busybox:1.36
`;

async function createAndDescribe(text: string) {
  const req = wire(text);
  const created = await callCreateContainerGroup({
    params: req.params,
    sdkMissing: req.sdkMissing,
    secrets: req.secrets,
    dryRun: false,
    regionId: 'cn-hangzhou',
    endpoint: h.sim.endpoint,
    protocol: 'http',
    credential: credential(),
    backoffBaseMs: 5,
  });
  assert.equal(created.type, 'created', JSON.stringify(created));
  const live = await describeContainerGroup(target, created.type === 'created' ? created.containerGroupId : '');
  assert.equal(live.type, 'ok');
  return { req, live: live.type === 'ok' ? live.value : (undefined as never) };
}

test('the live group as a document: valid, the same wire parameters, defaults and output-only fields left out', async () => {
  const { req, live } = await createAndDescribe(DOCUMENT);
  const text = groupToDocument(live);
  const service = createLanguageService({ locale: 'en' });
  const errors = service.diagnose(text).filter((d) => d.severity === 1);
  assert.deepEqual(
    errors.map((d) => `${d.range.start.line + 1}: ${d.message}`),
    [],
    text,
  );
  const again = wire(text).params;
  const { ClientToken: _t, ...original } = req.params;
  assert.deepEqual(again, original, text);
  for (const outputOnly of [
    'Status',
    'ContainerGroupId',
    'CreationTime',
    'IntranetIp',
    'Events',
    'Ready',
    'RestartCount',
    'CurrentState',
    'ZoneId',
    'ImagePullPolicy',
    'SpotStrategy',
  ])
    assert.ok(!new RegExp(`^\\s*-?\\s*${outputOnly}:`, 'm').test(text), `${outputOnly} left out:\n${text}`);
  assert.match(text, new RegExp(`# Opened from the container group ${live.ContainerGroupId} \\(cn-hangzhou\\)`));
  // The registry of the image: a commented placeholder, never a password.
  assert.match(
    text,
    /^# ImageRegistryCredential:\n# {3}- Server: registry\.example\.com\n# {5}UserName: <user name>\n# {5}Password: <password>$/m,
  );
  assert.match(groupToDocument(live, 'ja'), /パスワードを返しません/);
  assert.deepEqual(planUpdate(live, req.params), { changes: [], params: {}, cannotChange: [] });
});

test('an edited document: the update plan names the changes, sends changed lists whole, names what cannot change', async () => {
  const { live } = await createAndDescribe(DOCUMENT.replace('round-trip', 'plan'));
  const edited = wire(
    DOCUMENT.replace('round-trip', 'plan')
      .replace('web:1.2', 'web:1.3')
      .replace('Memory: 4', 'Memory: 8')
      .replace('VSwitchId: vsw-bp1sim0prodh00000001', 'VSwitchId: vsw-bp1sim0prodi00000001'),
  );
  const plan = planUpdate(live, edited.params);
  assert.deepEqual(plan.changes.map((c) => c.key).sort(), ['Container.1.Image', 'Memory', 'VSwitchId']);
  assert.deepEqual(
    plan.changes.find((c) => c.key === 'Container.1.Image'),
    { key: 'Container.1.Image', from: 'registry.example.com/team/web:1.2', to: 'registry.example.com/team/web:1.3' },
  );
  assert.deepEqual(plan.cannotChange, ['VSwitchId']);
  assert.equal(plan.params.Memory, '8');
  assert.equal(plan.params['Container.2.Name'], 'side', 'the containers are sent whole');
  assert.ok(!('VSwitchId' in plan.params) && !('ClientToken' in plan.params));
});

test('registries named by images', () => {
  assert.equal(registryOf('nginx:1.27'), undefined);
  assert.equal(registryOf('library/nginx'), undefined);
  assert.equal(registryOf('registry.cn-hangzhou.aliyuncs.com/ns/app:1'), 'registry.cn-hangzhou.aliyuncs.com');
  assert.equal(registryOf('localhost:5000/app'), 'localhost:5000');
});
