// Pure presentation logic of the client (no `vscode` import, unit-tested in test/unit/client*.test.ts):
// the history of created container groups, and which flattened wire keys a service error's
// parameter paths point at.
import { compareWireKeys } from './eci/display';

/** The source of the language server's diagnostics (server/src/service/diagnose.ts DIAGNOSTIC_SOURCE). */
export const SERVER_DIAGNOSTIC_SOURCE = 'eci';

/** One container group created from the editor, as kept in globalState and shown in the output. */
export interface CreatedGroupEntry {
  containerGroupId: string;
  /** The document's `ContainerGroupName`, when it has one. */
  containerGroupName?: string;
  regionId: string;
  requestId: string;
  /** ISO 8601 time of the successful answer. */
  createdAt: string;
  /** The document the request was built from (a URI string). */
  documentUri: string;
  /** Where the credentials came from (e.g. `SecretStorage`, `profile default`), never a key. */
  credentialSource: string;
}

/** How many created groups the history keeps. */
export const HISTORY_LIMIT = 100;

/** The history with `entry` first, the oldest entries dropped beyond `limit`. */
export function addToHistory(history: readonly CreatedGroupEntry[], entry: CreatedGroupEntry, limit = HISTORY_LIMIT): CreatedGroupEntry[] {
  return [entry, ...history].slice(0, Math.max(1, limit));
}

/** Reads a history persisted by an earlier version or edited by hand: keeps only well-formed entries. */
export function readHistory(stored: unknown): CreatedGroupEntry[] {
  if (!Array.isArray(stored)) return [];
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  return stored.filter(
    (e): e is CreatedGroupEntry =>
      typeof e === 'object' && e !== null &&
      isText((e as CreatedGroupEntry).containerGroupId) && isText((e as CreatedGroupEntry).regionId) &&
      isText((e as CreatedGroupEntry).requestId) && isText((e as CreatedGroupEntry).createdAt) &&
      isText((e as CreatedGroupEntry).documentUri) && typeof (e as CreatedGroupEntry).credentialSource === 'string' &&
      ((e as CreatedGroupEntry).containerGroupName === undefined || typeof (e as CreatedGroupEntry).containerGroupName === 'string'),
  );
}

/** One history line: time, id, name, region, request id, document; tab-separated columns. */
export function formatHistoryLine(entry: CreatedGroupEntry): string {
  return [entry.createdAt, entry.containerGroupId, entry.containerGroupName ?? '-', entry.regionId, `RequestId=${entry.requestId}`, entry.documentUri].join('\t');
}

/**
 * The flattened wire keys (keys of `locations`) that a parameter path names. A path is either a
 * flattened key (`Container.1.Name`), or a reference path with `[]` for any list index
 * (`Container[].Name`, `VSwitchId`). A path naming an object or list (`Container[].Port`) matches
 * the first key below it, so that the diagnostic lands at the start of that part of the document.
 */
export function keysForParameterPath(path: string, locationKeys: readonly string[]): string[] {
  const escaped = path.split('[]').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\.\\d+');
  const exact = new RegExp(`^${escaped}$`);
  const below = new RegExp(`^${escaped}\\.`);
  const sorted = [...locationKeys].sort(compareWireKeys);
  const leaves = sorted.filter((k) => exact.test(k));
  if (leaves.length > 0) return leaves;
  // One diagnostic per matched object: the first key under each distinct prefix.
  const seen = new Set<string>();
  const firsts: string[] = [];
  for (const k of sorted) {
    const m = below.exec(k);
    if (!m) continue;
    const prefix = m[0];
    if (seen.has(prefix)) continue;
    seen.add(prefix);
    firsts.push(k);
  }
  return firsts;
}
