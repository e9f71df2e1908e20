// Where CreateContainerGroup is sent.

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
    throw new Error(`"${regionId}" is not a region id (expected something like cn-hangzhou or ap-northeast-1); set RegionId in the document.`);
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
