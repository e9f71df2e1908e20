// The one comment scanner of the service (comments.ts), which completion (complete.ts), the cursor's
// context (cursor.ts) and suppression comments (suppress.ts) share.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { commentStart } from '../../server/src/service/comments';
import { scanLine } from '../../server/src/service/cursor';
import { createLanguageService } from '../../server/src/service/index';

test('an escaped double quote does not close the string: the # after it is outside, and a comment', () => {
  // Completion's scanner once closed the string at \" and reopened it at the last quote, missing this comment.
  const line = '  - Name: "a\\"b" # note';
  assert.equal(commentStart(line), line.indexOf('#'));
  assert.equal(commentStart('Name: "a\\" # still inside"'), -1);
});

test("'' inside single quotes is one quote; a quote inside a plain value opens nothing", () => {
  assert.equal(commentStart("Name: 'it''s # inside'"), -1);
  const plain = "Name: it's # note";
  // Completion's scanner once opened a quote at the apostrophe of the plain value and missed this comment.
  assert.equal(commentStart(plain), plain.indexOf('#'));
  assert.equal(commentStart('Name: a#b'), -1);
  assert.equal(commentStart('# alone'), 0);
});

test('the cursor context and the suppression comments read the same comment', () => {
  assert.equal(scanLine("    Image: it's # nginx").value, "it's");
  const service = createLanguageService({ locale: 'en' });
  const text =
    "RegionId: cn-hangzhou\nContainerGroupName: g1\nContainer:\n  - Name: app\n    Image: nginx\n    Colour: it's # eci-ignore schema.unknown-key -- a plain apostrophe\n";
  assert.deepEqual(
    service.suppressed(text).map((s) => [s.diagnostic.code, s.reason]),
    [['schema.unknown-key', 'a plain apostrophe']],
  );
  assert.ok(!service.diagnose(text).some((d) => d.code === 'schema.unknown-key'));
});
