// The decisions the call layer makes once for both front doors: the ClientToken rule, "the group may
// have been created", the endpoint and its wording, how a service error and a credential are worded.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { chooseClientToken, ensureClientToken, mayHaveBeenCreated } from '../../calls/src/clientToken';
import { describeCredentialInUse, explainServiceError } from '../../calls/src/describe';
import { endpointFor, hostAndPort } from '../../calls/src/endpoint';
import type { EciCallOutcome } from '../../calls/src/types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("ClientToken: the document's own wins; a caller's fills in; else a UUID, kept on the parameters", () => {
  const fromDocument = { ClientToken: 'doc-1' };
  assert.deepEqual(chooseClientToken(fromDocument), { ok: true, token: 'doc-1', source: 'document' });
  assert.deepEqual(chooseClientToken({ ClientToken: 'doc-1' }, 'doc-1'), {
    ok: true,
    token: 'doc-1',
    source: 'document',
  });
  const fromCaller: Record<string, string> = {};
  assert.deepEqual(chooseClientToken(fromCaller, 'cli-2'), { ok: true, token: 'cli-2', source: 'caller' });
  assert.equal(fromCaller.ClientToken, 'cli-2');
  const generated: Record<string, string> = {};
  const choice = chooseClientToken(generated);
  assert.ok(choice.ok && choice.source === 'generated' && UUID.test(choice.token), JSON.stringify(choice));
  assert.equal(generated.ClientToken, choice.ok ? choice.token : '');
  // Applied again (the call layer does, after a front door chose): the same token.
  assert.equal(ensureClientToken(generated), generated.ClientToken);
});

test("ClientToken: a caller's token that differs from the document's is refused, the document's kept", () => {
  const params = { ClientToken: 'doc-1' };
  assert.deepEqual(chooseClientToken(params, 'other'), { ok: false, documentToken: 'doc-1', requested: 'other' });
  assert.equal(params.ClientToken, 'doc-1');
});

test('may have been created: only a create whose request left and whose answer was lost or abandoned', () => {
  const net = (requestSent: boolean, clientToken?: string): EciCallOutcome => ({
    type: 'network-error',
    kind: 'timeout',
    message: '',
    detail: { reason: 'no-answer', host: 'h', seconds: 1 },
    attempts: 1,
    requestSent,
    ...(clientToken ? { clientToken } : {}),
  });
  assert.equal(mayHaveBeenCreated(net(true, 't')), true);
  assert.equal(mayHaveBeenCreated(net(false, 't')), false, 'nothing left this machine');
  assert.equal(mayHaveBeenCreated(net(true)), false, 'a dry run has no ClientToken of its own');
  assert.equal(mayHaveBeenCreated({ type: 'cancelled', attempts: 1, requestSent: true, clientToken: 't' }), true);
  assert.equal(mayHaveBeenCreated({ type: 'cancelled', attempts: 1, requestSent: false, clientToken: 't' }), false);
  assert.equal(
    mayHaveBeenCreated({ type: 'created', containerGroupId: 'eci-1', requestId: 'r', attempts: 1, clientToken: 't' }),
    false,
  );
});

test("endpoint: the region's over HTTPS unless overridden, named as the front doors show it", () => {
  assert.deepEqual(endpointFor('cn-hangzhou'), {
    host: 'eci.cn-hangzhou.aliyuncs.com',
    protocol: 'https',
    text: 'https://eci.cn-hangzhou.aliyuncs.com',
  });
  assert.deepEqual(endpointFor('cn-hangzhou', { host: '127.0.0.1:8080', protocol: 'http' }), {
    host: '127.0.0.1:8080',
    protocol: 'http',
    text: 'http://127.0.0.1:8080',
  });
  assert.deepEqual(endpointFor('cn-hangzhou', { host: ' ' }), {
    host: 'eci.cn-hangzhou.aliyuncs.com',
    protocol: 'https',
    text: 'https://eci.cn-hangzhou.aliyuncs.com',
  });
  assert.throws(() => endpointFor('Hangzhou'), /"Hangzhou" is not a region id/);
  assert.deepEqual(hostAndPort('[::1]:8443', 'https'), { host: '::1', port: 8443 });
  assert.deepEqual(hostAndPort('eci.cn-hangzhou.aliyuncs.com', 'https'), {
    host: 'eci.cn-hangzhou.aliyuncs.com',
    port: 443,
  });
  assert.deepEqual(hostAndPort('127.0.0.1', 'http'), { host: '127.0.0.1', port: 80 });
});

test('a service error explained in the locale asked for, its action only when it has one', () => {
  const explanation = {
    en: 'The vSwitch does not exist.',
    ja: 'vSwitch が存在しません。',
    action: { en: 'Check VSwitchId.', ja: 'VSwitchId を確認してください。' },
  };
  assert.deepEqual(explainServiceError({ explanation }, 'en'), {
    explanation: 'The vSwitch does not exist.',
    action: 'Check VSwitchId.',
  });
  assert.deepEqual(explainServiceError({ explanation }, 'ja_JP.UTF-8'), {
    explanation: 'vSwitch が存在しません。',
    action: 'VSwitchId を確認してください。',
  });
  assert.deepEqual(explainServiceError({ explanation: { en: 'e', ja: 'j' } }, 'ja'), { explanation: 'j' });
});

test('the credential in use: its source and masked AccessKey ID, STS said for a temporary key', () => {
  const base = { source: 'env' as const, description: 'env', accessKeyIdHint: 'LTAI****wxyz' };
  assert.equal(
    describeCredentialInUse({ ...base, temporary: false }),
    'environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (AccessKey LTAI****wxyz)',
  );
  assert.equal(
    describeCredentialInUse({ ...base, temporary: true }, 'ja'),
    '環境変数 ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET / ALIBABA_CLOUD_SECURITY_TOKEN (AccessKey LTAI****wxyz, STS)',
  );
});
