// Issue 16 item 7: a secret written as a number or boolean (`Password: 20240607`, a hidden environment
// value `Value: true`) is reported without its value: diagnostics reach terminals, CI logs and SARIF
// uploads, and quick-fix titles the editor's menus.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/service/parse';
import { diagnose } from '../../server/src/service/diagnose';
import { codeActions } from '../../server/src/service/actions';

const PASSWORD = '20240607';
const HIDDEN = '31337424242';

const DOC = `RegionId: cn-hangzhou
ContainerGroupName: web
Container:
  - Name: app
    Image: nginx:1.27
    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: PIN
        Value: ${HIDDEN}
      - Key: FLAG
        Value: true
  - Name: side
    Image: busybox:1.36
    EnvironmentVar:
      - Key: VISIBLE
        Value: 4455667788
ImageRegistryCredential:
  - Server: registry.example.com
    UserName: deploy
    Password: ${PASSWORD}
`;

for (const locale of ['en', 'ja']) {
  test(`secret numbers and booleans are reported without their value (${locale})`, () => {
    const parsed = parse(DOC);
    const diagnostics = diagnose(parsed, locale).filter((d) => d.code === 'schema.type');
    const text = (d: { message: unknown }) => String(d.message);
    const onPassword = diagnostics.find(
      (d) => (d.data as { path: string }).path === 'ImageRegistryCredential[].Password',
    );
    const onHidden = diagnostics.filter(
      (d) => (d.data as { path: string }).path === 'Container[].EnvironmentVar[].Value',
    );
    assert.ok(onPassword, JSON.stringify(diagnostics));
    // The two hidden values and the visible one (which may be quoted: it is not a secret).
    assert.equal(onHidden.length, 3, JSON.stringify(diagnostics));
    for (const d of diagnostics) {
      assert.ok(!text(d).includes(PASSWORD), text(d));
      assert.ok(!text(d).includes(HIDDEN), text(d));
    }
    // The advice stays: quote it.
    assert.match(text(onPassword), locale === 'ja' ? /引用符で囲んで/ : /Quote it/);
    assert.ok(
      diagnostics.some((d) => text(d).includes('4455667788')),
      'a value that is not secret is still quoted for the reader',
    );
    assert.ok(
      !diagnostics.some((d) => /\btrue\b/.test(text(d)) && text(d).includes('"true"')),
      'the hidden boolean is not quoted',
    );

    // The quick fix still quotes the value, but its title does not show it.
    for (const d of [onPassword, ...onHidden]) {
      const actions = codeActions(parsed, { uri: 'file:///a.eci.yaml', range: d.range, diagnostics: [d], locale });
      assert.ok(actions.length > 0, 'a quick fix is offered');
      for (const a of actions) {
        assert.ok(!a.title.includes(PASSWORD) && !a.title.includes(HIDDEN), a.title);
      }
    }
  });
}
