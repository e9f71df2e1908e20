// The account facts over LSP: the server announces the regions of the open documents
// (eci/accountRegions), takes facts from the client (eci/accountFacts), re-checks the documents with
// them and completes live values; withdrawn facts bring back today's behaviour.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { CompletionRequest, type CompletionList } from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';
import {
  AccountFactsMethod,
  AccountRegionsMethod,
  type AccountFactsParams,
  type AccountRegionsParams,
} from '../../server/src/protocol';
import { FACTS } from '../support/accountFacts';

let client: LspClient;
const regions: string[][] = [];
before(async () => {
  client = await LspClient.start({ locale: 'en' });
  client.connection.onNotification(AccountRegionsMethod, (p: AccountRegionsParams) => {
    regions.push(p.regions);
  });
});
after(async () => {
  assert.equal(await client.stop(), 0);
});

const TEXT = 'RegionId: cn-hangzhou\nVSwitchId: vsw-nothere\nContainer:\n  - Name: web\n    Image: nginx:1.27\n';

test('regions announced; facts handed in re-check the document and feed completion; withdrawn, gone', async () => {
  const uri = 'file:///facts.eci.yaml';
  await client.open(uri, TEXT);
  const plain = await client.diagnosticsFor(uri, 1);
  assert.ok(!plain.diagnostics.some((d) => String(d.code).startsWith('account.')));
  for (let i = 0; i < 50 && !regions.length; i++) await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(regions.at(-1), ['cn-hangzhou']);

  const checked = client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'account.unknown-vswitch'));
  await client.connection.sendNotification(AccountFactsMethod, { facts: FACTS } satisfies AccountFactsParams);
  const d = (await checked).diagnostics.find((x) => x.code === 'account.unknown-vswitch');
  assert.equal(d?.range.start.line, 1);
  const list = (await client.connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: { line: 1, character: 11 },
  })) as CompletionList;
  assert.ok(list.items.some((i) => i.label === 'vsw-prodh'));

  const cleared = client.diagnostics(uri, (p) => !p.diagnostics.some((x) => String(x.code).startsWith('account.')));
  await client.connection.sendNotification(AccountFactsMethod, { facts: [] } satisfies AccountFactsParams);
  await cleared;
});
