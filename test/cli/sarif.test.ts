// `eci validate --format sarif`: the log validates against the SARIF 2.1.0 JSON schema (shipped by
// @microsoft/jest-sarif, draft-04, checked with ajv-draft-04 and ajv-formats), carries the rules
// metadata of schemas/eci-rules.json, and places each result on its file and region.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { makeTree, runCli, lineOf, VALID_DOCUMENT, ROOT } from './helpers';

const sarifSchema = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
);
// unicodeRegExp off: the schema's `language` pattern has a stray ']' that only non-unicode regexps accept.
const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

const documentSchema = JSON.parse(
  readFileSync(join(ROOT, 'schemas/eci-container-group.schema.json'), 'utf8'),
) as unknown;
function schemaWarningCodes(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => schemaWarningCodes(n, out));
  else if (node && typeof node === 'object') {
    const w = (node as { 'x-warning'?: { code?: string } })['x-warning'];
    if (typeof w?.code === 'string') out.add(w.code);
    Object.values(node).forEach((n) => schemaWarningCodes(n, out));
  }
  return out;
}
const eciRules = JSON.parse(readFileSync(join(ROOT, 'schemas/eci-rules.json'), 'utf8')) as {
  rules: { id: string; severity: string }[];
};

const BAD = `${VALID_DOCUMENT}Unknownparameter: 1
`;
const tree = makeTree({
  'ok.eci.yaml': VALID_DOCUMENT,
  'sub dir/bad.eci.yaml': BAD,
  'warn.eci.yaml': `${VALID_DOCUMENT}    Command: [/bin/bash]\n`,
});
after(() => tree.dispose());

interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; defaultConfiguration: { level: string }; shortDescription: { text: string } }[];
      };
    };
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string; index: number };
          region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
        };
      }[];
    }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
  }[];
}

function assertValidSarif(text: string): SarifLog {
  const log = JSON.parse(text);
  const ok = validateSarif(log);
  assert.ok(ok, JSON.stringify(validateSarif.errors, null, 2));
  return log as SarifLog;
}

test('the schema check itself rejects a broken log (the validator is live)', () => {
  assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false);
  assert.equal(
    validateSarif({
      version: '2.1.0',
      runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }],
    }),
    false,
  );
});

test('errors: a valid SARIF 2.1.0 log with rules metadata, ruleIndex, artifact and region; exit 1', async () => {
  const r = await runCli(['validate', '--format', 'sarif', '.'], { cwd: tree.dir });
  assert.equal(r.code, 1, r.stderr);
  const log = assertValidSarif(r.stdout);
  assert.equal(log.version, '2.1.0');
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'eci');
  const ruleIds = run.tool.driver.rules.map((x) => x.id);
  for (const rule of eciRules.rules) {
    const meta = run.tool.driver.rules.find((x) => x.id === rule.id);
    assert.ok(meta, `rule ${rule.id} missing from the SARIF rules`);
    // SARIF has no hint level: a hint rule's findings are notes.
    assert.equal(meta.defaultConfiguration.level, rule.severity === 'hint' ? 'note' : rule.severity);
    assert.ok(meta.shortDescription.text.length > 0);
  }
  assert.ok(ruleIds.includes('schema.unknown-key'));
  for (const code of schemaWarningCodes(documentSchema))
    assert.ok(ruleIds.includes(code), `x-warning ${code} missing from the SARIF rules`);
  assert.equal(new Set(ruleIds).size, ruleIds.length, 'rule ids are unique');

  assert.equal(run.artifacts.length, 3);
  const result = run.results.find((x) => x.ruleId === 'schema.unknown-key');
  assert.ok(result, JSON.stringify(run.results));
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'schema.unknown-key');
  assert.equal(result.level, 'error');
  assert.match(result.message.text, /Unknownparameter/);
  const loc = result.locations[0].physicalLocation;
  assert.equal(loc.artifactLocation.uri, 'sub%20dir/bad.eci.yaml');
  assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.equal(run.artifacts[loc.artifactLocation.index].location.uri, 'sub%20dir/bad.eci.yaml');
  assert.equal(loc.region.startLine, lineOf(BAD, 'Unknownparameter') + 1);
  assert.equal(loc.region.startColumn, 1);
  assert.equal(loc.region.endLine, loc.region.startLine);
  assert.equal(loc.region.endColumn, 1 + 'Unknownparameter'.length);
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${tree.dir}/`);
  assert.equal(run.invocations[0].executionSuccessful, true);
});

test('warnings only: results with level warning; exit 0', async () => {
  const r = await runCli(['validate', '--format', 'sarif', 'warn.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 0, r.stderr);
  const log = assertValidSarif(r.stdout);
  const results = log.runs[0].results;
  assert.ok(results.length >= 1);
  assert.ok(results.every((x) => x.level === 'warning'));
  const tty = results.find((x) => x.ruleId === 'container.tty-for-bash');
  assert.ok(tty);
  assert.equal(log.runs[0].tool.driver.rules[tty.ruleIndex].defaultConfiguration.level, 'warning');
});

test('a file outside the working directory is located by its file: URI', async () => {
  const r = await runCli(['validate', '--format', 'sarif', tree.path('sub dir/bad.eci.yaml')], { cwd: ROOT });
  assert.equal(r.code, 1, r.stderr);
  const log = assertValidSarif(r.stdout);
  const loc = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  assert.equal(loc.uri, pathToFileURL(tree.path('sub dir/bad.eci.yaml')).href);
  assert.equal(loc.uriBaseId, undefined);
});

test('clean input: a valid log with no results; exit 0', async () => {
  const r = await runCli(['validate', '--format', 'sarif', 'ok.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 0, r.stderr);
  const log = assertValidSarif(r.stdout);
  assert.deepEqual(log.runs[0].results, []);
});

test('unreadable input: still a valid log, the problem as a tool notification; exit 2', async () => {
  const r = await runCli(['validate', '--format', 'sarif', 'ok.eci.yaml', 'gone.eci.yaml'], { cwd: tree.dir });
  assert.equal(r.code, 2);
  const log = assertValidSarif(r.stdout);
  const inv = log.runs[0].invocations[0];
  assert.equal(inv.executionSuccessful, false);
  assert.match(inv.toolExecutionNotifications[0].message.text, /gone\.eci\.yaml: no such file/);
  assert.match(r.stderr, /gone\.eci\.yaml/);
});

test('Japanese rule descriptions with --locale ja, still a valid log', async () => {
  const r = await runCli(['validate', '--format', 'sarif', '--locale', 'ja', '.'], { cwd: tree.dir });
  const log = assertValidSarif(r.stdout);
  const rule = log.runs[0].tool.driver.rules.find((x) => x.id === eciRules.rules[0].id);
  assert.ok(rule);
  assert.match(rule.shortDescription.text, /[\u3040-\u30ff\u4e00-\u9fff]/);
});
