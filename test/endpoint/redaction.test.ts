// Issue 16 item 8: an error answer that echoes the request leaks no secret, in whatever encoding the
// echo comes: as the URL carried it (querystring), as the SDK signs it (RFC 3986: ' -> %27), form-encoded
// (space -> +), with lower-case hex, double-encoded or truncated, in any field (Code, Message, RequestId,
// Recommend, HostId). The encodings are derived from the SDK's own encoder and the request as received.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { redactSecrets } from '../../calls/src/redaction';
import type { ReceivedRequest } from '../support/eciEndpoint';
import { ACCESS_KEY_SECRET, callOptions, documentWithSecrets, endpoint, wire } from './helpers';

const sdkEncode = (require('@alicloud/openapi-util') as { default: { getEncodeParam(s: string): string } }).default
  .getEncodeParam;

const PASSWORD = "Pw!*(x)'q' über/+&=Z9";
const HIDDEN = "hidden env 'value' (über) +42";
const DOC = documentWithSecrets(PASSWORD, HIDDEN);

/** The value of `key` exactly as it appears in the request target the endpoint received. */
function asSent(rec: ReceivedRequest, key: string): string {
  const query = rec.target.slice(rec.target.indexOf('?') + 1);
  const part = query.split('&').find((p) => decodeURIComponent(p.slice(0, p.indexOf('=')).replace(/\+/g, ' ')) === key);
  assert.ok(part, `${key} is in the request target`);
  return part.slice(part.indexOf('=') + 1);
}

/** Every echo of `value` the test sends back, and that must not come out. */
function echoes(value: string, sent: string): string[] {
  const sdk = sdkEncode(value);
  const lower = (s: string) => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  return [
    value,
    sent, // as the URL carried it
    sdk, // as the SDK signs it
    lower(sdk),
    form,
    lower(form),
    encodeURIComponent(sdk), // double-encoded
    encodeURIComponent(sent),
    sdkEncode(sdk),
    // Truncated echoes: 8 characters or more of the secret, in each encoding.
    value.slice(0, 12),
    sdkEncode([...value].slice(0, 9).join('')),
    new URLSearchParams({ v: [...value].slice(0, 10).join('') }).toString().slice(2),
    `${sdkEncode([...value].slice(0, 8).join(''))}%C`, // cut inside an escape
  ];
}

test('every echo of a secret in every field of an error answer is redacted', async () => {
  const ep = await endpoint();
  try {
    const req = wire(DOC);
    let leaks: string[] = [];
    ep.inject({
      kind: 'answer',
      status: 400,
      body: (rec) => {
        const pw = echoes(PASSWORD, asSent(rec, 'ImageRegistryCredential.1.Password'));
        const env = echoes(HIDDEN, asSent(rec, 'Container.1.EnvironmentVar.1.Value'));
        const ak = echoes(ACCESS_KEY_SECRET, sdkEncode(ACCESS_KEY_SECRET));
        leaks = [...pw, ...env, ...ak];
        return {
          Code: `InvalidParameter.Password.${pw[2]}`,
          Message: `The request ${rec.target.slice(0, 2000)} failed: password ${pw.join(' | ')}; env ${env.join(' | ')}; key ${ak.join(' | ')}.`,
          RequestId: `REQ-${pw[1]}-${env[2]}`,
          Recommend: `https://api.aliyun.com/troubleshoot?q=${pw[6]}&e=${env[4]}`,
          HostId: `eci.cn-hangzhou.aliyuncs.com/${pw[4]}`,
        };
      },
    });
    const outcome = await callCreateContainerGroup(callOptions(ep, req, { maxAttempts: 1 }));
    assert.equal(outcome.type, 'service-error', JSON.stringify(outcome));
    assert.ok(leaks.length > 30);
    const text = JSON.stringify(outcome);
    for (const leak of leaks) assert.ok(!text.includes(leak), `the outcome leaks ${JSON.stringify(leak)}: ${text}`);
    if (outcome.type !== 'service-error') return;
    assert.match(outcome.code, /^InvalidParameter\.Password\.\*{8}$/);
    assert.match(outcome.requestId ?? '', /^REQ-\*{8}-\*{8}$/);
    assert.match(outcome.message, /password \*{8}/);
  } finally {
    await ep.close();
  }
});

test('redactSecrets: partial echoes only from 8 characters on; short secrets only whole; text around kept', () => {
  const secret = 'Abcdefghij-klmnop';
  assert.equal(redactSecrets('x Abcdefgh y', [secret]), 'x ******** y');
  assert.equal(
    redactSecrets('x Abcdefg y', [secret]),
    'x Abcdefg y',
    'a 7-character prefix is not taken for the secret',
  );
  assert.equal(redactSecrets('x Abcdefghij-klmnopQ y', [secret]), 'x ********Q y');
  assert.equal(redactSecrets('a=p%2a%2Bq b', ['p*+q']), 'a=******** b');
  assert.equal(redactSecrets('a=p%252A%252Bq b', ['p*+q']), 'a=******** b');
  assert.equal(redactSecrets('abc ab', ['abc']), '******** ab');
});
