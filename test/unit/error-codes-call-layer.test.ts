// Issue 16 item 15: the codes the call layer can meet beyond the reference's 76 are explained, in English
// and Japanese, with what to do: IdempotentParameterMismatch (the answer to following the tool's own
// --client-token advice after editing the file), IncompleteSignature, the API gateway's common codes,
// and every code the test endpoint (a stand-in of the service's front end) answers.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainError } from '../../calls/src/errorExplanations';
import { repoRoot } from '../support/eciEndpoint';

/** Alibaba Cloud's common (POP gateway) error codes, as its documentation lists them. */
const COMMON_CODES = [
  'IdempotentParameterMismatch',
  'IdempotentProcessing',
  'IncompleteSignature',
  'SignatureDoesNotMatch',
  'SignatureNonceUsed',
  'InvalidTimeStamp.Expired',
  'InvalidTimeStamp.Format',
  'IllegalTimestamp',
  'InvalidAccessKeyId.NotFound',
  'InvalidAccessKeyId.Inactive',
  'InvalidSecurityToken.Expired',
  'InvalidSecurityToken.Mismatch',
  'InvalidSecurityToken.Malformed',
  'MissingSecurityToken',
  'Throttling',
  'Throttling.User',
  'Throttling.Api',
  'Forbidden',
  'Forbidden.RAM',
  'Forbidden.RiskControl',
  'Forbidden.UserVerification',
  'Forbidden.NotSupportRAM',
  'ActionUnauthorized',
  'MissingParameter',
  'InvalidParameter',
  'InvalidAction.NotFound',
  'InvalidApi.NotFound',
  'InvalidVersion',
  'NoSuchVersion',
  'UnsupportedOperation',
  'InvalidProtocol.NeedSsl',
  'ServiceUnavailable',
  'InternalError',
  'UnknownError',
];

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

for (const code of COMMON_CODES) {
  test(`${code} is explained in English and Japanese, with what to do`, () => {
    const en = explainError(code, 'en');
    const ja = explainError(code, 'ja');
    assert.equal(en.known, true, `${code} has an explanation of its own`);
    assert.doesNotMatch(en.text, /no explanation/);
    assert.ok(en.action && en.action.length > 20, `${code}: an action`);
    assert.ok(ja.action && JAPANESE.test(ja.action) && JAPANESE.test(ja.text), `${code}: Japanese`);
  });
}

test('IdempotentParameterMismatch says what happened and both ways out; IncompleteSignature points at the key', () => {
  const mismatch = explainError('IdempotentParameterMismatch', 'en');
  assert.match(mismatch.text, /ClientToken was already used for a request with different parameters/);
  assert.match(mismatch.action ?? '', /exactly as it was/);
  assert.match(mismatch.action ?? '', /remove ClientToken/);
  assert.deepEqual(mismatch.parameterPaths, ['ClientToken']);
  assert.match(explainError('IncompleteSignature', 'en').text, /AccessKey ID holds a space, a line break/);
});

test('every code the test endpoint answers has an explanation', () => {
  // The test endpoint is the simulator: its protocol and server answer every create and dry run
  // (the lifecycle operations' own codes belong to the call layer that will call them).
  const source = ['protocol.ts', 'server.ts']
    .map((f) => readFileSync(join(repoRoot(), 'simulator', 'src', f), 'utf8'))
    .join('\n');
  const codes = [...source.matchAll(/(?:code: |errorOf\()'([A-Za-z.]+)'/g)].map((m) => m[1]);
  assert.ok(codes.length >= 10, codes.join(', '));
  for (const code of codes) assert.equal(explainError(code, 'en').known, true, `${code} is explained`);
});

test("a more specific code of a known family gets the family's explanation", () => {
  const t = explainError('Throttling.Resource', 'en');
  assert.equal(t.known, false);
  assert.equal(t.text, explainError('Throttling', 'en').text);
  assert.equal(explainError('Forbidden.Whatever', 'ja').text, explainError('Forbidden', 'ja').text);
  assert.match(explainError('Completely.New', 'en').text, /no explanation/);
});
