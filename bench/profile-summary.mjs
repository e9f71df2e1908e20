// Sums the time of every function over the V8 CPU profiles (*.cpuprofile) written by
// `node --cpu-prof`, so that the benchmark can name the hot spots of our server:
// self time (the function's own code) and inclusive time (the function and what it calls;
// a sample counts once per function even under recursion).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {{name: string, location: string, selfMs: number, inclusiveMs: number}[]} sorted by self time, largest first */
export function summarizeProfiles(dir) {
  const totals = new Map();
  const entry = (frame) => {
    const name = frame.functionName || '(anonymous)';
    const location = frame.url
      ? `${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
      : '';
    const key = `${name} ${location}`;
    let t = totals.get(key);
    if (!t) totals.set(key, (t = { name, location, selfMs: 0, inclusiveMs: 0 }));
    return t;
  };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // timeDeltas[i] is the time before samples[i]; attribute it to that sample's stack.
    for (let i = 0; i < profile.samples.length; i++) {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      let id = profile.samples[i];
      entry(byId.get(id).callFrame).selfMs += ms;
      const seen = new Set();
      for (; id !== undefined; id = parent.get(id)) {
        const t = entry(byId.get(id).callFrame);
        if (seen.has(t)) continue;
        seen.add(t);
        t.inclusiveMs += ms;
      }
    }
  }
  const round = (x) => Math.round(x * 10) / 10;
  return [...totals.values()]
    .map((t) => ({ ...t, selfMs: round(t.selfMs), inclusiveMs: round(t.inclusiveMs) }))
    .sort((a, b) => b.selfMs - a.selfMs);
}
