// An explicitly chosen profile (the CLI's --profile, the editor's eci.profile), and only it, as
// `aliyun --profile NAME` does: the aliyun CLI config's profile of that name, else the credentials
// file's section of that name. Environment keys, OIDC, a stored key, instance metadata and a
// credentials URI are not consulted. A profile that exists but does not work is an error, not a
// reason to try another source.
import { existsSync } from 'node:fs';
import { CredentialsNotFoundError, loadCredentialsModule } from './credential';
import {
  cliConfigPath,
  cliProfilesDisabled,
  credentialsFilePath,
  readCliConfig,
  sectionsOf,
  tryCliProfile,
  tryCredentialsFileSection,
  type CliConfigRead,
} from './credentialFiles';
import type { CredentialSource, ResolvedCredential } from './types';

export async function resolveProfile(name: string, env: NodeJS.ProcessEnv, home: string): Promise<ResolvedCredential> {
  const mod = loadCredentialsModule();
  const cliPath = cliConfigPath(home);
  const filePath = credentialsFilePath(env, home);
  const fail = (reason: string, source: CredentialSource): never => {
    throw new CredentialsNotFoundError(`The credentials profile "${name}" was asked for but ${reason}`, [
      { source, reason },
    ]);
  };
  const cli = existsSync(cliPath) ? readCliConfig(cliPath) : undefined;
  const cliDisabled = cliProfilesDisabled(env);
  if (!cliDisabled && cli?.ok && cli.names.includes(name)) {
    const tried = await tryCliProfile(mod, name, cli, home);
    if ('credential' in tried) return tried.credential;
    return fail(
      `profile "${name}" in ${cliPath} does not work: ${tried.reason}. Fix it with \`aliyun configure --profile ${name}\`.`,
      'aliyun-cli-profile',
    );
  }
  const sections = sectionsOf(filePath);
  if (sections.includes(name)) {
    const tried = await tryCredentialsFileSection(mod, name, filePath, env, home);
    if ('credential' in tried) return tried.credential;
    return fail(`section [${name}] of ${filePath} does not work: ${tried.reason}.`, 'credentials-file');
  }
  const fileText = existsSync(filePath)
    ? `${filePath} has no section [${name}] (sections: ${sections.join(', ') || 'none'})`
    : `${filePath} does not exist`;
  return fail(
    `does not exist: ${whyNotInCliConfig(name, cliPath, cli, cliDisabled)}; ${fileText}. Create it with \`aliyun configure --profile ${name}\`, or choose an existing profile (or none, for the default chain).`,
    'aliyun-cli-profile',
  );
}

/** Why the aliyun CLI config does not give the profile: not read, unusable, without it, or absent. */
function whyNotInCliConfig(name: string, cliPath: string, cli: CliConfigRead | undefined, disabled: boolean): string {
  if (disabled) return `${cliPath} is not read (ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true)`;
  if (cli && !cli.ok) return cli.problem;
  if (cli) return `${cliPath} has no profile "${name}" (profiles: ${cli.names.join(', ') || 'none'})`;
  return `${cliPath} does not exist`;
}
