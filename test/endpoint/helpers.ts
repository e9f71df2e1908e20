// Shared set-up of the endpoint tests: a fake service with one known key, and the call options
// that point the real SDK at it.
import { parse } from '../../server/src/service/parse';
import { buildWireRequest, type WireRequest } from '../../server/src/service/request';
import { credentialFromKey } from '../../calls/src/credential';
import type { CallCreateContainerGroupOptions, ResolvedCredential } from '../../calls/src/types';
import { startEciEndpoint, type EciEndpoint, type EciEndpointOptions } from '../support/eciEndpoint';

export const ACCESS_KEY_ID = 'LTAI5tEciEndpointTest01';
export const ACCESS_KEY_SECRET = 'sEcReT-ak-7f3c9a1e5b2d4c6a8e0f';

export async function endpoint(options: Partial<EciEndpointOptions> = {}): Promise<EciEndpoint> {
  return startEciEndpoint({ accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } }, ...options });
}

export function credential(secret = ACCESS_KEY_SECRET, id = ACCESS_KEY_ID): ResolvedCredential {
  return credentialFromKey({ accessKeyId: id, accessKeySecret: secret });
}

export const MINIMAL = `RegionId: cn-hangzhou
ContainerGroupName: web
Cpu: 2
Memory: 4
Container:
  - Name: nginx
    Image: nginx:1.27
`;

export function wire(text: string): WireRequest {
  return buildWireRequest(parse(text));
}

/** Call options against `ep` with short timeouts and quick backoff, for tests. */
export function callOptions(
  ep: EciEndpoint,
  req: WireRequest,
  extra: Partial<CallCreateContainerGroupOptions> = {},
): CallCreateContainerGroupOptions {
  return {
    params: req.params,
    sdkMissing: req.sdkMissing,
    secrets: req.secrets,
    dryRun: false,
    regionId: req.params.RegionId ?? 'cn-hangzhou',
    endpoint: ep.endpoint,
    protocol: 'http',
    credential: credential(),
    timeouts: { connectMs: 2000, readMs: 5000 },
    maxAttempts: 4,
    backoffBaseMs: 5,
    ...extra,
  };
}

/** MINIMAL with a registry password and a hidden environment value (the two kinds of secret of a document). */
export function documentWithSecrets(password: string, hidden: string): string {
  return `${MINIMAL}ImageRegistryCredential:
  - Server: registry.example.com
    UserName: deployer
    Password: ${JSON.stringify(password)}
Container:
  - Name: app
    Image: registry.example.com/app:1
    EnvironmentVarHide: true
    EnvironmentVar:
      - Key: API_TOKEN
        Value: ${JSON.stringify(hidden)}
`.replace(/Container:\n {2}- Name: nginx\n {4}Image: nginx:1.27\n/, '');
}
