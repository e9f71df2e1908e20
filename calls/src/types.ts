// The types of the editor-independent ECI call layer. Shared by the VS Code client and the CLI:
// nothing here (or anywhere under calls/src) imports `vscode`.

/** Where the credential used for a call came from. */
export type CredentialSource =
  | 'explicit' // an access key pair given by the caller (VS Code SecretStorage, a CLI flag)
  | 'env' // ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET (/ ALIBABA_CLOUD_SECURITY_TOKEN)
  | 'oidc' // ALIBABA_CLOUD_ROLE_ARN + ALIBABA_CLOUD_OIDC_PROVIDER_ARN + ALIBABA_CLOUD_OIDC_TOKEN_FILE
  | 'aliyun-cli-profile' // a profile of the aliyun CLI's ~/.aliyun/config.json
  | 'credentials-file' // a section of ~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE)
  | 'instance-metadata' // the ECS instance's RAM role (100.100.100.200), only when allowed
  | 'credentials-uri'; // ALIBABA_CLOUD_CREDENTIALS_URI

/**
 * A credential that was found and works (could produce a key). It carries no secret in any
 * enumerable property: printing or JSON-serialising it is safe.
 */
export interface ResolvedCredential {
  source: CredentialSource;
  /** Human description of the source, e.g. `aliyun CLI profile "dev" (/home/u/.aliyun/config.json)`. */
  description: string;
  /** The profile name, for the two profile sources. */
  profile?: string;
  /** The AccessKey ID with its middle masked (`LTAI****wxyz`), to name the account in confirmations. */
  accessKeyIdHint: string;
  /** True when the key is temporary (STS: a security token comes with it). */
  temporary: boolean;
  /** Where exactly (file, profile mode, role, URI), for describing the source in any language (describeCredential). */
  origin?: CredentialOrigin;
}

/** The facts behind a credential's description; no secret. */
export interface CredentialOrigin {
  /** The config or credentials file read. */
  file?: string;
  /** The aliyun CLI profile mode (AK, StsToken, RamRoleArn, ...). */
  mode?: string;
  /** The OIDC role ARN. */
  roleArn?: string;
  /** The OIDC token file. */
  tokenFile?: string;
  /** ALIBABA_CLOUD_CREDENTIALS_URI. */
  uri?: string;
  /** The ECS RAM role name (ALIBABA_CLOUD_ECS_METADATA). */
  roleName?: string;
}

export interface ExplicitAccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface ResolveCredentialOptions {
  /**
   * A profile chosen explicitly (CLI --profile, the editor's eci.profile): ONLY that profile is
   * resolved (the aliyun CLI config's profile of that name, else the credentials file's section of
   * that name); environment keys, OIDC and a stored key are not consulted, and a profile that does
   * not exist or does not work is an error, as with `aliyun --profile`. Without it, the default
   * chain runs (ALIBABA_CLOUD_PROFILE names the profile for its profile steps).
   */
  profile?: string;
  /** An access key pair the caller holds (VS Code SecretStorage); used before the chain when given, never with `profile`. */
  explicitKey?: ExplicitAccessKey;
  /** Ask the ECS instance metadata service (100.100.100.200). Off by default: on a desktop it only costs time. */
  allowInstanceMetadata?: boolean;
  /** Environment to read (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** Home directory to read ~/.aliyun and ~/.alibabacloud from (defaults to os.homedir()). */
  homeDir?: string;
}

/** Thrown by resolveCredential when no source gives a credential. Its message says what to set up. */
export interface CredentialsNotFound extends Error {
  name: 'CredentialsNotFoundError';
  /** What each source said, in chain order (no secrets). */
  attempts: { source: CredentialSource; reason: string }[];
}

export interface CallTimeouts {
  /** Bound on establishing the TCP/TLS connection, in ms. */
  connectMs: number;
  /** Bound on waiting for the service's answer once connected, in ms (a create can take a while). */
  readMs: number;
}

export interface CallCreateContainerGroupOptions {
  /** Flattened wire parameters from buildWireRequest (`Container.1.Name` -> `web`). */
  params: Record<string, string>;
  /** Keys of `params` that the SDK model lacks (sent through RuntimeOptions.extendsParameters.queries). */
  sdkMissing: string[];
  /** Keys of `params` whose values are secrets: never written into messages. */
  secrets?: string[];
  /** Send with DryRun=true (overrides any DryRun in params). */
  dryRun: boolean;
  /** The region; the default endpoint is built from it. */
  regionId: string;
  /** Endpoint host[:port] override (VPC endpoints, tests). Default `eci.<RegionId>.aliyuncs.com`. */
  endpoint?: string;
  /** Default https. */
  protocol?: 'https' | 'http';
  credential: ResolvedCredential;
  /** Default {connectMs: 10000, readMs: 60000}. */
  timeouts?: Partial<CallTimeouts>;
  /** Total attempts including the first (default 4). */
  maxAttempts?: number;
  /** Base delay of the exponential backoff in ms (default 1000; full jitter; capped at 20 s). */
  backoffBaseMs?: number;
  signal?: AbortSignal;
  /** Called before each attempt: n is 1-based; reason says why a retry happens (undefined for the first). */
  onAttempt?: (attempt: number, reason: string | undefined) => void;
}

export type EciCallOutcome =
  | {
      type: 'created';
      containerGroupId: string;
      requestId: string;
      attempts: number;
      /** The ClientToken sent with every attempt (the document's own, or generated). */
      clientToken: string;
    }
  | {
      type: 'dry-run-passed';
      requestId: string;
      /** `DryRun.Success` or the older `DryRunOperation`. */
      code: string;
      attempts: number;
    }
  | {
      type: 'service-error';
      code: string;
      httpStatus: number;
      /** The service's Message (secrets masked). */
      message: string;
      recommend?: string;
      requestId?: string;
      explanation: { en: string; ja: string; action?: { en: string; ja: string } };
      /** Wire paths (`Container[].Name`, `VSwitchId`, or a key such as `Container.1.Image` named by the
       * service's message) the error concerns, for placing a diagnostic. */
      parameterPaths: string[];
      attempts: number;
      /** The ClientToken of a create. */
      clientToken?: string;
    }
  | {
      type: 'network-error';
      /** timeout: no answer in time; reset: the connection dropped; refused: nothing listens / the host
       * name does not resolve; bad-response: not the service's JSON (e.g. an HTML 502 page);
       * too-large: the request (URL) exceeds what the front end accepts (HTTP 414/431). */
      kind: NetworkErrorKind;
      /** The details in English (describeNetworkError(outcome, 'ja') gives them in Japanese). */
      message: string;
      /** The facts behind `message`, for wording them in any language. */
      detail: NetworkErrorDetail;
      /** Set when the request URL was large enough that a front end may have refused it for its size. */
      largeUrl?: { urlBytes: number; configFileBytes: number; configFileKeys: string[] };
      attempts: number;
      /** True when some attempt had left this machine: a create may have happened without an answer. */
      requestSent: boolean;
      /** The ClientToken of a create (the document's own, or generated): sending the same document with
       * it returns the group the lost attempt created instead of creating a second one. */
      clientToken?: string;
    }
  | {
      type: 'cancelled';
      attempts: number;
      /** True when the last attempt had already left this machine: a create may still happen. */
      requestSent: boolean;
      /** The ClientToken of a cancelled create: sending the same document with it cannot create a second group. */
      clientToken?: string;
    };

export type NetworkErrorKind = 'timeout' | 'reset' | 'refused' | 'bad-response' | 'too-large';

/** What exactly went wrong on the way to the service (no secret, no URL). */
export type NetworkErrorDetail =
  | { reason: 'dns'; host: string; errno: string }
  | { reason: 'connection-refused'; host: string; port: number }
  /** `seconds` is absent when the operating system gave up (ETIMEDOUT) rather than our bound. */
  | { reason: 'connect-timeout'; host: string; port: number; seconds?: number }
  | { reason: 'connect-failed'; host: string; port: number; errno: string }
  | { reason: 'credential-unusable'; credential: string; error: string }
  | { reason: 'too-large'; status: number; urlBytes: number; configFileBytes: number; configFileKeys: string[] }
  | { reason: 'not-service-json'; host: string; status?: number; contentType?: string; requestId?: string }
  | { reason: 'no-answer'; host: string; seconds: number }
  | { reason: 'connection-closed'; host: string }
  | { reason: 'no-container-group-id'; host: string; status: number; requestId?: string }
  | { reason: 'transport'; host: string; error: string };

/** One line of the display form of a request: `Container.1.Name=web`. */
export interface DisplayParam {
  key: string;
  /** The value, or `********` when secret and not shown. */
  value: string;
  secret: boolean;
}
