// Finding the Alibaba Cloud credential for a call, and saying which source gave it.
//
// The chain is the one of `@alicloud/credentials` (its own providers, in its order), built here
// rather than through `new Credential()` so that: the source that answered is known; the profile
// option is honoured without touching process.env; instance metadata is left out unless allowed
// (on a desktop it only costs seconds of timeouts); and each source's failure is reported in plain
// words. No secret is ever put into a message, and a ResolvedCredential holds its key outside any
// enumerable property.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CredentialOrigin, CredentialSource, CredentialsNotFound, ExplicitAccessKey, ResolveCredentialOptions, ResolvedCredential } from './types';

/** What a provider of `@alicloud/credentials` yields. */
interface ProviderCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  providerName?: string;
}
/** A provider of `@alicloud/credentials` (CredentialsProvider). */
export interface CredentialsProvider {
  getCredentials(): Promise<ProviderCredentials>;
  getProviderName(): string;
}

type CredentialsModule = typeof import('@alicloud/credentials');

const providers = new WeakMap<ResolvedCredential, CredentialsProvider>();
const knownSecrets = new WeakMap<ResolvedCredential, string[]>();

/** The provider behind a resolved credential (for the SDK config). */
export function providerOf(credential: ResolvedCredential): CredentialsProvider {
  const p = providers.get(credential);
  if (!p) throw new Error('This credential was not produced by resolveCredential (or by credentialFromKey); resolve it first.');
  return p;
}

/** The secret values of a resolved credential as last seen (AccessKey secret, security token), for redaction. */
export function secretValuesOf(credential: ResolvedCredential): string[] {
  return knownSecrets.get(credential) ?? [];
}

/** `LTAI5tAbCdEfGhIj` -> `LTAI****GhIj`. */
export function maskAccessKeyId(id: string): string {
  if (id.length <= 8) return '****';
  return `${id.slice(0, 4)}****${id.slice(-4)}`;
}

function loadCredentialsModule(): CredentialsModule {
  // Loaded only when a call is asked for: activation and the language server never pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@alicloud/credentials') as CredentialsModule;
}

/**
 * What makes a key unusable before any request: a blank AccessKey ID or secret, or one with white
 * space, a control character or a character outside printable ASCII (the SDK would put it into a
 * header or a signature: the service answers IncompleteSignature, or Node refuses the header).
 * Says where (a position and a code point), never the secret itself.
 */
export function keyMaterialProblem(creds: { accessKeyId?: unknown; accessKeySecret?: unknown; securityToken?: unknown }): string | undefined {
  const check = (label: string, value: unknown, required: boolean): string | undefined => {
    if (value === undefined || value === null || value === '') return required ? `the ${label} is empty` : undefined;
    if (typeof value !== 'string') return `the ${label} is not a string`;
    if (value.trim() === '') return `the ${label} is blank (only white space)`;
    const bad = /[^\x21-\x7e]/.exec(value);
    if (bad) {
      const cp = bad[0].codePointAt(0)!;
      const what = /\s/.test(bad[0]) ? 'white space' : cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) ? 'a control character' : 'a character outside printable ASCII';
      return `the ${label} contains ${what} (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) at position ${bad.index + 1}`;
    }
    return undefined;
  };
  return check('AccessKey ID', creds.accessKeyId, true) ?? check('AccessKey secret', creds.accessKeySecret, true) ?? check('security token', creds.securityToken, false);
}

class UnusableKeyError extends Error {}

function makeResolved(
  source: CredentialSource,
  description: string,
  provider: CredentialsProvider,
  creds: ProviderCredentials,
  profile?: string,
  origin?: CredentialOrigin,
): ResolvedCredential {
  const problem = keyMaterialProblem(creds);
  if (problem) throw new UnusableKeyError(`${problem}; fix the key where it is set up`);
  const resolved: ResolvedCredential = {
    source,
    description,
    accessKeyIdHint: maskAccessKeyId(creds.accessKeyId),
    temporary: !!creds.securityToken,
  };
  if (profile !== undefined) resolved.profile = profile;
  if (origin) resolved.origin = origin;
  providers.set(resolved, provider);
  knownSecrets.set(resolved, [creds.accessKeySecret, creds.securityToken].filter((s): s is string => !!s));
  // Keep the secrets current as temporary credentials refresh.
  const wrapped: CredentialsProvider = {
    getProviderName: () => provider.getProviderName(),
    getCredentials: async () => {
      const c = await provider.getCredentials();
      const problem = keyMaterialProblem(c);
      if (problem) throw new UnusableKeyError(`${description}: ${problem}`);
      knownSecrets.set(resolved, [...new Set([...(knownSecrets.get(resolved) ?? []), c.accessKeySecret, c.securityToken].filter((s): s is string => !!s))]);
      return c;
    },
  };
  providers.set(resolved, wrapped);
  return resolved;
}

class CredentialsNotFoundError extends Error implements CredentialsNotFound {
  override name = 'CredentialsNotFoundError' as const;
  constructor(
    message: string,
    readonly attempts: { source: CredentialSource; reason: string }[],
  ) {
    super(message);
  }
}

/** Whether `e` is the error resolveCredential throws when no source works. */
export function isCredentialsNotFound(e: unknown): e is CredentialsNotFound {
  return e instanceof Error && e.name === 'CredentialsNotFoundError' && Array.isArray((e as CredentialsNotFound).attempts);
}

function checkExplicitKey(key: ExplicitAccessKey): string | undefined {
  const problem = keyMaterialProblem({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, securityToken: key.securityToken || undefined });
  return problem && problem.replace(/^the /, 'the stored ');
}

/** A resolved credential for an access key pair the caller holds (no chain). */
export function credentialFromKey(key: ExplicitAccessKey, description = 'an access key stored by the user'): ResolvedCredential {
  const problem = checkExplicitKey(key);
  if (problem) throw new CredentialsNotFoundError(`The access key cannot be used: ${problem}.`, [{ source: 'explicit', reason: problem }]);
  const creds: ProviderCredentials = { accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, securityToken: key.securityToken || undefined };
  const provider: CredentialsProvider = {
    getProviderName: () => (creds.securityToken ? 'static_sts' : 'static_ak'),
    getCredentials: async () => ({ ...creds, providerName: creds.securityToken ? 'static_sts' : 'static_ak' }),
  };
  return makeResolved('explicit', description, provider, creds);
}

/**
 * A resolved credential from any provider of `@alicloud/credentials` (a RAM role chain, a custom
 * provider). The provider is asked once now, so that a credential that cannot work fails here.
 */
export async function credentialFromProvider(provider: CredentialsProvider, description: string, source: CredentialSource = 'explicit'): Promise<ResolvedCredential> {
  const creds = await provider.getCredentials();
  try {
    return makeResolved(source, description, provider, creds);
  } catch (e) {
    if (!(e instanceof UnusableKeyError)) throw e;
    throw new CredentialsNotFoundError(`The credential from ${description} cannot be used: ${e.message}.`, [{ source, reason: `${description}: ${e.message}` }]);
  }
}

interface AliyunCliConfig {
  current?: string;
  profiles?: { name?: string; mode?: string }[];
}

/** Plain words for a failure of a source; never echoes file contents (they hold secrets). */
function reasonOf(e: unknown, secretsToHide: string[]): string {
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
 * Finds a working credential: an explicit key when given, else the `@alicloud/credentials` chain
 * (environment variables, OIDC, aliyun CLI profile, ~/.alibabacloud/credentials, instance metadata
 * only when allowed, ALIBABA_CLOUD_CREDENTIALS_URI). Says which source answered; when none does,
 * throws an error (isCredentialsNotFound) whose message says what each source lacked and what to set up.
 */
export async function resolveCredential(options: ResolveCredentialOptions = {}): Promise<ResolvedCredential> {
  const env = options.env ?? process.env;
  const home = options.homeDir ?? homedir();
  const explicitProfile = options.profile?.trim() || undefined;
  const profile = explicitProfile ?? (env.ALIBABA_CLOUD_PROFILE || undefined);
  const attempts: { source: CredentialSource; reason: string }[] = [];
  if (explicitProfile) return resolveProfile(explicitProfile, env, home);

  if (options.explicitKey) {
    const problem = checkExplicitKey(options.explicitKey);
    if (!problem) return credentialFromKey(options.explicitKey);
    attempts.push({ source: 'explicit', reason: problem });
  }

  const mod = loadCredentialsModule();

  // 1. Environment variables.
  if (env.ALIBABA_CLOUD_ACCESS_KEY_ID || env.ALIBABA_CLOUD_ACCESS_KEY_SECRET) {
    const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
    const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    if (!id) attempts.push({ source: 'env', reason: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not' });
    else if (!secret) attempts.push({ source: 'env', reason: 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not' });
    else {
      const token = env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined;
      const provider: CredentialsProvider = token
        ? mod.StaticSTSCredentialsProvider.builder().withAccessKeyId(id).withAccessKeySecret(secret).withSecurityToken(token).build()
        : mod.StaticAKCredentialsProvider.builder().withAccessKeyId(id).withAccessKeySecret(secret).build();
      const creds = await provider.getCredentials();
      const description = `environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET${token ? ' / ALIBABA_CLOUD_SECURITY_TOKEN' : ''}`;
      try {
        return makeResolved('env', description, provider, creds);
      } catch (e) {
        if (!(e instanceof UnusableKeyError)) throw e;
        attempts.push({ source: 'env', reason: `${description}: ${envVariableOf(e.message)}` });
      }
    }
  } else {
    attempts.push({ source: 'env', reason: 'ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set' });
  }

  // 2. OIDC (RRSA): all three variables.
  const oidcVars = ['ALIBABA_CLOUD_ROLE_ARN', 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN', 'ALIBABA_CLOUD_OIDC_TOKEN_FILE'] as const;
  const oidcSet = oidcVars.filter((v) => env[v]);
  if (oidcSet.length === oidcVars.length) {
    try {
      const provider: CredentialsProvider = mod.OIDCRoleArnCredentialsProvider.builder()
        .withRoleArn(env.ALIBABA_CLOUD_ROLE_ARN!)
        .withOIDCProviderArn(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN!)
        .withOIDCTokenFilePath(env.ALIBABA_CLOUD_OIDC_TOKEN_FILE!)
        .build();
      const creds = await provider.getCredentials();
      return makeResolved('oidc', `OIDC role ${env.ALIBABA_CLOUD_ROLE_ARN} (token file ${env.ALIBABA_CLOUD_OIDC_TOKEN_FILE})`, provider, creds, undefined, {
        roleArn: env.ALIBABA_CLOUD_ROLE_ARN,
        tokenFile: env.ALIBABA_CLOUD_OIDC_TOKEN_FILE,
      });
    } catch (e) {
      attempts.push({ source: 'oidc', reason: `OIDC role ${env.ALIBABA_CLOUD_ROLE_ARN}: ${reasonOf(e, [])}` });
    }
  } else if (oidcSet.length > 0) {
    attempts.push({ source: 'oidc', reason: `${oidcSet.join(', ')} set but ${oidcVars.filter((v) => !env[v]).join(', ')} not` });
  } else {
    attempts.push({ source: 'oidc', reason: 'ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE are not set' });
  }

  // 3. The aliyun CLI's ~/.aliyun/config.json.
  const cliPath = join(home, '.aliyun', 'config.json');
  if (env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() === 'true') {
    attempts.push({ source: 'aliyun-cli-profile', reason: 'disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true' });
  } else if (!existsSync(cliPath)) {
    attempts.push({ source: 'aliyun-cli-profile', reason: `${cliPath} does not exist` });
  } else {
    const read = readCliConfig(cliPath);
    if (!read.ok) attempts.push({ source: 'aliyun-cli-profile', reason: read.problem });
    else {
      const { conf, hide, names } = read;
      const name = profile ?? conf.current;
      if (!names.length) attempts.push({ source: 'aliyun-cli-profile', reason: `${cliPath} has no profiles` });
      else if (!name) attempts.push({ source: 'aliyun-cli-profile', reason: `${cliPath} names no current profile and none was asked for (profiles: ${names.join(', ')})` });
      else if (!names.includes(name)) attempts.push({ source: 'aliyun-cli-profile', reason: `${cliPath} has no profile "${name}" (profiles: ${names.join(', ')})` });
      else {
        try {
          const p = mod.CLIProfileCredentialsProvider.builder().withProfileName(name).build() as unknown as CredentialsProvider & { homedir: string };
          p.homedir = home;
          const creds = await p.getCredentials();
          const mode = conf.profiles?.find((x) => x.name === name)?.mode;
          return makeResolved('aliyun-cli-profile', `aliyun CLI profile "${name}"${mode ? ` (mode ${mode})` : ''} in ${cliPath}`, p, creds, name, { file: cliPath, ...(mode ? { mode } : {}) });
        } catch (e) {
          attempts.push({ source: 'aliyun-cli-profile', reason: `profile "${name}" in ${cliPath}: ${reasonOf(e, hide)}` });
        }
      }
    }
  }

  // 4. The credentials file.
  const filePath = env.ALIBABA_CLOUD_CREDENTIALS_FILE || join(home, '.alibabacloud', 'credentials');
  const section = profile ?? 'default';
  if (!existsSync(filePath)) {
    attempts.push({ source: 'credentials-file', reason: `${filePath} does not exist` });
  } else {
    try {
      const p = mod.ProfileCredentialsProvider.builder().withProfileName(section).build() as unknown as CredentialsProvider & { homedir: string };
      p.homedir = home;
      const creds = await withCredentialsFile(filePath, env, () => p.getCredentials());
      return makeResolved('credentials-file', `section [${section}] of ${filePath}`, p, creds, section, { file: filePath });
    } catch (e) {
      let hide: string[] = [];
      try {
        hide = iniSecrets(readFileSync(filePath, 'utf8'));
      } catch {
        /* unreadable: nothing to hide */
      }
      attempts.push({ source: 'credentials-file', reason: `section [${section}] of ${filePath}: ${reasonOf(e, hide)}` });
    }
  }

  // 5. ECS instance metadata, only when allowed.
  if (options.allowInstanceMetadata) {
    try {
      const provider: CredentialsProvider = mod.ECSRAMRoleCredentialsProvider.builder()
        .withRoleName(env.ALIBABA_CLOUD_ECS_METADATA as string)
        .withConnectTimeout(1000)
        .withReadTimeout(1000)
        .build();
      const creds = await provider.getCredentials();
      return makeResolved('instance-metadata', `the RAM role of this ECS instance${env.ALIBABA_CLOUD_ECS_METADATA ? ` (${env.ALIBABA_CLOUD_ECS_METADATA})` : ''}`, provider, creds, undefined, env.ALIBABA_CLOUD_ECS_METADATA ? { roleName: env.ALIBABA_CLOUD_ECS_METADATA } : undefined);
    } catch (e) {
      attempts.push({ source: 'instance-metadata', reason: `instance metadata service (100.100.100.200): ${reasonOf(e, [])}` });
    }
  } else {
    attempts.push({ source: 'instance-metadata', reason: 'not consulted (instance metadata is off unless allowed)' });
  }

  // 6. A credentials URI.
  if (env.ALIBABA_CLOUD_CREDENTIALS_URI) {
    try {
      const provider: CredentialsProvider = mod.URICredentialsProvider.builder().withCredentialsURI(env.ALIBABA_CLOUD_CREDENTIALS_URI).build();
      const creds = await provider.getCredentials();
      return makeResolved('credentials-uri', `ALIBABA_CLOUD_CREDENTIALS_URI (${env.ALIBABA_CLOUD_CREDENTIALS_URI})`, provider, creds, undefined, { uri: env.ALIBABA_CLOUD_CREDENTIALS_URI });
    } catch (e) {
      attempts.push({ source: 'credentials-uri', reason: `ALIBABA_CLOUD_CREDENTIALS_URI: ${reasonOf(e, [])}` });
    }
  }

  const lines = attempts.map((a) => `  - ${a.source}: ${a.reason}`).join('\n');
  const profileHint = profile ? ` (profile "${profile}")` : '';
  throw new CredentialsNotFoundError(
    `No Alibaba Cloud credentials were found${profileHint}. Sources tried:\n${lines}\n` +
      'Set up one of: run `aliyun configure` (writes ~/.aliyun/config.json); or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET; ' +
      'or write ~/.alibabacloud/credentials with a [default] section (type = access_key, access_key_id, access_key_secret); or store an access key pair in the editor.',
    attempts,
  );
}

/**
 * The aliyun CLI config, checked for the shape the chain relies on: an object, `current` a string
 * when present, `profiles` a list of objects whose `name` is a string. Anything else is named (what is
 * wrong and where), never quoting values (the file holds secrets), and the file is not used.
 */
function readCliConfig(cliPath: string): { ok: true; conf: AliyunCliConfig; hide: string[]; names: string[] } | { ok: false; problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(cliPath, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, problem: code ? `${cliPath} could not be read (${code})` : `${cliPath} is not valid JSON` };
  }
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? 'a string' : `a ${typeof v}`);
  const malformed = (what: string) => ({ ok: false as const, problem: `${cliPath} is malformed: ${what}; fix it or run \`aliyun configure\`` });
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return malformed(`it holds ${kind(parsed)}, not an object with "current" and "profiles"`);
  const conf = parsed as Record<string, unknown>;
  if (conf.current !== undefined && typeof conf.current !== 'string') return malformed(`"current" is ${kind(conf.current)}, not a profile name`);
  if (conf.profiles !== undefined && !Array.isArray(conf.profiles)) return malformed(`"profiles" is ${kind(conf.profiles)}, not a list of profiles`);
  const profiles = (conf.profiles ?? []) as unknown[];
  const names: string[] = [];
  for (let i = 0; i < profiles.length; i++) {
    const p = profiles[i];
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return malformed(`profile ${i + 1} of "profiles" is ${kind(p)}, not an object`);
    const name = (p as Record<string, unknown>).name;
    if (typeof name !== 'string') return malformed(`profile ${i + 1} of "profiles" has ${name === undefined ? 'no "name"' : `a "name" that is ${kind(name)}`}`);
    names.push(name);
  }
  return { ok: true, conf: conf as AliyunCliConfig, hide: secretsIn(parsed), names };
}

/** `the AccessKey ID ...` -> `ALIBABA_CLOUD_ACCESS_KEY_ID ...`: name the variable to fix. */
function envVariableOf(problem: string): string {
  return problem
    .replace(/^the AccessKey ID/, 'ALIBABA_CLOUD_ACCESS_KEY_ID')
    .replace(/^the AccessKey secret/, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET')
    .replace(/^the security token/, 'ALIBABA_CLOUD_SECURITY_TOKEN');
}

/** The profile names of the aliyun CLI config and the credentials file (for messages). */
function profileNamesIn(cliPath: string, filePath: string): { cli: string[]; file: string[]; cliProblem?: string } {
  const cli: string[] = [];
  const file: string[] = [];
  let cliProblem: string | undefined;
  if (existsSync(cliPath)) {
    const read = readCliConfig(cliPath);
    if (read.ok) cli.push(...read.names);
    else cliProblem = read.problem;
  }
  try {
    for (const m of readFileSync(filePath, 'utf8').matchAll(/^\s*\[([^\]]+)\]/gm)) file.push(m[1].trim());
  } catch {
    /* absent or unreadable: no names */
  }
  return { cli, file, ...(cliProblem ? { cliProblem } : {}) };
}

/**
 * An explicitly chosen profile, and only it (as `aliyun --profile NAME` does): the aliyun CLI
 * config's profile of that name, else the credentials file's section of that name. Environment
 * keys, OIDC, a stored key, instance metadata and a credentials URI are not consulted. A profile
 * that exists but does not work is an error, not a reason to try another source.
 */
async function resolveProfile(name: string, env: NodeJS.ProcessEnv, home: string): Promise<ResolvedCredential> {
  const mod = loadCredentialsModule();
  const cliPath = join(home, '.aliyun', 'config.json');
  const filePath = env.ALIBABA_CLOUD_CREDENTIALS_FILE || join(home, '.alibabacloud', 'credentials');
  const names = profileNamesIn(cliPath, filePath);
  const fail = (reason: string, source: CredentialSource) => {
    throw new CredentialsNotFoundError(`The credentials profile "${name}" was asked for but ${reason}`, [{ source, reason }]);
  };
  const cliDisabled = env.ALIBABA_CLOUD_CLI_PROFILE_DISABLED?.toLowerCase() === 'true';
  if (!cliDisabled && names.cli.includes(name)) {
    let hide: string[] = [];
    let mode: string | undefined;
    try {
      const parsed: unknown = JSON.parse(readFileSync(cliPath, 'utf8'));
      hide = secretsIn(parsed);
      mode = (parsed as AliyunCliConfig).profiles?.find((x) => x.name === name)?.mode;
    } catch {
      /* read above already */
    }
    try {
      const p = mod.CLIProfileCredentialsProvider.builder().withProfileName(name).build() as unknown as CredentialsProvider & { homedir: string };
      p.homedir = home;
      const creds = await p.getCredentials();
      return makeResolved('aliyun-cli-profile', `aliyun CLI profile "${name}"${mode ? ` (mode ${mode})` : ''} in ${cliPath}`, p, creds, name, { file: cliPath, ...(mode ? { mode } : {}) });
    } catch (e) {
      return fail(`profile "${name}" in ${cliPath} does not work: ${reasonOf(e, hide)}. Fix it with \`aliyun configure --profile ${name}\`.`, 'aliyun-cli-profile');
    }
  }
  if (names.file.includes(name)) {
    const p = mod.ProfileCredentialsProvider.builder().withProfileName(name).build() as unknown as CredentialsProvider & { homedir: string };
    p.homedir = home;
    try {
      const creds = await withCredentialsFile(filePath, env, () => p.getCredentials());
      return makeResolved('credentials-file', `section [${name}] of ${filePath}`, p, creds, name, { file: filePath });
    } catch (e) {
      let hide: string[] = [];
      try {
        hide = iniSecrets(readFileSync(filePath, 'utf8'));
      } catch {
        /* unreadable: nothing to hide */
      }
      return fail(`section [${name}] of ${filePath} does not work: ${reasonOf(e, hide)}.`, 'credentials-file');
    }
  }
  const cliText = cliDisabled
    ? `${cliPath} is not read (ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)`
    : names.cliProblem
      ? names.cliProblem
      : existsSync(cliPath)
      ? `${cliPath} has no profile "${name}" (profiles: ${names.cli.join(', ') || 'none'})`
      : `${cliPath} does not exist`;
  const fileText = existsSync(filePath) ? `${filePath} has no section [${name}] (sections: ${names.file.join(', ') || 'none'})` : `${filePath} does not exist`;
  return fail(
    `does not exist: ${cliText}; ${fileText}. Create it with \`aliyun configure --profile ${name}\`, or choose an existing profile (or none, for the default chain).`,
    'aliyun-cli-profile',
  );
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
