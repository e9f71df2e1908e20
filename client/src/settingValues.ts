// The pure half of the settings (unit-tested): which scope's value applies. client/src/config.ts
// applies it to VS Code's configuration; calls/src/endpoint.ts reads the `eci.endpoint` value.

/** The values of one setting per scope, as `WorkspaceConfiguration.inspect` gives them. */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/** Settings whose workspace values are honoured only in trusted workspaces (as in capabilities.untrustedWorkspaces.restrictedConfigurations). */
export const RESTRICTED_SETTINGS: ReadonlySet<string> = new Set([
  'profile',
  'endpoint',
  'allowInstanceMetadataCredentials',
]);

/**
 * The value that applies: folder, then workspace, then user, then default. In an untrusted
 * workspace a restricted setting takes only the user's (global) value or the default, whatever the
 * workspace or folder settings say, so that a workspace cannot redirect requests or credentials.
 */
export function effectiveSetting<T>(
  key: string,
  inspected: InspectedSetting<T> | undefined,
  trusted: boolean,
  fallback: T,
): { value: T; fromWorkspace: boolean } {
  if (!inspected) return { value: fallback, fromWorkspace: false };
  const workspaceValue = inspected.workspaceFolderValue ?? inspected.workspaceValue;
  if (workspaceValue !== undefined && (trusted || !RESTRICTED_SETTINGS.has(key)))
    return { value: workspaceValue, fromWorkspace: true };
  return { value: inspected.globalValue ?? inspected.defaultValue ?? fallback, fromWorkspace: false };
}
