// Account facts of a small fake account in cn-hangzhou (the shape the client hands the server), for tests.
import type { AccountFacts } from '../../server/src/service/index';

export const FACTS: AccountFacts[] = [
  {
    regionId: 'cn-hangzhou',
    lookedUpAt: '2025-03-01T08:00:00.000Z',
    vSwitches: [
      {
        id: 'vsw-prodh',
        name: 'prod-h',
        vpcId: 'vpc-prod',
        zoneId: 'cn-hangzhou-h',
        cidr: '192.168.1.0/24',
        freeIps: 250,
      },
      {
        id: 'vsw-prodi',
        name: 'prod-i',
        vpcId: 'vpc-prod',
        zoneId: 'cn-hangzhou-i',
        cidr: '192.168.2.0/24',
        freeIps: 17,
      },
      { id: 'vsw-devh', name: 'dev-h', vpcId: 'vpc-dev', zoneId: 'cn-hangzhou-h', cidr: '172.16.1.0/24', freeIps: 0 },
      { id: 'vsw-devk', name: 'dev-k', vpcId: 'vpc-dev', zoneId: 'cn-hangzhou-k', cidr: '172.16.2.0/24', freeIps: 120 },
    ],
    securityGroups: [
      { id: 'sg-prodweb', name: 'prod-web', vpcId: 'vpc-prod' },
      { id: 'sg-devall', name: 'dev-all', vpcId: 'vpc-dev' },
    ],
    zones: [
      {
        id: 'cn-hangzhou-h',
        recommended: true,
        cores: { '2': 'with', '8': 'with' },
        instanceTypes: { 'ecs.c6.large': 'with' },
      },
      {
        id: 'cn-hangzhou-j',
        recommended: false,
        cores: { '2': 'without', '8': 'without' },
        instanceTypes: { 'ecs.c6.large': 'without' },
      },
      {
        id: 'cn-hangzhou-k',
        recommended: false,
        cores: { '2': 'with', '8': 'without' },
        instanceTypes: { 'ecs.c6.large': 'with' },
      },
    ],
    imageCaches: [
      { id: 'imc-nginx', name: 'nginx-cache', images: ['nginx:1.27'], status: 'Ready' },
      { id: 'imc-redis', name: 'redis-cache', images: ['redis:7'], status: 'Ready' },
    ],
    eips: [
      { id: 'eip-free', ip: '47.96.10.11', name: 'sim-free-1', status: 'Available' },
      { id: 'eip-used', ip: '47.96.10.13', name: 'sim-used', status: 'InUse' },
    ],
    regions: ['cn-hangzhou', 'cn-shanghai', 'ap-northeast-1'],
  },
];
