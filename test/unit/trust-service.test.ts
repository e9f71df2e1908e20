// "The reference is not the last word" (issue 13): open vocabularies warn, "not set" values hint,
// former names err with their own fix, file modes travel as written, the Tty warning only for an
// interactive shell, and suppression comments let the user overrule a finding. Documents mirror the
// shapes of the official samples and of the Terraform provider's requests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/service/index';
import { documentSchema, schemaAtPath } from '../../server/src/service/schema';
import * as eci from '@alicloud/eci20180808';
import { toSdkRequest, type SdkModelClass } from '../../calls/src/sdkRequest';

const en = createLanguageService();
const ja = createLanguageService({ locale: 'ja' });
const URI = 'file:///work/app.eci.yaml';
const BASE = 'RegionId: cn-hangzhou\nContainerGroupName: web\n';
const codes = (text: string) => en.diagnose(text).map((d) => `${d.range.start.line + 1}:${d.code}:${d.severity}`);

const apply = (text: string, edits: TextEdit[]) =>
  TextDocument.applyEdits(TextDocument.create(URI, 'eci-yaml', 1, text), edits);
function actionsFor(text: string, d: Diagnostic): CodeAction[] {
  return en.codeActions(text, { uri: URI, range: d.range, diagnostics: [d] });
}
function run(text: string, d: Diagnostic, title: string): string {
  const a = actionsFor(text, d).find((x) => x.title === title);
  assert.ok(a, `an action "${title}" among ${JSON.stringify(actionsFor(text, d).map((x) => x.title))}`);
  return apply(text, a.edit!.changes![URI]);
}

// ---------------------------------------------------------------- open vocabularies

test('every open enum records its reason and source next to the annotation', () => {
  const open: string[] = [];
  const walk = (n: typeof documentSchema | undefined, at: string) => {
    if (!n || typeof n !== 'object') return;
    const o = n['x-openEnum'];
    if (o) {
      assert.ok(n.enum?.length, `${at}: x-openEnum on a node without enum`);
      assert.ok(o.reason.length > 20 && o.source.length > 20, `${at}: reason and source are written out`);
      open.push(String(n['x-wirePath'] ?? at));
    }
    for (const [k, c] of Object.entries(n.properties ?? {})) walk(c, `${at}.${k}`);
    if (n.items && !Array.isArray(n.items)) walk(n.items, `${at}[]`);
  };
  walk(documentSchema, '');
  assert.deepEqual(
    open.sort(),
    [
      '.Container[].SecurityContext.Capability.Add[]',
      '.InitContainer[].SecurityContext.Capability.Add[]',
      'Container[].EnvironmentVar[].FieldRef.FieldPath',
      'DnsPolicy',
      'InitContainer[].EnvironmentVar[].FieldRef.FieldPath',
      'SecurityContext.Sysctl[].Name',
      'Volume[].EmptyDirVolume.Medium',
    ].sort(),
  );
});

test('a capability beyond the documented ones is a warning that says the service may accept it; closed enums stay errors', () => {
  const text = `${BASE}Container:\n  - Name: tools\n    Image: busybox\n    SecurityContext:\n      Capability:\n        Add: [NET_ADMIN, SYS_PTRACE]\n    ImagePullPolicy: Sometimes\n`;
  const d = en.diagnose(text);
  const cap = d.find((x) => x.code === 'schema.undocumented-value')!;
  assert.equal(cap.severity, 2);
  assert.equal(cap.range.start.line, 7);
  assert.match(
    String(cap.message),
    /"SYS_PTRACE" is not among the documented values \("NET_ADMIN", "NET_RAW"\); the service may accept it/,
  );
  assert.match(
    String(ja.diagnose(text).find((x) => x.code === 'schema.undocumented-value')!.message),
    /サービスが受け付ける可能性があります/,
  );
  // RestartPolicy/ImagePullPolicy: the Terraform provider validates the same closed list (StringInSlice).
  assert.equal(d.find((x) => x.code === 'schema.enum')?.severity, 1);
  // Nothing blocks the request but the closed enum.
  const out = en.wireRequest(text);
  assert.equal(out.ok, false);
  assert.deepEqual(!out.ok && out.errors.map((e) => e.code), ['schema.enum']);
});

test('completion and hover keep offering the documented values of an open enum, and hover says others may be accepted', () => {
  const text = `${BASE}DnsPolicy: \nContainer:\n  - Name: a\n    Image: b\n`;
  const items = en.complete(text, { line: 2, character: 11 }).items.map((i) => i.label);
  assert.ok(items.includes('None') && items.includes('Default'), JSON.stringify(items));
  const h = en.hover(`${BASE}DnsPolicy: Default\nContainer:\n  - Name: a\n    Image: b\n`, { line: 2, character: 3 });
  const md = JSON.stringify(h?.contents);
  assert.match(md, /None/);
  assert.match(md, /Other values of the same vocabulary are warnings, not errors/);
});

// ---------------------------------------------------------------- keys the reference does not know

test('an undocumented parameter found in other official clients is accepted, said so in hover, and sent', () => {
  const text = `${BASE}Container:\n  - Name: a\n    Image: b\nVolume:\n  - Name: tmp\n    Type: EmptyDirVolume\n    EmptyDirVolume:\n      Enable: true\n`;
  assert.deepEqual(codes(text), []);
  assert.ok(schemaAtPath(['Volume', 0, 'EmptyDirVolume', 'Enable'])?.['x-foundIn']);
  const h = en.hover(text, { line: 9, character: 8 });
  assert.match(JSON.stringify(h?.contents), /Not documented by the API reference: sent by other official clients/);
  const w = en.wireRequest(text);
  assert.ok(w.ok);
  assert.equal(w.params['Volume.1.EmptyDirVolume.Enable'], 'true');
  assert.deepEqual(w.undocumented, []);
});

test('old plural names and DefaultModel stay errors with their own message, and the quick fix renames them', () => {
  const text = `${BASE}Containers:\n  - Name: a\n    Image: b\n`;
  const d = en.diagnose(text);
  assert.deepEqual(
    d.map((x) => x.code),
    ['schema.former-name'],
    'one finding, not a second "Container is missing"',
  );
  assert.match(
    String(d[0].message),
    /Containers is the name older clients used in the document; today's request calls it Container/,
  );
  const fixed = run(text, d[0], 'Change Containers to Container');
  assert.deepEqual(en.diagnose(fixed), []);
  const nested = `${BASE}Container:\n  - Name: a\n    Image: b\n    Commands: [sleep, '60']\n    Ports:\n      - Port: 80\n`;
  const n = en.diagnose(nested);
  assert.deepEqual(
    n.map((x) => `${x.code}:${(x.data as { suggestion?: string }).suggestion}`),
    ['schema.former-name:Command', 'schema.former-name:Port'],
  );
  let out = run(nested, n[0], 'Change Commands to Command');
  out = run(out, en.diagnose(out)[0], 'Change Ports to Port');
  assert.deepEqual(en.diagnose(out), []);
});

test('a FlexVolume disk option the reference does not list is a warning, and the request is still built', () => {
  const text = `${BASE}Container:\n  - Name: a\n    Image: b\nVolume:\n  - Name: d\n    Type: FlexVolume\n    FlexVolume:\n      Driver: alicloud/disk\n      Options: '{"volumeSize":"40","fsType":"xfs","volumeID":"d-1"}'\n`;
  const d = en.diagnose(text);
  assert.deepEqual(
    d.map((x) => `${x.code}:${x.severity}`),
    ['flex-volume.undocumented-option:2'],
  );
  assert.match(String(d[0].message), /keys "fsType", "volumeID", which .*did you mean volumeId\?/);
  assert.ok(en.wireRequest(text).ok);
  // A stated range stays an error.
  assert.equal(
    en.diagnose(text.replace('"40"', '"10"')).find((x) => x.code === 'flex-volume.volume-size')?.severity,
    1,
  );
});

// ---------------------------------------------------------------- "not set"

test('Terraform-style zeros, empty strings and empty settings of other volume types are hints; stated ranges stay errors', () => {
  const text =
    `${BASE}Container:\n  - Name: a\n    Image: b\n    Cpu: 0\n    Memory: 0\n    Gpu: 0\n    ImagePullPolicy: ""\n` +
    `    VolumeMount:\n      - Name: v\n        MountPath: /v\n        ReadOnly: false\n` +
    `Volume:\n  - Name: v\n    Type: EmptyDirVolume\n    DiskVolume:\n      DiskId: ""\n      DiskSize: 0\n    FlexVolume:\n      Driver: ""\n      Options: ""\n    NFSVolume:\n      ReadOnly: false\n`;
  const d = en.diagnose(text);
  assert.ok(d.length > 0);
  assert.deepEqual(
    d.filter((x) => x.severity !== 4).map((x) => `${x.code} ${x.message}`),
    [],
    'hints only',
  );
  assert.ok(d.some((x) => x.code === 'volume.unset-settings-of-other-type'));
  const w = en.wireRequest(text);
  assert.ok(w.ok, 'nothing blocks the request');
  // What the user wrote is sent.
  assert.equal(w.params['Container.1.Cpu'], '0');
  assert.equal(w.params['Volume.1.FlexVolume.Driver'], '');
  // Stated by the reference: a probe's PeriodSeconds is at least 1; a port is 1-65535; negative CPU.
  assert.equal(
    en.diagnose(
      `${BASE}Container:\n  - Name: a\n    Image: b\n    ReadinessProbe:\n      PeriodSeconds: 0\n      TcpSocket:\n        Port: 80\n`,
    )[0].severity,
    1,
  );
  assert.equal(en.diagnose(`${BASE}Container:\n  - Name: a\n    Image: b\n    Cpu: -1\n`)[0].code, 'schema.minimum');
  // Settings of another type with real values are still a conflict.
  assert.equal(
    en.diagnose(text.replace('DiskId: ""', 'DiskId: d-123')).find((x) => x.code === 'volume.type-mismatch')?.severity,
    1,
  );
});

// ---------------------------------------------------------------- file modes

const CONFIG = (mode: string) =>
  `${BASE}Container:\n  - Name: a\n    Image: b\nVolume:\n  - Name: c\n    Type: ConfigFileVolume\n    ConfigFileVolume:\n      DefaultMode: ${mode}\n      ConfigFileToPath:\n        - Path: a\n          Content: YQ==\n          Mode: ${mode}\n`;

test('Mode: 0644 travels as 0644, quoted or not, through the SDK request as well', () => {
  for (const mode of ['0644', "'0644'", '"0755"', '644']) {
    const w = en.wireRequest(CONFIG(mode));
    assert.ok(w.ok, `${mode}: ${JSON.stringify(!w.ok && w.errors.map((e) => e.message))}`);
    const digits = mode.replace(/['"]/g, '');
    assert.equal(w.params['Volume.1.ConfigFileVolume.DefaultMode'], digits);
    assert.equal(w.params['Volume.1.ConfigFileVolume.ConfigFileToPath.1.Mode'], digits);
  }
  // The SDK model types the mode as a number: "0644" does not survive Number(), so it travels as written.
  const w = en.wireRequest(CONFIG('0644'));
  assert.ok(w.ok);
  const Req = eci.CreateContainerGroupRequest as unknown as SdkModelClass;
  const flatten = (r: unknown) => {
    const out: Record<string, string> = {};
    const walk = (v: unknown, key: string) => {
      if (v === undefined || v === null) return;
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}.${i + 1}`));
      else if (typeof v === 'object' && typeof (v as { toMap?: unknown }).toMap === 'function')
        walk((v as { toMap(): unknown }).toMap(), key);
      else if (typeof v === 'object')
        for (const [k, x] of Object.entries(v as object)) walk(x, key ? `${key}.${k}` : k);
      else out[key] = String(v);
    };
    walk(r, '');
    return out;
  };
  const { request, extensionQueries } = toSdkRequest(Req, w.params, w.sdkMissing, flatten);
  assert.equal({ ...flatten(request), ...extensionQueries }['Volume.1.ConfigFileVolume.DefaultMode'], '0644');
});

test('decimal forms of modes warn with a quick fix to the octal spelling; digits 8 and 9 stay errors', () => {
  for (const [decimal, octal] of [
    ['420', '0644'],
    ['493', '0755'],
    ['365', '0555'],
    ['292', '0444'],
    ['384', '0600'],
  ]) {
    const text = CONFIG(decimal);
    const d = en.diagnose(text);
    assert.deepEqual(
      d.map((x) => `${x.code}:${x.severity}`),
      ['config-file.mode-decimal:2', 'config-file.mode-decimal:2'],
      decimal,
    );
    assert.match(String(d[0].message), new RegExp(`${decimal} looks like the decimal form of the mode ${octal}`));
    const fixed = run(
      run(text, d[0], `Write mode ${decimal} as octal ${octal}`),
      en.diagnose(run(text, d[0], `Write mode ${decimal} as octal ${octal}`))[0],
      `Write mode ${decimal} as octal ${octal}`,
    );
    assert.deepEqual(en.diagnose(fixed), []);
    const w = en.wireRequest(fixed);
    assert.ok(w.ok && w.params['Volume.1.ConfigFileVolume.DefaultMode'] === octal);
  }
  assert.equal(en.diagnose(CONFIG('0649'))[0].code, 'config-file.mode-octal');
  assert.equal(en.diagnose(CONFIG("'0649'"))[0].code, 'config-file.mode-octal');
});

// ---------------------------------------------------------------- Tty

test('the Tty warning is for an interactive bash only: not for a script or -c', () => {
  const container = (command: string, extra = '') =>
    `${BASE}Container:\n  - Name: a\n    Image: b\n    Command: ${command}\n${extra}`;
  assert.deepEqual(codes(container('[/bin/bash]')), ['6:container.tty-for-bash:2']);
  assert.deepEqual(codes(container('[/bin/bash, -l]')), ['6:container.tty-for-bash:2']);
  assert.match(String(en.diagnose(container('[/bin/bash]'))[0].message), /interactive bash \(no script, no -c\)/);
  assert.deepEqual(codes(container('[/bin/bash, /app/run.sh]')), []);
  assert.deepEqual(codes(container('[/bin/bash, -c, "nginx -g \'daemon off;\'"]')), []);
  assert.deepEqual(codes(container('[/bin/bash, -ec, make]')), []);
  assert.deepEqual(codes(container('[/bin/bash]', '    Arg: [/opt/start.sh]\n')), []);
  assert.deepEqual(codes(container('[/bin/bash]', '    Tty: true\n')), []);
});

// ---------------------------------------------------------------- suppressions

const NET = (capLine: string, before = '') =>
  `${BASE}Container:\n  - Name: tools\n    Image: busybox\n    SecurityContext:\n      Capability:\n${before}        Add: [SYS_TIME]${capLine}\n`;

test('# eci-ignore at the end of the line or on the line before suppresses the finding, keeping it with its reason', () => {
  for (const text of [
    NET('  # eci-ignore schema.undocumented-value -- accepted by the service (dry run 2026-11-30)'),
    NET('', '        # eci-ignore schema.undocumented-value -- accepted by the service (dry run 2026-11-30)\n'),
  ]) {
    assert.deepEqual(en.diagnose(text), []);
    const s = en.suppressed(text);
    assert.equal(s.length, 1);
    assert.equal(s[0].diagnostic.code, 'schema.undocumented-value');
    assert.equal(s[0].reason, 'accepted by the service (dry run 2026-11-30)');
    assert.equal(s[0].scope, 'line');
  }
  // Two ids in one comment; the other line keeps its finding.
  const two = `${BASE}Container:\n  - Name: a\n    Image: b\n    Command: [/bin/bash]  # eci-ignore container.tty-for-bash, schema.enum -- waits for kubectl attach\n    ImagePullPolicy: Sometimes\n`;
  assert.deepEqual(codes(two), ['6:suppression.unused:2', '7:schema.enum:1']);
});

test('# eci-ignore-file in the first comment block covers the whole document; elsewhere it is misplaced', () => {
  const text =
    `# Net tools\n# eci-ignore-file schema.undocumented-value -- capabilities checked with the service\n${NET('')}        Add2: x\n`.replace(
      '        Add2: x\n',
      '',
    );
  assert.deepEqual(en.diagnose(text), []);
  assert.equal(en.suppressed(text)[0].scope, 'file');
  const late = `${NET('')}# eci-ignore-file schema.undocumented-value -- too late\n`;
  assert.deepEqual(codes(late).sort(), ['8:schema.undocumented-value:2', '9:suppression.misplaced:2'].sort());
});

test('an unused, unknown or unsuppressible suppression is a warning; a suppressed error no longer blocks the request', () => {
  assert.deepEqual(codes(`${BASE}Container:  # eci-ignore schema.enum -- nothing here\n  - Name: a\n    Image: b\n`), [
    '3:suppression.unused:2',
  ]);
  assert.deepEqual(codes(`${BASE}Container:  # eci-ignore no.such-rule -- typo\n  - Name: a\n    Image: b\n`), [
    '3:suppression.unknown-rule:2',
  ]);
  const syntax = `${BASE}Container:\n  - Name: a\n    Image: b\n# eci-ignore yaml.syntax -- no\nfoo\n`;
  assert.ok(codes(syntax).includes('6:suppression.unknown-rule:2'), JSON.stringify(codes(syntax)));
  assert.match(
    String(en.diagnose(syntax).find((d) => d.code === 'suppression.unknown-rule')!.message),
    /cannot be suppressed/,
  );
  // A closed-enum error overruled by the user: the request is built.
  const text = `${BASE}Container:\n  - Name: a\n    Image: b\n    ImagePullPolicy: Sometimes  # eci-ignore schema.enum -- new policy in the console\n`;
  const w = en.wireRequest(text);
  assert.ok(w.ok);
  assert.equal(w.params['Container.1.ImagePullPolicy'], 'Sometimes');
  assert.match(
    String(ja.diagnose(`${BASE}Container:  # eci-ignore schema.enum -- x\n  - Name: a\n    Image: b\n`)[0].message),
    /抑制/,
  );
});

test('the quick fix "Ignore RULE-ID on this line" writes a suppression that works, and adds to an existing one', () => {
  const text = NET('');
  const d = en.diagnose(text)[0];
  const out = run(text, d, 'Ignore schema.undocumented-value on this line');
  assert.ok(out.includes('        Add: [SYS_TIME]  # eci-ignore schema.undocumented-value -- reason\n'), out);
  assert.deepEqual(en.diagnose(out), []);
  // A line that already has another comment gets the suppression on the line before.
  const commented = NET('  # needed for chrony');
  const out2 = run(commented, en.diagnose(commented)[0], 'Ignore schema.undocumented-value on this line');
  assert.ok(
    out2.includes(
      '        # eci-ignore schema.undocumented-value -- reason\n        Add: [SYS_TIME]  # needed for chrony\n',
    ),
    out2,
  );
  assert.deepEqual(en.diagnose(out2), []);
  // A second finding on a line with a suppression: its id is added to the list.
  const both = `${BASE}Container:\n  - Name: a\n    Image: b\n    ImagePullPolicy: Sometimes  # eci-ignore schema.enum -- x\n    Command: [/bin/bash]\n`;
  const tty = en.diagnose(both).find((x) => x.code === 'container.tty-for-bash')!;
  assert.ok(
    run(both, tty, 'Ignore container.tty-for-bash on this line').includes(
      '    Command: [/bin/bash]  # eci-ignore container.tty-for-bash -- reason\n',
    ),
  );
  assert.deepEqual(
    actionsFor(both, { ...tty, code: 'yaml.syntax' }).filter((a) => /^Ignore/.test(a.title)),
    [],
    'no Ignore for syntax',
  );
});

test('force builds the request when only cross-field rule errors remain, never past a schema or syntax error', () => {
  const rule = `${BASE}Container:\n  - Name: a\n    Image: b\n    ReadinessProbe:\n      PeriodSeconds: 5\n`;
  const refused = en.wireRequest(rule);
  assert.ok(!refused.ok && refused.forcible);
  assert.deepEqual(!refused.ok && refused.errors.map((e) => e.code), ['probe.single-handler']);
  const forced = en.wireRequest(rule, { force: true });
  assert.ok(forced.ok);
  assert.deepEqual(
    forced.overruled?.map((e) => e.code),
    ['probe.single-handler'],
  );
  assert.equal(forced.params['Container.1.ReadinessProbe.PeriodSeconds'], '5');
  const schema = `${rule}    Cpu: "2"\n`;
  const s = en.wireRequest(schema, { force: true });
  assert.ok(!s.ok && !s.forcible);
});
