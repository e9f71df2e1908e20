// Completion with live account items once the facts are handed in (cached in the server's memory):
// median and p95 over many requests, for VSwitchId, SecurityGroupId and ZoneId in a realistic document,
// with an account of 200 vSwitches, 100 security groups and 6 zones. Prints figures; asserts nothing.
// Run after `node node_modules/typescript/bin/tsc -p .`: node bench/account-completion.mjs
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { createLanguageService } = require('../out/server/src/service/index.js');

const facts = [
  {
    regionId: 'cn-hangzhou',
    lookedUpAt: new Date().toISOString(),
    vSwitches: Array.from({ length: 200 }, (_, i) => ({
      id: `vsw-${String(i).padStart(20, '0')}`,
      name: `sw-${i}`,
      vpcId: `vpc-${i % 5}`,
      zoneId: `cn-hangzhou-${'hijkmn'[i % 6]}`,
      cidr: `10.${i}.0.0/24`,
      freeIps: i % 7,
    })),
    securityGroups: Array.from({ length: 100 }, (_, i) => ({
      id: `sg-${String(i).padStart(20, '0')}`,
      name: `sg-${i}`,
      vpcId: `vpc-${i % 5}`,
    })),
    zones: [...'hijkmn'].map((z) => ({
      id: `cn-hangzhou-${z}`,
      recommended: z === 'h',
      cores: { 2: 'with', 4: z === 'j' ? 'without' : 'with' },
      instanceTypes: {},
    })),
    imageCaches: [],
    eips: [],
    regions: ['cn-hangzhou', 'cn-shanghai'],
  },
];
const body = Array.from(
  { length: 8 },
  (_, i) => `  - Name: c${i}\n    Image: nginx:1.27\n    Cpu: 0.5\n    Memory: 1\n`,
).join('');
const base = `RegionId: cn-hangzhou\nContainerGroupName: web\nZoneId: cn-hangzhou-k\nCpu: 4\nMemory: 8\nVSwitchId: vsw-00000000000000000003,\nSecurityGroupId: \nContainer:\n${body}`;
const service = createLanguageService({ locale: 'en' });
const cases = [
  ['VSwitchId (after a comma)', { line: 5, character: 36 }],
  ['SecurityGroupId', { line: 6, character: 17 }],
  ['ZoneId', { line: 2, character: 8 }],
];
for (const [name, position] of cases) {
  const times = [];
  for (let i = 0; i < 400; i++) {
    // A fresh edit each time (typing), as in the editor: the text differs, the facts are the same.
    const text = base + `# ${i}\n`;
    const t = performance.now();
    const list = service.complete(text, position, facts);
    times.push(performance.now() - t);
    if (!list.items.length) throw new Error(`no items for ${name}`);
  }
  times.sort((a, b) => a - b);
  const med = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(
    `${name.padEnd(28)} median ${med.toFixed(3)} ms  p95 ${p95.toFixed(3)} ms  (${times.length} completions)`,
  );
}
