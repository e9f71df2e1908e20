// Where a call is sent: the region's endpoint or an override, and how it is named.

/** The RPC API version of ECI. */
export const ECI_API_VERSION = '2018-08-08';

/** A region id as Alibaba Cloud spells them: `cn-hangzhou`, `ap-northeast-1`, `eu-central-1`. */
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;

/**
 * The public ECI endpoint of a region: `eci.<RegionId>.aliyuncs.com`. The SDK has no endpoint map
 * for ECI, so the endpoint must always be given explicitly.
 */
export function defaultEndpoint(regionId: string): string {
  const r = regionId.trim();
  if (!REGION_ID.test(r)) {
    throw new Error(
      `"${regionId}" is not a region id (expected something like cn-hangzhou or ap-northeast-1); set RegionId in the document.`,
    );
  }
  return `eci.${r}.aliyuncs.com`;
}

export interface EndpointSetting {
  /** host or host:port, as config.endpoint takes it. */
  host: string;
  protocol: 'https' | 'http';
}

/**
 * Reads an endpoint override (`eci.endpoint` setting, the CLI's --endpoint): `host`, `host:port`,
 * `https://host`, `http://127.0.0.1:8080/`. https unless `http://` is written. Undefined for an empty
 * value or anything that is not a plain host (a path, credentials in the URL, spaces, a bad port).
 */
export function parseEndpoint(raw: string): EndpointSetting | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  const m = /^(?:(https?):\/\/)?([A-Za-z0-9.-]+(?::\d{1,5})?)\/?$/i.exec(text);
  if (!m) return undefined;
  const port = /:(\d+)$/.exec(m[2]);
  if (port && (Number(port[1]) < 1 || Number(port[1]) > 65535)) return undefined;
  if (m[2].startsWith('.') || m[2].startsWith('-') || m[2].includes('..')) return undefined;
  return { host: m[2], protocol: m[1]?.toLowerCase() === 'http' ? 'http' : 'https' };
}

/** Where a call goes, and how both front doors name it. */
export interface CallEndpoint {
  /** host or host:port. */
  host: string;
  protocol: 'https' | 'http';
  /** `https://eci.cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:8080`: the endpoint as confirmations and logs show it. */
  text: string;
}

/**
 * The endpoint of a call: the override when one is given (`eci.endpoint`, `--endpoint`), else the
 * region's public endpoint over HTTPS. Throws (defaultEndpoint's message) for a region id that is not one.
 */
export function endpointFor(regionId: string, override?: { host: string; protocol?: 'https' | 'http' }): CallEndpoint {
  const host = override?.host.trim() || defaultEndpoint(regionId);
  const protocol = override?.protocol ?? 'https';
  return { host, protocol, text: `${protocol}://${host}` };
}

/** `host`, `host:port` or `[v6]:port` -> host and port (the protocol's port when none is written). */
export function hostAndPort(endpoint: string, protocol: 'https' | 'http'): { host: string; port: number } {
  const e = endpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(e);
  if (v6) return { host: v6[1], port: v6[2] ? Number(v6[2]) : protocol === 'https' ? 443 : 80 };
  const m = /^([^:]+)(?::(\d+))?$/.exec(e);
  if (!m)
    throw new Error(
      `"${endpoint}" is not an endpoint (expected host or host:port, e.g. eci-vpc.cn-hangzhou.aliyuncs.com).`,
    );
  return { host: m[1], port: m[2] ? Number(m[2]) : protocol === 'https' ? 443 : 80 };
}
