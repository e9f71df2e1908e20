// Typed access to the extension's settings (contributes.configuration in package.json,
// documented in docs/settings.md). Settings that could redirect requests or credentials are read
// from workspace settings only when the workspace is trusted.
import * as vscode from 'vscode';
import { parseEndpoint } from '../../calls/src/endpoint';
import { effectiveSetting } from './settingValues';

export interface EciSettings {
  /** Credentials profile name; undefined: the default chain. */
  profile: string | undefined;
  /** Endpoint override: host[:port] and protocol; undefined: `eci.<RegionId>.aliyuncs.com` over HTTPS. */
  endpoint: { host: string; protocol: 'https' | 'http'; fromWorkspace: boolean } | undefined;
  allowInstanceMetadataCredentials: boolean;
  requestTimeoutSeconds: number;
  maxAttempts: number;
}

/** One setting's applicable value for the current trust state. */
function read<T>(
  section: vscode.WorkspaceConfiguration,
  key: string,
  fallback: T,
): { value: T; fromWorkspace: boolean } {
  return effectiveSetting(key, section.inspect<T>(key), vscode.workspace.isTrusted, fallback);
}

function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export class InvalidEndpointSetting extends Error {
  constructor(readonly raw: string) {
    super(raw);
    this.name = 'InvalidEndpointSetting';
  }
}

/** The current settings for `resource` (the document). Throws InvalidEndpointSetting for an endpoint it cannot read. */
export function readSettings(resource?: vscode.Uri): EciSettings {
  const section = vscode.workspace.getConfiguration('eci', resource);
  const profile = read(section, 'profile', '').value.trim();
  const endpointSetting = read(section, 'endpoint', '');
  let endpoint: EciSettings['endpoint'];
  if (endpointSetting.value.trim() !== '') {
    const parsed = parseEndpoint(endpointSetting.value);
    if (!parsed) throw new InvalidEndpointSetting(endpointSetting.value);
    endpoint = { ...parsed, fromWorkspace: endpointSetting.fromWorkspace };
  }
  return {
    profile: profile === '' ? undefined : profile,
    endpoint,
    allowInstanceMetadataCredentials: read(section, 'allowInstanceMetadataCredentials', false).value === true,
    requestTimeoutSeconds: clampInteger(read(section, 'requestTimeoutSeconds', 30).value, 1, 600, 30),
    maxAttempts: clampInteger(read(section, 'maxAttempts', 3).value, 1, 10, 3),
  };
}
