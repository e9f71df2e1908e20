// A generic InvalidParameter / MissingParameter names its parameter only in the Message: the outcome's
// parameterPaths then carry it, so that the editor and the CLI place the diagnostic on it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { callCreateContainerGroup } from '../../calls/src/operations/createContainerGroup';
import { MINIMAL, callOptions, endpoint, wire } from './helpers';

test('a generic InvalidParameter places itself on the parameter its Message names', async () => {
  const ep = await endpoint();
  try {
    const cases: [string, string, string[]][] = [
      ['InvalidParameter', 'The specified parameter "Container.1.Image" is not valid.', ['Container.1.Image']],
      ['InvalidParameter', 'The parameter Container.1.Cpu is invalid.', ['Container.1.Cpu']],
      [
        'MissingParameter',
        'The input parameter "VSwitchId" that is mandatory for processing this request is not supplied.',
        ['VSwitchId'],
      ],
      [
        'InvalidParameter.Length',
        'The specified parameter ContainerGroupName length is invalid.',
        ['ContainerGroupName'],
      ],
    ];
    for (const [code, message, paths] of cases) {
      ep.inject({ kind: 'error', code, status: 400, message });
      const outcome = await callCreateContainerGroup(callOptions(ep, wire(MINIMAL), { maxAttempts: 1 }));
      assert.equal(outcome.type, 'service-error', JSON.stringify(outcome));
      if (outcome.type !== 'service-error') return;
      assert.equal(outcome.code, code);
      assert.deepEqual(outcome.parameterPaths, paths, message);
    }
  } finally {
    await ep.close();
  }
});
