// Selection ranges (expand / shrink selection): the chain of the walk to the cursor, each step a range.
import type { Range, SelectionRange, Position } from 'vscode-languageserver-types';
import type { ParsedDocument } from './parse';
import { nodeAtOffset } from './tree';

/**
 * Selection ranges for each position: the innermost node (a key, a value), then its key/value pair,
 * the collection holding it, the pair or item holding that, and so on up to the whole document.
 */
export function selectionRanges(parsed: ParsedDocument, positions: Position[]): SelectionRange[] {
  return positions.map((position) => {
    const offset = parsed.offsetAt(position);
    const spans: [number, number][] = [[0, parsed.text.length]];
    for (const step of nodeAtOffset(parsed, offset).chain) {
      const last = spans[spans.length - 1];
      // Each range lies inside the one before; equal ranges are one level.
      const start = Math.max(step.start, last[0]);
      const end = Math.min(step.end, last[1]);
      if (start === last[0] && end === last[1]) continue;
      spans.push([start, end]);
    }
    // Built from the document inwards, so the range returned is the innermost and its parents lead outwards.
    let result: SelectionRange | undefined;
    for (const [start, end] of spans) result = { range: parsed.range(start, end), parent: result };
    if (spans.length === 1) {
      // The position is outside every node (a blank line, a comment): the empty range there, then the document.
      const here: Range = { start: position, end: position };
      return { range: here, parent: result };
    }
    return result!;
  });
}
