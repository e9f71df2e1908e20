// What an outcome carries beyond its type: the ClientToken and whether the request left this
// machine on a network error (so a lost answer never leads to a second group), and structured
// details worded in both languages.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { describeNetworkError } from '../../calls/src/describe';
import { MINIMAL, callOptions, endpoint, wire } from './helpers';
import { closedPort } from '../support/eciEndpoint';

test('create: the group is made, the answer is lost and every retry times out: the outcome says the request was sent and gives the ClientToken that recovers the same group', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'drop-after-create' }, { kind: 'hang' }, { kind: 'hang' });
    const req = wire(MINIMAL);
    const outcome = await callCreateContainerGroup(
      callOptions(ep, req, { maxAttempts: 3, timeouts: { connectMs: 2000, readMs: 400 } }),
    );
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.kind, 'timeout');
    assert.equal(outcome.requestSent, true);
    assert.deepEqual(outcome.detail, { reason: 'no-answer', host: '127.0.0.1', seconds: 0.4 });
    assert.equal(outcome.attempts, 3);
    const token = outcome.clientToken;
    assert.ok(token, 'the generated ClientToken is on the outcome');
    assert.equal(ep.requests[0].params.ClientToken, token, 'the token reported is the one that was sent');
    assert.equal(ep.groups.size, 1, 'the lost attempt did create the group');
    assert.match(outcome.message, /within 0\.4 s\. \(3 attempts\)/);

    // Sending the same document with that ClientToken returns the same group, not a second one.
    const again = await callCreateContainerGroup(callOptions(ep, wire(`${MINIMAL}ClientToken: ${token}\n`)));
    assert.equal(again.type, 'created', JSON.stringify(again));
    if (again.type !== 'created') return;
    assert.equal(again.containerGroupId, ep.groups.get(token!));
    assert.equal(ep.groups.size, 1);
  } finally {
    await ep.close();
  }
});

test('a refused connection: nothing was sent, the ClientToken of the create is still given, and the details are structured and worded in Japanese too', async () => {
  const port = await closedPort();
  const ep = await endpoint();
  try {
    const outcome = await callCreateContainerGroup({
      ...callOptions(ep, wire(MINIMAL)),
      endpoint: `127.0.0.1:${port}`,
    });
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.requestSent, false);
    assert.match(outcome.clientToken ?? '', /^[0-9a-f-]{36}$/);
    assert.deepEqual(outcome.detail, { reason: 'connection-refused', host: '127.0.0.1', port });
    assert.match(describeNetworkError(outcome, 'en'), new RegExp(`Connection to 127\\.0\\.0\\.1:${port} was refused`));
    const ja = describeNetworkError(outcome, 'ja');
    assert.match(ja, new RegExp(`127\\.0\\.0\\.1:${port} への接続が拒否されました`));
    assert.doesNotMatch(ja, /was refused/);
  } finally {
    await ep.close();
  }
});

test('a dry run that times out carries no ClientToken (a dry run creates nothing)', async () => {
  const ep = await endpoint();
  try {
    ep.inject({ kind: 'hang' });
    const outcome = await callCreateContainerGroup(
      callOptions(ep, wire(MINIMAL), { dryRun: true, maxAttempts: 1, timeouts: { connectMs: 2000, readMs: 300 } }),
    );
    assert.equal(outcome.type, 'network-error', JSON.stringify(outcome));
    if (outcome.type !== 'network-error') return;
    assert.equal(outcome.requestSent, true);
    assert.equal(outcome.clientToken, undefined);
    assert.match(describeNetworkError(outcome, 'ja'), /0\.3 秒以内に 127\.0\.0\.1 から応答がありませんでした/);
  } finally {
    await ep.close();
  }
});

test('a service error of a create carries its ClientToken', async () => {
  const ep = await endpoint();
  try {
    ep.inject({
      kind: 'error',
      code: 'InvalidParameter',
      status: 400,
      message: 'The specified parameter "Container.1.Image" is not valid.',
    });
    const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { maxAttempts: 1 }));
    assert.equal(outcome.type, 'service-error', JSON.stringify(outcome));
    if (outcome.type !== 'service-error') return;
    assert.equal(outcome.clientToken, ep.requests[0].params.ClientToken);
  } finally {
    await ep.close();
  }
});
