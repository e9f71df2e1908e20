// Sums the self time of every function over the V8 CPU profiles (*.cpuprofile) written
// by `node --cpu-prof`, so that the benchmark can name the hot spots of our server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {{name: string, location: string, selfMs: number}[]} sorted by self time, largest first */
export function summarizeProfiles(dir) {
  const totals = new Map();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    // timeDeltas[i] is the time before samples[i]; attribute it to that sample's node.
    for (let i = 0; i < profile.samples.length; i++) {
      const id = profile.samples[i];
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    }
    for (const [id, us] of self) {
      const { functionName, url, lineNumber, columnNumber } = byId.get(id).callFrame;
      const name = functionName || '(anonymous)';
      const location = url ? `${url.replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}` : '';
      const key = `${name} ${location}`;
      const t = totals.get(key) ?? { name, location, selfMs: 0 };
      t.selfMs += us / 1000;
      totals.set(key, t);
    }
  }
  return [...totals.values()].map((t) => ({ ...t, selfMs: Math.round(t.selfMs * 10) / 10 })).sort((a, b) => b.selfMs - a.selfMs);
}
