// The command line's words for the commands after a create (list, get, status, events, logs, restart,
// delete, exec, update, --wait), English and Japanese. Explanations of failures come from the call layer.
import type { CliLocale } from './locale';

const en = {
  noRegion: 'no region: give --region REGION, or set ALIBABA_CLOUD_REGION_ID',
  oneId: (cmd: string, n: number) => `'${cmd}' takes exactly one container group ID, ${n} given`,
  deleteNeedsYes: (id: string, region: string) =>
    `refusing to delete ${id} in ${region} without --yes (the group and its containers are removed for good)`,
  execNeedsCommand: "'exec' needs the command after '--': eci exec ID -- COMMAND [ARG...]",
  updateNeedsGroup: "'update' needs --group ID: the live group to update from the document",
  badFormatGetYaml: (f: string) => `--format must be yaml or json, not '${f}'`,
  noGroups: (region: string) => `No container groups in ${region}.`,
  header: ['ID', 'NAME', 'STATUS', 'CREATED'],
  noEvents: 'No events.',
  restarted: (id: string) => `Restart requested for ${id}.`,
  deleted: (id: string, region: string) => `Deleted ${id} (${region}).`,
  following: (id: string, seconds: number) => `Following ${id} until it is Running or fails (at most ${seconds} s)...`,
  succeeded: (id: string, status: string) => `${id} is ${status}.`,
  failed: (id: string) => `The container group ${id} failed:`,
  timedOut: (id: string, seconds: number, status: string) =>
    `${id} is still ${status || 'not ready'} after ${seconds} s; the wait limit passed (it may still get there: eci status ${id} --wait).`,
  deletedWhileFollowed: (id: string, region: string) =>
    `The container group ${id} (${region}) was deleted while it was followed.`,
  retrying: (what: string) => `Poll failed (${what}); trying again.`,
  fromGroup: (id: string) => `from the running group ${id}`,
  noChanges: (id: string) => `The document and the live group ${id} do not differ: nothing to update.`,
  cannotChange: (keys: string[]) =>
    `UpdateContainerGroup cannot change: ${keys.join(', ')} (create a new group for those).`,
  dryRunNothingSent: 'Dry run: nothing was sent.',
  updated: (id: string) => `Update sent for ${id}.`,
  differences: (id: string) => `Differences between the live group ${id} and the document:`,
  status: 'Status',
  containers: 'Containers',
  ready: 'ready',
  notReady: 'not ready',
  restarts: 'restarts',
};

type Words = typeof en;

const ja: Words = {
  noRegion: 'リージョンがありません: --region REGION を指定するか、ALIBABA_CLOUD_REGION_ID を設定してください',
  oneId: (cmd, n) => `'${cmd}' にはコンテナグループ ID をちょうど 1 つ指定します (${n} 個指定されました)`,
  deleteNeedsYes: (id, region) =>
    `--yes がないため ${region} の ${id} を削除しません (グループとコンテナは完全に削除されます)`,
  execNeedsCommand: "'exec' には '--' の後にコマンドを指定します: eci exec ID -- COMMAND [ARG...]",
  updateNeedsGroup: "'update' には --group ID (ドキュメントで更新する稼働中のグループ) が必要です",
  badFormatGetYaml: (f) => `--format は yaml または json です ('${f}' は使えません)`,
  noGroups: (region) => `${region} にコンテナグループはありません。`,
  header: ['ID', '名前', 'ステータス', '作成日時'],
  noEvents: 'イベントはありません。',
  restarted: (id) => `${id} の再起動を要求しました。`,
  deleted: (id, region) => `${id} (${region}) を削除しました。`,
  following: (id, seconds) => `${id} が Running になるか失敗するまで追跡します (最大 ${seconds} 秒)...`,
  succeeded: (id, status) => `${id} は ${status} です。`,
  failed: (id) => `コンテナグループ ${id} が失敗しました:`,
  timedOut: (id, seconds, status) =>
    `${seconds} 秒経過しても ${id} は ${status || '準備未完了'} のままです。待機の上限時間を過ぎました (eci status ${id} --wait で引き続き確認できます)。`,
  deletedWhileFollowed: (id, region) => `追跡中にコンテナグループ ${id} (${region}) が削除されました。`,
  retrying: (what) => `状態の取得に失敗しました (${what})。再試行します。`,
  fromGroup: (id) => `稼働中のグループ ${id} より`,
  noChanges: (id) => `ドキュメントと稼働中のグループ ${id} に違いはありません。更新するものはありません。`,
  cannotChange: (keys) =>
    `UpdateContainerGroup では変更できません: ${keys.join(', ')} (変更するには新しいグループを作成してください)。`,
  dryRunNothingSent: 'ドライラン: 何も送信していません。',
  updated: (id) => `${id} の更新を送信しました。`,
  differences: (id) => `稼働中のグループ ${id} とドキュメントの違い:`,
  status: 'ステータス',
  containers: 'コンテナ',
  ready: '準備完了',
  notReady: '準備未完了',
  restarts: '再起動',
};

export function lifecycleWords(locale: CliLocale): Words {
  return locale === 'ja' ? ja : en;
}
