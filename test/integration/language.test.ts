// The language server through VS Code's own provider commands: completion, hover and diagnostics
// as a person sees them in the editor.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  activateExtension,
  closeAllEditors,
  codeOf,
  completionLabels,
  describeDiagnostics,
  errorsOf,
  hoverText,
  openEciDocument,
  positionOf,
  replaceText,
  waitFor,
  waitForDiagnostics,
} from './helpers';

const WEB = `RegionId: cn-hangzhou
ContainerGroupName: web
RestartPolicy: Always
Container:
  - Name: nginx
    Image: nginx:1.27
    ReadinessProbe:
      HttpGet:
        Scheme: HTTP
        Port: 80
`;

describe('language features in the editor', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAllEditors);

  describe('completion', () => {
    it("offers the keys of a nested object (a probe's HttpGet), without the keys already there", async () => {
      const editor = await openEciDocument(
        WEB.replace('        Port: 80\n', '        Port: 80\n        \n'),
        'complete-keys',
      );
      const document = editor.document;
      const position = new vscode.Position(10, 8);
      const labels = await waitFor(
        'completion items inside HttpGet',
        async () => {
          const l = await completionLabels(document, position);
          return l.length ? l : undefined;
        },
        { pollMs: 100 },
      );
      assert.ok(labels.includes('Path'), `Path should be offered inside HttpGet; got ${labels.join(', ')}`);
      assert.ok(
        !labels.includes('Scheme'),
        `Scheme is already present and must not be offered again; got ${labels.join(', ')}`,
      );
      assert.ok(
        !labels.includes('Port'),
        `Port is already present and must not be offered again; got ${labels.join(', ')}`,
      );
      assert.ok(!labels.includes('ContainerGroupName'), 'top-level keys must not be offered inside HttpGet');
    });

    it('offers the container keys inside a Container list item, not the ones it has', async () => {
      const editor = await openEciDocument(WEB + '    \n', 'complete-container');
      const labels = await waitFor(
        'completion items inside a Container item',
        async () => {
          const l = await completionLabels(editor.document, new vscode.Position(10, 4));
          return l.length ? l : undefined;
        },
        { pollMs: 100 },
      );
      for (const key of ['LivenessProbe', 'VolumeMount', 'EnvironmentVar', 'Port', 'Command']) {
        assert.ok(labels.includes(key), `${key} should be offered in a Container item; got ${labels.join(', ')}`);
      }
      for (const present of ['Name', 'Image', 'ReadinessProbe']) {
        assert.ok(!labels.includes(present), `${present} is already in this container and must not be offered again`);
      }
    });

    it('offers the enum values of a top-level and of a nested parameter', async () => {
      const editor = await openEciDocument(
        WEB.replace('RestartPolicy: Always', 'RestartPolicy: ').replace('Scheme: HTTP', 'Scheme: '),
        'complete-enums',
      );
      const document = editor.document;
      const restart = await waitFor(
        'RestartPolicy values',
        async () => {
          const l = await completionLabels(document, positionOf(document, 'RestartPolicy: ', 'RestartPolicy: '.length));
          return l.length ? l : undefined;
        },
        { pollMs: 100 },
      );
      assert.deepEqual([...restart].sort(), ['Always', 'Never', 'OnFailure']);
      const scheme = await completionLabels(document, positionOf(document, 'Scheme: ', 'Scheme: '.length));
      assert.deepEqual([...scheme].sort(), ['HTTP', 'HTTPS']);
    });
    it('offers the volumes the document defines as VolumeMount names, and regions for RegionId', async () => {
      const text = `RegionId: \nContainerGroupName: web\nContainer:\n  - Name: app\n    Image: nginx:1.27\n    VolumeMount:\n      - Name: \n        MountPath: /data\nVolume:\n  - Name: logs\n    Type: EmptyDirVolume\n  - Name: cache\n    Type: EmptyDirVolume\n`;
      const editor = await openEciDocument(text, 'complete-values');
      const document = editor.document;
      const mount = positionOf(document, '      - Name: ', '      - Name: '.length);
      const volumes = await waitFor(
        'VolumeMount name values',
        async () => {
          const l = await completionLabels(document, mount);
          return l.length ? l : undefined;
        },
        { pollMs: 100 },
      );
      assert.deepEqual([...volumes].sort(), ['cache', 'logs']);
      const regions = await completionLabels(document, new vscode.Position(0, 'RegionId: '.length));
      for (const region of ['cn-hangzhou', 'cn-beijing', 'cn-shanghai'])
        assert.ok(regions.includes(region), `${region} should be offered; got ${regions.join(', ')}`);
    });
  });

  describe('hover', () => {
    it('documents a nested key with its wire path and a top-level enum with its allowed values', async () => {
      const editor = await openEciDocument(WEB, 'hover');
      const document = editor.document;
      const nested = await waitFor(
        'a hover on HttpGet',
        () => hoverText(document, positionOf(document, 'HttpGet', 2)),
        { pollMs: 100 },
      );
      assert.match(
        nested,
        /Container\[\]\.ReadinessProbe\.HttpGet/,
        `hover should name the wire path; got:\n${nested}`,
      );
      assert.match(nested, /HTTP GET/i, `hover should describe the HTTP check; got:\n${nested}`);

      const restart = await hoverText(document, positionOf(document, 'RestartPolicy', 3));
      assert.match(restart, /\*\*RestartPolicy\*\*/);
      for (const value of ['Always', 'Never', 'OnFailure'])
        assert.ok(restart.includes(value), `hover should list ${value}; got:\n${restart}`);
    });
  });

  describe('diagnostics', () => {
    it('appear on the misspelled key with a suggestion, clear when it is fixed, and follow further edits', async () => {
      const editor = await openEciDocument(WEB.replace('ContainerGroupName', 'ContainerGroupNmae'), 'diagnostics');
      const uri = editor.document.uri;

      const misspelled = await waitForDiagnostics(
        uri,
        (d) => d.some((x) => codeOf(x) === 'schema.unknown-key'),
        'the unknown-key diagnostic',
      );
      const unknownKey = misspelled.find((x) => codeOf(x) === 'schema.unknown-key')!;
      assert.equal(unknownKey.range.start.line, 1, `the unknown key is on line 2:\n${describeDiagnostics(misspelled)}`);
      assert.equal(unknownKey.severity, vscode.DiagnosticSeverity.Error);
      assert.match(unknownKey.message, /ContainerGroupName/, 'the message suggests the right name');
      assert.equal(unknownKey.source, 'eci');

      await replaceText(editor, WEB);
      await waitForDiagnostics(uri, (d) => errorsOf(d).length === 0, 'the diagnostics to clear after the fix');

      await replaceText(editor, WEB.replace('RestartPolicy: Always', 'RestartPolicy: always'));
      const enumError = await waitForDiagnostics(
        uri,
        (d) => d.some((x) => codeOf(x) === 'schema.enum'),
        'the enum diagnostic',
      );
      const wrongCase = enumError.find((x) => codeOf(x) === 'schema.enum')!;
      assert.equal(wrongCase.range.start.line, 2);
      assert.equal(editor.document.getText(wrongCase.range), 'always', 'the range is the offending value');
      assert.match(wrongCase.message, /Always/);
    });

    it('reports a cross-field rule (a probe with two handlers) on the probe', async () => {
      const twoHandlers = WEB.replace('      HttpGet:\n', '      TcpSocket:\n        Port: 80\n      HttpGet:\n');
      const editor = await openEciDocument(twoHandlers, 'two-handlers');
      const diagnostics = await waitForDiagnostics(
        editor.document.uri,
        (d) => d.some((x) => codeOf(x) === 'probe.single-handler'),
        'the probe.single-handler diagnostic',
      );
      const probe = diagnostics.find((x) => codeOf(x) === 'probe.single-handler')!;
      assert.ok(
        probe.range.start.line >= 6 && probe.range.start.line <= 9,
        `the diagnostic belongs on the ReadinessProbe:\n${describeDiagnostics(diagnostics)}`,
      );
    });

    it('gives no errors on any of the examples', async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
      const examples = path.join(extension.extensionPath, 'examples');
      const files = fs.readdirSync(examples).filter((f) => f.endsWith('.eci.yaml'));
      assert.ok(files.length >= 6, `expected the examples in ${examples}`);
      for (const file of files) {
        const text = fs.readFileSync(path.join(examples, file), 'utf8');
        const editor = await openEciDocument(text, file.replace(/\.eci\.yaml$/, ''));
        const uri = editor.document.uri;
        // A valid document's empty diagnostics cannot be told from "not analysed yet": add a known
        // error, wait for it, restore the example, and wait for that error to go.
        await replaceText(editor, text + 'ContainerGroupNmae: x\n');
        await waitForDiagnostics(
          uri,
          (d) => d.some((x) => codeOf(x) === 'schema.unknown-key'),
          `the probe error in ${file}`,
        );
        await replaceText(editor, text);
        const diagnostics = await waitForDiagnostics(
          uri,
          (d) => !d.some((x) => codeOf(x) === 'schema.unknown-key'),
          `the diagnostics of ${file} as written`,
        );
        assert.deepEqual(
          errorsOf(diagnostics).map((d) => `${file}:${d.range.start.line + 1} ${d.message}`),
          [],
          describeDiagnostics(diagnostics),
        );
      }
    });
  });
});
