// Generates realistic *.eci.yaml documents (CreateContainerGroup requests) of a
// requested size for the language-server benchmark.
//
// A document is a header (region, name, sizing, networking, tags) followed by
// `Volume` and `Container` lists that grow together: every container mounts its
// own volume plus the shared config volume, carries env vars, ports, both probes
// (HttpGet / TcpSocket / Exec handlers in rotation) and a security context. All
// names are unique and every VolumeMount names a declared Volume, so the document
// is valid against schemas/eci-container-group.schema.json and the cross-field rules
// (only the container count is beyond what the service would accept in practice).
//
// The generator also returns the positions the benchmark measures at, found in the
// container in the middle of the document.

const VOLUME_KINDS = ['EmptyDirVolume', 'NFSVolume', 'ConfigFileVolume'];

function pad(n) {
  return String(n).padStart(4, '0');
}

function volumeLines(i) {
  const kind = VOLUME_KINDS[i % VOLUME_KINDS.length];
  const name = `data-${pad(i)}`;
  switch (kind) {
    case 'EmptyDirVolume':
      return [
        `  - Name: ${name}`,
        `    Type: EmptyDirVolume`,
        `    EmptyDirVolume:`,
        `      Medium: memory`,
        `      SizeLimit: 2Gi`,
      ];
    case 'NFSVolume':
      return [
        `  - Name: ${name}`,
        `    Type: NFSVolume`,
        `    NFSVolume:`,
        `      Server: 0a1b2c${pad(i)}-abcd.cn-hangzhou.nas.aliyuncs.com`,
        `      Path: /share/${name}`,
        `      ReadOnly: false`,
      ];
    default:
      return [
        `  - Name: ${name}`,
        `    Type: ConfigFileVolume`,
        `    ConfigFileVolume:`,
        `      ConfigFileToPath:`,
        `        - Path: app-${pad(i)}.conf`,
        `          Content: ${Buffer.from(`listen=8080\nname=app-${pad(i)}\n`).toString('base64')}`,
      ];
  }
}

function probeLines(kind, i, port) {
  const handler = {
    HttpGet: ['      HttpGet:', '        Path: /healthz', `        Port: ${port}`, '        Scheme: HTTP'],
    TcpSocket: ['      TcpSocket:', `        Port: ${port}`],
    Exec: ['      Exec:', '        Command:', '          - /bin/check', `          - --instance=${pad(i)}`],
  }[kind];
  return [
    ...handler,
    '      InitialDelaySeconds: 5',
    '      PeriodSeconds: 10',
    '      TimeoutSeconds: 2',
    '      SuccessThreshold: 1',
    '      FailureThreshold: 3',
  ];
}

function containerLines(i) {
  const port = 8000 + (i % 1000);
  const readiness = ['HttpGet', 'Exec', 'HttpGet'][i % 3];
  const liveness = ['TcpSocket', 'HttpGet', 'Exec'][i % 3];
  return [
    `  - Name: app-${pad(i)}`,
    `    Image: registry-vpc.cn-hangzhou.aliyuncs.com/bench/app-${i % 7}:1.${i % 10}.0`,
    '    Cpu: 0.5',
    '    Memory: 1',
    '    ImagePullPolicy: IfNotPresent',
    '    WorkingDir: /srv/app',
    '    Command:',
    '      - /usr/local/bin/app',
    '    Arg:',
    `      - --port=${port}`,
    '      - --log-level=info',
    '    Port:',
    `      - Port: ${port}`,
    '        Protocol: TCP',
    '    EnvironmentVar:',
    '      - Key: APP_NAME',
    `        Value: app-${pad(i)}`,
    '      - Key: APP_ENV',
    '        Value: production',
    '      - Key: POD_IP',
    '        FieldRef:',
    '          FieldPath: status.podIP',
    '    VolumeMount:',
    `      - Name: data-${pad(i)}`,
    '        MountPath: /data',
    '        ReadOnly: false',
    '      - Name: shared-config',
    '        MountPath: /etc/app',
    '        ReadOnly: true',
    '    ReadinessProbe:',
    ...probeLines(readiness, i, port),
    '    LivenessProbe:',
    ...probeLines(liveness, i, port),
    '    SecurityContext:',
    '      ReadOnlyRootFilesystem: true',
    '      RunAsUser: 1000',
  ];
}

function headerLines(name) {
  return [
    'RegionId: cn-hangzhou',
    'ZoneId: cn-hangzhou-b',
    `ContainerGroupName: ${name}`,
    'RestartPolicy: Always',
    'Cpu: 4',
    'Memory: 8',
    'SecurityGroupId: sg-bp1bench0000000000',
    'VSwitchId: vsw-bp1bench0000000000',
    'DnsPolicy: None',
    'DnsConfig:',
    '  NameServer:',
    '    - 100.100.2.136',
    '  Search:',
    '    - svc.cluster.local',
    '  Option:',
    '    - Name: ndots',
    '      Value: "2"',
    'HostAliase:',
    '  - Ip: 10.0.0.10',
    '    Hostname:',
    '      - db.internal',
    'SpotStrategy: NoSpot',
    'TerminationGracePeriodSeconds: 30',
    'Tag:',
    '  - Key: team',
    '    Value: platform',
    '  - Key: env',
    '    Value: production',
    '  - Key: cost-center',
    '    Value: cc-1024',
    'InitContainer:',
    '  - Name: init-schema',
    '    Image: registry-vpc.cn-hangzhou.aliyuncs.com/bench/migrate:2.1.0',
    '    Cpu: 0.25',
    '    Memory: 0.5',
    '    Command:',
    '      - /bin/migrate',
    '    Arg:',
    '      - --up',
    '    EnvironmentVar:',
    '      - Key: DB_HOST',
    '        Value: db.internal',
    '    VolumeMount:',
    '      - Name: shared-config',
    '        MountPath: /etc/app',
    '        ReadOnly: true',
  ];
}

const SHARED_VOLUME = [
  '  - Name: shared-config',
  '    Type: ConfigFileVolume',
  '    ConfigFileVolume:',
  '      ConfigFileToPath:',
  '        - Path: shared.conf',
  `          Content: ${Buffer.from('region=cn-hangzhou\n').toString('base64')}`,
];

/** Lines one more container (and its volume) adds, averaged over the rotation. */
function unitSize(i) {
  return containerLines(i).length + volumeLines(i).length;
}

/**
 * @param {number} targetLines  approximate number of lines wanted
 * @returns {{ text: string, lines: number, containers: number, positions: object }}
 */
export function generateDocument(targetLines) {
  const header = headerLines(`bench-group-${targetLines}`);
  const fixed = header.length + 2 /* Volume:, Container: */ + SHARED_VOLUME.length;
  let count = 0;
  let total = fixed;
  // Add units while that brings the total closer to the target (at least one container).
  while (count === 0 || Math.abs(total + unitSize(count) - targetLines) < Math.abs(total - targetLines)) {
    total += unitSize(count);
    count += 1;
  }
  const volumes = [...SHARED_VOLUME];
  const containers = [];
  const containerStart = [];
  for (let i = 0; i < count; i++) {
    volumes.push(...volumeLines(i));
    containerStart.push(containers.length);
    containers.push(...containerLines(i));
  }
  const lines = [...header, 'Volume:', ...volumes, 'Container:', ...containers];
  const firstContainerLine = header.length + 1 + volumes.length + 1;
  // The middle container, moved to the next one if its readiness probe is the Exec kind,
  // so that the nested-key hover always lands on ReadinessProbe.HttpGet.Port.
  let middle = Math.floor(count / 2);
  if (middle % 3 === 1) middle = middle + 1 < count ? middle + 1 : middle - 1;
  const mStart = firstContainerLine + containerStart[middle];
  const mEnd = middle + 1 < count ? firstContainerLine + containerStart[middle + 1] : lines.length;
  const find = (prefix, from = mStart) => {
    for (let l = from; l < mEnd; l++) if (lines[l].startsWith(prefix)) return l;
    throw new Error(`generator: no line starting with ${JSON.stringify(prefix)} in container ${middle}`);
  };
  const at = (line, text) => ({ line, character: lines[line].indexOf(text) });

  const pullPolicy = find('    ImagePullPolicy: ');
  const envKey = find('      - Key: APP_NAME');
  const mount = find('        ReadOnly: false'); // last key of the first VolumeMount item
  const readiness = find('    ReadinessProbe:');
  const probePortLine = find('        Port: ', readiness);
  const portProtocol = find('        Protocol: ');
  const positions = {
    middleContainer: `app-${pad(middle)}`,
    /**
     * The APP_NAME environment variable key of the middle container: each edit replaces it with a
     * new name, alternately invalid (`APP-NAME-<n>`, breaks the Key pattern) and valid (`APP_NAME_<n>`),
     * so that every edit gives a text the server has not seen before.
     */
    editValue: {
      start: at(envKey, 'APP_NAME'),
      initial: 'APP_NAME',
      valid: (n) => `APP_NAME_${n}`,
      invalid: (n) => `APP-NAME-${n}`,
    },
    /**
     * The `MountPath` line of the first VolumeMount item of the middle container: each edit rewrites
     * the whole line, alternately with a misspelled key (`MountPth: /data-<n>`) and the right one
     * (`MountPath: /data-<n>`): a key edit, every text new.
     */
    keyEdit: {
      line: mount - 1,
      indent: '        ',
      valid: (n) => `MountPath: /data-${n}`,
      invalid: (n) => `MountPth: /data-${n}`,
    },
    /** A new, indented blank line is inserted after this line; completion asks for keys of that VolumeMount item. */
    keyCompletionAfterLine: mount,
    keyCompletionIndent: '        ',
    keyCompletionExpect: ['MountPropagation', 'SubPath'],
    /** Enum value completion: cursor at the start of the ImagePullPolicy value. */
    enumCompletion: at(pullPolicy, 'IfNotPresent'),
    enumCompletionExpect: ['Always', 'Never'],
    /** Hover on a key nested in a container item: Container[].ReadinessProbe.HttpGet.Port. */
    hoverKey: { line: probePortLine, character: lines[probePortLine].indexOf('Port') + 1 },
    hoverKeyPath: 'Container[].ReadinessProbe.HttpGet.Port',
    /** Hover on an enum value: Port[].Protocol = TCP. */
    hoverEnum: { line: portProtocol, character: lines[portProtocol].indexOf('TCP') + 1 },
  };
  return { text: lines.join('\n') + '\n', lines: lines.length, containers: count, positions };
}
