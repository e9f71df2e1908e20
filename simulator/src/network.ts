// VPC (2016-04-28: DescribeVSwitches, DescribeEipAddresses) and ECS (2014-05-26:
// DescribeSecurityGroups) look-ups over the simulator's account, with the services' response shapes
// and PageNumber/PageSize/TotalCount paging.
import type { Account } from './account';
import type { Answer } from './eci';
import type { ServiceError } from './protocol';

function paging(
  p: Record<string, string>,
  maxSize: number,
  defaultSize: number,
): { number: number; size: number } | ServiceError {
  const number = p.PageNumber === undefined ? 1 : Number(p.PageNumber);
  const size = p.PageSize === undefined ? defaultSize : Number(p.PageSize);
  if (!Number.isInteger(number) || number < 1)
    return { status: 400, code: 'InvalidParameter', message: 'The specified parameter "PageNumber" is not valid.' };
  if (!Number.isInteger(size) || size < 1 || size > maxSize)
    return {
      status: 400,
      code: 'InvalidParameter',
      message: `The specified parameter "PageSize" is not valid: 1 to ${maxSize}.`,
    };
  return { number, size };
}

function ids(v: string | undefined): string[] | undefined {
  if (!v) return undefined;
  if (v.startsWith('[')) {
    try {
      return (JSON.parse(v) as unknown[]).map(String);
    } catch {
      /* fall through */
    }
  }
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function paged<T>(
  items: T[],
  p: Record<string, string>,
  maxSize: number,
  defaultSize: number,
): { error: ServiceError } | { items: T[]; PageNumber: number; PageSize: number; TotalCount: number } {
  const pg = paging(p, maxSize, defaultSize);
  if ('code' in pg) return { error: pg };
  return {
    items: items.slice((pg.number - 1) * pg.size, pg.number * pg.size),
    PageNumber: pg.number,
    PageSize: pg.size,
    TotalCount: items.length,
  };
}

/** The answer of a paged look-up: the page of `list`, each item shaped by `shape`, under `Outer.Inner`. */
function pagedAnswer<T>(
  list: T[],
  p: Record<string, string>,
  limits: { max: number; default: number },
  requestId: string,
  outer: string,
  inner: string,
  shape: (item: T) => Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Answer {
  const pg = paged(list, p, limits.max, limits.default);
  if ('error' in pg) return pg;
  return {
    body: {
      RequestId: requestId,
      ...extra,
      PageNumber: pg.PageNumber,
      PageSize: pg.PageSize,
      TotalCount: pg.TotalCount,
      [outer]: { [inner]: pg.items.map(shape) },
    },
  };
}

const missingRegion: ServiceError = {
  status: 400,
  code: 'MissingRegionId',
  message: 'RegionId is mandatory for this action.',
};

export function describeVSwitches(account: Account, p: Record<string, string>, requestId: string): Answer {
  if (!p.RegionId && !p.VpcId) return { error: missingRegion };
  const wanted = ids(p.VSwitchId);
  const list = account.vSwitches
    .filter((v) => !p.RegionId || v.RegionId === p.RegionId)
    .filter((v) => !p.VpcId || v.VpcId === p.VpcId)
    .filter((v) => !p.ZoneId || v.ZoneId === p.ZoneId)
    .filter((v) => !wanted || wanted.includes(v.VSwitchId))
    .filter((v) => !p.VSwitchName || v.VSwitchName === p.VSwitchName)
    .filter((v) => p.IsDefault === undefined || String(v.IsDefault) === p.IsDefault);
  return pagedAnswer(list, p, { max: 50, default: 10 }, requestId, 'VSwitches', 'VSwitch', (v) => ({
    VSwitchId: v.VSwitchId,
    VSwitchName: v.VSwitchName,
    VpcId: v.VpcId,
    Status: 'Available',
    CidrBlock: v.CidrBlock,
    Ipv6CidrBlock: '',
    ZoneId: v.ZoneId,
    AvailableIpAddressCount: v.AvailableIpAddressCount,
    Description: '',
    CreationTime: account.createdAt,
    IsDefault: v.IsDefault,
    ResourceGroupId: 'rg-acfmsim0default00001',
    NetworkAclId: '',
    OwnerId: 1234567890123456,
    ShareType: 'Sharing',
    RouteTable: { RouteTableId: `vtb-${v.VpcId.slice(4)}`, RouteTableType: 'System' },
    Tags: { Tag: [] },
  }));
}

export function describeEipAddresses(account: Account, p: Record<string, string>, requestId: string): Answer {
  if (!p.RegionId) return { error: missingRegion };
  const wanted = ids(p.AllocationId);
  const list = account.eips
    .filter((e) => e.RegionId === p.RegionId)
    .filter((e) => !p.Status || e.Status === p.Status)
    .filter((e) => !wanted || wanted.includes(e.AllocationId))
    .filter((e) => !p.EipAddress || e.IpAddress === p.EipAddress);
  return pagedAnswer(list, p, { max: 100, default: 10 }, requestId, 'EipAddresses', 'EipAddress', (e) => ({
    AllocationId: e.AllocationId,
    IpAddress: e.IpAddress,
    RegionId: e.RegionId,
    Name: e.Name,
    Description: '',
    Status: e.Status,
    Bandwidth: e.Bandwidth,
    InternetChargeType: 'PayByTraffic',
    ChargeType: 'PostPaid',
    InstanceId: e.InstanceId,
    InstanceType: e.InstanceType,
    InstanceRegionId: e.InstanceId ? e.RegionId : '',
    AllocationTime: account.createdAt,
    ExpiredTime: '',
    ISP: 'BGP',
    Netmode: 'public',
    Mode: 'NAT',
    ResourceGroupId: 'rg-acfmsim0default00001',
    OperationLocks: { LockReason: [] },
    Tags: { Tag: [] },
  }));
}

export function describeSecurityGroups(account: Account, p: Record<string, string>, requestId: string): Answer {
  if (!p.RegionId) return { error: missingRegion };
  const wanted = ids(p.SecurityGroupIds);
  const list = account.securityGroups
    .filter((s) => s.RegionId === p.RegionId)
    .filter((s) => !p.VpcId || s.VpcId === p.VpcId)
    .filter((s) => !p.SecurityGroupId || s.SecurityGroupId === p.SecurityGroupId)
    .filter((s) => !wanted || wanted.includes(s.SecurityGroupId))
    .filter((s) => !p.SecurityGroupName || s.SecurityGroupName === p.SecurityGroupName)
    .filter((s) => !p.SecurityGroupType || s.SecurityGroupType === p.SecurityGroupType);
  return pagedAnswer(
    list,
    p,
    { max: 50, default: 10 },
    requestId,
    'SecurityGroups',
    'SecurityGroup',
    (s) => ({
      SecurityGroupId: s.SecurityGroupId,
      SecurityGroupName: s.SecurityGroupName,
      Description: s.Description,
      VpcId: s.VpcId,
      SecurityGroupType: s.SecurityGroupType,
      CreationTime: account.createdAt,
      ResourceGroupId: 'rg-acfmsim0default00001',
      ServiceManaged: false,
      EcsCount: 0,
      AvailableInstanceAmount: 2000,
      Tags: { Tag: [] },
    }),
    { RegionId: p.RegionId },
  );
}
