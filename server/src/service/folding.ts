// Folding ranges: every mapping, list, list item and block scalar that spans lines, and every block of
// two or more comment lines.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { nodeSpan } from './tree';

export function foldingRanges(parsed: ParsedDocument): FoldingRange[] {
  const byStartLine = new Map<number, FoldingRange>();
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']): void => {
    if (endLine <= startLine) return;
    const existing = byStartLine.get(startLine);
    // One range per start line (editors keep only one): the longer one.
    if (existing && existing.endLine >= endLine) return;
    byStartLine.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const lineOf = (offset: number): number => parsed.positionAt(offset).line;
  const blockScalarLines: [number, number][] = [];

  const visit = (node: Node | null | undefined, foldFromLine: number | undefined, depth: number): void => {
    if (!node || depth > 256) return;
    const span = nodeSpan(parsed.text, node);
    if (!span) return;
    if (isMap(node) || isSeq(node)) {
      if (foldFromLine !== undefined) add(foldFromLine, lineOf(span[1]));
      for (const item of node.items) {
        if (isPair(item)) {
          const keySpan = nodeSpan(parsed.text, item.key as Node | null);
          visit(item.value as Node | null, keySpan ? lineOf(keySpan[0]) : undefined, depth + 1);
        } else {
          // A list item folds from its own first line.
          const itemSpan = nodeSpan(parsed.text, item as Node);
          visit(item as Node, itemSpan ? lineOf(itemSpan[0]) : undefined, depth + 1);
        }
      }
    } else if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
      const last = lineOf(span[1]);
      blockScalarLines.push([lineOf(span[0]), last]);
      if (foldFromLine !== undefined) add(foldFromLine, last);
    }
  };
  visit(parsed.doc?.contents as Node | null | undefined, undefined, 0);

  // Comment blocks: consecutive lines holding only a comment, outside block scalars.
  const lines = parsed.text.split('\n');
  const inBlockScalar = new Uint8Array(lines.length + 1);
  for (const [a, b] of blockScalarLines) inBlockScalar.fill(1, a + 1, Math.min(b, lines.length) + 1);
  let blockStart = -1;
  for (let i = 0; i <= lines.length; i++) {
    const isComment = i < lines.length && /^\s*#/.test(lines[i]) && !inBlockScalar[i];
    if (isComment && blockStart < 0) blockStart = i;
    if (!isComment && blockStart >= 0) {
      add(blockStart, i - 1, FoldingRangeKind.Comment);
      blockStart = -1;
    }
  }
  return [...byStartLine.values()].sort((a, b) => a.startLine - b.startLine);
}
