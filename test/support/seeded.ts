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
