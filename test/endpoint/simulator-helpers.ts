// Set-up of the simulator tests: a simulator on a manual clock, and the REAL SDK pointed at it:
// the ECI client of @alicloud/eci20180808, and @alicloud/openapi-client's generic callApi for VPC
// and ECS, as the product calls them.
import * as $Eci from '@alicloud/eci20180808';
import OpenApi, * as $OpenApi from '@alicloud/openapi-client';
import * as $Util from '@alicloud/tea-util';
import { ManualClock, startSimulator, type Simulator } from '../../simulator/src';
import type { LifecycleTiming } from '../../simulator/src/lifecycle';
import type { EciTarget } from '../../calls/src/lifecycleTypes';
import type { ResolvedCredential } from '../../calls/src/types';
import { ACCESS_KEY_ID, ACCESS_KEY_SECRET } from './helpers';

export { $Eci };

export const TIMING: LifecycleTiming = {
  pendingMs: 5000,
  crashAfterMs: 2000,
  backoffBaseMs: 10_000,
  logIntervalMs: 1000,
};

export interface Harness {
  sim: Simulator;
  clock: ManualClock;
  eci: $Eci.default;
  /** VPC and ECS through the generic call, as the product does. */
  rpc(action: string, version: string, query: Record<string, unknown>): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

function config(sim: Simulator, secret = ACCESS_KEY_SECRET): $OpenApi.Config {
  return new $OpenApi.Config({
    accessKeyId: ACCESS_KEY_ID,
    accessKeySecret: secret,
    endpoint: sim.endpoint,
    protocol: 'http',
    regionId: 'cn-hangzhou',
    readTimeout: 5000,
    connectTimeout: 5000,
  });
}

export async function harness(timing: Partial<LifecycleTiming> = {}): Promise<Harness> {
  const clock = new ManualClock(Date.parse('2025-03-01T08:00:00Z'));
  const sim = await startSimulator({
    accessKeys: { [ACCESS_KEY_ID]: { secret: ACCESS_KEY_SECRET } },
    clock,
    timing: { ...TIMING, ...timing },
  });
  const eci = new $Eci.default(config(sim));
  const generic = new OpenApi(config(sim));
  return {
    sim,
    clock,
    eci,
    rpc: async (action, version, query) => {
      const params = new $OpenApi.Params({
        action,
        version,
        protocol: 'HTTP',
        pathname: '/',
        method: 'POST',
        authType: 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json',
      });
      const request = new $OpenApi.OpenApiRequest({
        query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
      });
      const out = (await generic.callApi(params, request, new $Util.RuntimeOptions({}))) as {
        body: Record<string, unknown>;
      };
      return out.body;
    },
    close: () => sim.close(),
  };
}

/** Where the call layer's operations go in these tests: the simulator, the test key, quick retries. */
export function callTarget(h: Harness, credential: ResolvedCredential): EciTarget {
  return {
    regionId: 'cn-hangzhou',
    endpoint: h.sim.endpoint,
    protocol: 'http',
    credential,
    backoffBaseMs: 5,
    timeouts: { connectMs: 2000, readMs: 5000 },
  };
}

/** An ECI client with a wrong secret. */
export function wrongKeyClient(sim: Simulator): $Eci.default {
  return new $Eci.default(config(sim, 'not-the-secret'));
}

export interface GroupInput {
  name?: string;
  image?: string;
  command?: string[];
  memory?: number;
  containerMemory?: number;
  clientToken?: string;
  dryRun?: boolean;
  restartPolicy?: string;
  regionId?: string;
}

export function createRequest(g: GroupInput = {}): $Eci.CreateContainerGroupRequest {
  return new $Eci.CreateContainerGroupRequest({
    regionId: g.regionId ?? 'cn-hangzhou',
    containerGroupName: g.name ?? 'web',
    cpu: 2,
    memory: g.memory ?? 4,
    vSwitchId: 'vsw-bp1sim0prodh00000001',
    securityGroupId: 'sg-bp1sim0prodweb0000001',
    restartPolicy: g.restartPolicy,
    clientToken: g.clientToken,
    dryRun: g.dryRun,
    container: [
      new $Eci.CreateContainerGroupRequestContainer({
        name: 'app',
        image: g.image ?? 'nginx:1.27',
        command: g.command,
        memory: g.containerMemory,
      }),
    ],
  });
}

export async function create(h: Harness, g: GroupInput = {}): Promise<string> {
  const r = await h.eci.createContainerGroup(createRequest(g));
  return r.body.containerGroupId!;
}

export async function describe(
  h: Harness,
  id: string,
): Promise<$Eci.DescribeContainerGroupsResponseBodyContainerGroups | undefined> {
  const r = await h.eci.describeContainerGroups(
    new $Eci.DescribeContainerGroupsRequest({ regionId: 'cn-hangzhou', containerGroupIds: JSON.stringify([id]) }),
  );
  return r.body.containerGroups?.[0];
}

export async function events(
  h: Harness,
  id: string,
): Promise<$Eci.DescribeContainerGroupEventsResponseBodyDataEvents[]> {
  const r = await h.eci.describeContainerGroupEvents(
    new $Eci.DescribeContainerGroupEventsRequest({ regionId: 'cn-hangzhou', containerGroupIds: JSON.stringify([id]) }),
  );
  return r.body.data?.[0]?.events ?? [];
}

export async function log(
  h: Harness,
  id: string,
  extra: Partial<$Eci.DescribeContainerLogRequest> = {},
): Promise<string> {
  const r = await h.eci.describeContainerLog(
    new $Eci.DescribeContainerLogRequest({
      regionId: 'cn-hangzhou',
      containerGroupId: id,
      containerName: 'app',
      ...extra,
    }),
  );
  return r.body.content ?? '';
}

/** The error a call throws (fails the test when it does not throw). */
export async function thrown(
  p: Promise<unknown>,
): Promise<{ code: string; statusCode: number; message: string; data?: Record<string, unknown> }> {
  try {
    await p;
  } catch (err) {
    return err as { code: string; statusCode: number; message: string };
  }
  throw new Error('the call did not fail');
}
