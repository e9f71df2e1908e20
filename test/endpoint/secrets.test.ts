// Secrets (AccessKey secret, security token, registry passwords, hidden environment values) appear
// in no outcome the call layer produces, whatever the service or the network does.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { credentialFromProvider, secretValuesOf } from '../../calls/src/credential';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET, MINIMAL, callOptions, documentWithSecrets, endpoint, wire } from './helpers';

const PASSWORD = 'registry-P@ss w0rd!';
const HIDDEN = 'hidden-env-value-31337';
const DOC = documentWithSecrets(PASSWORD, HIDDEN);

function assertNoSecret(what: unknown, label: string): void {
  const text = JSON.stringify(what);
  for (const s of [ACCESS_KEY_SECRET, PASSWORD, encodeURIComponent(PASSWORD), HIDDEN])
    assert.ok(!text.includes(s), `${label} leaks ${s}: ${text}`);
}

test('the document has the secrets the test looks for', () => {
  const req = wire(DOC);
  assert.equal(req.params['ImageRegistryCredential.1.Password'], PASSWORD);
  assert.equal(req.params['Container.1.EnvironmentVar.1.Value'], HIDDEN);
  assert.deepEqual(req.secrets.sort(), ['Container.1.EnvironmentVar.1.Value', 'ImageRegistryCredential.1.Password']);
});

test('no outcome carries a secret, even when the service echoes them in its message', async () => {
  const ep = await endpoint();
  try {
    const req = wire(DOC);
    // The secrets do travel to the service (they are parameters): the endpoint receives them.
    const created = await callCreateContainerGroup(callOptions(ep, req));
    assert.equal(created.type, 'created', JSON.stringify(created));
    assert.equal(ep.requests[0].params['ImageRegistryCredential.1.Password'], PASSWORD);
    assertNoSecret(created, 'created');

    const outcomes: unknown[] = [];
    ep.inject({
      kind: 'error',
      code: 'InvalidParameter',
      status: 400,
      message: `The password ${PASSWORD} is wrong for deployer; env ${HIDDEN}; key ${ACCESS_KEY_SECRET}`,
    });
    outcomes.push(await callCreateContainerGroup(callOptions(ep, req)));
    ep.inject({ kind: 'html', status: 502 }, { kind: 'html', status: 502 });
    outcomes.push(await callCreateContainerGroup(callOptions(ep, req, { maxAttempts: 2 })));
    ep.inject({ kind: 'drop' }, { kind: 'drop' });
    outcomes.push(await callCreateContainerGroup(callOptions(ep, req, { maxAttempts: 2 })));
    ep.inject({ kind: 'hang' });
    outcomes.push(
      await callCreateContainerGroup(
        callOptions(ep, req, { maxAttempts: 1, timeouts: { connectMs: 500, readMs: 200 } }),
      ),
    );
    outcomes.push(await callCreateContainerGroup(callOptions(ep, req, { dryRun: true })));
    const first = outcomes[0] as { type: string; message: string };
    assert.equal(first.type, 'service-error');
    assert.match(first.message, /The password \*{8} is wrong for deployer; env \*{8}; key \*{8}/);
    outcomes.forEach((o, i) => assertNoSecret(o, `outcome ${i}`));
  } finally {
    await ep.close();
  }
});

test('a credential that fails when the call needs it: reported as not sent, naming the source, without secrets', async () => {
  const ep = await endpoint();
  try {
    let calls = 0;
    const provider = {
      getProviderName: () => 'ram_role_arn/static_ak',
      getCredentials: async () => {
        calls += 1;
        if (calls > 1)
          throw new Error(`AssumeRole failed for ${ACCESS_KEY_ID} with secret ${ACCESS_KEY_SECRET}: token expired`);
        return {
          accessKeyId: ACCESS_KEY_ID,
          accessKeySecret: ACCESS_KEY_SECRET,
          providerName: 'ram_role_arn/static_ak',
        };
      },
    };
    const credential = await credentialFromProvider(provider, 'RAM role arn:acs:ram::123:role/deployer');
    assert.deepEqual(secretValuesOf(credential), [ACCESS_KEY_SECRET]);
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { credential }));
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.match(outcome.message, /not sent/);
    assert.match(outcome.message, /RAM role arn:acs:ram::123:role\/deployer/);
    assert.match(outcome.message, /token expired/);
    assertNoSecret(outcome, 'credential failure');
    assert.equal(ep.requests.length, 0);
  } finally {
    await ep.close();
  }
});
