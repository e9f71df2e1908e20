// The display language comes from initialize's `locale`: Japanese for `ja*`, English otherwise.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { LspClient } from './lspClient';

const DOC =
  'RegionId: cn-hangzhou\nContainerGroupName: web\nRestartPolicy: always\nContainer:\n  - Name: web\n    Image: nginx\n';

async function withServer(locale: string, run: (c: LspClient) => Promise<void>): Promise<void> {
  const client = await LspClient.start({ locale });
  try {
    await run(client);
  } finally {
    assert.equal(await client.stop(), 0);
  }
}

test('ja-JP: hover, completion documentation and diagnostics are in Japanese', async () => {
  await withServer('ja-JP', async (client) => {
    const uri = 'file:///ja.eci.yaml';
    await client.open(uri, DOC);
    const h = await client.hover(uri, { line: 0, character: 3 });
    const md = (h!.contents as { value: string }).value;
    assert.match(md, /\*\*RegionId\*\*/);
    assert.match(md, /必須/);
    assert.match(md, /リージョン/);
    const d = await client.diagnosticsFor(uri, 1);
    const enumError = d.diagnostics.find((x) => x.code === 'schema.enum')!;
    assert.match(String(enumError.message), /大文字と小文字を区別します/);
    const items = await client.completion(uri, { line: 2, character: 15 });
    const always = items.find((i) => i.label === 'Always')!;
    assert.match(JSON.stringify(always.documentation), /再起動/);
  });
});

test('en: the same requests answer in English', async () => {
  await withServer('en-US', async (client) => {
    const uri = 'file:///en.eci.yaml';
    await client.open(uri, DOC);
    const h = await client.hover(uri, { line: 0, character: 3 });
    const md = (h!.contents as { value: string }).value;
    assert.match(md, /required/);
    assert.match(md, /region/i);
    assert.doesNotMatch(md, /リージョン/);
    const d = await client.diagnosticsFor(uri, 1);
    assert.match(String(d.diagnostics.find((x) => x.code === 'schema.enum')!.message), /case-sensitive/);
  });
});
