// Every user-facing message of the language service, in English and Japanese.
// Callers pick a table with `messagesFor(locale)`; both tables have the same keys (the type enforces it).

import { localeOf, type Locale } from './locale';

export { localeOf, type Locale };

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

const en = {
  // ---- syntax
  tooLarge: (chars: number, max: number) =>
    `The document has ${chars} characters; documents above ${max} characters are not analysed. A CreateContainerGroup request travels in one URL and cannot be this large.`,
  tooDeep: (max: number) =>
    `Collections are nested more than ${max} levels deep here, so the document is not analysed. A container group needs fewer than 10 levels: check the indentation and the brackets.`,
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  duplicateKey: (key: string) => `Duplicate key ${key}: each parameter may appear only once in a mapping.`,
  multipleDocuments: () =>
    'A *.eci.yaml file describes one container group: only the first YAML document is used. Move this document into a file of its own.',
  /** Translations of the `yaml` library's error codes; empty: its English text is used as is. */
  yamlErrors: {} as Record<string, string>,
  /** One message per situation a syntax error is told apart by (`SyntaxKind` of parse.ts), given the text it names. */
  syntax: {
    missingColon: (key: string) =>
      `\`${key}\` needs a colon: write \`${key}: value\` (or \`${key}:\` with the value on the indented lines below).`,
    keyOnOneLine: () =>
      'A key must be written on one line and end with a colon (`Key: value`); this key runs over more than one line.',
    badIndent: () => 'The indentation is wrong here: the keys of one mapping must all start at the same column.',
    overIndented: (key: string) =>
      key
        ? `\`${key}\` is indented more than the key before it, which already has a value: indent it like that key, or move the value of that key onto its own lines.`
        : 'This line is indented more than the key before it, which already has a value: indent it like that key.',
    tabIndent: () => 'A tab is used for indentation here: YAML indents with spaces only. Replace the tab with spaces.',
    unclosedBracket: () => 'This `[` is never closed: end the list with `]`.',
    unclosedBrace: () => 'This `{` is never closed: end the mapping with `}`.',
    unclosedQuote: (quote: string) =>
      `This ${quote} quote is never closed: end the value with ${quote} on the same line.`,
    itemWithoutDash: () =>
      'This line is inside a list but does not start with `- `: start a new list item with `- `, or indent it like the keys of the item above.',
    colonInValue: () =>
      'This value contains `: `, which makes it a second key on the same line: put the value in quotes.',
    reservedStart: (char: string) => `A value cannot start with \`${char}\` unquoted: put the value in quotes.`,
    badEscape: (escape: string) =>
      `\`${escape}\` is not a valid escape inside double quotes: write \\\\ for a backslash, or use single quotes.`,
    strayLine: () =>
      'This line is neither `Key: value` nor a list item `- value`, so the lines after it cannot be read.',
  },
  unresolvedAlias: (name: string) =>
    `The alias *${name} refers to no anchor: define &${name} on a value before this line, or write the value here.`,
  excessiveAliases: (max: number) =>
    `The YAML aliases here expand to more than ${max} values (nested aliases multiply): write the values out instead of nesting aliases.`,
  emptyDocument: (keys: readonly string[]) =>
    `The document is empty: a container group needs ${keys.join(', ')}. Add them, or pick the template "New container group" from the completion list.`,
  notAMapping: (kind: string) =>
    `The document must be a mapping of CreateContainerGroup parameters (RegionId: ..., ContainerGroupName: ..., Container: ...), but it is ${kind}.`,
  kindList: 'a list',
  kindScalar: (v: string) => `the single value ${v}`,

  // ---- schema
  typeNames: {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'a boolean (true or false)',
    object: 'a mapping of keys',
    array: 'a list',
    null: 'empty',
  } as Record<string, string>,
  type: (path: string, expected: string, actual: string) => `${path} must be ${expected}, but it is ${actual}.`,
  typeQuotedNumber: (path: string, expected: string, raw: string) =>
    `${path} must be ${expected}, but "${raw}" is quoted, which makes it a string. Write it without quotes: ${raw}.`,
  typeUnquoteForString: (path: string, raw: string) =>
    `${path} must be a string, but ${raw} is read as a ${/^(true|false)$/i.test(raw) ? 'boolean' : 'number'}. Quote it: "${raw}".`,
  /** The same for a secret (an `x-secret` parameter, a hidden environment value): the value is never quoted. */
  typeUnquoteSecret: (path: string, isBoolean: boolean) =>
    `${path} must be a string, but its value is read as a ${isBoolean ? 'boolean' : 'number'}. Quote it (put the value in double quotes); the value is a secret and is not shown here.`,
  /** Stands for a secret value in a message that would otherwise quote it. */
  secretValue: 'the secret value',
  required: (path: string, where: string) => `${path} is required ${where}, but it is missing.`,
  requiredAtRoot: 'in the document',
  requiredIn: (parent: string) => `in ${parent}`,
  enum: (path: string, value: string, allowed: readonly unknown[]) =>
    `${path} does not allow ${value}. Allowed values: ${list(allowed)}.`,
  enumCase: (path: string, value: string, right: unknown) =>
    `${path} does not allow ${value}: values are case-sensitive, write ${JSON.stringify(right)}.`,
  minimum: (path: string, limit: number, actual: unknown, unit: string) =>
    `${path} must be at least ${limit}${unit}, but it is ${String(actual)}.`,
  exclusiveMinimum: (path: string, limit: number, actual: unknown, unit: string) =>
    `${path} must be greater than ${limit}${unit}, but it is ${String(actual)}.`,
  maximum: (path: string, limit: number, actual: unknown, unit: string) =>
    `${path} must be at most ${limit}${unit}, but it is ${String(actual)}.`,
  exclusiveMaximum: (path: string, limit: number, actual: unknown, unit: string) =>
    `${path} must be less than ${limit}${unit}, but it is ${String(actual)}.`,
  minLength: (path: string, limit: number, actual: number) =>
    `${path} must have at least ${limit} character${limit === 1 ? '' : 's'}, but it has ${actual}.`,
  maxLength: (path: string, limit: number, actual: number) =>
    `${path} may have at most ${limit} character${limit === 1 ? '' : 's'}, but it has ${actual}.`,
  pattern: (path: string, value: string, pattern: string, hint: string) =>
    hint
      ? `${path} does not allow ${value}: ${hint} (pattern ${pattern}).`
      : `${path} does not allow ${value}: it must match the pattern ${pattern}.`,
  uniqueItems: (path: string, value: string) =>
    `${path} lists ${value} more than once: each value may appear only once.`,
  minItems: (path: string, limit: number, actual: number) =>
    `${path} needs at least ${limit} item${limit === 1 ? '' : 's'}, but it has ${actual}.`,
  maxItems: (path: string, limit: number, actual: number) =>
    `${path} may have at most ${limit} item${limit === 1 ? '' : 's'}, but it has ${actual}.`,
  unknownKey: (key: string, parent: string) => `Unknown parameter ${key} in ${parent}.`,
  unknownKeyRoot: 'the document',
  didYouMean: (suggestion: string) => `Did you mean ${suggestion}?`,
  formerName: (key: string, parent: string, today: string) =>
    `${key} is the name older clients used in ${parent}; today's request calls it ${today}. Rename the key to ${today}.`,
  undocumentedValue: (path: string, value: string, documented: readonly unknown[]) =>
    `${path}: ${value} is not among the documented values (${list(documented)}); the service may accept it. Dry run to be sure.`,
  unsetValue: (path: string, value: string) =>
    `${path}: ${value} means "not set" here; the service uses its default. Remove the key if you meant nothing.`,
  suppressionMisplaced: () =>
    '`# eci-ignore-file` works only in the first comment block of the document (before the first parameter); this one is ignored.',
  suppressionNoIds: () => 'This suppression names no rule: write `# eci-ignore RULE-ID -- reason`.',
  suppressionNotSuppressible: (id: string) => `${id} cannot be suppressed: a YAML syntax problem must be fixed.`,
  suppressionUnknownId: (id: string) =>
    `${id} is not a rule id of this checker: the suppression does nothing. Copy the id from the finding's code.`,
  suppressionUnused: (id: string) =>
    `No ${id} finding on the line this suppression covers: remove it, or put it at the end of the finding's line or on the line just before.`,
  suppressionUnusedFile: (id: string) =>
    `The document has no ${id} finding: this file-wide suppression can be removed.`,
  /** Sentences one after the other (English separates them with a space, Japanese does not). */
  sentences: (...parts: string[]) => parts.join(' '),
  dottedKey: (key: string, nested: string) => `Dotted names nest in YAML: write ${key} as ${nested}.`,
  allowedKeys: (keys: readonly string[]) => `Allowed keys: ${keys.join(', ')}.`,
  noKeysAllowed: 'It takes no parameters.',
  constValue: (path: string, value: string, allowed: unknown) =>
    `${path} does not allow ${value}. The only allowed value is ${JSON.stringify(allowed)}.`,
  genericSchema: (path: string, detail: string) => `${path}: ${detail}.`,
  tooManyProblems: (shown: number, total: number) =>
    `The document has ${total} schema problems; the first ${shown} are shown. Fix those and the rest will appear.`,

  // ---- cross-field rules (ids of schemas/eci-rules.json)
  rule: {
    probeNoHandler: (probe: string, handlers: readonly string[]) =>
      `${probe} has no check method: set exactly one of ${handlers.join(', ')}.`,
    probeManyHandlers: (probe: string, set: readonly string[]) =>
      `${probe} sets ${set.join(' and ')}: a probe uses exactly one check method. Keep one of them.`,
    lifecycleManyMethods: (hook: string, methods: readonly string[]) =>
      `The ${hook} callback is set with more than one method (${methods.join(', ')}): use one of them only.`,
    spotPriceLimitRequired: (strategy: string) =>
      `SpotStrategy ${strategy} needs SpotPriceLimit, the highest hourly price you accept (e.g. 0.025).`,
    spotPriceLimitDecimals: (value: string) =>
      `SpotPriceLimit ${value} has more than 3 digits after the decimal point; the price is given to at most 3 decimals (e.g. 0.025).`,
    spotPriceLimitIgnored: (strategy: string) =>
      `SpotPriceLimit has no effect with SpotStrategy ${strategy}: it is used only with SpotStrategy SpotWithPriceLimit.`,
    spotStrategyUnset: 'unset',
    eipOptionWithoutAutoCreate: (key: string) =>
      `${key} configures the EIP that ECI creates, so it needs AutoCreateEip: true (AutoCreateEip is not true here).`,
    eipInstanceWithAutoCreate: () =>
      'EipInstanceId binds an existing EIP, but AutoCreateEip: true creates a new one: set only one of them.',
    ipv6BandwidthWithoutEnable: () =>
      'Ipv6GatewayBandwidth applies only when Ipv6GatewayBandwidthEnable is true; set Ipv6GatewayBandwidthEnable: true or remove it.',
    vswitchTooMany: (count: number, max: number) =>
      `VSwitchId lists ${count} vSwitch IDs; at most ${max} are allowed, separated by commas.`,
    vswitchEmptyEntry: () =>
      'VSwitchId has an empty entry: write the vSwitch IDs separated by single commas (vsw-a,vsw-b).',
    scheduleStrategySingle: () =>
      'ScheduleStrategy chooses among several vSwitches, but VSwitchId lists fewer than two: it has no effect.',
    duplicateContainerName: (name: string, first: string) =>
      `Container name ${JSON.stringify(name)} is already used by ${first}: container names must be unique across Container and InitContainer (the service answers InvalidParameter.DuplicatedName).`,
    initContainerMissing: (path: string, keys: readonly string[]) =>
      `${path} has no ${keys.join(' and ')}: an init container without an image cannot run and one without a name cannot be told apart. Set both Name and Image.`,
    ttyForBash: (path: string) =>
      `${path}.Command starts an interactive bash (no script, no -c), which exits at once without a terminal: set Tty: true.`,
    duplicateVolumeName: (name: string) =>
      `Volume name ${JSON.stringify(name)} is defined more than once: volume names must be unique (the service answers InvalidParameter.DuplicatedVolumeName).`,
    unknownVolume: (name: string, defined: readonly string[]) =>
      defined.length
        ? `${JSON.stringify(name)} names no volume: defined volumes are ${defined.map((d) => JSON.stringify(d)).join(', ')}.`
        : `${JSON.stringify(name)} names no volume: the document defines no Volume. Add it under Volume.`,
    unknownVolumeNoneNamed: (name: string) =>
      `${JSON.stringify(name)} names no volume: no item of Volume has a Name. Give the volume it means Name: ${JSON.stringify(name)}.`,
    volumeSettingsOfOtherType: (settings: string, type: string) =>
      `Volume settings ${settings} do not go with Type ${type}: a volume of Type ${type} takes only ${type} settings.`,
    volumeUnsetSettingsOfOtherType: (settings: string, type: string) =>
      `Volume settings ${settings} hold only empty values on a volume of Type ${type}: they mean "not set" and are ignored. Remove them if you like.`,
    volumeSettingsWithoutType: (settings: string) =>
      `Volume settings ${settings} need Type: ${settings} on the same volume.`,
    configFileNotBase64: (path: string) =>
      `${path} must be Base64-encoded (A-Z a-z 0-9 + / and = padding, length a multiple of 4). Encode the file's content, e.g. with base64.`,
    configFileTooLarge: (bytes: number, max: number) =>
      `This configuration file is ${bytes} bytes once decoded; one file may be at most ${max} bytes (32 KB).`,
    configVolumeTooLarge: (chars: number, max: number) =>
      `The Content values of this ConfigFile volume total ${chars} characters; at most ${max} (60 KB) are allowed per volume.`,
    modeDecimal: (path: string, value: string, octal: string) =>
      `${path} ${value} looks like the decimal form of the mode ${octal}; the reference writes modes with octal digits, so ${value} would read as octal ${value.padStart(4, '0')}. Write ${octal}.`,
    modeNotOctal: (path: string, value: string) =>
      `${path} ${value} is not an octal permission: write up to 4 digits 0-7, e.g. 0644.`,
    flexOptionsNotJson: (detail: string) =>
      `The options must be a JSON object in a string, e.g. '{"volumeId":"d-xxx","performanceLevel":"PL1"}': ${detail}.`,
    flexOptionsNotObject: 'it is not a JSON object',
    flexOptionsUnknownKey: (key: string, allowed: readonly string[], suggestion?: string) =>
      `The options have an unknown key ${JSON.stringify(key)} for a cloud disk${suggestion ? ` (did you mean ${suggestion}?)` : ''}; keys are ${allowed.join(', ')}.`,
    flexOptionsUndocumentedKey: (keys: readonly string[], allowed: readonly string[], suggestions: readonly string[]) =>
      `The options have the key${keys.length > 1 ? 's' : ''} ${keys.map((k) => JSON.stringify(k)).join(', ')}, which the reference does not list for a cloud disk${suggestions.length ? ` (did you mean ${suggestions.join(', ')}?)` : ''}; documented keys are ${allowed.join(', ')}. The driver may accept ${keys.length > 1 ? 'them' : 'it'}: dry run to be sure.`,
    flexOptionsNotBoolean: (key: string) => `The option ${key} must be true or false.`,
    flexVolumeSize: (value: string, min: number, max: number) =>
      `The option volumeSize ${value} is outside ${min}..${max} GiB (a whole number of GiB).`,
    flexKmsWithoutEncrypted: () =>
      'The options set kmsKeyId but not "encrypted": true; a KMS key is used only for an encrypted disk (the service answers InvalidParameter.KMS.EncryptedIllegal).',
    duplicateTagKey: (key: string) => `Tag key ${JSON.stringify(key)} is used more than once: tag keys must be unique.`,
    netRawTicket: () =>
      'NET_RAW is not enabled by default: submit a ticket to Alibaba Cloud before adding it, or the request is rejected.',
    windowsBeta: () => 'OsType Windows is in beta: submit a ticket to Alibaba Cloud first.',
    dnsNoneWithoutConfig: () =>
      'DnsPolicy None uses the settings of DnsConfig, but there is no DnsConfig (NameServer, Search or Option): the instance gets no DNS configuration.',
  },

  // ---- hover / completion
  // ---- quick fix titles (the generic fixes of actions.ts and the fixes of each rule in rules/)
  fix: {
    renameKey: (from: string, to: string) => `Change ${from} to ${to}`,
    addRequired: (keys: readonly string[], where: string) => `Add required ${keys.join(', ')} to ${where}`,
    addAllRequired: (keys: readonly string[], where: string) =>
      `Add all missing required keys to ${where} (${keys.join(', ')})`,
    theDocument: 'the document',
    enumValue: (from: string, to: string) => `Change ${from} to ${to}`,
    base64: (path: string) => `Encode ${path} as Base64`,
    removeHandler: (handler: string, probe: string) => `Remove ${handler} from ${probe}`,
    keepOnlyHandler: (handler: string, probe: string, removed: readonly string[]) =>
      `Keep only ${handler} in ${probe} (remove ${removed.join(', ')})`,
    addSpotPriceLimit: (value: string) => `Add SpotPriceLimit: ${value}`,
    generateClientToken: 'Generate a new ClientToken',
    addClientToken: 'Add a ClientToken (makes retries of create idempotent)',
    nestKey: (key: string) => `Write ${key} in nested form`,
    createVolume: (name: string, type: string) => `Create volume ${JSON.stringify(name)} (${type})`,
    setValue: (key: string, value: string) => `Set ${key}: ${value}`,
    removeKey: (key: string) => `Remove ${key}`,
    roundPrice: (value: string) => `Round SpotPriceLimit to ${value}`,
    unquote: (value: string) => `Write ${value} without quotes`,
    quote: (value: string) => `Quote ${value} to make it a string`,
    quoteSecret: 'Quote the value to make it a string',
    removeDuplicate: (key: string, line: number) => `Remove this ${key} (line ${line})`,
    removeEarlier: (key: string, line: number) => `Keep this ${key}: remove the one on line ${line}`,
    ignoreOnLine: (id: string) => `Ignore ${id} on this line`,
    ignoreReason: 'reason',
    octalMode: (from: string, to: string) => `Write mode ${from} as octal ${to}`,
  },
  // ---- what each fixed diagnostic code means (catalogue.ts; rules and x-warnings describe themselves in schemas/)
  codeDescriptions: {
    'yaml.syntax': 'The file is not valid YAML.',
    'yaml.duplicate-key': 'A key appears twice in the same mapping.',
    'yaml.multiple-documents': 'A *.eci.yaml file describes one container group; only its first YAML document is used.',
    'yaml.too-large': 'The document is too large to analyse or to send in one request.',
    'yaml.too-deep': 'Collections are nested too deeply for the document to be analysed.',
    'yaml.not-a-mapping': 'The document must be a mapping of CreateContainerGroup parameters.',
    'yaml.unresolved-alias': 'A YAML alias refers to no anchor.',
    'yaml.excessive-aliases': 'YAML aliases expand to too many values.',
    'schema.type': 'A value has the wrong type for its parameter.',
    'schema.required': 'A required parameter is missing.',
    'schema.enum': 'A value is not one of the values the parameter allows.',
    'schema.minimum': "A number is below the parameter's minimum.",
    'schema.maximum': "A number is above the parameter's maximum.",
    'schema.minLength': 'A string is shorter than the parameter allows.',
    'schema.maxLength': 'A string is longer than the parameter allows.',
    'schema.pattern': 'A string does not have the form the parameter requires.',
    'schema.minItems': 'A list has fewer items than the parameter requires.',
    'schema.maxItems': 'A list has more items than the parameter allows.',
    'schema.uniqueItems': 'A list repeats an item that must be unique.',
    'schema.unknown-key': 'A key is not a parameter of CreateContainerGroup at this place.',
    'schema.former-name': 'A key is a name older official clients used; the request calls it differently today.',
    'schema.undocumented-value':
      'A value of an open vocabulary that the reference does not list; the service may accept it.',
    'schema.unset-value': 'A 0, "" or false that means "not set" where the reference states no limit.',
    'schema.too-many':
      'The document has more schema problems than are shown; the rest appear as the first ones are fixed.',
    'suppression.unused': 'A suppression comment that suppresses nothing.',
    'suppression.unknown-rule': 'A suppression comment names an id that is not a suppressible rule.',
    'suppression.misplaced': 'An eci-ignore-file comment outside the first comment block.',
    'account.unknown-vswitch': 'A VSwitchId that the account does not have in the region (looked up).',
    'account.unknown-security-group': 'A SecurityGroupId that the account does not have in the region (looked up).',
    'account.unknown-eip': 'An EipInstanceId that the account does not have in the region (looked up).',
    'account.unknown-image-cache':
      'An ImageSnapshotId (image cache) that the account does not have in the region (looked up).',
    'account.security-group-vpc': "A security group outside the vSwitch's VPC (looked up).",
    'account.zone-mismatch': "A ZoneId other than the vSwitch's zone (looked up).",
    'account.vswitch-no-free-ip': 'A vSwitch without a free IP address (looked up).',
    'account.no-stock': 'No stock for the requested size in the zone (looked up).',
  },
  hoverRequired: 'required',
  hoverOptional: 'optional',
  hoverDefault: 'Default',
  hoverAllowed: 'Allowed values',
  hoverRange: 'Range',
  hoverLength: 'Length',
  hoverItems: 'Items',
  hoverPattern: 'Format',
  hoverExample: 'Example',
  hoverUnit: 'Unit',
  hoverSdkMissing: 'Not in the SDK model @alicloud/eci20180808 2.0.3: sent as an extra query parameter.',
  hoverSdkUndocumented: 'In the SDK model, not documented by the API reference.',
  hoverFoundElsewhere:
    'Not documented by the API reference: sent by other official clients, and passed to the service as written.',
  hoverOpenEnum: 'Other values of the same vocabulary are warnings, not errors: the service may accept them.',
  hoverSecret: 'Secret: masked in every output.',
  hoverWarning: 'Caution',
  hoverListOf: (t: string) => `list of ${t}`,
  hoverValue: (value: string, path: string) => `Value ${value} of ${path}`,
  atLeast: (n: number | string) => `at least ${n}`,
  atMost: (n: number | string) => `at most ${n}`,
  greaterThan: (n: number | string) => `greater than ${n}`,
  lessThan: (n: number | string) => `less than ${n}`,
  /** A string's length limits in the hover (`1 – 64 characters`, `at least 1 character`). */
  lengthInCharacters: (min: number | undefined, max: number | undefined) =>
    min !== undefined && max !== undefined
      ? `${min} – ${max} characters`
      : min !== undefined
        ? `at least ${min} character${min === 1 ? '' : 's'}`
        : `at most ${max} character${max === 1 ? '' : 's'}`,
  snippetLabel: {
    document: 'New container group (minimal valid document)',
    container: 'Container (name, image, resources, port)',
    initContainer: 'Init container',
    httpProbe: 'HTTP probe',
    tcpProbe: 'TCP probe',
    execProbe: 'Exec probe',
    httpGetHandler: 'HTTP check (HttpGet)',
    tcpSocketHandler: 'TCP check (TcpSocket)',
    execHandler: 'Command check (Exec)',
    spot: 'Spot instance (price limit)',
    volume: (type: string) => `Volume: ${type}`,
  },
  snippetDetail: 'snippet',
  /** The title of the command a key completion runs to offer the key's values. */
  suggestValues: 'Suggest values',
  /** workspace/executeCommand with a command this server does not have. */
  unknownServerCommand: (command: string) => `The ECI language server has no command ${JSON.stringify(command)}.`,
  regionDetail: 'Alibaba Cloud region',
  volumeNameDetail: (type: string) => `Volume defined in this document${type ? ` (${type})` : ''}`,
  defaultValueDetail: (path: string) => `default of ${path}`,
  exampleValueDetail: (path: string) => `example for ${path}`,
  containerPortDetail: (container: string) => `port declared by container ${container} (Port[].Port)`,
  rename: {
    notAVolumeName:
      'Only volume names can be renamed here: put the cursor on a Volume[].Name or on a VolumeMount[].Name.',
    empty: 'A volume name cannot be empty.',
    multiline: 'A volume name must be on one line.',
    clash: (name: string, wirePath: string, line: number) =>
      `A volume named '${name}' already exists (${wirePath}, line ${line}); volume names must be unique within a container group.`,
  },
  outline: {
    items: (n: number) => (n === 1 ? '1 item' : `${n} items`),
    emptyKey: '(empty key)',
    item: 'item',
    /** Shown instead of a secret value (a password, a hidden environment value). */
    secret: '******** (secret)',
  },
  /** The comment lines that open each template (`# ` is added), by template id. */
  templateComments: {
    'web-server': [
      'A web server: nginx on port 80, with a readiness probe (HTTP) and a liveness probe (TCP).',
      'Dry-run it, then create it. To reach it from the internet, add AutoCreateEip: true.',
    ],
    'batch-job': [
      'A batch job: runs once to completion and is not restarted.',
      'ActiveDeadlineSeconds stops it if it runs longer than an hour.',
    ],
    'spot-job': [
      'A job on a preemptible (spot) instance: much cheaper, but it can be reclaimed.',
      'SpotWithPriceLimit needs SpotPriceLimit, the highest hourly price you accept (3 decimals at most).',
      'SpotDuration: 1 protects the instance from reclamation for its first hour.',
    ],
    'gpu-job': [
      'A GPU job: an instance type with an NVIDIA T4 (ecs.gn6i-c4g1.xlarge) and one GPU for the container.',
      'Check that the instance type is offered in your region and zone.',
    ],
    'init-container-and-volumes': [
      'An init container prepares content in a shared EmptyDir volume before nginx starts;',
      'nginx reads its configuration from a ConfigFile volume (Content is base64).',
    ],
  },
  // ---- account facts (looked up by the client, handed to the service: server/src/service/accountFacts.ts)
  account: {
    at: (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`,
    unknownVSwitch: (id: string, region: string, count: number, at: string) =>
      `vSwitch ${id} does not exist in ${region}: the account's ${count} vSwitch(es) there were looked up (DescribeVSwitches) at ${at}.`,
    unknownSecurityGroup: (id: string, region: string, count: number, at: string) =>
      `Security group ${id} does not exist in ${region}: the account's ${count} security group(s) there were looked up (DescribeSecurityGroups) at ${at}.`,
    unknownEip: (id: string, region: string, count: number, at: string) =>
      `EIP ${id} does not exist in ${region}: the account's ${count} EIP(s) there were looked up (DescribeEipAddresses) at ${at}.`,
    unknownImageCache: (id: string, region: string, count: number, at: string) =>
      `Image cache ${id} does not exist in ${region}: the account's ${count} image cache(s) there were looked up (DescribeImageCaches) at ${at}.`,
    securityGroupVpc: (sg: string, sgVpc: string, vsw: string, vswVpc: string, at: string) =>
      `Security group ${sg} is in VPC ${sgVpc}, but vSwitch ${vsw} is in VPC ${vswVpc}: the security group must be in the vSwitch's VPC (looked up at ${at}).`,
    zoneMismatch: (zone: string, vsw: string, vswZone: string, at: string) =>
      `ZoneId is ${zone}, but vSwitch ${vsw} is in zone ${vswZone}: the instance runs in its vSwitch's zone (looked up at ${at}).`,
    noFreeIp: (vsw: string, cidr: string, at: string) =>
      `vSwitch ${vsw} (${cidr}) has no free IP address left, so no instance can be created in it (looked up at ${at}).`,
    noStock: (zone: string, size: string, at: string) =>
      `Zone ${zone} has no stock for ${size} (DescribeAvailableResource at ${at}).`,
    noStockAnywhere: (region: string, size: string, at: string) =>
      `No zone of ${region} has stock for ${size} (DescribeAvailableResource at ${at}).`,
    sizeCores: (cpu: number) => `${cpu} vCPU`,
    vSwitchDetail: (zone: string, vpc: string, cidr: string, free: number) =>
      `${zone} · ${vpc} · ${cidr} · ${free} free IPs`,
    securityGroupDetail: (name: string, vpc: string) => `${name} · ${vpc}`,
    zoneDetail: (stock: 'with' | 'without' | 'unknown', recommended: boolean) =>
      `${stock === 'with' ? 'in stock for this size' : stock === 'without' ? 'NO stock for this size' : 'zone'}${recommended ? ' · recommended' : ''}`,
    imageCacheDetail: (name: string, images: readonly string[]) => `${name} · ${images.join(', ')}`,
    eipDetail: (ip: string, name: string) => `${ip}${name ? ` · ${name}` : ''}`,
    regionLive: 'Alibaba Cloud region (looked up: DescribeRegions)',
    lookedUpAt: (at: string) => `looked up at ${at}`,
    fixZone: (zone: string) => `Set ZoneId to ${zone} (the vSwitch's zone)`,
    fixVSwitch: (id: string, zone: string) => `Use vSwitch ${id} (zone ${zone})`,
    fixId: (id: string) => `Change to ${id}`,
  },
};

export type Messages = typeof en;

/**
 * Japanese puts a space between an ASCII word and the Japanese beside it (`Container[] に`,
 * `数値 3 です`) and none between two Japanese words (`ドキュメントに`): the gap an interpolated
 * value needs, by how it ends (gapAfter) or begins (gapBefore).
 */
const gapAfter = (text: string) => (/[\x21-\x7e]$/.test(text) ? ' ' : '');
const gapBefore = (text: string) => (/^[\x21-\x7e]/.test(text) ? ' ' : '');

const ja: Messages = {
  tooLarge: (chars, max) =>
    `ドキュメントは ${chars} 文字あります。${max} 文字を超えるドキュメントは解析しません。CreateContainerGroup リクエストは 1 つの URL で送られるため、このサイズにはできません。`,
  tooDeep: (max) =>
    `コレクションがここで ${max} 階層を超えて入れ子になっているため、ドキュメントは解析されません。コンテナグループに必要な階層は 10 未満です。インデントと括弧を確認してください。`,
  yamlSyntax: (detail) => `YAML 構文エラー: ${detail}`,
  duplicateKey: (key) => `キー ${key} が重複しています。各パラメータは 1 つのマッピングに 1 回だけ書けます。`,
  multipleDocuments: () =>
    '*.eci.yaml ファイルは 1 つのコンテナグループを表します。最初の YAML ドキュメントだけが使われます。このドキュメントは別のファイルに移してください。',
  yamlErrors: {
    STRAY_LINE: 'この行は `キー: 値` でもリストの項目 `- 値` でもないため、これより後の行を読み取れません',
    BAD_INDENT:
      'インデントが正しくありません (同じマッピングの項目は同じ列から始め、フロー形式の [ ] や { } は閉じてください)',
    MISSING_CHAR: '必要な文字 (コロン、`-`、閉じ括弧や引用符) がありません',
    BLOCK_AS_IMPLICIT_KEY:
      '1 行のマッピングの中にマッピングを入れ子にできません (値にコロンを含める場合は引用符で囲んでください)',
    TAB_AS_INDENT: 'インデントにタブは使えません。スペースを使ってください',
    MULTILINE_IMPLICIT_KEY: 'キーは 1 行で書く必要があります',
    UNEXPECTED_TOKEN: '予期しない文字があります',
    BAD_SCALAR_START: 'この文字で値を始めることはできません。値を引用符で囲んでください',
    BAD_DQ_ESCAPE: '二重引用符内のエスケープが正しくありません',
    MISSING_ANCHOR: '未定義のアンカーを参照しています',
    BAD_ALIAS: 'エイリアスが正しくありません',
    BAD_DIRECTIVE: 'ディレクティブが正しくありません',
    MULTIPLE_ANCHORS: '1 つのノードに複数のアンカーがあります',
    MULTIPLE_TAGS: '1 つのノードに複数のタグがあります',
    TAG_RESOLVE_FAILED: 'タグを解決できません',
    KEY_OVER_1024_CHARS: 'キーが 1024 文字を超えています',
    IMPOSSIBLE: 'YAML を解析できません',
  },
  syntax: {
    missingColon: (key) =>
      `\`${key}\` にコロンがありません。\`${key}: 値\` と書いてください (値を次の行からインデントして書く場合は \`${key}:\`)。`,
    keyOnOneLine: () =>
      'キーは 1 行で書き、コロンで終える必要があります (`キー: 値`)。このキーは複数行にまたがっています。',
    badIndent: () => 'インデントが正しくありません。同じマッピングのキーはすべて同じ列から始めてください。',
    overIndented: (key) =>
      key
        ? `\`${key}\` は、すでに値を持つ前のキーより深くインデントされています。前のキーと同じ列にそろえるか、前のキーの値を次の行以降に書いてください。`
        : 'この行は、すでに値を持つ前のキーより深くインデントされています。前のキーと同じ列にそろえてください。',
    tabIndent: () =>
      'インデントにタブが使われています。YAML のインデントはスペースだけです。タブをスペースに置き換えてください。',
    unclosedBracket: () => 'この `[` が閉じられていません。リストを `]` で閉じてください。',
    unclosedBrace: () => 'この `{` が閉じられていません。マッピングを `}` で閉じてください。',
    unclosedQuote: (quote) => `この ${quote} 引用符が閉じられていません。同じ行で値を ${quote} で閉じてください。`,
    itemWithoutDash: () =>
      'この行はリストの中にありますが `- ` で始まっていません。新しい項目なら `- ` で始めるか、上の項目のキーと同じ列にインデントしてください。',
    colonInValue: () =>
      'この値には `: ` が含まれているため、同じ行の 2 つ目のキーとして読まれます。値を引用符で囲んでください。',
    reservedStart: (char) => `値を引用符なしで \`${char}\` から始めることはできません。値を引用符で囲んでください。`,
    badEscape: (escape) =>
      `\`${escape}\` は二重引用符の中で使えないエスケープです。バックスラッシュは \\\\ と書くか、一重引用符を使ってください。`,
    strayLine: () => 'この行は `キー: 値` でもリストの項目 `- 値` でもないため、これより後の行を読み取れません。',
  },
  unresolvedAlias: (name) =>
    `エイリアス *${name} が参照するアンカーがありません。この行より前の値に &${name} を定義するか、ここに値を直接書いてください。`,
  excessiveAliases: (max) =>
    `ここの YAML エイリアスは展開すると ${max} 個を超える値になります (入れ子のエイリアスは掛け算で増えます)。エイリアスを入れ子にせず、値を直接書いてください。`,
  emptyDocument: (keys) =>
    `ドキュメントが空です。コンテナグループには ${keys.join('、')} が必要です。これらを追加するか、補完リストからテンプレート「新しいコンテナグループ」を選んでください。`,
  notAMapping: (kind) =>
    `ドキュメントは CreateContainerGroup のパラメータのマッピング (RegionId: ..., ContainerGroupName: ..., Container: ...) である必要がありますが、${kind}${gapAfter(kind)}です。`,
  kindList: 'リスト',
  kindScalar: (v) => `単一の値 ${v}`,

  typeNames: {
    string: '文字列',
    integer: '整数',
    number: '数値',
    boolean: 'ブール値 (true または false)',
    object: 'キーのマッピング',
    array: 'リスト',
    null: '空',
  },
  type: (path, expected, actual) => `${path} は${expected}である必要がありますが、${actual}${gapAfter(actual)}です。`,
  typeQuotedNumber: (path, expected, raw) =>
    `${path} は${expected}である必要がありますが、"${raw}" は引用符で囲まれているため文字列になります。引用符なしで ${raw} と書いてください。`,
  typeUnquoteForString: (path, raw) =>
    `${path} は文字列である必要がありますが、${raw} は${/^(true|false)$/i.test(raw) ? 'ブール値' : '数値'}として読まれます。"${raw}" のように引用符で囲んでください。`,
  typeUnquoteSecret: (path, isBoolean) =>
    `${path} は文字列である必要がありますが、値が${isBoolean ? 'ブール値' : '数値'}として読まれます。値を二重引用符で囲んでください (値は秘密のため、ここには表示しません)。`,
  secretValue: '秘密の値',
  required: (path, where) => `${path} は${gapBefore(where)}${where}必須ですが、ありません。`,
  requiredAtRoot: 'ドキュメントに',
  requiredIn: (parent) => `${parent}${gapAfter(parent)}に`,
  enum: (path, value, allowed) => `${path} に ${value} は指定できません。指定できる値: ${list(allowed)}。`,
  enumCase: (path, value, right) =>
    `${path} に ${value} は指定できません。値は大文字と小文字を区別します。${JSON.stringify(right)} と書いてください。`,
  minimum: (path, limit, actual, unit) =>
    `${path} は ${limit}${unit} 以上である必要がありますが、${String(actual)} です。`,
  exclusiveMinimum: (path, limit, actual, unit) =>
    `${path} は ${limit}${unit} より大きい必要がありますが、${String(actual)} です。`,
  maximum: (path, limit, actual, unit) =>
    `${path} は ${limit}${unit} 以下である必要がありますが、${String(actual)} です。`,
  exclusiveMaximum: (path, limit, actual, unit) =>
    `${path} は ${limit}${unit} 未満である必要がありますが、${String(actual)} です。`,
  minLength: (path, limit, actual) => `${path} は ${limit} 文字以上である必要がありますが、${actual} 文字です。`,
  maxLength: (path, limit, actual) => `${path} は ${limit} 文字以下である必要がありますが、${actual} 文字です。`,
  pattern: (path, value, pattern, hint) =>
    hint
      ? `${path} に ${value} は指定できません: ${hint} (パターン ${pattern})。`
      : `${path} に ${value} は指定できません。パターン ${pattern} に一致する必要があります。`,
  uniqueItems: (path, value) => `${path} に ${value} が複数回あります。各値は 1 回だけ指定できます。`,
  minItems: (path, limit, actual) => `${path} には ${limit} 個以上の要素が必要ですが、${actual} 個です。`,
  maxItems: (path, limit, actual) => `${path} の要素は ${limit} 個までですが、${actual} 個あります。`,
  unknownKey: (key, parent) => `${parent}${gapAfter(parent)}に不明なパラメータ ${key} があります。`,
  unknownKeyRoot: 'ドキュメント',
  didYouMean: (suggestion) => `${suggestion} のことですか?`,
  formerName: (key, parent, today) =>
    `${key} は以前のクライアントが ${parent} で使っていた名前です。現在のリクエストでは ${today} です。キーを ${today} に変更してください。`,
  undocumentedValue: (path, value, documented) =>
    `${path}: ${value} は記載されている値 (${list(documented)}) にありませんが、サービスが受け付ける可能性があります。確認にはドライランしてください。`,
  unsetValue: (path, value) =>
    `${path}: ${value} はここでは「未設定」を意味し、サービスはデフォルト値を使います。何も指定しないつもりならキーを削除してください。`,
  suppressionMisplaced: () =>
    '`# eci-ignore-file` はドキュメント先頭のコメントブロック (最初のパラメータより前) でのみ有効です。このコメントは無視されます。',
  suppressionNoIds: () => 'この抑制コメントにはルールがありません。`# eci-ignore ルールID -- 理由` と書いてください。',
  suppressionNotSuppressible: (id) => `${id} は抑制できません。YAML の構文の問題は修正する必要があります。`,
  suppressionUnknownId: (id) =>
    `${id} はこのチェッカーのルール ID ではないため、この抑制は何もしません。指摘のコードから ID をコピーしてください。`,
  suppressionUnused: (id) =>
    `この抑制の対象行に ${id} の指摘はありません。削除するか、指摘のある行の末尾またはその直前の行に置いてください。`,
  suppressionUnusedFile: (id) => `ドキュメントに ${id} の指摘はありません。このファイル全体の抑制は削除できます。`,
  sentences: (...parts) => parts.join(''),
  dottedKey: (key, nested) => `ドット区切りの名前は YAML では入れ子にします: ${key} は ${nested} と書いてください。`,
  allowedKeys: (keys) => `指定できるキー: ${keys.join(', ')}。`,
  noKeysAllowed: 'パラメータはありません。',
  constValue: (path, value, allowed) =>
    `${path} に ${value} は指定できません。指定できる値は ${JSON.stringify(allowed)} だけです。`,
  genericSchema: (path, detail) => `${path}: ${detail}。`,
  tooManyProblems: (shown, total) =>
    `ドキュメントにはスキーマの問題が ${total} 件あります。最初の ${shown} 件を表示しています。それらを直すと残りが表示されます。`,

  rule: {
    probeNoHandler: (probe, handlers) =>
      `${probe} にチェック方法がありません。${handlers.join('、')} のいずれか 1 つを指定してください。`,
    probeManyHandlers: (probe, set) =>
      `${probe} に ${set.join(' と ')} が指定されています。プローブのチェック方法は 1 つだけです。どれか 1 つを残してください。`,
    lifecycleManyMethods: (hook, methods) =>
      `${hook} コールバックに複数の方式 (${methods.join('、')}) が指定されています。1 つの方式だけを使ってください。`,
    spotPriceLimitRequired: (strategy) =>
      `SpotStrategy ${strategy} には SpotPriceLimit (許容する最大時間単価、例: 0.025) が必要です。`,
    spotPriceLimitDecimals: (value) =>
      `SpotPriceLimit ${value} は小数点以下が 3 桁を超えています。価格は小数点以下 3 桁までです (例: 0.025)。`,
    spotPriceLimitIgnored: (strategy) =>
      `SpotStrategy ${strategy} では SpotPriceLimit は効果がありません。SpotPriceLimit は SpotStrategy SpotWithPriceLimit の場合にのみ使われます。`,
    spotStrategyUnset: '(未指定)',
    eipOptionWithoutAutoCreate: (key) =>
      `${key} は ECI が作成する EIP の設定なので、AutoCreateEip: true が必要です (ここでは AutoCreateEip が true ではありません)。`,
    eipInstanceWithAutoCreate: () =>
      'EipInstanceId は既存の EIP をバインドしますが、AutoCreateEip: true は新しい EIP を作成します。どちらか一方だけを指定してください。',
    ipv6BandwidthWithoutEnable: () =>
      'Ipv6GatewayBandwidth は Ipv6GatewayBandwidthEnable が true の場合にのみ有効です。Ipv6GatewayBandwidthEnable: true を指定するか、削除してください。',
    vswitchTooMany: (count, max) =>
      `VSwitchId に ${count} 個の vSwitch ID があります。カンマ区切りで最大 ${max} 個までです。`,
    vswitchEmptyEntry: () =>
      'VSwitchId に空の項目があります。vSwitch ID を 1 つのカンマで区切って書いてください (vsw-a,vsw-b)。',
    scheduleStrategySingle: () =>
      'ScheduleStrategy は複数の vSwitch から選択しますが、VSwitchId の vSwitch が 2 つ未満なので効果がありません。',
    duplicateContainerName: (name, first) =>
      `コンテナ名 ${JSON.stringify(name)} は ${first} で既に使われています。コンテナ名は Container と InitContainer を通して一意である必要があります (サービスは InvalidParameter.DuplicatedName を返します)。`,
    initContainerMissing: (path, keys) =>
      `${path} に ${keys.join(' と ')} がありません。イメージのない init コンテナは実行できず、名前のないものは区別できません。Name と Image の両方を指定してください。`,
    ttyForBash: (path) =>
      `${path}.Command は対話型の bash を起動します (スクリプトも -c もありません)。端末がないとすぐに終了するため、Tty: true を指定してください。`,
    duplicateVolumeName: (name) =>
      `ボリューム名 ${JSON.stringify(name)} が複数回定義されています。ボリューム名は一意である必要があります (サービスは InvalidParameter.DuplicatedVolumeName を返します)。`,
    unknownVolume: (name, defined) =>
      defined.length
        ? `${JSON.stringify(name)} に該当するボリュームがありません。定義済みのボリューム: ${defined.map((d) => JSON.stringify(d)).join(', ')}。`
        : `${JSON.stringify(name)} に該当するボリュームがありません。ドキュメントに Volume が定義されていません。Volume に追加してください。`,
    unknownVolumeNoneNamed: (name) =>
      `${JSON.stringify(name)} に該当するボリュームがありません。Volume のどの項目にも Name がありません。対象のボリュームに Name: ${JSON.stringify(name)} を指定してください。`,
    volumeUnsetSettingsOfOtherType: (settings, type) =>
      `ボリューム設定 ${settings} には Type ${type} のボリュームで空の値しかありません。「未設定」を意味し無視されます。必要なら削除してください。`,
    volumeSettingsOfOtherType: (settings, type) =>
      `ボリューム設定 ${settings} は Type ${type} と一致しません。${type} ボリュームには ${type} の設定だけを指定できます。`,
    volumeSettingsWithoutType: (settings) =>
      `ボリューム設定 ${settings} には同じボリュームに Type: ${settings} が必要です。`,
    configFileNotBase64: (path) =>
      `${path} は Base64 でエンコードする必要があります (A-Z a-z 0-9 + / と = のパディング、長さは 4 の倍数)。base64 などでファイルの内容をエンコードしてください。`,
    configFileTooLarge: (bytes, max) =>
      `この設定ファイルはデコード後 ${bytes} バイトです。1 ファイルは最大 ${max} バイト (32 KB) です。`,
    configVolumeTooLarge: (chars, max) =>
      `この ConfigFile ボリュームの Content の合計は ${chars} 文字です。1 ボリュームあたり最大 ${max} 文字 (60 KB) です。`,
    modeDecimal: (path, value, octal) =>
      `${path} ${value} はモード ${octal} の 10 進表記に見えます。API リファレンスはモードを 8 進数の数字で書くため、${value} は 8 進数 ${value.padStart(4, '0')} として読まれます。${octal} と書いてください。`,
    modeNotOctal: (path, value) =>
      `${path} ${value} は 8 進数のパーミッションではありません。0〜7 の数字を 4 桁まで (例: 0644) 書いてください。`,
    flexOptionsNotJson: (detail) =>
      `オプションは文字列中の JSON オブジェクトである必要があります (例: '{"volumeId":"d-xxx","performanceLevel":"PL1"}'): ${detail}。`,
    flexOptionsNotObject: 'JSON オブジェクトではありません',
    flexOptionsUnknownKey: (key, allowed, suggestion) =>
      `オプションにクラウドディスクでは不明なキー ${JSON.stringify(key)} があります${suggestion ? ` (${suggestion} のことですか?)` : ''}。キーは ${allowed.join(', ')} です。`,
    flexOptionsUndocumentedKey: (keys, allowed, suggestions) =>
      `オプションのキー ${keys.map((k) => JSON.stringify(k)).join(', ')} は、API リファレンスにクラウドディスク用として記載されていません${suggestions.length ? ` (${suggestions.join(', ')} のことですか?)` : ''}。記載されているキー: ${allowed.join(', ')}。ドライバーが受け付ける可能性があるため、確認にはドライランしてください。`,
    flexOptionsNotBoolean: (key) => `オプション ${key} は true または false である必要があります。`,
    flexVolumeSize: (value, min, max) =>
      `オプション volumeSize ${value} は ${min}〜${max} GiB (GiB 単位の整数) の範囲外です。`,
    flexKmsWithoutEncrypted: () =>
      'オプションに kmsKeyId がありますが "encrypted": true がありません。KMS キーは暗号化ディスクにのみ使われます (サービスは InvalidParameter.KMS.EncryptedIllegal を返します)。',
    duplicateTagKey: (key) =>
      `タグキー ${JSON.stringify(key)} が複数回使われています。タグキーは一意である必要があります。`,
    netRawTicket: () =>
      'NET_RAW はデフォルトでは有効ではありません。追加する前に Alibaba Cloud にチケットを提出してください。提出しないとリクエストは拒否されます。',
    windowsBeta: () => 'OsType Windows はベータ版です。先に Alibaba Cloud にチケットを提出してください。',
    dnsNoneWithoutConfig: () =>
      'DnsPolicy None は DnsConfig の設定を使いますが、DnsConfig (NameServer、Search、Option) がありません。インスタンスには DNS 設定がありません。',
  },

  // ---- quick fix titles
  fix: {
    renameKey: (from: string, to: string) => `${from} を ${to} に変更`,
    addRequired: (keys: readonly string[], where: string) => `${where} に必須の ${keys.join(', ')} を追加`,
    addAllRequired: (keys: readonly string[], where: string) =>
      `${where} に不足している必須キーをすべて追加 (${keys.join(', ')})`,
    theDocument: 'ドキュメント',
    enumValue: (from: string, to: string) => `${from} を ${to} に変更`,
    base64: (path: string) => `${path} を Base64 でエンコード`,
    removeHandler: (handler: string, probe: string) => `${probe} から ${handler} を削除`,
    keepOnlyHandler: (handler: string, probe: string, removed: readonly string[]) =>
      `${probe} に ${handler} だけを残す (${removed.join(', ')} を削除)`,
    addSpotPriceLimit: (value: string) => `SpotPriceLimit: ${value} を追加`,
    generateClientToken: '新しい ClientToken を生成',
    addClientToken: 'ClientToken を追加 (create の再試行を冪等にする)',
    nestKey: (key: string) => `${key} をネストした形式で書く`,
    createVolume: (name: string, type: string) => `ボリューム ${JSON.stringify(name)} を作成 (${type})`,
    setValue: (key: string, value: string) => `${key}: ${value} を設定`,
    removeKey: (key: string) => `${key} を削除`,
    roundPrice: (value: string) => `SpotPriceLimit を ${value} に丸める`,
    unquote: (value: string) => `${value} の引用符を外す`,
    quote: (value: string) => `${value} を引用符で囲んで文字列にする`,
    quoteSecret: '値を引用符で囲んで文字列にする',
    removeDuplicate: (key: string, line: number) => `この ${key} を削除 (${line} 行目)`,
    removeEarlier: (key: string, line: number) => `この ${key} を残し、${line} 行目のものを削除`,
    ignoreOnLine: (id: string) => `この行の ${id} を無視`,
    ignoreReason: '理由',
    octalMode: (from: string, to: string) => `モード ${from} を 8 進数 ${to} で書く`,
  },
  // ---- 固定の診断コードの意味
  codeDescriptions: {
    'yaml.syntax': 'ファイルが正しい YAML ではありません。',
    'yaml.duplicate-key': '同じマッピングにキーが 2 回現れています。',
    'yaml.multiple-documents':
      '*.eci.yaml ファイルは 1 つのコンテナグループを表します。最初の YAML ドキュメントだけが使われます。',
    'yaml.too-large': 'ドキュメントが大きすぎて解析も送信もできません。',
    'yaml.too-deep': 'コレクションの入れ子が深すぎるため、ドキュメントを解析できません。',
    'yaml.not-a-mapping': 'ドキュメントは CreateContainerGroup パラメーターのマッピングである必要があります。',
    'yaml.unresolved-alias': 'YAML のエイリアスが参照するアンカーがありません。',
    'yaml.excessive-aliases': 'YAML のエイリアスの展開結果が多すぎます。',
    'schema.type': '値の型がパラメーターに合いません。',
    'schema.required': '必須パラメーターがありません。',
    'schema.enum': '値がパラメーターで許可された値のいずれでもありません。',
    'schema.minimum': '数値がパラメーターの最小値を下回っています。',
    'schema.maximum': '数値がパラメーターの最大値を超えています。',
    'schema.minLength': '文字列がパラメーターの許容より短いです。',
    'schema.maxLength': '文字列がパラメーターの許容より長いです。',
    'schema.pattern': '文字列がパラメーターの要求する形式ではありません。',
    'schema.minItems': 'リストの要素数がパラメーターの要求より少ないです。',
    'schema.maxItems': 'リストの要素数がパラメーターの許容より多いです。',
    'schema.uniqueItems': 'リストに一意であるべき要素が重複しています。',
    'schema.unknown-key': 'キーがこの位置の CreateContainerGroup パラメーターではありません。',
    'schema.former-name': 'キーが以前の公式クライアントの名前です。現在のリクエストでは別の名前です。',
    'schema.undocumented-value':
      'リファレンスに記載のない、開かれた語彙の値です。サービスが受け付ける可能性があります。',
    'schema.unset-value': 'リファレンスに制限の記載がない箇所の 0、""、false で、「未設定」を意味します。',
    'schema.too-many': '表示しきれないほど多くのスキーマの問題があります。先頭の問題を直すと残りが表示されます。',
    'suppression.unused': '何も抑制していない抑制コメントです。',
    'suppression.unknown-rule': '抑制コメントが抑制できるルールではない ID を指定しています。',
    'suppression.misplaced': '先頭のコメントブロックの外にある eci-ignore-file コメントです。',
    'account.unknown-vswitch': 'リージョンにアカウントの vSwitch として存在しない VSwitchId です (照会結果)。',
    'account.unknown-security-group':
      'リージョンにアカウントのセキュリティグループとして存在しない SecurityGroupId です (照会結果)。',
    'account.unknown-eip': 'リージョンにアカウントの EIP として存在しない EipInstanceId です (照会結果)。',
    'account.unknown-image-cache':
      'リージョンにアカウントのイメージキャッシュとして存在しない ImageSnapshotId です (照会結果)。',
    'account.security-group-vpc': 'vSwitch の VPC にないセキュリティグループです (照会結果)。',
    'account.zone-mismatch': 'vSwitch のゾーンと異なる ZoneId です (照会結果)。',
    'account.vswitch-no-free-ip': '空き IP アドレスのない vSwitch です (照会結果)。',
    'account.no-stock': 'ゾーンに要求サイズの在庫がありません (照会結果)。',
  },
  hoverRequired: '必須',
  hoverOptional: '任意',
  hoverDefault: 'デフォルト値',
  hoverAllowed: '指定できる値',
  hoverRange: '範囲',
  hoverLength: '長さ',
  hoverItems: '要素数',
  hoverPattern: '形式',
  hoverExample: '例',
  hoverUnit: '単位',
  hoverSdkMissing: 'SDK モデル @alicloud/eci20180808 2.0.3 にはありません。追加のクエリパラメータとして送信されます。',
  hoverSdkUndocumented: 'SDK モデルにはありますが、API リファレンスには記載されていません。',
  hoverFoundElsewhere:
    'API リファレンスには記載されていませんが、他の公式クライアントが送信するパラメータです。書かれたとおりにサービスへ渡します。',
  hoverOpenEnum: '同じ語彙のほかの値はエラーではなく警告になります。サービスが受け付ける可能性があります。',
  hoverSecret: 'シークレット: すべての出力でマスクされます。',
  hoverWarning: '注意',
  hoverListOf: (t) => `${t}${gapAfter(t)}のリスト`,
  hoverValue: (value, path) => `${path} の値 ${value}`,
  atLeast: (n) => `${n} 以上`,
  atMost: (n) => `${n} 以下`,
  greaterThan: (n) => `${n} より大きい`,
  lessThan: (n) => `${n} 未満`,
  lengthInCharacters: (min, max) =>
    min !== undefined && max !== undefined
      ? `${min} – ${max} 文字`
      : min !== undefined
        ? `${min} 文字以上`
        : `${max} 文字以下`,
  snippetLabel: {
    document: '新しいコンテナグループ (最小の有効なドキュメント)',
    container: 'コンテナ (名前、イメージ、リソース、ポート)',
    initContainer: 'init コンテナ',
    httpProbe: 'HTTP プローブ',
    tcpProbe: 'TCP プローブ',
    execProbe: 'Exec プローブ',
    httpGetHandler: 'HTTP チェック (HttpGet)',
    tcpSocketHandler: 'TCP チェック (TcpSocket)',
    execHandler: 'コマンドチェック (Exec)',
    spot: 'スポットインスタンス (上限価格)',
    volume: (type) => `ボリューム: ${type}`,
  },
  snippetDetail: 'スニペット',
  suggestValues: '値の候補を表示',
  unknownServerCommand: (command: string) => `ECI 言語サーバーにはコマンド ${JSON.stringify(command)} がありません。`,
  regionDetail: 'Alibaba Cloud リージョン',
  volumeNameDetail: (type) => `このドキュメントで定義されたボリューム${type ? ` (${type})` : ''}`,
  defaultValueDetail: (path) => `${path} のデフォルト値`,
  exampleValueDetail: (path) => `${path} の例`,
  containerPortDetail: (container) => `コンテナ ${container} が公開するポート (Port[].Port)`,
  rename: {
    notAVolumeName:
      'ここで名前を変更できるのはボリューム名だけです。Volume[].Name または VolumeMount[].Name にカーソルを置いてください。',
    empty: 'ボリューム名は空にできません。',
    multiline: 'ボリューム名は 1 行で指定してください。',
    clash: (name, wirePath, line) =>
      `ボリューム '${name}' はすでに存在します (${wirePath}、${line} 行目)。ボリューム名はコンテナグループ内で一意である必要があります。`,
  },
  outline: {
    items: (n) => `${n} 項目`,
    emptyKey: '(空のキー)',
    item: '項目',
    secret: '******** (秘密)',
  },
  templateComments: {
    'web-server': [
      'Web サーバー: ポート 80 の nginx。readiness プローブ (HTTP) と liveness プローブ (TCP) 付き。',
      'ドライランしてから作成してください。インターネットからアクセスするには AutoCreateEip: true を追加します。',
    ],
    'batch-job': [
      'バッチジョブ: 一度だけ完了まで実行し、再起動しません。',
      '1 時間を超えて実行されると ActiveDeadlineSeconds により停止します。',
    ],
    'spot-job': [
      'プリエンプティブル (スポット) インスタンス上のジョブ: はるかに安価ですが、回収されることがあります。',
      'SpotWithPriceLimit には SpotPriceLimit (許容する最大時間単価、小数点以下 3 桁まで) が必要です。',
      'SpotDuration: 1 を指定すると、最初の 1 時間はインスタンスが回収されません。',
    ],
    'gpu-job': [
      'GPU ジョブ: NVIDIA T4 搭載のインスタンスタイプ (ecs.gn6i-c4g1.xlarge) とコンテナ用の GPU 1 基。',
      'このインスタンスタイプがお使いのリージョンとゾーンで提供されていることを確認してください。',
    ],
    'init-container-and-volumes': [
      'nginx の起動前に、初期化コンテナが共有の EmptyDir ボリュームにコンテンツを用意します。',
      'nginx は設定を ConfigFile ボリュームから読み込みます (Content は base64)。',
    ],
  },
  // ---- アカウント情報
  account: {
    at: (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`,
    unknownVSwitch: (id, region, count, at) =>
      `vSwitch ${id} は ${region} に存在しません: ${at} に ${region} のアカウントの vSwitch ${count} 個を照会しました (DescribeVSwitches)。`,
    unknownSecurityGroup: (id, region, count, at) =>
      `セキュリティグループ ${id} は ${region} に存在しません: ${at} に ${region} のアカウントのセキュリティグループ ${count} 個を照会しました (DescribeSecurityGroups)。`,
    unknownEip: (id, region, count, at) =>
      `EIP ${id} は ${region} に存在しません: ${at} に ${region} のアカウントの EIP ${count} 個を照会しました (DescribeEipAddresses)。`,
    unknownImageCache: (id, region, count, at) =>
      `イメージキャッシュ ${id} は ${region} に存在しません: ${at} に ${region} のアカウントのイメージキャッシュ ${count} 個を照会しました (DescribeImageCaches)。`,
    securityGroupVpc: (sg, sgVpc, vsw, vswVpc, at) =>
      `セキュリティグループ ${sg} は VPC ${sgVpc} にありますが、vSwitch ${vsw} は VPC ${vswVpc} にあります: セキュリティグループは vSwitch の VPC にある必要があります (${at} に照会)。`,
    zoneMismatch: (zone, vsw, vswZone, at) =>
      `ZoneId は ${zone} ですが、vSwitch ${vsw} はゾーン ${vswZone} にあります: インスタンスは vSwitch のゾーンで動きます (${at} に照会)。`,
    noFreeIp: (vsw, cidr, at) =>
      `vSwitch ${vsw} (${cidr}) には空き IP アドレスがないため、インスタンスを作成できません (${at} に照会)。`,
    noStock: (zone, size, at) =>
      `ゾーン ${zone} には ${size} の在庫がありません (${at} に DescribeAvailableResource で照会)。`,
    noStockAnywhere: (region, size, at) =>
      `${region} のどのゾーンにも ${size} の在庫がありません (${at} に DescribeAvailableResource で照会)。`,
    sizeCores: (cpu) => `${cpu} vCPU`,
    vSwitchDetail: (zone, vpc, cidr, free) => `${zone} · ${vpc} · ${cidr} · 空き IP ${free} 個`,
    securityGroupDetail: (name, vpc) => `${name} · ${vpc}`,
    zoneDetail: (stock, recommended) =>
      `${stock === 'with' ? 'このサイズの在庫あり' : stock === 'without' ? 'このサイズの在庫なし' : 'ゾーン'}${recommended ? ' · 推奨' : ''}`,
    imageCacheDetail: (name, images) => `${name} · ${images.join(', ')}`,
    eipDetail: (ip, name) => `${ip}${name ? ` · ${name}` : ''}`,
    regionLive: 'Alibaba Cloud リージョン (DescribeRegions で照会)',
    lookedUpAt: (at) => `${at} に照会`,
    fixZone: (zone) => `ZoneId を ${zone} (vSwitch のゾーン) に設定`,
    fixVSwitch: (id, zone) => `vSwitch ${id} (ゾーン ${zone}) を使用`,
    fixId: (id) => `${id} に変更`,
  },
};

const tables: Record<Locale, Messages> = { en, ja };

export function messagesFor(locale: string | undefined): Messages {
  return tables[localeOf(locale)];
}
