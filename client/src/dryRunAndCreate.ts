// The Dry run and Create commands: one call per file at a time, the pre-flight checks (preflight.ts),
// Create's modal confirmation, the call under a progress notification (callProgress.ts) and the
// outcome told to the user (presentOutcome.ts).
import * as vscode from 'vscode';
import { secretValuesOf } from '../../calls/src/credential';
import { describeCredentialInUse } from '../../calls/src/describe';
import type { CallEndpoint } from '../../calls/src/endpoint';
import { callWithProgress } from './callProgress';
import { blocked, isOutcome, type CommandContext, type RunOptions, type RunOutcome } from './commandContext';
import { credentialFor, documentFor, endpointOf, settingsFor, wireRequest, type WireRequestOk } from './preflight';
import { confirmationPriceLine } from './priceEstimate';
import { presentOutcome } from './presentOutcome';
import { followTimeoutSeconds, targetOf } from './liveTarget';
import { liveState } from './liveState';

/** Documents with a dry run or create in progress (from the pre-checks to the result). */
const running = new Set<string>();

/** Dry run (`dryRun`) or Create. */
export async function runCall(
  ctx: CommandContext,
  dryRun: boolean,
  arg?: unknown,
  options: RunOptions = {},
): Promise<RunOutcome> {
  if (!ctx.ui.isWorkspaceTrusted()) {
    return blocked(
      ctx,
      'untrusted-workspace',
      vscode.l10n.t(
        'Dry run and create are disabled in an untrusted workspace: trust this workspace to send requests to ECI.',
      ),
      {
        actions: [
          [vscode.l10n.t('Manage workspace trust'), () => vscode.commands.executeCommand('workbench.trust.manage')],
        ],
      },
    );
  }
  const document = await documentFor(ctx, arg);
  if (isOutcome(document)) return document;
  // One call per file at a time: a second click cannot send a second create (with another ClientToken).
  const key = document.uri.toString();
  if (running.has(key)) {
    return blocked(
      ctx,
      'already-running',
      vscode.l10n.t(
        'A dry run or create of {0} is already running; wait for its result.',
        vscode.workspace.asRelativePath(document.uri),
      ),
    );
  }
  running.add(key);
  try {
    return await runCallFor(ctx, dryRun, document, options);
  } finally {
    running.delete(key);
  }
}

async function runCallFor(
  ctx: CommandContext,
  dryRun: boolean,
  document: vscode.TextDocument,
  options: RunOptions,
): Promise<RunOutcome> {
  const req = await wireRequest(ctx, document, dryRun ? { force: options.force === true } : undefined);
  if (isOutcome(req)) return req;
  const fileName = vscode.workspace.asRelativePath(document.uri);
  const regionId = req.params.RegionId;
  if (!regionId)
    return blocked(
      ctx,
      'no-region',
      vscode.l10n.t(
        '{0} sets no RegionId: the region decides where the group is created and which endpoint is used.',
        fileName,
      ),
    );
  const settings = settingsFor(ctx, document.uri);
  if (isOutcome(settings)) return settings;
  ctx.output.addSecrets(req.secrets.map((k) => req.params[k]));
  const credential = await credentialFor(ctx, settings);
  if (isOutcome(credential)) return credential;
  ctx.output.addSecrets(secretValuesOf(credential));
  const endpoint = endpointOf(ctx, settings, regionId, fileName);
  if (isOutcome(endpoint)) return endpoint;
  const group = req.params.ContainerGroupName ?? vscode.l10n.t('(unnamed group)');
  const credentialText = describeCredentialInUse(credential, vscode.env.language);

  if (!dryRun && options.confirm !== false) {
    const priceLine = await confirmationPriceLine(req, regionId, credential, settings);
    const confirmed = await confirmCreate(ctx, {
      document,
      req,
      regionId,
      group,
      credentialText,
      endpoint,
      fromWorkspace: settings.endpoint?.fromWorkspace === true,
      priceLine,
    });
    if (!confirmed) return { kind: 'declined' };
  }
  ctx.serviceDiagnostics.clear(document.uri);
  const what = dryRun ? vscode.l10n.t('Dry run') : vscode.l10n.t('Create');
  ctx.output.log(
    `${what}: ${group} (${regionId}) ${fileName} → ${endpoint.text}; ${vscode.l10n.t('credentials')}: ${credentialText}`,
  );
  const outcome = await callWithProgress(
    ctx,
    { dryRun, req, regionId, group, endpoint, credential, settings },
    options,
  );
  ctx.output.addSecrets(secretValuesOf(credential));
  const result = await presentOutcome(ctx, outcome, {
    document,
    req,
    regionId,
    group,
    credential,
    timeoutSeconds: settings.requestTimeoutSeconds,
  });
  if (result.kind === 'created') {
    // Follow the new group until it runs or fails; its failures land on this document's lines.
    const live = liveState(ctx);
    live.links.set(document.uri.toString(), {
      groupId: result.containerGroupId,
      regionId,
      name: group,
      locations: req.locations,
    });
    live.explorer.refresh();
    const target = targetOf(settings, regionId, credential);
    const following = live.follower.follow({
      target,
      id: result.containerGroupId,
      name: group,
      document: { uri: document.uri, locations: req.locations },
      timeoutSeconds: followTimeoutSeconds(),
    });
    if (options.awaitFollow) return { ...result, follow: await following };
  }
  return result;
}

interface CreateToConfirm {
  document: vscode.TextDocument;
  req: WireRequestOk;
  regionId: string;
  group: string;
  credentialText: string;
  endpoint: CallEndpoint;
  /** The endpoint is set by this workspace's settings. */
  fromWorkspace: boolean;
  /** The estimated price per hour, or why there is none (undefined: look-ups are off). */
  priceLine?: string;
}

/** Create's modal confirmation: which file, credential and endpoint, and that it costs money. */
async function confirmCreate(ctx: CommandContext, c: CreateToConfirm): Promise<boolean> {
  const createButton = vscode.l10n.t('Create');
  const answer = await ctx.ui.confirm(
    vscode.l10n.t('Create container group "{0}" in {1}?', c.group, c.regionId),
    [
      vscode.l10n.t('File: {0}', vscode.workspace.asRelativePath(c.document.uri)) +
        (c.document.isDirty ? ' ' + vscode.l10n.t('(with its unsaved changes)') : ''),
      vscode.l10n.t('Credentials: {0}', c.credentialText),
      vscode.l10n.t('Endpoint: {0}', c.endpoint.text) +
        (c.fromWorkspace ? ' ' + vscode.l10n.t('(set by this workspace)') : ''),
      ...(c.priceLine ? [c.priceLine] : []),
      vscode.l10n.t('This creates billable resources in your Alibaba Cloud account.'),
    ].join('\n'),
    createButton,
  );
  return answer === createButton;
}
