// Navigation between the volumes a container group defines (`Volume[].Name`) and the mounts that use
// them (`Container[].VolumeMount[].Name`, `InitContainer[].VolumeMount[].Name`): go to definition,
// find references, document highlights, and rename of a volume across all its mounts.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import { yamlScalar } from './yamlEdit';
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Position,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { messagesFor, type Locale } from './messages';
import { nodeAtOffset, nodeSpan, scalarString, valueOf } from './tree';

/** Where a volume name is written: where a volume is defined, or where a container mounts it. */
export interface VolumeNameOccurrence {
  role: 'definition' | 'mount';
  name: string;
  /** The wire path of the name, e.g. `Container[2].VolumeMount[1].Name` (1-based, as the wire numbers items). */
  wirePath: string;
  /** The whole scalar, quotes included. */
  start: number;
  end: number;
  node: Scalar;
}

/** Every volume name in the document: the definitions first, then the mounts in document order. */
export function volumeNameOccurrences(parsed: ParsedDocument): VolumeNameOccurrence[] {
  const root = parsed.doc?.contents;
  const out: VolumeNameOccurrence[] = [];
  if (!isMap(root)) return out;
  const add = (role: VolumeNameOccurrence['role'], node: unknown, wirePath: string): void => {
    const name = scalarString(node);
    const span = nodeSpan(parsed.text, node as Node);
    if (name === undefined || !span || !isScalar(node)) return;
    out.push({ role, name, wirePath, start: span[0], end: span[1], node });
  };
  const volumes = valueOf(root, 'Volume');
  if (isSeq(volumes)) volumes.items.forEach((v, i) => add('definition', valueOf(v, 'Name'), `Volume[${i + 1}].Name`));
  for (const list of ['Container', 'InitContainer']) {
    const containers = valueOf(root, list);
    if (!isSeq(containers)) continue;
    containers.items.forEach((c, ci) => {
      const mounts = valueOf(c, 'VolumeMount');
      if (!isSeq(mounts)) return;
      mounts.items.forEach((m, mi) =>
        add('mount', valueOf(m, 'Name'), `${list}[${ci + 1}].VolumeMount[${mi + 1}].Name`),
      );
    });
  }
  return out;
}

/** The volume name at a position: on the name's value or on its `Name` key. */
export function volumeNameAt(parsed: ParsedDocument, position: Position): VolumeNameOccurrence | undefined {
  const offset = parsed.offsetAt(position);
  const at = nodeAtOffset(parsed, offset);
  const p = at.path;
  const isDefinition = p.length === 3 && p[0] === 'Volume' && typeof p[1] === 'number' && p[2] === 'Name';
  const isMount =
    p.length === 5 &&
    (p[0] === 'Container' || p[0] === 'InitContainer') &&
    typeof p[1] === 'number' &&
    p[2] === 'VolumeMount' &&
    typeof p[3] === 'number' &&
    p[4] === 'Name';
  if (!isDefinition && !isMount) return undefined;
  const pairStep = [...at.chain].reverse().find((s) => s.kind === 'pair');
  const valueNode = pairStep && 'value' in pairStep.node ? (pairStep.node.value as Node | null) : undefined;
  return volumeNameOccurrences(parsed).find((o) => o.node === valueNode);
}

/** Where the volume named at the position is defined (`Volume[].Name`); empty when no volume has that name. */
export function definition(parsed: ParsedDocument, position: Position): Range[] {
  const here = volumeNameAt(parsed, position);
  if (!here) return [];
  return volumeNameOccurrences(parsed)
    .filter((o) => o.role === 'definition' && o.name === here.name)
    .map((o) => parsed.range(o.start, o.end));
}

/** Every place the volume named at the position is written: its definition (when asked) and every mount. */
export function references(parsed: ParsedDocument, position: Position, includeDeclaration: boolean): Range[] {
  const here = volumeNameAt(parsed, position);
  if (!here) return [];
  return volumeNameOccurrences(parsed)
    .filter((o) => o.name === here.name && (includeDeclaration || o.role === 'mount'))
    .map((o) => parsed.range(o.start, o.end));
}

/** The definition (written) and the mounts (read) of the volume named at the position. */
export function documentHighlights(parsed: ParsedDocument, position: Position): DocumentHighlight[] {
  const here = volumeNameAt(parsed, position);
  if (!here) return [];
  return volumeNameOccurrences(parsed)
    .filter((o) => o.name === here.name)
    .map((o) => ({
      range: parsed.range(o.start, o.end),
      kind: o.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
}

export type PrepareRenameResult = { ok: true; range: Range; placeholder: string } | { ok: false; message: string };

/** Whether the position is on a volume name that can be renamed, and the name's text without its quotes. */
export function prepareRename(parsed: ParsedDocument, position: Position, locale: Locale = 'en'): PrepareRenameResult {
  const here = volumeNameAt(parsed, position);
  if (!here) return { ok: false, message: messagesFor(locale).rename.notAVolumeName };
  const quoted = here.node.type === 'QUOTE_DOUBLE' || here.node.type === 'QUOTE_SINGLE';
  const start = quoted ? here.start + 1 : here.start;
  const end = quoted ? here.end - 1 : here.end;
  return { ok: true, range: parsed.range(start, end), placeholder: here.name };
}

export type RenameResult = { ok: true; edits: TextEdit[] } | { ok: false; message: string };

/** Renames the volume at the position in its definition and in every mount that names it. */
export function rename(
  parsed: ParsedDocument,
  position: Position,
  newName: string,
  locale: Locale = 'en',
): RenameResult {
  const m = messagesFor(locale).rename;
  const here = volumeNameAt(parsed, position);
  if (!here) return { ok: false, message: m.notAVolumeName };
  if (!newName.trim()) return { ok: false, message: m.empty };
  if (/[\r\n]/.test(newName)) return { ok: false, message: m.multiline };
  if (newName === here.name) return { ok: true, edits: [] };
  const all = volumeNameOccurrences(parsed);
  const clash = all.find((o) => o.role === 'definition' && o.name === newName);
  if (clash) {
    const line = parsed.positionAt(clash.start).line + 1;
    return { ok: false, message: m.clash(newName, clash.wirePath, line) };
  }
  // The new name as each quote style writes it (computed once per style, not per mount).
  const written = new Map<Scalar['type'], string>();
  const edits = all
    .filter((o) => o.name === here.name)
    .map((o) => {
      let newText = written.get(o.node.type);
      if (newText === undefined) written.set(o.node.type, (newText = yamlScalar(newName, o.node.type)));
      return { range: parsed.range(o.start, o.end), newText };
    });
  return { ok: true, edits };
}
