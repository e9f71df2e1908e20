// A small, strict argument parser: `--name value`, `--name=value`, boolean `--flag`,
// short aliases (`-h`, `-f json`), `--` ends options. Unknown options are usage errors.

export interface OptionSpec {
  name: string;
  short?: string;
  /** Takes a value (`--format json`) or is a boolean flag. */
  takesValue: boolean;
}

export interface ParsedArgs {
  options: Map<string, string | true>;
  positionals: string[];
  /** The arguments after `--` (also at the end of positionals), when `--` was given. */
  afterDash?: string[];
}

export class UsageError extends Error {}

/** The words of the usage errors (localised by the caller). */
export interface UsageWords {
  unknownOption(option: string): string;
  missingValue(option: string): string;
  noValueExpected(option: string): string;
}

export function parseArgs(argv: string[], specs: OptionSpec[], words: UsageWords): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      return { options, positionals, afterDash: argv.slice(i + 1) };
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const spec = byLong.get(name);
      if (!spec) throw new UsageError(words.unknownOption(eq < 0 ? a : a.slice(0, eq)));
      if (spec.takesValue) {
        let value: string | undefined;
        if (eq >= 0) value = a.slice(eq + 1);
        else if (i + 1 < argv.length && !isOptionLike(argv[i + 1])) value = argv[++i];
        if (value === undefined) throw new UsageError(words.missingValue(`--${name}`));
        options.set(name, value);
      } else {
        if (eq >= 0) throw new UsageError(words.noValueExpected(`--${name}`));
        options.set(name, true);
      }
    } else if (a.startsWith('-') && a.length > 1) {
      const spec = byShort.get(a.slice(1, 2));
      if (!spec) throw new UsageError(words.unknownOption(a));
      if (spec.takesValue) {
        let value: string | undefined = a.length > 2 ? a.slice(2) : undefined;
        if (value === undefined && i + 1 < argv.length && !isOptionLike(argv[i + 1])) value = argv[++i];
        if (value === undefined) throw new UsageError(words.missingValue(`-${spec.short}`));
        options.set(spec.name, value);
      } else {
        if (a.length > 2) throw new UsageError(words.unknownOption(a));
        options.set(spec.name, true);
      }
    } else {
      positionals.push(a);
    }
  }
  return { options, positionals };
}

function isOptionLike(s: string): boolean {
  return s.startsWith('-') && s.length > 1;
}
