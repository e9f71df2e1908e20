// The credentials files on this machine, read for the chain and for an explicitly chosen profile alike:
// the aliyun CLI's ~/.aliyun/config.json and the credentials file (~/.alibabacloud/credentials or
// ALIBABA_CLOUD_CREDENTIALS_FILE). Each is read once per resolution; no message ever quotes a value
// of them (they hold secrets).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeResolved, type CredentialsModule, type CredentialsProvider } from './credential';
import type { ResolvedCredential } from './types';

export interface AliyunCliConfig {
  current?: string;
  profiles?: { name?: string; mode?: string }[];
}

/** The aliyun CLI config as read: its profile names, and the secret values to keep out of messages. */
export type CliConfigRead =
  { ok: true; path: string; conf: AliyunCliConfig; hide: string[]; names: string[] } | { ok: false; problem: string };

export function cliConfigPath(home: string): string {
  return join(home, '.aliyun', 'config.json');
}

export function credentialsFilePath(env: NodeJS.ProcessEnv, home: string): string {
  return env.ALIBABA_CLOUD_CREDENTIALS_FILE || join(home, '.alibabacloud', 'credentials');
}

/** ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true: the aliyun CLI config is not read. */
export function cliProfilesDisabled(env: NodeJS.ProcessEnv): boolean {
  return env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() === 'true';
}

/** Plain words for a failure of a source; never echoes file contents (they hold secrets). */
export function reasonOf(e: unknown, secretsToHide: string[]): string {
  let m = e instanceof Error ? e.message : String(e);
  // The CLI provider quotes the whole config file when it cannot parse it.
  m = m.replace(/failed: [\s\S]*$/, 'failed (the file is not valid JSON)');
  for (const s of secretsToHide) if (s && s.length >= 4) m = m.split(s).join('********');
  return m.length > 300 ? `${m.slice(0, 300)}…` : m;
}

const SECRET_KEY = /secret|token|password|passwd|private|credential/i;

/** Values of secret-looking fields (`access_key_secret`, `sts_token`, ...) of a parsed config file, to keep out of messages. */
function secretsIn(value: unknown, out: string[] = [], key = ''): string[] {
  if (typeof value === 'string') {
    if (SECRET_KEY.test(key)) out.push(value);
  } else if (Array.isArray(value)) for (const v of value) secretsIn(v, out, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) secretsIn(v, out, k);
  return out;
}

/** Values of secret-looking keys of an ini file. */
function iniSecrets(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([^=#;[\s]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && SECRET_KEY.test(m[1]) && m[2]) out.push(m[2]);
  }
  return out;
}

/**
 * The aliyun CLI config, checked for the shape the chain relies on: an object, `current` a string
 * when present, `profiles` a list of objects whose `name` is a string. Anything else is named (what is
 * wrong and where), never quoting values (the file holds secrets), and the file is not used.
 */
export function readCliConfig(cliPath: string): CliConfigRead {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(cliPath, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: code ? `${cliPath} could not be read (${code})` : `${cliPath} is not valid JSON` };
  }
  const kind = (v: unknown) =>
    v === null
      ? 'null'
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'object'
          ? 'an object'
          : typeof v === 'string'
            ? 'a string'
            : `a ${typeof v}`;
  const malformed = (what: string) => ({
    ok: false as const,
    problem: `${cliPath} is malformed: ${what}; fix it or run \`aliyun configure\``,
  });
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return malformed(`it holds ${kind(parsed)}, not an object with "current" and "profiles"`);
  const conf = parsed as Record<string, unknown>;
  if (conf.current !== undefined && typeof conf.current !== 'string')
    return malformed(`"current" is ${kind(conf.current)}, not a profile name`);
  if (conf.profiles !== undefined && !Array.isArray(conf.profiles))
    return malformed(`"profiles" is ${kind(conf.profiles)}, not a list of profiles`);
  const profiles = (conf.profiles ?? []) as unknown[];
  const names: string[] = [];
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i];
    if (p === null || typeof p !== 'object' || Array.isArray(p))
      return malformed(`profile ${i + 1} of "profiles" is ${kind(p)}, not an object`);
    const name = (p as Record<string, unknown>).name;
    if (typeof name !== 'string')
      return malformed(
        `profile ${i + 1} of "profiles" has ${name === undefined ? 'no "name"' : `a "name" that is ${kind(name)}`}`,
      );
    names.push(name);
  }
  return { ok: true, path: cliPath, conf: conf as AliyunCliConfig, hide: secretsIn(parsed), names };
}

/** The section names of the credentials file (none when it is absent or unreadable). */
export function sectionsOf(filePath: string): string[] {
  try {
    return [...readFileSync(filePath, 'utf8').matchAll(/^\s*\[([^\]]+)\]/gm)].map((m) => m[1].trim());
  } catch {
    return []; // absent or unreadable: no names
  }
}

/** The secret values of the credentials file, to keep out of messages (none when unreadable). */
function fileSecrets(filePath: string): string[] {
  try {
    return iniSecrets(readFileSync(filePath, 'utf8'));
  } catch {
    return []; // unreadable: nothing to hide
  }
}

/** A source's credential, or why it gave none (no secret quoted). */
export type Tried = { credential: ResolvedCredential } | { reason: string };

/** A profile of the aliyun CLI config (already read and checked by readCliConfig). */
export async function tryCliProfile(
  mod: CredentialsModule,
  name: string,
  cli: Extract<CliConfigRead, { ok: true }>,
  home: string,
): Promise<Tried> {
  try {
    const p = mod.CLIProfileCredentialsProvider.builder()
      .withProfileName(name)
      .build() as unknown as CredentialsProvider & { homedir: string };
    p.homedir = home;
    const creds = await p.getCredentials();
    const mode = cli.conf.profiles?.find((x) => x.name === name)?.mode;
    const description = `aliyun CLI profile "${name}"${mode ? ` (mode ${mode})` : ''} in ${cli.path}`;
    return {
      credential: makeResolved(
        {
          source: 'aliyun-cli-profile',
          description,
          profile: name,
          origin: { file: cli.path, ...(mode ? { mode } : {}) },
        },
        p,
        creds,
      ),
    };
  } catch (e) {
    return { reason: reasonOf(e, cli.hide) };
  }
}

/** A section of the credentials file. */
export async function tryCredentialsFileSection(
  mod: CredentialsModule,
  section: string,
  filePath: string,
  env: NodeJS.ProcessEnv,
  home: string,
): Promise<Tried> {
  try {
    const p = mod.ProfileCredentialsProvider.builder()
      .withProfileName(section)
      .build() as unknown as CredentialsProvider & { homedir: string };
    p.homedir = home;
    const creds = await withCredentialsFile(filePath, env, () => p.getCredentials());
    return {
      credential: makeResolved(
        {
          source: 'credentials-file',
          description: `section [${section}] of ${filePath}`,
          profile: section,
          origin: { file: filePath },
        },
        p,
        creds,
      ),
    };
  } catch (e) {
    return { reason: reasonOf(e, fileSecrets(filePath)) };
  }
}

/** Runs `fn` with ALIBABA_CLOUD_CREDENTIALS_FILE as `env` gives it (the provider reads process.env). */
async function withCredentialsFile<T>(filePath: string, env: NodeJS.ProcessEnv, fn: () => Promise<T>): Promise<T> {
  if (env === process.env || process.env.ALIBABA_CLOUD_CREDENTIALS_FILE === filePath) return fn();
  const before = process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
  process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = filePath;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.ALIBABA_CLOUD_CREDENTIALS_FILE;
    else process.env.ALIBABA_CLOUD_CREDENTIALS_FILE = before;
  }
}
