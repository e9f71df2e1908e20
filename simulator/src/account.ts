// The simulator's fake account: regions and zones, VPCs, vSwitches (with free IP counts),
// security groups, EIPs, image caches and the stock of each zone. Plain data, seeded the same on
// every run so that documents and tests can name these ids.

export interface Region {
  RegionId: string;
  Zones: string[];
  RecommendZones: string[];
}

export interface Vpc {
  VpcId: string;
  VpcName: string;
  RegionId: string;
  CidrBlock: string;
}

export interface VSwitch {
  VSwitchId: string;
  VSwitchName: string;
  VpcId: string;
  RegionId: string;
  ZoneId: string;
  CidrBlock: string;
  AvailableIpAddressCount: number;
  IsDefault: boolean;
}

export interface SecurityGroup {
  SecurityGroupId: string;
  SecurityGroupName: string;
  Description: string;
  VpcId: string;
  RegionId: string;
  SecurityGroupType: 'normal' | 'enterprise';
}

export interface Eip {
  AllocationId: string;
  IpAddress: string;
  RegionId: string;
  Name: string;
  Bandwidth: string;
  Status: 'Available' | 'InUse';
  InstanceId: string;
  InstanceType: string;
}

export interface ImageCache {
  ImageCacheId: string;
  ImageCacheName: string;
  SnapshotId: string;
  RegionId: string;
  Images: string[];
  ImageCacheSize: number;
  Status: 'Ready' | 'Creating' | 'Failed';
}

export interface Account {
  regions: Region[];
  vpcs: Vpc[];
  vSwitches: VSwitch[];
  securityGroups: SecurityGroup[];
  eips: Eip[];
  imageCaches: ImageCache[];
  /** Zones without stock: no size can be created there (DescribeAvailableResource says NoStock). */
  zonesWithoutStock: string[];
  /** Largest vCPU count each zone has stock for (zones not named: any size). */
  maxCpuByZone: Record<string, number>;
  /** When the seeded resources were created. */
  createdAt: string;
}

/** The account every simulator starts with (a fresh copy; the caller may change it). */
export function seededAccount(): Account {
  return {
    regions: [
      {
        RegionId: 'cn-hangzhou',
        Zones: ['cn-hangzhou-h', 'cn-hangzhou-i', 'cn-hangzhou-j', 'cn-hangzhou-k'],
        RecommendZones: ['cn-hangzhou-h', 'cn-hangzhou-i'],
      },
      {
        RegionId: 'cn-shanghai',
        Zones: ['cn-shanghai-e', 'cn-shanghai-f', 'cn-shanghai-g'],
        RecommendZones: ['cn-shanghai-f'],
      },
      {
        RegionId: 'cn-beijing',
        Zones: ['cn-beijing-g', 'cn-beijing-h', 'cn-beijing-i'],
        RecommendZones: ['cn-beijing-h'],
      },
      {
        RegionId: 'ap-northeast-1',
        Zones: ['ap-northeast-1a', 'ap-northeast-1b'],
        RecommendZones: ['ap-northeast-1a'],
      },
      {
        RegionId: 'ap-southeast-1',
        Zones: ['ap-southeast-1a', 'ap-southeast-1b', 'ap-southeast-1c'],
        RecommendZones: ['ap-southeast-1b'],
      },
      { RegionId: 'us-west-1', Zones: ['us-west-1a', 'us-west-1b'], RecommendZones: ['us-west-1a'] },
    ],
    vpcs: [
      {
        VpcId: 'vpc-bp1sim0prod00000000001',
        VpcName: 'sim-prod',
        RegionId: 'cn-hangzhou',
        CidrBlock: '192.168.0.0/16',
      },
      { VpcId: 'vpc-bp1sim0dev000000000002', VpcName: 'sim-dev', RegionId: 'cn-hangzhou', CidrBlock: '172.16.0.0/12' },
    ],
    vSwitches: [
      {
        VSwitchId: 'vsw-bp1sim0prodh00000001',
        VSwitchName: 'prod-h',
        VpcId: 'vpc-bp1sim0prod00000000001',
        RegionId: 'cn-hangzhou',
        ZoneId: 'cn-hangzhou-h',
        CidrBlock: '192.168.1.0/24',
        AvailableIpAddressCount: 250,
        IsDefault: false,
      },
      {
        VSwitchId: 'vsw-bp1sim0prodi00000002',
        VSwitchName: 'prod-i',
        VpcId: 'vpc-bp1sim0prod00000000001',
        RegionId: 'cn-hangzhou',
        ZoneId: 'cn-hangzhou-i',
        CidrBlock: '192.168.2.0/24',
        AvailableIpAddressCount: 17,
        IsDefault: false,
      },
      {
        VSwitchId: 'vsw-bp1sim0devh000000003',
        VSwitchName: 'dev-h',
        VpcId: 'vpc-bp1sim0dev000000000002',
        RegionId: 'cn-hangzhou',
        ZoneId: 'cn-hangzhou-h',
        CidrBlock: '172.16.1.0/24',
        AvailableIpAddressCount: 0,
        IsDefault: false,
      },
      {
        VSwitchId: 'vsw-bp1sim0devk000000004',
        VSwitchName: 'dev-k',
        VpcId: 'vpc-bp1sim0dev000000000002',
        RegionId: 'cn-hangzhou',
        ZoneId: 'cn-hangzhou-k',
        CidrBlock: '172.16.2.0/24',
        AvailableIpAddressCount: 120,
        IsDefault: false,
      },
    ],
    securityGroups: [
      {
        SecurityGroupId: 'sg-bp1sim0prodweb0000001',
        SecurityGroupName: 'prod-web',
        Description: 'HTTP and HTTPS from anywhere',
        VpcId: 'vpc-bp1sim0prod00000000001',
        RegionId: 'cn-hangzhou',
        SecurityGroupType: 'normal',
      },
      {
        SecurityGroupId: 'sg-bp1sim0prodint0000002',
        SecurityGroupName: 'prod-internal',
        Description: 'Internal traffic only',
        VpcId: 'vpc-bp1sim0prod00000000001',
        RegionId: 'cn-hangzhou',
        SecurityGroupType: 'enterprise',
      },
      {
        SecurityGroupId: 'sg-bp1sim0devall00000003',
        SecurityGroupName: 'dev-all',
        Description: 'Development',
        VpcId: 'vpc-bp1sim0dev000000000002',
        RegionId: 'cn-hangzhou',
        SecurityGroupType: 'normal',
      },
    ],
    eips: [
      {
        AllocationId: 'eip-bp1sim0free000000001',
        IpAddress: '47.96.10.11',
        RegionId: 'cn-hangzhou',
        Name: 'sim-free-1',
        Bandwidth: '5',
        Status: 'Available',
        InstanceId: '',
        InstanceType: '',
      },
      {
        AllocationId: 'eip-bp1sim0free000000002',
        IpAddress: '47.96.10.12',
        RegionId: 'cn-hangzhou',
        Name: 'sim-free-2',
        Bandwidth: '10',
        Status: 'Available',
        InstanceId: '',
        InstanceType: '',
      },
      {
        AllocationId: 'eip-bp1sim0used000000003',
        IpAddress: '47.96.10.13',
        RegionId: 'cn-hangzhou',
        Name: 'sim-used',
        Bandwidth: '5',
        Status: 'InUse',
        InstanceId: 'i-bp1sim0ecs0000000001',
        InstanceType: 'EcsInstance',
      },
    ],
    imageCaches: [
      {
        ImageCacheId: 'imc-bp1sim0nginx00000001',
        ImageCacheName: 'nginx-cache',
        SnapshotId: 's-bp1sim0nginx000000001',
        RegionId: 'cn-hangzhou',
        Images: ['nginx:1.27', 'registry.cn-hangzhou.aliyuncs.com/acs/nginx:1.25'],
        ImageCacheSize: 20,
        Status: 'Ready',
      },
      {
        ImageCacheId: 'imc-bp1sim0redis00000002',
        ImageCacheName: 'redis-cache',
        SnapshotId: 's-bp1sim0redis000000002',
        RegionId: 'cn-hangzhou',
        Images: ['redis:7'],
        ImageCacheSize: 20,
        Status: 'Ready',
      },
    ],
    zonesWithoutStock: ['cn-hangzhou-j'],
    maxCpuByZone: { 'cn-hangzhou-k': 4 },
    createdAt: '2024-04-01T08:00:00Z',
  };
}

/** Instance types the simulator knows (vCPU, GiB). */
export const INSTANCE_TYPES: Record<string, { cpu: number; memory: number }> = {
  'ecs.c6.large': { cpu: 2, memory: 4 },
  'ecs.c6.xlarge': { cpu: 4, memory: 8 },
  'ecs.c6.2xlarge': { cpu: 8, memory: 16 },
  'ecs.g6.large': { cpu: 2, memory: 8 },
  'ecs.g6.xlarge': { cpu: 4, memory: 16 },
  'ecs.r6.large': { cpu: 2, memory: 16 },
  'ecs.gn6i-c4g1.xlarge': { cpu: 4, memory: 15 },
};

/** Whether `zoneId` has stock for `cpu` vCPUs. */
export function hasStock(account: Account, zoneId: string, cpu: number): boolean {
  if (account.zonesWithoutStock.includes(zoneId)) return false;
  const max = account.maxCpuByZone[zoneId];
  return max === undefined || cpu <= max;
}
