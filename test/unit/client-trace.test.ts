// The language server trace never carries a document's text or a secret of the wire request.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { redactTraceMessage, TEXT_NOT_LOGGED } from '../../client/src/traceRedaction';

const documentText =
  'RegionId: cn-hangzhou\nImageRegistryCredential:\n  - Server: r.example.com\n    Password: "p\\"w-Secret-42"\n';
const didOpen = {
  textDocument: { uri: 'file:///w/web.eci.yaml', languageId: 'eci-yaml', version: 1, text: documentText },
};
const wireResult = {
  ok: true,
  params: {
    RegionId: 'cn-hangzhou',
    'ImageRegistryCredential.1.Password': 'p"w-Secret-42',
    'Container.1.EnvironmentVar.1.Value': 'hidden-token-7',
  },
  sdkMissing: [],
  secrets: ['ImageRegistryCredential.1.Password', 'Container.1.EnvironmentVar.1.Value'],
  locations: {},
  version: 1,
};

test('didOpen in the verbose text format: the document text is replaced, the rest kept', () => {
  const message = `Sending notification 'textDocument/didOpen'.\nParams: ${JSON.stringify(didOpen, null, 4)}`;
  const out = redactTraceMessage(message);
  assert.ok(!out.includes('Secret-42'), out);
  assert.ok(out.includes(TEXT_NOT_LOGGED));
  assert.ok(out.startsWith("Sending notification 'textDocument/didOpen'.\nParams: {"));
  assert.ok(out.includes('"uri": "file:///w/web.eci.yaml"'));
});

test('didChange in the compact format: each changed text is replaced', () => {
  const params = {
    textDocument: { uri: 'file:///w/a.eci.yaml', version: 3 },
    contentChanges: [
      { range: { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } }, text: 'Secret-42' },
    ],
  };
  const out = redactTraceMessage(`Sending notification 'textDocument/didChange'.\nParams: ${JSON.stringify(params)}`);
  assert.ok(!out.includes('Secret-42'), out);
  assert.ok(out.includes('"line":3'));
});

test('the wire request result: secret parameter values masked, the others kept', () => {
  const out = redactTraceMessage(
    `Received response 'eci/wireRequest - (7)' in 4ms.\nResult: ${JSON.stringify(wireResult, null, 4)}`,
  );
  assert.ok(!out.includes('Secret-42') && !out.includes('hidden-token-7'), out);
  assert.ok(out.includes('"ImageRegistryCredential.1.Password": "********"'));
  assert.ok(out.includes('"RegionId": "cn-hangzhou"'));
});

test('the JSON trace format: a response names no method, and its wire request is still masked', () => {
  const message = JSON.stringify({
    isLSPMessage: true,
    type: 'receive-response',
    message: { jsonrpc: '2.0', id: 7, result: wireResult },
    timestamp: 1,
  });
  const out = redactTraceMessage(message);
  assert.ok(!out.includes('Secret-42') && !out.includes('hidden-token-7'), out);
  assert.equal(JSON.parse(out).message.result.params.RegionId, 'cn-hangzhou');
});

test('secret values the extension knows are masked anywhere, e.g. in a diagnostic message', () => {
  const params = { uri: 'file:///w/a.eci.yaml', diagnostics: [{ message: 'value LTAIsecretValue99 is too long' }] };
  const out = redactTraceMessage(
    `Received notification 'textDocument/publishDiagnostics'.\nParams: ${JSON.stringify(params, null, 4)}`,
    ['LTAIsecretValue99'],
  );
  assert.ok(!out.includes('LTAIsecretValue99'));
  assert.ok(out.includes('********'));
});

test('a truncated wire request that cannot be parsed is dropped, other text is kept', () => {
  const cut = `Received response 'eci/wireRequest - (7)' in 4ms.\nResult: ${JSON.stringify(wireResult).slice(0, 120)}`;
  const out = redactTraceMessage(cut);
  assert.ok(!out.includes('Secret-42'), out);
  assert.ok(out.endsWith('<not logged>'));
  assert.equal(
    redactTraceMessage("Sending request 'textDocument/hover - (3)'."),
    "Sending request 'textDocument/hover - (3)'.",
  );
});
