// The parameters a generic InvalidParameter / MissingParameter names in the service's Message, so
// that the editor and the CLI can place the diagnostic on them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parameterPathsFromMessage } from '../../calls/src/errorExplanations';

test('parameter names in realistic InvalidParameter / MissingParameter messages', () => {
  const keys = [
    'RegionId',
    'ContainerGroupName',
    'Cpu',
    'Memory',
    'Container.1.Name',
    'Container.1.Image',
    'Container.1.Cpu',
    'Container.2.Name',
    'Container.2.Cpu',
    'Volume.1.Name',
  ];
  const cases: [string, string, string[]][] = [
    ['InvalidParameter', 'The specified parameter "Container.1.Image" is not valid.', ['Container.1.Image']],
    ['InvalidParameter', 'The specified parameter Container.1.Cpu is not valid.', ['Container.1.Cpu']],
    [
      'InvalidParameter',
      'The parameter ContainerGroupName is invalid, it must be lowercase letters, digits and hyphens.',
      ['ContainerGroupName'],
    ],
    [
      'MissingParameter',
      'The input parameter "VSwitchId" that is mandatory for processing this request is not supplied.',
      ['VSwitchId'],
    ],
    ['InvalidParameter.Format', "The format of 'container.1.image' is invalid.", ['Container.1.Image']],
    ['InvalidParameter', 'The value of Container.N.Cpu must not exceed the group Cpu.', ['Container[].Cpu', 'Cpu']],
    ['InvalidParameter', 'Specified parameter is not valid.', []],
    ['InvalidParameter', 'The request is invalid, e.g. The Aliyun value.', []],
    // Other codes keep their own parameter paths.
    ['Throttling', 'The specified parameter "Container.1.Image" is not valid.', []],
  ];
  for (const [code, message, expected] of cases)
    assert.deepEqual(parameterPathsFromMessage(code, message, keys), expected, message);
});
