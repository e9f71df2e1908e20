// Names of the credentials profiles on this machine, for the "Select credentials profile" picker
// (pure Node, no `vscode`; unit-tested). Only names are read out of the files: their keys are
// never touched here (resolving a profile is the call layer's job, calls/src/credentialChain.ts and credentialProfile.ts).
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface ProfileName {
  name: string;
  /** Which file defines it. */
  origin: 'aliyun-cli' | 'credentials-file';
  file: string;
  /** The aliyun CLI's `current` profile. */
  current?: boolean;
}

/** Profiles of `~/.aliyun/config.json` and sections of `~/.alibabacloud/credentials` (or ALIBABA_CLOUD_CREDENTIALS_FILE). Unreadable files give none. */
export function listProfileNames(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): ProfileName[] {
  const out: ProfileName[] = [];
  const cliPath = join(home, '.aliyun', 'config.json');
  if (existsSync(cliPath)) {
    try {
      const conf = JSON.parse(readFileSync(cliPath, 'utf8')) as { current?: unknown; profiles?: unknown };
      if (Array.isArray(conf.profiles)) {
        for (const p of conf.profiles) {
          const name = (p as { name?: unknown } | null)?.name;
          if (typeof name === 'string' && name !== '')
            out.push({ name, origin: 'aliyun-cli', file: cliPath, current: conf.current === name });
        }
      }
    } catch {
      /* not JSON: the picker simply offers no CLI profiles; a call says what is wrong with the file */
    }
  }
  const filePath = env.ALIBABA_CLOUD_CREDENTIALS_FILE || join(home, '.alibabacloud', 'credentials');
  if (existsSync(filePath)) {
    try {
      for (const line of readFileSync(filePath, 'utf8').split(/\r?\n/)) {
        const m = /^\s*\[([^\]]+)\]\s*$/.exec(line);
        if (m && m[1].trim()) out.push({ name: m[1].trim(), origin: 'credentials-file', file: filePath });
      }
    } catch {
      /* unreadable: no sections offered */
    }
  }
  return out;
}
