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
