// The glob matcher behind `eci validate GLOB`, case by case (the process-level tests cover discovery).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { globToRegExp, isDocumentName, hasGlobMagic } from '../../cli/src/files';

const cases: [glob: string, path: string, matches: boolean][] = [
  ['*.eci.yaml', 'web.eci.yaml', true],
  ['*.eci.yaml', 'sub/web.eci.yaml', false],
  ['**/*.eci.yaml', 'web.eci.yaml', true],
  ['**/*.eci.yaml', 'a/b/c/web.eci.yaml', true],
  ['a/**/web.eci.yaml', 'a/web.eci.yaml', true],
  ['a/**/web.eci.yaml', 'a/x/y/web.eci.yaml', true],
  ['a/**/web.eci.yaml', 'b/a/web.eci.yaml', false],
  ['a/**', 'a/x/y.eci.yaml', true],
  ['?.eci.yaml', 'a.eci.yaml', true],
  ['?.eci.yaml', 'ab.eci.yaml', false],
  ['*.eci.y?ml', 'a.eci.yml', false],
  ['*.eci.y*ml', 'a.eci.yml', true],
  ['[ab].eci.yaml', 'b.eci.yaml', true],
  ['[ab].eci.yaml', 'c.eci.yaml', false],
  ['[!ab].eci.yaml', 'c.eci.yaml', true],
  ['[!ab].eci.yaml', 'a.eci.yaml', false],
  // wildcards do not match a leading dot, as in a shell; a literal dot does
  ['*.eci.yaml', '.hidden.eci.yaml', false],
  ['**/*.eci.yaml', '.config/web.eci.yaml', false],
  ['.config/*.eci.yaml', '.config/web.eci.yaml', true],
  // regular-expression characters in names are literal
  ['web+(1).eci.yaml', 'web+(1).eci.yaml', true],
  ['web+(1).eci.yaml', 'webb(1).eci.yaml', false],
  ['v1.2/*.eci.yaml', 'v1x2/a.eci.yaml', false],
];

for (const [glob, path, matches] of cases) {
  test(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => {
    assert.equal(globToRegExp(glob).test(path), matches);
  });
}

test('document names and glob characters', () => {
  assert.ok(isDocumentName('a.eci.yaml') && isDocumentName('a.eci.yml'));
  assert.ok(!isDocumentName('.eci.yaml') && !isDocumentName('a.yaml') && !isDocumentName('a.eci.yaml.bak'));
  assert.ok(hasGlobMagic('a/*.yaml') && hasGlobMagic('a?.yaml') && hasGlobMagic('[ab].yaml'));
  assert.ok(!hasGlobMagic('deploy/web.eci.yaml'));
});
