// Finding the Alibaba Cloud credential for a call, and saying which source gave it.
//
// The chain is the one of `@alicloud/credentials` (its own providers, in its order), built here
// rather than through `new Credential()` so that: the source that answered is known; the profile
// option is honoured without touching process.env; instance metadata is left out unless allowed
// (on a desktop it only costs seconds of timeouts); and each source's failure is reported in plain
// words. No secret is ever put into a message, and a ResolvedCredential holds its key outside any
// enumerable property (credential.ts). An explicitly chosen profile is credentialProfile.ts.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import {
  checkExplicitKey,
  credentialFromKey,
  CredentialsNotFoundError,
  loadCredentialsModule,
  makeResolved,
  UnusableKeyError,
  type CredentialFacts,
  type CredentialsModule,
  type CredentialsProvider,
} from './credential';
import {
  cliConfigPath,
  cliProfilesDisabled,
  credentialsFilePath,
  readCliConfig,
  reasonOf,
  tryCliProfile,
  tryCredentialsFileSection,
} from './credentialFiles';
import { resolveProfile } from './credentialProfile';
import type { CredentialSource, ResolveCredentialOptions, ResolvedCredential } from './types';

/** What one source of the chain said when it gave no credential. */
interface Attempt {
  source: CredentialSource;
  reason: string;
}

/** What every step of the chain reads. */
interface Chain {
  env: NodeJS.ProcessEnv;
  home: string;
  /** The profile the profile steps use: ALIBABA_CLOUD_PROFILE (an explicit profile never reaches the chain). */
  profile: string | undefined;
  allowInstanceMetadata: boolean;
  mod: CredentialsModule;
}

/** One source: its credential, why it gave none, or nothing to say (a source that is not set up and not worth naming). */
type Step = (c: Chain) => Promise<ResolvedCredential | Attempt | undefined>;

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
  if (explicitProfile) return resolveProfile(explicitProfile, env, home);
  const attempts: Attempt[] = [];
  if (options.explicitKey) {
    const problem = checkExplicitKey(options.explicitKey);
    if (!problem) return credentialFromKey(options.explicitKey);
    attempts.push({ source: 'explicit', reason: problem });
  }
  const chain: Chain = {
    env,
    home,
    profile: env.ALIBABA_CLOUD_PROFILE || undefined,
    allowInstanceMetadata: options.allowInstanceMetadata === true,
    mod: loadCredentialsModule(),
  };
  for (const step of DEFAULT_CHAIN) {
    const result = await step(chain);
    if (result === undefined) continue;
    if ('reason' in result) attempts.push(result);
    else return result;
  }
  throw notFound(chain.profile, attempts);
}

/** A provider's credential, or why it could not give one (never quoting a secret). */
async function ask(
  source: CredentialSource,
  facts: Omit<CredentialFacts, 'source'>,
  build: () => CredentialsProvider,
  failure: (reason: string) => string,
): Promise<ResolvedCredential | Attempt> {
  try {
    const provider = build();
    return makeResolved({ source, ...facts }, provider, await provider.getCredentials());
  } catch (e) {
    return { source, reason: failure(reasonOf(e, [])) };
  }
}

/** 1. ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET (/ ALIBABA_CLOUD_SECURITY_TOKEN). */
const environmentStep: Step = async ({ env, mod }) => {
  const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID;
  const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
  if (!id && !secret)
    return { source: 'env', reason: 'ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set' };
  if (!id)
    return { source: 'env', reason: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not' };
  if (!secret)
    return { source: 'env', reason: 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not' };
  const token = env.ALIBABA_CLOUD_SECURITY_TOKEN || undefined;
  const provider: CredentialsProvider = token
    ? mod.StaticSTSCredentialsProvider.builder()
        .withAccessKeyId(id)
        .withAccessKeySecret(secret)
        .withSecurityToken(token)
        .build()
    : mod.StaticAKCredentialsProvider.builder().withAccessKeyId(id).withAccessKeySecret(secret).build();
  const description = `environment variables ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET${token ? ' / ALIBABA_CLOUD_SECURITY_TOKEN' : ''}`;
  try {
    return makeResolved({ source: 'env', description }, provider, await provider.getCredentials());
  } catch (e) {
    if (!(e instanceof UnusableKeyError)) throw e;
    return { source: 'env', reason: `${description}: ${envVariableOf(e.message)}` };
  }
};

const OIDC_VARIABLES = [
  'ALIBABA_CLOUD_ROLE_ARN',
  'ALIBABA_CLOUD_OIDC_PROVIDER_ARN',
  'ALIBABA_CLOUD_OIDC_TOKEN_FILE',
] as const;

/** 2. OIDC (RRSA): all three variables. */
const oidcStep: Step = async ({ env, mod }) => {
  const set = OIDC_VARIABLES.filter((v) => env[v]);
  if (set.length === 0)
    return {
      source: 'oidc',
      reason: 'ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE are not set',
    };
  if (set.length < OIDC_VARIABLES.length)
    return {
      source: 'oidc',
      reason: `${set.join(', ')} set but ${OIDC_VARIABLES.filter((v) => !env[v]).join(', ')} not`,
    };
  const roleArn = env.ALIBABA_CLOUD_ROLE_ARN!;
  const tokenFile = env.ALIBABA_CLOUD_OIDC_TOKEN_FILE!;
  return ask(
    'oidc',
    { description: `OIDC role ${roleArn} (token file ${tokenFile})`, origin: { roleArn, tokenFile } },
    () =>
      mod.OIDCRoleArnCredentialsProvider.builder()
        .withRoleArn(roleArn)
        .withOIDCProviderArn(env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN!)
        .withOIDCTokenFilePath(tokenFile)
        .build(),
    (reason) => `OIDC role ${roleArn}: ${reason}`,
  );
};

/** 3. The aliyun CLI's ~/.aliyun/config.json: the profile ALIBABA_CLOUD_PROFILE names, else its current one. */
const cliProfileStep: Step = async ({ env, home, profile, mod }) => {
  const cliPath = cliConfigPath(home);
  const attempt = (reason: string): Attempt => ({ source: 'aliyun-cli-profile', reason });
  if (cliProfilesDisabled(env)) return attempt('disabled by ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true');
  if (!existsSync(cliPath)) return attempt(`${cliPath} does not exist`);
  const cli = readCliConfig(cliPath);
  if (!cli.ok) return attempt(cli.problem);
  const name = profile ?? cli.conf.current;
  if (!cli.names.length) return attempt(`${cliPath} has no profiles`);
  if (!name)
    return attempt(`${cliPath} names no current profile and none was asked for (profiles: ${cli.names.join(', ')})`);
  if (!cli.names.includes(name))
    return attempt(`${cliPath} has no profile "${name}" (profiles: ${cli.names.join(', ')})`);
  const tried = await tryCliProfile(mod, name, cli, home);
  return 'credential' in tried ? tried.credential : attempt(`profile "${name}" in ${cliPath}: ${tried.reason}`);
};

/** 4. The credentials file: the section ALIBABA_CLOUD_PROFILE names, else [default]. */
const credentialsFileStep: Step = async ({ env, home, profile, mod }) => {
  const filePath = credentialsFilePath(env, home);
  const section = profile ?? 'default';
  if (!existsSync(filePath)) return { source: 'credentials-file', reason: `${filePath} does not exist` };
  const tried = await tryCredentialsFileSection(mod, section, filePath, env, home);
  return 'credential' in tried
    ? tried.credential
    : { source: 'credentials-file', reason: `section [${section}] of ${filePath}: ${tried.reason}` };
};

/** 5. ECS instance metadata, only when allowed. */
const instanceMetadataStep: Step = async ({ env, allowInstanceMetadata, mod }) => {
  if (!allowInstanceMetadata)
    return { source: 'instance-metadata', reason: 'not consulted (instance metadata is off unless allowed)' };
  const roleName = env.ALIBABA_CLOUD_ECS_METADATA;
  return ask(
    'instance-metadata',
    {
      description: `the RAM role of this ECS instance${roleName ? ` (${roleName})` : ''}`,
      ...(roleName ? { origin: { roleName } } : {}),
    },
    () =>
      mod.ECSRAMRoleCredentialsProvider.builder()
        .withRoleName(roleName as string)
        .withConnectTimeout(1000)
        .withReadTimeout(1000)
        .build(),
    (reason) => `instance metadata service (100.100.100.200): ${reason}`,
  );
};

/** 6. ALIBABA_CLOUD_CREDENTIALS_URI, when set. */
const credentialsUriStep: Step = async ({ env, mod }) => {
  const uri = env.ALIBABA_CLOUD_CREDENTIALS_URI;
  if (!uri) return undefined;
  return ask(
    'credentials-uri',
    { description: `ALIBABA_CLOUD_CREDENTIALS_URI (${uri})`, origin: { uri } },
    () => mod.URICredentialsProvider.builder().withCredentialsURI(uri).build(),
    (reason) => `ALIBABA_CLOUD_CREDENTIALS_URI: ${reason}`,
  );
};

/** The default chain, in the order of `@alicloud/credentials`. */
const DEFAULT_CHAIN: Step[] = [
  environmentStep,
  oidcStep,
  cliProfileStep,
  credentialsFileStep,
  instanceMetadataStep,
  credentialsUriStep,
];

/** The error when no source gave a credential: what each said, and what to set up. */
function notFound(profile: string | undefined, attempts: Attempt[]): CredentialsNotFoundError {
  const lines = attempts.map((a) => `  - ${a.source}: ${a.reason}`).join('\n');
  const profileHint = profile ? ` (profile "${profile}")` : '';
  return new CredentialsNotFoundError(
    `No Alibaba Cloud credentials were found${profileHint}. Sources tried:\n${lines}\n` +
      'Set up one of: run `aliyun configure` (writes ~/.aliyun/config.json); or set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET; ' +
      'or write ~/.alibabacloud/credentials with a [default] section (type = access_key, access_key_id, access_key_secret); or store an access key pair in the editor.',
    attempts,
  );
}

/** `the AccessKey ID ...` -> `ALIBABA_CLOUD_ACCESS_KEY_ID ...`: name the variable to fix. */
function envVariableOf(problem: string): string {
  return problem
    .replace(/^the AccessKey ID/, 'ALIBABA_CLOUD_ACCESS_KEY_ID')
    .replace(/^the AccessKey secret/, 'ALIBABA_CLOUD_ACCESS_KEY_SECRET')
    .replace(/^the security token/, 'ALIBABA_CLOUD_SECURITY_TOKEN');
}
