// The real SDK against the local ECI endpoint: success, dry run, each error class, signatures.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { createLanguageService } from '../../server/src/service/index';
import { documentedErrors } from '../support/eciEndpoint';
import { ACCESS_KEY_SECRET, MINIMAL, callOptions, credential, endpoint, wire } from './helpers';

test('create: the group is created and the answer carries ContainerGroupId, RequestId and the ClientToken sent', async () => {
  const ep = await endpoint();
  try {
    const req = wire(MINIMAL);
    const outcome = await callCreateContainerGroup(callOptions(ep, req));
    assert.equal(outcome.type, 'created', JSON.stringify(outcome));
    if (outcome.type !== 'created') return;
    assert.match(outcome.containerGroupId, /^eci-[0-9a-f]{20}$/);
    assert.match(outcome.requestId, /^[0-9A-F-]{36}$/);
    assert.equal(outcome.attempts, 1);
    assert.equal(ep.requests.length, 1);
    const got = ep.requests[0];
    assert.equal(got.signature, 'valid');
    assert.equal(got.action, 'CreateContainerGroup');
    assert.equal(got.version, '2018-08-08');
    assert.equal(got.method, 'POST');
    assert.equal(got.params['Container.1.Name'], 'nginx');
    assert.equal(got.params['Container.1.Image'], 'nginx:1.27');
    assert.equal(got.params.Cpu, '2');
    assert.equal(got.params.ClientToken, outcome.clientToken);
    assert.match(outcome.clientToken, /^[0-9a-f-]{36}$/);
    assert.equal(ep.groups.get(outcome.clientToken), outcome.containerGroupId);
  } finally {
    await ep.close();
  }
});

test('create keeps the ClientToken the document gives', async () => {
  const ep = await endpoint();
  try {
    const req = wire(`${MINIMAL}ClientToken: my-own-token-42\n`);
    const outcome = await callCreateContainerGroup(callOptions(ep, req));
    assert.equal(outcome.type, 'created');
    if (outcome.type !== 'created') return;
    assert.equal(outcome.clientToken, 'my-own-token-42');
    assert.equal(ep.requests[0].params.ClientToken, 'my-own-token-42');
    // Sending the same document again names the same group: the service never makes a second one.
    const again = await callCreateContainerGroup(callOptions(ep, req));
    assert.equal(again.type, 'created');
    if (again.type === 'created') assert.equal(again.containerGroupId, outcome.containerGroupId);
    assert.equal(ep.groups.size, 1);
  } finally {
    await ep.close();
  }
});

test('dry run: DryRun.Success (thrown by the SDK as an error) is reported as a pass, and nothing is created', async () => {
  const ep = await endpoint();
  try {
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { dryRun: true }));
    assert.equal(outcome.type, 'dry-run-passed', JSON.stringify(outcome));
    if (outcome.type !== 'dry-run-passed') return;
    assert.equal(outcome.code, 'DryRun.Success');
    assert.match(outcome.requestId, /^[0-9A-F-]{36}$/);
    assert.equal(ep.requests[0].params.DryRun, 'true');
    assert.equal(ep.requests[0].params.ClientToken, undefined);
    assert.equal(ep.groups.size, 0);
  } finally {
    await ep.close();
  }
});

test('dry run: the older DryRunOperation code is a pass too', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'error', code: 'DryRunOperation' });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { dryRun: true }));
    assert.equal(outcome.type, 'dry-run-passed');
    if (outcome.type === 'dry-run-passed') assert.equal(outcome.code, 'DryRunOperation');
  } finally {
    await ep.close();
  }
});

test('a service check failing (duplicate container names) comes back explained, with the parameter paths', async () => {
  const ep = await endpoint();
  try {
    const req = wire(`${MINIMAL}  - Name: nginx\n    Image: busybox\n`);
    const outcome = await callCreateContainerGroup(callOptions(ep, req));
    assert.equal(outcome.type, 'service-error', JSON.stringify(outcome));
    if (outcome.type !== 'service-error') return;
    assert.equal(outcome.code, 'InvalidParameter.DuplicatedName');
    assert.equal(outcome.httpStatus, 400);
    assert.equal(outcome.message, 'The container group include containers with duplicate names.');
    assert.match(outcome.recommend ?? '', /troubleshoot/);
    assert.match(outcome.requestId ?? '', /^[0-9A-F-]{36}$/);
    assert.deepEqual(outcome.parameterPaths, ['Container[].Name', 'InitContainer[].Name']);
    assert.match(outcome.explanation.en, /same name/);
    assert.match(outcome.explanation.ja, /同じ名前/);
    assert.equal(outcome.attempts, 1);
    assert.equal(ep.groups.size, 0);
  } finally {
    await ep.close();
  }
});

test('every documented error class: the code, status and explanation come through, and none is retried except throttling', async () => {
  const ep = await endpoint();
  try {
    const req = wire(MINIMAL);
    const codes = [...documentedErrors().values()].filter(
      (r) => r.code !== 'DryRun.Success' && r.code !== 'DryRunOperation',
    );
    assert.ok(codes.length >= 70);
    for (const row of codes) {
      const before = ep.requests.length;
      ep.inject({ kind: 'error', code: row.code, status: row.status });
      // Throttling is retried: the next attempt succeeds.
      const outcome = await callCreateContainerGroup(callOptions(ep, req, { dryRun: true }));
      if (row.code === 'Throttling') {
        assert.equal(outcome.type, 'dry-run-passed', row.code);
        assert.equal(ep.requests.length - before, 2, row.code);
        continue;
      }
      assert.equal(outcome.type, 'service-error', `${row.code}: ${JSON.stringify(outcome)}`);
      if (outcome.type !== 'service-error') continue;
      assert.equal(outcome.code, row.code);
      assert.equal(outcome.httpStatus, row.status);
      assert.equal(ep.requests.length - before, 1, `${row.code} must not be retried`);
      assert.ok(outcome.explanation.en.length > 20 && outcome.explanation.ja.length > 10, row.code);
      assert.ok(outcome.explanation.action?.en && outcome.explanation.action.ja, row.code);
    }
  } finally {
    await ep.close();
  }
});

test('an unknown error code still gives the service message and the request id', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'error', code: 'Some.New.Code', status: 400, message: 'Something new went wrong.' });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL)));
    assert.equal(outcome.type, 'service-error');
    if (outcome.type !== 'service-error') return;
    assert.equal(outcome.code, 'Some.New.Code');
    assert.equal(outcome.message, 'Something new went wrong.');
    assert.match(outcome.requestId ?? '', /^[0-9A-F-]{36}$/);
    assert.match(outcome.explanation.en, /Some\.New\.Code/);
    assert.deepEqual(outcome.parameterPaths, []);
  } finally {
    await ep.close();
  }
});

test('a wrong AccessKey secret is rejected by the signature check (SignatureDoesNotMatch), and the secret is in no message', async () => {
  const ep = await endpoint();
  try {
    const wrong = 'wrong-secret-0123456789abcdef';
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { credential: credential(wrong) }));
    assert.equal(outcome.type, 'service-error');
    if (outcome.type !== 'service-error') return;
    assert.equal(outcome.code, 'SignatureDoesNotMatch');
    assert.equal(ep.requests[0].signature, 'invalid');
    assert.equal(ep.groups.size, 0);
    const text = JSON.stringify(outcome);
    assert.ok(!text.includes(wrong) && !text.includes(ACCESS_KEY_SECRET));
  } finally {
    await ep.close();
  }
});

test('an unknown AccessKey ID is rejected', async () => {
  const ep = await endpoint();
  try {
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { credential: credential(ACCESS_KEY_SECRET, 'LTAI5tNobodyKnowsThis') }),
    );
    assert.equal(outcome.type, 'service-error');
    if (outcome.type === 'service-error') assert.equal(outcome.code, 'InvalidAccessKeyId.NotFound');
  } finally {
    await ep.close();
  }
});

test("the language service's wireRequest (what the eci/wireRequest LSP request returns) feeds the call as it is", async () => {
  const service = createLanguageService();
  const built = service.wireRequest(
    `${MINIMAL}ImageRegistryCredential:\n  - Server: registry.example.com\n    UserName: u\n    Password: pw-123456\n`,
  );
  assert.equal(built.ok, true, JSON.stringify(built));
  if (!built.ok) return;
  assert.deepEqual(built.secrets, ['ImageRegistryCredential.1.Password']);
  const ep = await endpoint();
  try {
    const outcome = await callCreateContainerGroup(callOptions(ep, built, { dryRun: true }));
    assert.equal(outcome.type, 'dry-run-passed', JSON.stringify(outcome));
    assert.equal(ep.requests[0].params['ImageRegistryCredential.1.Password'], 'pw-123456');
  } finally {
    await ep.close();
  }
  // A document with errors builds no request: the errors come back instead.
  const broken = service.wireRequest('RegionId: cn-hangzhou\nContainer: 5\n');
  assert.equal(broken.ok, false);
  if (!broken.ok) assert.ok(broken.errors.length > 0);
});
