// Seeded randomness and the valid fixture documents, for the fuzz and differential tests: a failure
// reproduces from its seed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG returning numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The texts of test/fixtures/valid/*.eci.yaml, in name order (compiled tests run from out/test/support). */
export function validFixtureTexts(): string[] {
  const dir = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'valid');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eci.yaml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const ALPHABET = [
  ':',
  '-',
  ' ',
  '  ',
  '\n',
  '[',
  ']',
  '{',
  '}',
  '"',
  "'",
  '#',
  ',',
  '&a',
  '*a',
  '|',
  '>',
  '\t',
  '?',
  '!',
  '%',
  '@',
  '0',
  'x',
  'Name',
  'Container',
  '\u0000',
  '日本',
  '\r\n',
  '\r',
  '!!str ',
  '? ',
  '? ? ',
];

/** One random edit of a text: a deletion, an insertion of a YAML-significant piece, a line copied, dropped, swapped or re-indented, a cut. */
export function mutate(text: string, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const at = Math.floor(rnd() * (text.length + 1));
  const lines = text.split('\n');
  const li = Math.floor(rnd() * lines.length);
  switch (Math.floor(rnd() * 8)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 5));
    case 1:
      return text.slice(0, at) + pick(ALPHABET) + text.slice(at);
    case 2:
      lines.splice(li, 0, lines[li]);
      return lines.join('\n');
    case 3:
      lines.splice(li, 1);
      return lines.join('\n');
    case 4: {
      const lj = Math.floor(rnd() * lines.length);
      [lines[li], lines[lj]] = [lines[lj], lines[li]];
      return lines.join('\n');
    }
    case 5:
      lines[li] = rnd() < 0.5 ? '  ' + lines[li] : lines[li].replace(/^ {1,2}/, '');
      return lines.join('\n');
    case 6:
      return text.slice(0, at);
    default:
      return (
        text.slice(0, at) +
        text.slice(Math.floor(rnd() * text.length), Math.floor(rnd() * text.length)) +
        text.slice(at)
      );
  }
}
