// The credential of a command (`--profile`, else the default chain), or, when no source gives one, the usage
// exit after saying on stderr what each source lacked. One place for every command that calls the service.
import {
  isCredentialsNotFound,
  resolveCredential,
  type CredentialsNotFound,
  type ResolvedCredential,
} from '../../calls/src';
import { complain, type CliContext } from './context';
import { EXIT } from './exitCodes';

export async function credentialOrExit(
  ctx: CliContext,
  options: { profile?: string; allowInstanceMetadata?: boolean },
  /** Also told of the missing credential (e.g. to write the `--json` outcome). */
  onMissing?: (err: CredentialsNotFound) => void,
): Promise<ResolvedCredential | number> {
  try {
    return await resolveCredential({ ...options, env: ctx.env });
  } catch (err) {
    if (!isCredentialsNotFound(err)) throw err;
    complain(ctx, err.message);
    onMissing?.(err);
    return EXIT.usage;
  }
}
