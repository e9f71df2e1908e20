// Installs the peer, yaml-language-server, into bench/.peer/ (ignored by git, never a
// dependency of the project) with the ordinary npm client, once.
//
// Version: 1.25.0, the newest release that runs on Node 20 (2.x requires Node >= 22.13),
// so that both servers run on the same Node.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const PEER_VERSION = '1.25.0';

export function ensurePeer(benchDir) {
  const dir = join(benchDir, '.peer');
  const pkg = join(dir, 'node_modules', 'yaml-language-server', 'package.json');
  const installed = existsSync(pkg) ? JSON.parse(readFileSync(pkg, 'utf8')).version : undefined;
  if (installed !== PEER_VERSION) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        { name: 'eci-bench-peer', private: true, dependencies: { 'yaml-language-server': PEER_VERSION } },
        null,
        2,
      ) + '\n',
    );
    console.log(`installing yaml-language-server@${PEER_VERSION} into bench/.peer/ ...`);
    // Serialized with the other npm runs on this machine (/tmp/npm.lock).
    const r = spawnSync(
      'flock',
      ['/tmp/npm.lock', 'npm', 'install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock'],
      { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (r.status !== 0)
      throw new Error(`npm install of yaml-language-server@${PEER_VERSION} into ${dir} failed (exit ${r.status})`);
  }
  return {
    version: PEER_VERSION,
    bin: join(dir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'),
  };
}
