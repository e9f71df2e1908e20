// Snippets for whole structures. Bodies are written with the structure's first key at column 0
// and `${n:default}` tabstops; complete.ts re-indents them for the place they are inserted.
// A unit test expands every snippet into a document and checks that it is valid.

import { probeShape } from './rules/probes';

export type SnippetPlace =
  /** An empty document. */
  | 'document'
  /** A key of the document root. */
  | 'root'
  /** The first key of a new item of Container[] / InitContainer[]. */
  | 'container-item'
  /** A key of a container item. */
  | 'container'
  /** The first key of a new item of Volume[]. */
  | 'volume-item'
  /** A key of a probe (`Container[].ReadinessProbe`): its check method. */
  | 'probe';

export interface Snippet {
  id: string;
  /** Key of the label in messages.snippetLabel (`volume` labels take the volume type). */
  label:
    | 'document'
    | 'container'
    | 'initContainer'
    | 'httpProbe'
    | 'tcpProbe'
    | 'execProbe'
    | 'httpGetHandler'
    | 'tcpSocketHandler'
    | 'execHandler'
    | 'spot'
    | 'volume';
  labelArg?: string;
  place: SnippetPlace;
  /** Keys the snippet writes at the insertion level (it is not offered when one is already present). */
  writes: string[];
  /** Keys that rule the snippet out when one is present (a probe takes one check method). */
  excludedBy?: string[];
  /**
   * The keys the snippet's first key may be (`ReadinessProbe`, `LivenessProbe`), written in the body
   * as the choice `${1|...|}`: the ones already present are left out of the choice, and the snippet
   * is not offered when none is left.
   */
  keyChoices?: string[];
  body: string;
}

const CONTAINER_ITEM = [
  'Name: ${1:app}',
  'Image: ${2:nginx:1.25}',
  'Cpu: ${3:1}',
  'Memory: ${4:2}',
  'Port:',
  '  - Port: ${5:80}',
  '    Protocol: TCP',
].join('\n');

/** The probes a container item takes, offered as the probe snippets' first key (the rule's probe shape). */
export const PROBE_KEYS = probeShape().probes;

/** The body of each check method of a probe (one per probe; tabstops from 2), as offered. */
const HANDLER_BODIES: Record<string, { label: Snippet['label']; probeLabel: Snippet['label']; lines: string[] }> = {
  HttpGet: {
    label: 'httpGetHandler',
    probeLabel: 'httpProbe',
    lines: ['HttpGet:', '  Path: ${2:/healthz}', '  Port: ${3:80}', '  Scheme: ${4|HTTP,HTTPS|}'],
  },
  TcpSocket: { label: 'tcpSocketHandler', probeLabel: 'tcpProbe', lines: ['TcpSocket:', '  Port: ${2:80}'] },
  Exec: {
    label: 'execHandler',
    probeLabel: 'execProbe',
    lines: ['Exec:', '  Command:', '    - ${2:cat}', '    - ${3:/tmp/healthy}'],
  },
};

/** A probe's check methods (those of the rule's probe shape), each with its body. */
const PROBE_HANDLERS = Object.fromEntries(
  Object.entries(HANDLER_BODIES).filter(([h]) => probeShape().handlers.includes(h)),
);

const probe = (handler: string[]) =>
  [
    '${1|' + PROBE_KEYS.join(',') + '|}:',
    ...handler.map((l) => '  ' + l),
    '  InitialDelaySeconds: ${5:5}',
    '  PeriodSeconds: ${6:10}',
    '  TimeoutSeconds: ${7:1}',
  ].join('\n');

const indent = (text: string, by: number) =>
  text
    .split('\n')
    .map((l) => (l ? ' '.repeat(by) + l : l))
    .join('\n');

/** The volume item bodies, by volume type. */
export const VOLUME_BODIES: Record<string, string[]> = {
  EmptyDirVolume: ['EmptyDirVolume:', '  Medium: ${2:memory}', '  SizeLimit: ${3:1Gi}'],
  NFSVolume: [
    'NFSVolume:',
    '  Server: ${2:0a1b2c3d-abcd.cn-hangzhou.nas.aliyuncs.com}',
    '  Path: ${3:/share}',
    '  ReadOnly: ${4:false}',
  ],
  ConfigFileVolume: [
    'ConfigFileVolume:',
    '  DefaultMode: ${2:0644}',
    '  ConfigFileToPath:',
    '    - Path: ${3:app.conf}',
    '      Content: ${4:aGVsbG8gd29ybGQK}',
  ],
  FlexVolume: [
    'FlexVolume:',
    '  Driver: ${2:alicloud/disk}',
    '  FsType: ${3:ext4}',
    '  Options: \'{"volumeId":"${4:d-2zehdahrwoa7srg****}"}\'',
  ],
  HostPathVolume: ['HostPathVolume:', '  Type: ${2:Directory}', '  Path: ${3:/var/log}'],
  DiskVolume: ['DiskVolume:', '  DiskId: ${2:d-2zehdahrwoa7srg****}', '  FsType: ${3:ext4}', '  DiskSize: ${4:20}'],
};

export const SNIPPETS: readonly Snippet[] = [
  {
    id: 'document',
    label: 'document',
    place: 'document',
    writes: [],
    body: [
      'RegionId: ${1:cn-hangzhou}',
      'ContainerGroupName: ${2:my-group}',
      'Container:',
      '  - Name: ${3:app}',
      '    Image: ${4:nginx:1.25}',
      '$0',
    ].join('\n'),
  },
  {
    id: 'container',
    label: 'container',
    place: 'root',
    writes: ['Container'],
    body: 'Container:\n  - ' + indent(CONTAINER_ITEM, 4).trimStart(),
  },
  { id: 'container-item', label: 'container', place: 'container-item', writes: [], body: CONTAINER_ITEM },
  {
    id: 'spot',
    label: 'spot',
    place: 'root',
    writes: ['SpotStrategy', 'SpotPriceLimit'],
    body: ['SpotStrategy: SpotWithPriceLimit', 'SpotPriceLimit: ${1:0.025}'].join('\n'),
  },
  ...Object.entries(PROBE_HANDLERS).map(([key, h]): Snippet => ({
    id: `${key.toLowerCase()}-probe`,
    label: h.probeLabel,
    place: 'container',
    writes: [],
    keyChoices: PROBE_KEYS,
    body: probe(h.lines),
  })),
  // Inside a probe that has no check method yet: the method alone.
  ...Object.entries(PROBE_HANDLERS).map(([key, h]): Snippet => ({
    id: `${key.toLowerCase()}-handler`,
    label: h.label,
    place: 'probe',
    writes: [key],
    excludedBy: Object.keys(PROBE_HANDLERS),
    body: h.lines.join('\n').replace(/\$\{(\d+)/g, (_, n: string) => '${' + (Number(n) - 1)),
  })),
  ...Object.entries(VOLUME_BODIES).map(([type, lines]): Snippet => ({
    id: `volume-${type}`,
    label: 'volume',
    labelArg: type,
    place: 'volume-item',
    writes: [],
    body: ['Name: ${1:' + type.replace(/Volume$/, '').toLowerCase() + '-data}', `Type: ${type}`, ...lines].join('\n'),
  })),
];

/** The snippet's text with every tabstop replaced by its default (the first choice for `${n|a,b|}`). */
export function expandSnippet(body: string): string {
  let out = body;
  for (let guard = 0; guard < 10 && /\$\{\d+[:|]/.test(out); guard++) {
    out = out.replace(/\$\{\d+:((?:[^{}\\]|\\.)*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1');
  }
  return out.replace(/\$\d+/g, '').replace(/\\([$}{\\])/g, '$1');
}
