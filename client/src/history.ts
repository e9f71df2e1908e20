// The history of container groups created from the editor (no `vscode` import, unit-tested in
// test/unit/client-results.test.ts): kept in globalState, newest first, bounded, read defensively.

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
export function addToHistory(
  history: readonly CreatedGroupEntry[],
  entry: CreatedGroupEntry,
  limit = HISTORY_LIMIT,
): CreatedGroupEntry[] {
  return [entry, ...history].slice(0, Math.max(1, limit));
}

/** Reads a history persisted by an earlier version or edited by hand: keeps only well-formed entries. */
export function readHistory(stored: unknown): CreatedGroupEntry[] {
  if (!Array.isArray(stored)) return [];
  const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  return stored.filter(
    (e): e is CreatedGroupEntry =>
      typeof e === 'object' &&
      e !== null &&
      isText((e as CreatedGroupEntry).containerGroupId) &&
      isText((e as CreatedGroupEntry).regionId) &&
      isText((e as CreatedGroupEntry).requestId) &&
      isText((e as CreatedGroupEntry).createdAt) &&
      isText((e as CreatedGroupEntry).documentUri) &&
      typeof (e as CreatedGroupEntry).credentialSource === 'string' &&
      ((e as CreatedGroupEntry).containerGroupName === undefined ||
        typeof (e as CreatedGroupEntry).containerGroupName === 'string'),
  );
}

/** One history line: time, id, name, region, request id, document; tab-separated columns. */
export function formatHistoryLine(entry: CreatedGroupEntry): string {
  return [
    entry.createdAt,
    entry.containerGroupId,
    entry.containerGroupName ?? '-',
    entry.regionId,
    `RequestId=${entry.requestId}`,
    entry.documentUri,
  ].join('\t');
}

export const HISTORY_STATE_KEY = 'eci.createdContainerGroups';

/** The part of a vscode.Memento the history needs (globalState). */
export interface HistoryState {
  get(key: string): unknown;
  update(key: string, value: unknown): Thenable<void>;
}

/** Adds a created group to the history kept in `state`; returns the new history. */
export async function rememberCreatedGroup(
  state: HistoryState,
  entry: CreatedGroupEntry,
): Promise<CreatedGroupEntry[]> {
  const history = addToHistory(readHistory(state.get(HISTORY_STATE_KEY)), entry);
  await state.update(HISTORY_STATE_KEY, history);
  return history;
}
