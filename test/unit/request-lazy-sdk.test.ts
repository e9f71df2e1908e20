// Architecture invariant: loading the call layer or the request builder loads no part of the
// Alibaba Cloud SDK (about 250 ms and 21 MiB); only a dry run or create does.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as layer from '../../calls/src/index';
import { buildWireRequest } from '../../server/src/service/request';
import { parse } from '../../server/src/service/parse';

test('importing the call layer and building a request loads no SDK module', () => {
  const w = buildWireRequest(parse('RegionId: cn-hangzhou\nContainer:\n  - Name: a\n    Image: b\n'));
  const shown = layer.flattenForDisplay(w.params, w.secrets);
  assert.equal(shown.length, 5);
  assert.equal(layer.explainError('Throttling', 'en').known, true);
  assert.equal(layer.defaultEndpoint('cn-hangzhou'), 'eci.cn-hangzhou.aliyuncs.com');
  const loaded = Object.keys(require.cache).filter((k) => k.includes(`${'@alicloud'}`) || k.includes('@darabonba'));
  assert.deepEqual(loaded, []);
});
