// The catalogue of every diagnostic code the service can emit: its id, severity, what it means in
// English and Japanese, where it is explained, and whether a `# eci-ignore` comment may suppress it.
// SARIF (cli/src/report.ts), the rules documentation (docs/rules.md, generated from it by
// scripts/rules-doc.mjs) and the tests read it; a test proves the service emits nothing outside it.
// Sources: the fixed codes below (their descriptions in messages.ts `codeDescriptions`), every rule of
// schemas/eci-rules.json (its description) and every `x-warning` of the document schema (its message).
import { messagesFor, type Locale } from './messages';
import { ACCOUNT_CODES } from './accountCodes';
import { documentSchema, ruleDefinitions, type JsonSchema } from './schema';

export type CodeSeverity = 'error' | 'warning' | 'hint';

export interface CatalogueEntry {
  /** The diagnostic's `code`. */
  id: string;
  /** `yaml` (syntax), `schema` (JSON Schema), `rule` (eci-rules.json), `warning` (x-warning), `suppression`. */
  kind: 'yaml' | 'schema' | 'rule' | 'warning' | 'suppression' | 'account';
  /** The severity its findings have. */
  severity: CodeSeverity;
  description: Record<Locale, string>;
  /** Where the code is explained: its section of docs/rules.md. */
  help: string;
  /** A `# eci-ignore` comment may suppress its findings (syntax findings and suppression warnings: no). */
  suppressible: boolean;
  /** The wire paths it concerns (rules and x-warnings). */
  paths?: string[];
  /** The lines of the API reference that state it (rules). */
  referenceLines?: number[];
}

/** The fixed codes (neither a rule nor an x-warning), with their severity. */
const FIXED: readonly { id: string; severity: CodeSeverity }[] = [
  ...[
    'yaml.syntax',
    'yaml.duplicate-key',
    'yaml.multiple-documents',
    'yaml.too-large',
    'yaml.too-deep',
    'yaml.not-a-mapping',
    'yaml.unresolved-alias',
    'yaml.excessive-aliases',
  ].map((id) => ({ id, severity: 'error' as const })),
  ...[
    'schema.type',
    'schema.required',
    'schema.enum',
    'schema.minimum',
    'schema.maximum',
    'schema.minLength',
    'schema.maxLength',
    'schema.pattern',
    'schema.minItems',
    'schema.maxItems',
    'schema.uniqueItems',
    'schema.unknown-key',
    'schema.former-name',
  ].map((id) => ({ id, severity: 'error' as const })),
  { id: 'schema.undocumented-value', severity: 'warning' },
  { id: 'schema.unset-value', severity: 'hint' },
  { id: 'schema.too-many', severity: 'error' },
  ...['suppression.unused', 'suppression.unknown-rule', 'suppression.misplaced'].map((id) => ({
    id,
    severity: 'warning' as const,
  })),
  // Account checks: only when the front end hands the service looked-up facts (accountFacts.ts).
  ...ACCOUNT_CODES.map((id) => ({ id, severity: 'warning' as const })),
];

/** The help anchor of a code in docs/rules.md (GitHub's heading slug: lower case, dots dropped). */
export function helpOf(id: string): string {
  return `docs/rules.md#${id.toLowerCase().replace(/[^a-z0-9 -]/g, '')}`;
}

function kindOf(id: string): 'yaml' | 'schema' | 'suppression' | 'account' {
  return id.startsWith('yaml.')
    ? 'yaml'
    : id.startsWith('schema.')
      ? 'schema'
      : id.startsWith('account.')
        ? 'account'
        : 'suppression';
}

function build(): CatalogueEntry[] {
  const en = messagesFor('en').codeDescriptions as Record<string, string>;
  const ja = messagesFor('ja').codeDescriptions as Record<string, string>;
  const out: CatalogueEntry[] = FIXED.map(({ id, severity }) => {
    const kind = kindOf(id);
    // schema.too-many counts findings, it is none itself.
    const suppressible = (kind === 'schema' && id !== 'schema.too-many') || kind === 'account';
    return { id, kind, severity, description: { en: en[id], ja: ja[id] }, help: helpOf(id), suppressible };
  });
  for (const r of ruleDefinitions) {
    out.push({
      id: r.id,
      kind: 'rule',
      severity: r.severity,
      description: { en: r.description, ja: r['x-description-ja'] ?? r.description },
      help: helpOf(r.id),
      suppressible: true,
      paths: r.paths,
      referenceLines: r.referenceLines,
    });
  }
  const warnings = new Map<string, CatalogueEntry>();
  const walk = (n: JsonSchema | undefined) => {
    if (!n || typeof n !== 'object') return;
    const w = n['x-warning'];
    if (w && !warnings.has(w.code)) {
      warnings.set(w.code, {
        id: w.code,
        kind: 'warning',
        severity: 'warning',
        description: { en: w.message, ja: w['x-message-ja'] ?? w.message },
        help: helpOf(w.code),
        suppressible: true,
        ...(n['x-wirePath'] ? { paths: [n['x-wirePath']] } : {}),
      });
    }
    for (const c of Object.values(n.properties ?? {})) walk(c);
    walk(n.items);
  };
  walk(documentSchema);
  out.push(...warnings.values());
  return out;
}

let catalogue: readonly CatalogueEntry[] | undefined;
/** Every diagnostic code the service can emit, each once. */
export function diagnosticCatalogue(): readonly CatalogueEntry[] {
  return (catalogue ??= build());
}

let byId: Map<string, CatalogueEntry> | undefined;
export function catalogueEntry(id: string): CatalogueEntry | undefined {
  byId ??= new Map(diagnosticCatalogue().map((e) => [e.id, e]));
  return byId.get(id);
}

/** The catalogue as Markdown (docs/rules.md): one section per code, in both languages. */
export function catalogueMarkdown(): string {
  const titles: Record<CatalogueEntry['kind'], string> = {
    yaml: 'YAML syntax',
    schema: 'Schema (schemas/eci-container-group.schema.json)',
    rule: 'Cross-field rules (schemas/eci-rules.json)',
    warning: 'Warnings of the schema (x-warning)',
    suppression: 'Suppression comments',
    account: 'Account checks (looked-up facts: editor with credentials, `eci validate --online`)',
  };
  const lines = [
    '# Diagnostic codes',
    '',
    "<!-- Generated from the service's catalogue (server/src/service/catalogue.ts) by `node scripts/rules-doc.mjs`; do not edit. -->",
    '',
    'Every code the language service, the language server and `eci validate` can report. Suppress a finding with',
    '`# eci-ignore CODE -- reason` (see [severity.md](severity.md)) when the code says it may be suppressed.',
    '',
  ];
  for (const kind of Object.keys(titles) as CatalogueEntry['kind'][]) {
    lines.push(`## ${titles[kind]}`, '');
    for (const e of diagnosticCatalogue().filter((x) => x.kind === kind)) {
      lines.push(
        `### ${e.id}`,
        '',
        `Severity: ${e.severity}. ${e.suppressible ? 'May be suppressed.' : 'Cannot be suppressed.'}`,
        '',
        e.description.en,
        '',
        e.description.ja,
        '',
      );
      if (e.paths?.length) lines.push(`Parameters: ${e.paths.map((p) => `\`${p}\``).join(', ')}`, '');
      if (e.referenceLines?.length) lines.push(`Reference lines: ${e.referenceLines.join(', ')}`, '');
    }
  }
  return lines.join('\n');
}
