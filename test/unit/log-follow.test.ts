// Following a log by polling (calls/src/logFollow.ts): overlapping answers give each line once, a
// line repeated at the same instant is kept as often as it was printed.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { createLogFollower } from '../../calls/src/logFollow';

test('overlapping answers: each line once, in order', () => {
  const f = createLogFollower();
  assert.deepEqual(f.take('2025-03-01T08:00:00.000000000Z a\n2025-03-01T08:00:01.000000000Z b\n'), ['a', 'b']);
  assert.deepEqual(f.take('2025-03-01T08:00:01.000000000Z b\n2025-03-01T08:00:02.000000000Z c\n'), ['c']);
  assert.deepEqual(f.take('2025-03-01T08:00:00.000000000Z a\n'), []);
  assert.deepEqual(f.take(''), []);
});

test('the same text twice at one instant is two lines; seen again, neither is new', () => {
  const f = createLogFollower();
  assert.deepEqual(f.take('2025-03-01T08:00:00.000000000Z x\n2025-03-01T08:00:00.000000000Z x\n'), ['x', 'x']);
  assert.deepEqual(
    f.take('2025-03-01T08:00:00.000000000Z x\n2025-03-01T08:00:00.000000000Z x\n2025-03-01T08:00:00.000000000Z x\n'),
    ['x'],
  );
});
