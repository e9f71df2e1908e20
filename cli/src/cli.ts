// `eci`: the language service and the ECI call layer on the command line.
// Bundled by scripts/build.mjs to dist/cli.js (with a shebang); the package's `bin` is `eci`.
import { version as packageVersion } from '../../package.json';
import { parseArgs, UsageError, type OptionSpec } from './args';
import type { CallOptions } from './callCommand';
import { createContext, complain, type CliContext, type CliIO } from './context';
import { EXIT } from './exitCodes';
import { COMMANDS, helpText, type CommandName } from './help';
import { detectLocale, isSupportedLocaleFlag, messages } from './locale';
import { colourEnabled } from './terminal';
import { runValidate, type OutputFormat } from './validate';
import { runRequest } from './requestCommand';

const COMMON: OptionSpec[] = [
  { name: 'help', short: 'h', takesValue: false },
  { name: 'locale', takesValue: true },
  { name: 'no-color', takesValue: false },
];

/** The options of the commands that look things up in the account (price, validate --online). */
const ONLINE_OPTIONS: OptionSpec[] = [
  { name: 'region', takesValue: true },
  { name: 'profile', takesValue: true },
  { name: 'endpoint', takesValue: true },
];

const OPTIONS: Record<CommandName | 'main', OptionSpec[]> = {
  main: [...COMMON, { name: 'version', short: 'V', takesValue: false }],
  validate: [
    ...COMMON,
    { name: 'format', short: 'f', takesValue: true },
    { name: 'show-suppressed', takesValue: false },
    ...ONLINE_OPTIONS,
    { name: 'online', takesValue: false },
  ],
  price: [...COMMON, ...ONLINE_OPTIONS, { name: 'json', takesValue: false }],
  request: [...COMMON, { name: 'show-secrets', takesValue: false }],
  'dry-run': [...COMMON, ...callOptions(), { name: 'force', takesValue: false }],
  create: [
    ...COMMON,
    ...callOptions(),
    { name: 'client-token', takesValue: true },
    { name: 'wait', takesValue: false },
    { name: 'wait-timeout', takesValue: true },
  ],
  list: [...COMMON, ...groupOptions(), { name: 'status', takesValue: true }],
  get: [...COMMON, ...groupOptions(), { name: 'format', short: 'f', takesValue: true }],
  status: [
    ...COMMON,
    ...groupOptions(),
    { name: 'wait', takesValue: false },
    { name: 'wait-timeout', takesValue: true },
  ],
  events: [...COMMON, ...groupOptions()],
  logs: [
    ...COMMON,
    ...groupOptions(),
    { name: 'container', takesValue: true },
    { name: 'tail', takesValue: true },
    { name: 'follow', takesValue: false },
    { name: 'previous', takesValue: false },
  ],
  restart: [...COMMON, ...groupOptions()],
  delete: [...COMMON, ...groupOptions(), { name: 'yes', takesValue: false }],
  exec: [...COMMON, ...groupOptions(), { name: 'container', takesValue: true }],
  update: [...COMMON, ...groupOptions(), { name: 'group', takesValue: true }, { name: 'dry-run', takesValue: false }],
  simulator: [
    ...COMMON,
    { name: 'port', takesValue: true },
    { name: 'pending-seconds', takesValue: true },
    { name: 'access-key-id', takesValue: true },
    { name: 'access-key-secret', takesValue: true },
  ],
};

function callOptions(): OptionSpec[] {
  return [...groupOptions(), { name: 'timeout', takesValue: true }, { name: 'max-attempts', takesValue: true }];
}

/** The options of the commands after a create (list, get, status, events, logs, restart, delete, exec, update). */
function groupOptions(): OptionSpec[] {
  return [
    { name: 'region', takesValue: true },
    { name: 'profile', takesValue: true },
    { name: 'endpoint', takesValue: true },
    { name: 'instance-metadata', takesValue: false },
    { name: 'json', takesValue: false },
  ];
}

/** The --locale value written on the command line, if any (read before parsing, to word parse errors). */
function localeFlagOf(argv: string[]): string | undefined {
  const localeIndex = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  return localeIndex < 0
    ? undefined
    : argv[localeIndex].includes('=')
      ? argv[localeIndex].split('=')[1]
      : argv[localeIndex + 1];
}

function localeOfArgv(argv: string[], env: NodeJS.ProcessEnv) {
  const localeFlag = localeFlagOf(argv);
  return detectLocale(localeFlag && isSupportedLocaleFlag(localeFlag) ? localeFlag : undefined, env);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  // The locale is needed before parsing to word parse errors: take a --locale value if one is there.
  const locale = localeOfArgv(argv, io.env);
  const noColour = argv.includes('--no-color');
  const ctx = createContext(
    io,
    locale,
    colourEnabled(io.stdout, io.env, noColour),
    colourEnabled(io.stderr, io.env, noColour),
  );
  const invocation = parseInvocation(ctx, argv);
  return typeof invocation === 'number' ? invocation : runCommand(ctx, invocation.command, invocation.parsed);
}

type Parsed = ReturnType<typeof parseArgs>;

/**
 * The command and its arguments, or the exit code once answered: a usage error, `--version`,
 * `--help`, `eci help [COMMAND]`. Global options may come before the command: `eci --locale ja validate .`.
 */
function parseInvocation(ctx: CliContext, argv: string[]): { command: CommandName; parsed: Parsed } | number {
  const { locale, msg } = ctx;
  const localeFlag = localeFlagOf(argv);
  let commandIndex = 0;
  while (commandIndex < argv.length && argv[commandIndex].startsWith('-') && argv[commandIndex] !== '--') {
    commandIndex += argv[commandIndex] === '--locale' ? 2 : 1;
  }
  const globals = parseOrComplain(
    ctx,
    argv.slice(0, Math.min(commandIndex, argv.length)),
    'main',
    () => `\n\n${helpText(locale)}`,
  );
  if (typeof globals === 'number') return globals;
  if (localeFlag !== undefined && !isSupportedLocaleFlag(localeFlag)) {
    complain(ctx, msg.badLocale(localeFlag));
    return EXIT.usage;
  }
  if (globals.options.has('version')) {
    ctx.stdout.write(`${packageVersion}\n`);
    return EXIT.ok;
  }
  const commandWord = argv[commandIndex] === '--' ? argv[commandIndex + 1] : argv[commandIndex];
  if (commandWord === undefined) {
    if (globals.options.has('help')) {
      ctx.stdout.write(helpText(locale));
      return EXIT.ok;
    }
    complain(ctx, `${msg.missingCommand}\n\n${helpText(locale)}`);
    return EXIT.usage;
  }
  if (commandWord === 'help') {
    const topic = argv[commandIndex + 1] as CommandName | undefined;
    ctx.stdout.write(helpText(locale, topic && COMMANDS.includes(topic) ? topic : undefined));
    return EXIT.ok;
  }
  if (!COMMANDS.includes(commandWord as CommandName)) {
    complain(ctx, `${msg.unknownCommand(commandWord)}\n\n${helpText(locale)}`);
    return EXIT.usage;
  }
  const command = commandWord as CommandName;
  const parsed = parseOrComplain(
    ctx,
    argv.slice(argv.indexOf(commandWord, commandIndex) + 1),
    command,
    () => `\n${msg.seeHelp(command)}`,
  );
  if (typeof parsed === 'number') return parsed;
  const localeValue = parsed.options.get('locale');
  if (typeof localeValue === 'string' && !isSupportedLocaleFlag(localeValue)) {
    complain(ctx, `${msg.badLocale(localeValue)}\n${msg.seeHelp(command)}`);
    return EXIT.usage;
  }
  if (parsed.options.get('help') === true || globals.options.has('help')) {
    ctx.stdout.write(helpText(locale, command));
    return EXIT.ok;
  }
  return { command, parsed };
}

/** `args` parsed against the options of `command` (or the global ones), or a usage error said with `after`. */
function parseOrComplain(
  ctx: CliContext,
  args: string[],
  command: CommandName | 'main',
  after: () => string,
): Parsed | number {
  const { msg } = ctx;
  try {
    return parseArgs(args, OPTIONS[command], {
      unknownOption: (o) => msg.unknownOption(o, command === 'main' ? 'eci' : command),
      missingValue: msg.missingValue,
      noValueExpected: msg.noValueExpected,
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(ctx, `${err.message}${after()}`);
    return EXIT.usage;
  }
}

async function runCommand(ctx: CliContext, command: CommandName, parsed: Parsed): Promise<number> {
  const msg = ctx.msg;
  const opt = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const flag = (name: string) => parsed.options.get(name) === true;

  switch (command) {
    case 'simulator': {
      const port = opt('port') ?? '18080';
      const pending = opt('pending-seconds') ?? '5';
      if (!(/^\d+$/.test(port) && Number(port) <= 65535)) {
        complain(ctx, `${msg.badNumber('--port', port, 'a port number from 0 to 65535')}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      if (!(/^\d+(\.\d+)?$/.test(pending) && Number(pending) <= 600)) {
        complain(
          ctx,
          `${msg.badNumber('--pending-seconds', pending, 'a number of seconds from 0 to 600')}\n${msg.seeHelp(command)}`,
        );
        return EXIT.usage;
      }
      const id = opt('access-key-id');
      const secret = opt('access-key-secret');
      if ((id === undefined) !== (secret === undefined) || parsed.positionals.length) {
        complain(ctx, `${msg.simulatorUsage}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      const { runSimulator } = await import('./simulator.js');
      return runSimulator(ctx, {
        port: Number(port),
        pendingSeconds: Number(pending),
        accessKeyId: id,
        accessKeySecret: secret,
      });
    }
    case 'validate': {
      const format = opt('format') ?? 'text';
      if (format !== 'text' && format !== 'json' && format !== 'sarif') {
        complain(ctx, `${msg.badFormat(format)}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      let facts;
      if (flag('online')) {
        const { lookUpForDocuments } = await import('./onlineChecks.js');
        const looked = await lookUpForDocuments(ctx, parsed.positionals, {
          region: opt('region'),
          profile: opt('profile'),
          endpoint: opt('endpoint'),
        });
        if (typeof looked === 'number') return looked;
        facts = looked;
      }
      return runValidate(
        ctx,
        parsed.positionals,
        format as OutputFormat,
        packageVersion,
        flag('show-suppressed'),
        facts,
      );
    }
    case 'price': {
      if (parsed.positionals.length !== 1) {
        complain(ctx, `${msg.oneFile(command, parsed.positionals.length)}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      const { runPrice } = await import('./priceCommand.js');
      return runPrice(ctx, parsed.positionals[0], {
        region: opt('region'),
        profile: opt('profile'),
        endpoint: opt('endpoint'),
        json: flag('json'),
      });
    }
    case 'request':
      if (parsed.positionals.length !== 1) {
        complain(ctx, `${msg.oneFile(command, parsed.positionals.length)}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      return runRequest(ctx, parsed.positionals[0], flag('show-secrets'));
    case 'dry-run':
    case 'create': {
      if (parsed.positionals.length !== 1) {
        complain(ctx, `${msg.oneFile(command, parsed.positionals.length)}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      const call = callOptionsFrom(ctx, command, opt, flag);
      if (typeof call === 'number') return call;
      if (command === 'create') {
        const waitTimeout = waitTimeoutFrom(ctx, command, opt);
        if (typeof waitTimeout === 'object') return waitTimeout.exit;
        if (flag('wait')) call.wait = { ...(waitTimeout !== undefined ? { timeoutSeconds: waitTimeout } : {}) };
      }
      // The call layer (and the SDK behind it) loads only when a call is asked for.
      const { runCall } = await import('./callCommand.js');
      return runCall(ctx, parsed.positionals[0], call);
    }
    default:
      return runGroupCommand(ctx, command, parsed, opt, flag);
  }
}

/** `--wait-timeout SECONDS` (1 to 86400), undefined when absent, or the exit code of a usage error. */
function waitTimeoutFrom(
  ctx: CliContext,
  command: CommandName,
  opt: (name: string) => string | undefined,
): number | undefined | { exit: number } {
  const v = opt('wait-timeout');
  if (v === undefined) return undefined;
  if (!(/^\d+(\.\d+)?$/.test(v) && Number(v) > 0 && Number(v) <= 86400)) {
    complain(
      ctx,
      `${ctx.msg.badNumber('--wait-timeout', v, 'a number of seconds above 0 and at most 86400')}\n${ctx.msg.seeHelp(command)}`,
    );
    return { exit: EXIT.usage };
  }
  return Number(v);
}

/** list, get, status, events, logs, restart, delete, exec, update: checked, then run (the call layer loads only then). */
async function runGroupCommand(
  ctx: CliContext,
  command: CommandName,
  parsed: Parsed,
  opt: (name: string) => string | undefined,
  flag: (name: string) => boolean,
): Promise<number> {
  const { lifecycleWords } = await import('./lifecycleWords.js');
  const words = lifecycleWords(ctx.locale);
  const usage = (message: string) => {
    complain(ctx, `${message}\n${ctx.msg.seeHelp(command)}`);
    return EXIT.usage;
  };
  const o = {
    command,
    region: opt('region'),
    profile: opt('profile'),
    endpoint: opt('endpoint'),
    allowInstanceMetadata: flag('instance-metadata'),
    json: flag('json'),
  };
  const positionals = parsed.positionals;
  const oneId = () => (positionals.length === 1 ? positionals[0] : undefined);
  switch (command) {
    case 'list': {
      if (positionals.length) return usage(words.oneId(command, positionals.length));
      const { runList } = await import('./groupCommand.js');
      return runList(ctx, o, opt('status'));
    }
    case 'update': {
      if (positionals.length !== 1) return usage(ctx.msg.oneFile(command, positionals.length));
      const group = opt('group');
      if (!group) return usage(words.updateNeedsGroup);
      const { runUpdate } = await import('./updateCommand.js');
      return runUpdate(ctx, o, positionals[0], group, flag('dry-run'));
    }
    case 'exec': {
      const dash = parsed.afterDash ?? [];
      const before = positionals.slice(0, positionals.length - dash.length);
      if (before.length !== 1) return usage(words.oneId(command, before.length));
      if (!dash.length) return usage(words.execNeedsCommand);
      const { runExec } = await import('./execCommand.js');
      return runExec(ctx, o, before[0], dash, opt('container'));
    }
    default: {
      const id = oneId();
      if (id === undefined) return usage(words.oneId(command, positionals.length));
      const groups = await import('./groupCommand.js');
      switch (command) {
        case 'get': {
          const format = opt('format') ?? 'yaml';
          if (format !== 'yaml' && format !== 'json') return usage(words.badFormatGetYaml(format));
          return groups.runGet(ctx, o, id, format);
        }
        case 'status': {
          const waitTimeout = waitTimeoutFrom(ctx, command, opt);
          if (typeof waitTimeout === 'object') return waitTimeout.exit;
          return groups.runStatus(ctx, o, id, flag('wait'), waitTimeout);
        }
        case 'events':
          return groups.runEvents(ctx, o, id);
        case 'restart':
          return groups.runRestart(ctx, o, id);
        case 'delete':
          return groups.runDelete(ctx, o, id, flag('yes'));
        case 'logs': {
          const tail = opt('tail');
          if (tail !== undefined && !/^\d+$/.test(tail))
            return usage(ctx.msg.badNumber('--tail', tail, 'a whole number of lines'));
          const { runLogs } = await import('./logsCommand.js');
          return runLogs(ctx, o, id, {
            container: opt('container'),
            ...(tail !== undefined ? { tail: Number(tail) } : {}),
            follow: flag('follow'),
            previous: flag('previous'),
          });
        }
        default:
          return usage(words.oneId(command, positionals.length));
      }
    }
  }
}

/** The options of `dry-run` / `create`, checked (a usage error's exit code otherwise). */
function callOptionsFrom(
  ctx: CliContext,
  command: 'dry-run' | 'create',
  opt: (name: string) => string | undefined,
  flag: (name: string) => boolean,
): CallOptions | number {
  const msg = ctx.msg;
  const timeout = opt('timeout');
  const maxAttempts = opt('max-attempts');
  if (timeout !== undefined && !(/^\d+(\.\d+)?$/.test(timeout) && Number(timeout) > 0 && Number(timeout) <= 600)) {
    complain(
      ctx,
      `${msg.badNumber('--timeout', timeout, 'a number of seconds above 0 and at most 600')}\n${msg.seeHelp(command)}`,
    );
    return EXIT.usage;
  }
  if (
    maxAttempts !== undefined &&
    !(/^\d+$/.test(maxAttempts) && Number(maxAttempts) >= 1 && Number(maxAttempts) <= 10)
  ) {
    complain(
      ctx,
      `${msg.badNumber('--max-attempts', maxAttempts, 'a whole number from 1 to 10')}\n${msg.seeHelp(command)}`,
    );
    return EXIT.usage;
  }
  const clientToken = opt('client-token');
  if (clientToken !== undefined && !/^[\x21-\x7e]{1,64}$/.test(clientToken)) {
    complain(ctx, `${msg.badClientToken(clientToken)}\n${msg.seeHelp(command)}`);
    return EXIT.usage;
  }
  return {
    dryRun: command === 'dry-run',
    region: opt('region'),
    profile: opt('profile'),
    endpoint: opt('endpoint'),
    allowInstanceMetadata: flag('instance-metadata'),
    json: flag('json'),
    timeoutSeconds: timeout === undefined ? undefined : Number(timeout),
    maxAttempts: maxAttempts === undefined ? undefined : Number(maxAttempts),
    ...(clientToken !== undefined ? { clientToken } : {}),
    ...(command === 'dry-run' && flag('force') ? { force: true } : {}),
  };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const stdout = guardStdout(process.stdout);
  // A broken stderr must not crash the process either; there is nowhere left to report it.
  process.stderr.on('error', () => undefined);
  const io: CliIO = {
    cwd: process.cwd(),
    env: process.env,
    stdout: stdout.stream,
    stderr: process.stderr,
    lostOutputNotes: [],
  };
  const finish = async (code: number) => {
    await stdout.flushed();
    const failure = stdout.failure();
    if (!failure) return exitAfterFlush(code);
    // The output is lost: say so on stderr, with whatever must not be lost (a created group's id and token).
    const msg = messages(localeOfArgv(argv, process.env));
    const detail = failure.code ? `${failure.code}: ${failure.message.replace(/^\w+: /, '')}` : failure.message;
    let text = `eci: ${msg.outputFailed(detail, code, EXIT.outputFailed)}\n`;
    if (io.lostOutputNotes?.length) text += `${msg.outputFailedNotes}\n${io.lostOutputNotes.join('\n')}\n`;
    process.stderr.write(text);
    exitAfterFlush(EXIT.outputFailed, false);
  };
  main(argv, io).then(
    (code) => finish(code),
    (err: unknown) => {
      process.stderr.write(`eci: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      return finish(70);
    },
  );
}

/**
 * process.stdout behind a guard: a failed write (a full disk: ENOSPC; a closed pipe: EPIPE) is recorded
 * instead of crashing the process with an unhandled 'error', and nothing more is written after it.
 */
function guardStdout(out: NodeJS.WriteStream): {
  stream: CliIO['stdout'];
  failure(): NodeJS.ErrnoException | undefined;
  flushed(): Promise<void>;
} {
  let failure: NodeJS.ErrnoException | undefined;
  const onError = (e: Error) => (failure ??= e as NodeJS.ErrnoException);
  out.on('error', onError);
  return {
    stream: {
      isTTY: out.isTTY,
      write: (s: string) => {
        if (failure) return false;
        if (s === '') return true; // nothing to lose (and /dev/full refuses even an empty write)
        try {
          return out.write(s, (e) => e && onError(e));
        } catch (e) {
          onError(e as Error);
          return false;
        }
      },
    },
    failure: () => failure,
    // A failed write is reported on the next tick: let it arrive, then wait for what is still queued.
    flushed: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          if (failure || out.destroyed || out.writableLength === 0) return resolve();
          out.once('error', () => resolve());
          out.once('drain', () => resolve());
        }),
      ),
  };
}

/** Exits once stdout and stderr have drained (piped output is written asynchronously), without
 * waiting for keep-alive sockets the SDK may hold open. */
function exitAfterFlush(code: number, waitForStdout = true): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  if (waitForStdout && process.stdout.writableLength > 0) process.stdout.once('drain', done).once('error', done);
  else pending--;
  process.stderr.write('', done);
}
