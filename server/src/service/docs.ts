// A parameter's documentation as markdown, from the schema: wire path, type, required-ness, default,
// allowed values with their meanings, ranges and limits, example, description in the locale.
// Hover shows it; completion items carry it.
import { messagesFor, type Locale } from './messages';
import {
  descriptionOf,
  enumDescriptionsOf,
  resolveSchema,
  schemaAtPath,
  typesOf,
  warningMessageOf,
  wirePathOf,
  type DocPath,
  type JsonSchema,
} from './schema';

const cache = new Map<string, string>();

function code(v: unknown): string {
  // The empty string is shown as "" (an empty code span would show nothing).
  const s = typeof v === 'string' && v !== '' ? v : JSON.stringify(v);
  return '`' + s.replace(/`/g, "'") + '`';
}

function typeLabel(node: JsonSchema, locale: Locale): string {
  const m = messagesFor(locale);
  const types = typesOf(node);
  if (types.includes('array')) {
    const item = resolveSchema(node.items);
    const itemTypes = item ? typesOf(item) : [];
    return m.hoverListOf(itemTypes.length ? itemTypes.join(' | ') : 'any');
  }
  return types.join(' | ') || 'any';
}

/** Whether the key `path[last]` is listed in its parent's `required`. */
export function isRequired(path: DocPath): boolean {
  if (!path.length) return false;
  const last = path[path.length - 1];
  if (typeof last === 'number') return false;
  const parent = schemaAtPath(path.slice(0, -1));
  return !!resolveSchema(parent)?.required?.includes(last);
}

/** The markdown documentation of the parameter at `path` (a document path). */
export function parameterMarkdown(path: DocPath, locale: Locale): string {
  const wire = wirePathOf(path);
  const id = `${locale}\u0000${wire}\u0000${isRequired(path)}`;
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const node = schemaAtPath(path);
  const md = node ? render(node, wire, isRequired(path), locale) : '';
  cache.set(id, md);
  return md;
}

function render(node: JsonSchema, wire: string, required: boolean, locale: Locale): string {
  const m = messagesFor(locale);
  const n = resolveSchema(node)!;
  const lines: string[] = [];
  lines.push(`**${wire}** · ${typeLabel(n, locale)} · ${required ? m.hoverRequired : m.hoverOptional}`);
  const desc = withoutRestatedFacts(descriptionOf(n, locale), n);
  if (desc) lines.push('', desc);
  const facts: string[] = [];
  const patternDescription =
    (locale === 'ja' ? n['x-patternDescription-ja'] : undefined) ?? n['x-patternDescription'] ?? '';
  if (n.default !== undefined) facts.push(`${m.hoverDefault}: ${code(n.default)}`);
  const unit = n['x-unit'];
  const range = rangeText(n, locale);
  if (range) facts.push(`${m.hoverRange}: ${range}${unit ? ` ${unit}` : ''}`);
  else if (unit) facts.push(`${m.hoverUnit}: ${unit}`);
  if (n.minLength !== undefined || n.maxLength !== undefined)
    facts.push(`${m.hoverLength}: ${m.lengthInCharacters(n.minLength, n.maxLength)}`);
  const items = lengthText(n.minItems, n.maxItems, locale);
  if (items) facts.push(`${m.hoverItems}: ${items}`);
  if (n.pattern) {
    const pd = patternDescription;
    facts.push(`${m.hoverPattern}: ${pd ? `${pd} (${code(n.pattern)})` : code(n.pattern)}`);
  }
  // An example that is the default, one of the allowed values listed below, or given as an example by the
  // description says nothing new.
  const examples = (n.examples ?? []).filter(
    (e) => e !== n.default && !(enumOf(n) ?? []).includes(e) && !givesExample(`${desc}\n${patternDescription}`, e),
  );
  if (examples.length) facts.push(`${m.hoverExample}: ${examples.map(code).join(', ')}`);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));
  const enumNode = enumNodeOf(n);
  if (enumNode?.enum && enumNode.enum.length) {
    const meanings = enumDescriptionsOf(enumNode, locale);
    lines.push('', `${m.hoverAllowed}:`);
    // "(default)" after a meaning repeats the Default line above.
    const meaning = (i: number) =>
      n.default !== undefined ? meanings[i]?.replace(/\s*\(default\)|(デフォルト)/g, '') : meanings[i];
    enumNode.enum.forEach((v, i) => lines.push(`- ${code(v)}${meaning(i) ? ` — ${meaning(i)}` : ''}`));
  }
  const notes: string[] = [];
  if (n['x-warning']) notes.push(`⚠ ${m.hoverWarning}: ${warningMessageOf(n['x-warning'], locale)}`);
  if (n['x-secret']) notes.push(m.hoverSecret);
  if (n['x-sdk'] === 'missing') notes.push(m.hoverSdkMissing);
  if (n['x-sdk'] === 'undocumented') notes.push(n['x-foundIn'] ? m.hoverFoundElsewhere : m.hoverSdkUndocumented);
  if (enumNode?.['x-openEnum']) notes.push(m.hoverOpenEnum);
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n');
}

/** The node that holds the allowed values: the node itself, or the items of a list. */
function enumNodeOf(n: JsonSchema): JsonSchema | undefined {
  return resolveSchema(typesOf(n).includes('array') ? n.items : n);
}

function enumOf(n: JsonSchema): unknown[] | undefined {
  return enumNodeOf(n)?.enum;
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The description less the sentences and clauses that state what the hover's fact lines state already (the
 * reference writes "Default: Always." into a description whose schema node also holds `default: Always`): the
 * default and the range of a number. What else the description says stays (an example it gives is left out of
 * the fact lines instead: see render).
 */
export function withoutRestatedFacts(description: string | undefined, n: JsonSchema): string {
  if (!description) return '';
  let d = description;
  if (n.default !== undefined) {
    const v = escape(n.default === '' ? 'empty' : String(n.default));
    const vja = escape(n.default === '' ? '空' : String(n.default));
    // With the allowed values' meanings listed, what the default value means is said there too.
    const explained = !!enumNodeOf(n)?.enumDescriptions;
    d = d
      .replace(new RegExp(`\\s*Default: ${v}${explained ? '(,[^.]*)?' : ''}\\.(?=\\s|$)`, 'g'), '')
      .replace(new RegExp(`\\s*デフォルト値: ${vja}${explained ? '((.*?))?' : ''}。`, 'g'), '')
      .replace(new RegExp(`[;,] default: ${v}(?=\\.)`, 'g'), '')
      .replace(new RegExp(`、デフォルトの[^、。]*は ${vja} です(?=。)`, 'g'), '')
      .replace(new RegExp(`(${v}) \\(default\\)`, 'g'), '$1')
      .replace(new RegExp(`(${vja})(デフォルト)`, 'g'), '$1');
  }
  if (n.minimum !== undefined && n.maximum !== undefined) {
    const [lo, hi] = [escape(String(n.minimum)), escape(String(n.maximum))];
    d = d
      .replace(new RegExp(`: ${lo} to ${hi}(?=\\.)`, 'g'), '')
      .replace(new RegExp(`(有効な値: )?${lo}〜${hi}。`, 'g'), '');
  }
  return d.replace(/[ \t]+\n/g, '\n').trim();
}

/** Whether the description gives `example` as an example ("e.g. X", "Example: X", "such as X", "例: X"). */
export function givesExample(description: string, example: unknown): boolean {
  return new RegExp(`(e\\.g\\.,?|Example:|such as|例[:：])\\s*\`?${escape(String(example))}(?![\\w-])`).test(
    description,
  );
}

function rangeText(n: JsonSchema, locale: Locale): string {
  const m = messagesFor(locale);
  const lo =
    n.minimum !== undefined
      ? { v: n.minimum, ex: false }
      : n.exclusiveMinimum !== undefined
        ? { v: n.exclusiveMinimum, ex: true }
        : undefined;
  const hi =
    n.maximum !== undefined
      ? { v: n.maximum, ex: false }
      : n.exclusiveMaximum !== undefined
        ? { v: n.exclusiveMaximum, ex: true }
        : undefined;
  if (lo && hi && !lo.ex && !hi.ex) return `${lo.v} – ${hi.v}`;
  const parts: string[] = [];
  if (lo) parts.push(lo.ex ? m.greaterThan(lo.v) : m.atLeast(lo.v));
  if (hi) parts.push(hi.ex ? m.lessThan(hi.v) : m.atMost(hi.v));
  return parts.join(', ');
}

function lengthText(min: number | undefined, max: number | undefined, locale: Locale): string {
  const m = messagesFor(locale);
  if (min !== undefined && max !== undefined) return `${min} – ${max}`;
  if (min !== undefined) return m.atLeast(min);
  if (max !== undefined) return m.atMost(max);
  return '';
}

/** The markdown for one enum value: its meaning, and the parameter it belongs to. */
export function enumValueMarkdown(path: DocPath, value: unknown, locale: Locale): string | undefined {
  const node = resolveSchema(schemaAtPath(path));
  if (!node) return undefined;
  const m = messagesFor(locale);
  const values = node.enum ?? (typesOf(node).includes('boolean') ? [true, false] : []);
  const i = values.findIndex((v) => v === value || String(v) === String(value));
  if (i < 0) return undefined;
  const meaning = node.enum ? enumDescriptionsOf(node, locale)[i] : undefined;
  const lines = [`**${code(values[i])}** — ${m.hoverValue(code(values[i]), wirePathOf(path))}`];
  if (meaning) lines.push('', meaning);
  else {
    const desc = descriptionOf(node, locale);
    if (desc) lines.push('', desc);
  }
  return lines.join('\n');
}
