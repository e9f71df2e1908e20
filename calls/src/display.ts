// Display forms of a wire request: masking secrets and ordering keys the way a reader expects.
import { ECI_API_VERSION } from './endpoint';
import { MASK } from './redaction';
import type { DisplayParam } from './types';

export { MASK };

/** A copy of `params` with the value of every key in `secrets` replaced by `********`. */
export function maskParams(params: Record<string, string>, secrets: Iterable<string>): Record<string, string> {
  const secret = new Set(secrets);
  const out: Record<string, string> = {};
  for (const key of Object.keys(params)) out[key] = secret.has(key) && params[key] !== '' ? MASK : params[key];
  return out;
}

/**
 * Compares flattened wire keys segment by segment, numbers numerically:
 * `Container.2.Name` < `Container.10.Name`, `Container.1.Arg.2` < `Container.1.Arg.10`.
 */
export function compareWireKeys(a: string, b: string): number {
  const as = a.split('.');
  const bs = b.split('.');
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i];
    const y = bs[i];
    if (x === y) continue;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) return Number(x) - Number(y);
    if (xn !== yn) return xn ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}

export interface FlattenForDisplayOptions {
  /** Show secret values in clear (the CLI's --show-secrets). Default false. */
  showSecrets?: boolean;
  /** Put `Action=CreateContainerGroup` and `Version=2018-08-08` first (default true). */
  includeAction?: boolean;
}

/**
 * The request as `key=value` lines in a stable, natural order (`Action`, `Version`, then the
 * parameters with list indexes compared as numbers), secrets masked unless asked otherwise.
 */
export function flattenForDisplay(
  params: Record<string, string>,
  secrets: Iterable<string>,
  options: FlattenForDisplayOptions = {},
): DisplayParam[] {
  const secret = new Set(secrets);
  const lines: DisplayParam[] = [];
  if (options.includeAction !== false) {
    lines.push({ key: 'Action', value: 'CreateContainerGroup', secret: false });
    lines.push({ key: 'Version', value: ECI_API_VERSION, secret: false });
  }
  for (const key of Object.keys(params).sort(compareWireKeys)) {
    const isSecret = secret.has(key);
    lines.push({
      key,
      value: isSecret && !options.showSecrets && params[key] !== '' ? MASK : params[key],
      secret: isSecret,
    });
  }
  return lines;
}
