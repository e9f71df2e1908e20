// `eci`: the language service and the ECI call layer on the command line.
// Bundled by scripts/build.mjs to dist/cli.js (with a shebang); the package's `bin` is `eci`.
import { version as packageVersion } from '../../package.json';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { createContext, complain, type CliIO } from './context';
import { EXIT } from './exitCodes';
import { COMMANDS, helpText, type CommandName } from './help';
import { detectLocale, isSupportedLocaleFlag, messages } from './locale';
import { colourEnabled } from './terminal';
import { runValidate, type OutputFormat } from './validate';
import { runRequest } from './request';

const COMMON: OptionSpec[] = [
  { name: 'help', short: 'h', takesValue: false },
  { name: 'locale', takesValue: true },
  { name: 'no-color', takesValue: false },
];

const OPTIONS: Record<CommandName | 'main', OptionSpec[]> = {
  main: [...COMMON, { name: 'version', short: 'V', takesValue: false }],
  validate: [...COMMON, { name: 'format', short: 'f', takesValue: true }, { name: 'show-suppressed', takesValue: false }],
  request: [...COMMON, { name: 'show-secrets', takesValue: false }],
  'dry-run': [...COMMON, ...callOptions(), { name: 'force', takesValue: false }],
  create: [...COMMON, ...callOptions(), { name: 'client-token', takesValue: true }],
};

function callOptions(): OptionSpec[] {
  return [
    { name: 'region', takesValue: true },
    { name: 'profile', takesValue: true },
    { name: 'endpoint', takesValue: true },
    { name: 'instance-metadata', takesValue: false },
    { name: 'timeout', takesValue: true },
    { name: 'max-attempts', takesValue: true },
    { name: 'json', takesValue: false },
  ];
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  // The locale is needed before parsing to word parse errors: take a --locale value if one is there.
  const localeIndex = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const localeFlag = localeIndex < 0 ? undefined : argv[localeIndex].includes('=') ? argv[localeIndex].split('=')[1] : argv[localeIndex + 1];
  const locale = detectLocale(localeFlag && isSupportedLocaleFlag(localeFlag) ? localeFlag : undefined, io.env);
  const noColour = argv.includes('--no-color');
  const ctx = createContext(io, locale, colourEnabled(io.stdout, io.env, noColour), colourEnabled(io.stderr, io.env, noColour));
  const msg = messages(locale);

  // Global options may come before the command: `eci --locale ja validate .`.
  let commandIndex = 0;
  while (commandIndex < argv.length && argv[commandIndex].startsWith('-') && argv[commandIndex] !== '--') {
    commandIndex += argv[commandIndex] === '--locale' ? 2 : 1;
  }
  const globalArgs = argv.slice(0, Math.min(commandIndex, argv.length));
  let globals;
  try {
    globals = parseArgs(globalArgs, OPTIONS.main, { unknownOption: (o) => msg.unknownOption(o, 'eci'), missingValue: msg.missingValue, noValueExpected: msg.noValueExpected });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(ctx, `${err.message}\n\n${helpText(locale)}`);
    return EXIT.usage;
  }
  if (localeFlag !== undefined && !isSupportedLocaleFlag(localeFlag)) {
    complain(ctx, msg.badLocale(localeFlag));
    return EXIT.usage;
  }
  if (globals.options.has('version')) {
    io.stdout.write(`${packageVersion}\n`);
    return EXIT.ok;
  }
  const commandWord = argv[commandIndex] === '--' ? argv[commandIndex + 1] : argv[commandIndex];
  if (commandWord === undefined) {
    if (globals.options.has('help')) {
      io.stdout.write(helpText(locale));
      return EXIT.ok;
    }
    complain(ctx, `${msg.missingCommand}\n\n${helpText(locale)}`);
    return EXIT.usage;
  }
  if (commandWord === 'help') {
    const topic = argv[commandIndex + 1] as CommandName | undefined;
    io.stdout.write(helpText(locale, topic && COMMANDS.includes(topic) ? topic : undefined));
    return EXIT.ok;
  }
  if (!COMMANDS.includes(commandWord as CommandName)) {
    complain(ctx, `${msg.unknownCommand(commandWord)}\n\n${helpText(locale)}`);
    return EXIT.usage;
  }
  const command = commandWord as CommandName;
  let parsed;
  try {
    parsed = parseArgs(argv.slice(argv.indexOf(commandWord, commandIndex) + 1), OPTIONS[command], {
      unknownOption: (o) => msg.unknownOption(o, command),
      missingValue: msg.missingValue,
      noValueExpected: msg.noValueExpected,
    });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    complain(ctx, `${err.message}\n${msg.seeHelp(command)}`);
    return EXIT.usage;
  }
  const opt = (name: string) => {
    const v = parsed.options.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const flag = (name: string) => parsed.options.get(name) === true;

  const localeValue = opt('locale');
  if (localeValue !== undefined && !isSupportedLocaleFlag(localeValue)) {
    complain(ctx, `${msg.badLocale(localeValue)}\n${msg.seeHelp(command)}`);
    return EXIT.usage;
  }
  if (flag('help') || globals.options.has('help')) {
    io.stdout.write(helpText(locale, command));
    return EXIT.ok;
  }

  switch (command) {
    case 'validate': {
      const format = opt('format') ?? 'text';
      if (format !== 'text' && format !== 'json' && format !== 'sarif') {
        complain(ctx, `${msg.badFormat(format)}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      return runValidate(ctx, parsed.positionals, format as OutputFormat, packageVersion, flag('show-suppressed'));
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
      const timeout = opt('timeout');
      const maxAttempts = opt('max-attempts');
      if (timeout !== undefined && !(/^\d+(\.\d+)?$/.test(timeout) && Number(timeout) > 0 && Number(timeout) <= 600)) {
        complain(ctx, `${msg.badNumber('--timeout', timeout, 'a number of seconds above 0 and at most 600')}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      if (maxAttempts !== undefined && !(/^\d+$/.test(maxAttempts) && Number(maxAttempts) >= 1 && Number(maxAttempts) <= 10)) {
        complain(ctx, `${msg.badNumber('--max-attempts', maxAttempts, 'a whole number from 1 to 10')}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      const clientToken = opt('client-token');
      if (clientToken !== undefined && !/^[\x21-\x7e]{1,64}$/.test(clientToken)) {
        complain(ctx, `${msg.badClientToken(clientToken)}\n${msg.seeHelp(command)}`);
        return EXIT.usage;
      }
      // The call layer (and the SDK behind it) loads only when a call is asked for.
      const { runCall } = await import('./call.js');
      return runCall(ctx, parsed.positionals[0], {
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
      });
    }
  }
}

if (require.main === module) {
  const io: CliIO = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
  main(process.argv.slice(2), io).then(
    (code) => exitAfterFlush(code),
    (err: unknown) => {
      process.stderr.write(`eci: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      exitAfterFlush(70);
    },
  );
}

/** Exits once stdout and stderr have drained (piped output is written asynchronously), without
 * waiting for keep-alive sockets the SDK may hold open. */
function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
