// A resolved credential: what the call layer hands out (no secret in any enumerable property) and the
// provider and secrets it keeps beside it, for the SDK and for redaction. Also the errors of resolving.
import type {
  CredentialOrigin,
  CredentialSource,
  CredentialsNotFound,
  ExplicitAccessKey,
  ResolvedCredential,
} from './types';

/** What a provider of `@alicloud/credentials` yields. */
export interface ProviderCredentials {
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

export type CredentialsModule = typeof import('@alicloud/credentials');

const providers = new WeakMap<ResolvedCredential, CredentialsProvider>();
const knownSecrets = new WeakMap<ResolvedCredential, string[]>();

/** The provider behind a resolved credential (for the SDK config). */
export function providerOf(credential: ResolvedCredential): CredentialsProvider {
  const p = providers.get(credential);
  if (!p)
    throw new Error(
      'This credential was not produced by resolveCredential (or by credentialFromKey); resolve it first.',
    );
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

export function loadCredentialsModule(): CredentialsModule {
  // Loaded only when a call is asked for: activation and the language server never pay for it.

  return require('@alicloud/credentials') as CredentialsModule;
}

/**
 * What makes a key unusable before any request: a blank AccessKey ID or secret, or one with white
 * space, a control character or a character outside printable ASCII (the SDK would put it into a
 * header or a signature: the service answers IncompleteSignature, or Node refuses the header).
 * Says where (a position and a code point), never the secret itself.
 */
export function keyMaterialProblem(creds: {
  accessKeyId?: unknown;
  accessKeySecret?: unknown;
  securityToken?: unknown;
}): string | undefined {
  const check = (label: string, value: unknown, required: boolean): string | undefined => {
    if (value === undefined || value === null || value === '') return required ? `the ${label} is empty` : undefined;
    if (typeof value !== 'string') return `the ${label} is not a string`;
    if (value.trim() === '') return `the ${label} is blank (only white space)`;
    const bad = /[^\x21-\x7e]/.exec(value);
    if (bad) {
      const cp = bad[0].codePointAt(0)!;
      const what = /\s/.test(bad[0])
        ? 'white space'
        : cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)
          ? 'a control character'
          : 'a character outside printable ASCII';
      return `the ${label} contains ${what} (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) at position ${bad.index + 1}`;
    }
    return undefined;
  };
  return (
    check('AccessKey ID', creds.accessKeyId, true) ??
    check('AccessKey secret', creds.accessKeySecret, true) ??
    check('security token', creds.securityToken, false)
  );
}

export class UnusableKeyError extends Error {}

/** Where a credential came from, for makeResolved. */
export interface CredentialFacts {
  source: CredentialSource;
  description: string;
  profile?: string;
  origin?: CredentialOrigin;
}

/**
 * A ResolvedCredential for what `provider` gave (`creds`), its provider and secrets kept aside. Throws
 * UnusableKeyError when the key cannot work (keyMaterialProblem); later refreshes are checked the same way.
 */
export function makeResolved(
  { source, description, profile, origin }: CredentialFacts,
  provider: CredentialsProvider,
  creds: ProviderCredentials,
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
  knownSecrets.set(
    resolved,
    [creds.accessKeySecret, creds.securityToken].filter((s): s is string => !!s),
  );
  // Keep the secrets current as temporary credentials refresh.
  const wrapped: CredentialsProvider = {
    getProviderName: () => provider.getProviderName(),
    getCredentials: async () => {
      const c = await provider.getCredentials();
      const problem = keyMaterialProblem(c);
      if (problem) throw new UnusableKeyError(`${description}: ${problem}`);
      knownSecrets.set(resolved, [
        ...new Set(
          [...(knownSecrets.get(resolved) ?? []), c.accessKeySecret, c.securityToken].filter((s): s is string => !!s),
        ),
      ]);
      return c;
    },
  };
  providers.set(resolved, wrapped);
  return resolved;
}

export class CredentialsNotFoundError extends Error implements CredentialsNotFound {
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
  return (
    e instanceof Error && e.name === 'CredentialsNotFoundError' && Array.isArray((e as CredentialsNotFound).attempts)
  );
}

export function checkExplicitKey(key: ExplicitAccessKey): string | undefined {
  const problem = keyMaterialProblem({
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    securityToken: key.securityToken || undefined,
  });
  return problem && problem.replace(/^the /, 'the stored ');
}

/** A resolved credential for an access key pair the caller holds (no chain). */
export function credentialFromKey(
  key: ExplicitAccessKey,
  description = 'an access key stored by the user',
): ResolvedCredential {
  const problem = checkExplicitKey(key);
  if (problem)
    throw new CredentialsNotFoundError(`The access key cannot be used: ${problem}.`, [
      { source: 'explicit', reason: problem },
    ]);
  const creds: ProviderCredentials = {
    accessKeyId: key.accessKeyId,
    accessKeySecret: key.accessKeySecret,
    securityToken: key.securityToken || undefined,
  };
  const provider: CredentialsProvider = {
    getProviderName: () => (creds.securityToken ? 'static_sts' : 'static_ak'),
    getCredentials: async () => ({ ...creds, providerName: creds.securityToken ? 'static_sts' : 'static_ak' }),
  };
  return makeResolved({ source: 'explicit', description }, provider, creds);
}

/**
 * A resolved credential from any provider of `@alicloud/credentials` (a RAM role chain, a custom
 * provider). The provider is asked once now, so that a credential that cannot work fails here.
 */
export async function credentialFromProvider(
  provider: CredentialsProvider,
  description: string,
  source: CredentialSource = 'explicit',
): Promise<ResolvedCredential> {
  const creds = await provider.getCredentials();
  try {
    return makeResolved({ source, description }, provider, creds);
  } catch (e) {
    if (!(e instanceof UnusableKeyError)) throw e;
    throw new CredentialsNotFoundError(`The credential from ${description} cannot be used: ${e.message}.`, [
      { source, reason: `${description}: ${e.message}` },
    ]);
  }
}
