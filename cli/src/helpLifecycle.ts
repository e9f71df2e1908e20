// `eci COMMAND --help` for the commands after a create, in English and Japanese.
import type { CliLocale } from './locale';

export type LifecycleCommandName =
  'list' | 'get' | 'status' | 'events' | 'logs' | 'restart' | 'delete' | 'exec' | 'update';

const OPTIONS_EN = `  --region REGION    the region of the group (else the document's RegionId for update, else
                     ALIBABA_CLOUD_REGION_ID); the endpoint is eci.<RegionId>.aliyuncs.com
  --endpoint URL     endpoint override (a VPC endpoint, or http://127.0.0.1:18080 for eci simulator)
  --profile NAME     use ONLY this credentials profile (as for create)
  --instance-metadata  let the chain ask the ECS instance metadata service for a RAM role
  --json             print the answer as JSON on stdout
  --locale en|ja     language of messages (default: LC_ALL, LC_MESSAGES, LANG)
  --no-color         no colours
  -h, --help         this help`;
const OPTIONS_JA = `  --region REGION    グループのリージョン (update ではなければドキュメントの RegionId、次に
                     ALIBABA_CLOUD_REGION_ID)。エンドポイントは eci.<RegionId>.aliyuncs.com
  --endpoint URL     エンドポイントの上書き (VPC エンドポイント、eci simulator なら http://127.0.0.1:18080)
  --profile NAME     この認証情報プロファイルだけを使う (create と同じ)
  --instance-metadata  ECS インスタンスメタデータの RAM ロールも認証情報の候補にする
  --json             応答を JSON として stdout に出力
  --locale en|ja     メッセージの言語 (既定: LC_ALL、LC_MESSAGES、LANG)
  --no-color         色を付けない
  -h, --help         このヘルプ`;

const NOT_FOUND_EN = 'An id that does not exist in the region is a service error (exit 3) naming the id and region.';
const NOT_FOUND_JA = 'リージョンに存在しない ID はサービスエラー (終了 3) として、ID とリージョンを示します。';

type Page = (exitCodes: string) => string;

const page =
  (usage: string, body: string, extra: string, options: string, note: string): Page =>
  (exitCodes) =>
    `${usage}\n\n${body}\n\n${extra ? `${extra}\n` : ''}${options}\n\n${note}\n\n${exitCodes}\n`;

export const LIFECYCLE_HELP: Record<CliLocale, Record<LifecycleCommandName, Page>> = {
  en: {
    list: page(
      'Usage: eci list [options]',
      'Lists the container groups of the region (every page): one line each with id, name, status\nand creation time; --json prints an array.',
      'Options:\n  --status STATUS    only groups in this status (Pending, Running, Succeeded, Failed, ...)',
      OPTIONS_EN,
      '',
    ),
    get: page(
      'Usage: eci get ID [options]',
      'Prints a container group. --format yaml (default) prints it as an .eci.yaml document that\n`eci validate` accepts and that would create the same group (the same as the editor\'s "Open as\n.eci.yaml"): output-only fields and service defaults left out, registry passwords (which the\nservice never returns) as commented placeholders. --format json prints the service\'s answer.',
      'Options:\n  -f, --format yaml|json',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
    status: page(
      'Usage: eci status ID [options]',
      'Prints the status of a group and of each container (state, ready, restarts). With --wait,\nfollows it until it is Running with every container ready or Succeeded (exit 0), fails (exit 5,\nexplained: image pull, crash loop with exit code and last log lines, OOMKilled, probes, volumes,\nno stock with the recommended zones, Failed, Expired), or the limit passes (exit 6). Polls with\nbackoff (1 s at first, at most every 5 s); each new event is printed once on stderr.',
      'Options:\n  --wait             follow until Running, failed or the limit\n  --wait-timeout SECONDS  the limit of --wait (default 600)',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
    events: page(
      'Usage: eci events ID [options]',
      'Prints the events of a group: time, type, reason, message (and how often it happened).',
      '',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
    logs: page(
      'Usage: eci logs ID [options]',
      'Prints the log of a container (the first one unless --container). --follow keeps printing new\nlines (polling every 2 s, no line twice) until Ctrl-C; --previous prints the run before the\nlast restart (the one that crashed).',
      'Options:\n  --container NAME   the container (default: the first)\n  --tail N           only the last N lines (with --follow: 200 unless given)\n  --follow           keep printing new lines until Ctrl-C\n  --previous         the previous run of a restarted container',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
    restart: page(
      'Usage: eci restart ID [options]',
      'Restarts a Running group (RestartContainerGroup; one ClientToken for every attempt).',
      '',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
    delete: page(
      'Usage: eci delete ID --yes [options]',
      'Deletes a group and its containers for good. Refuses without --yes (exit 2).',
      'Options:\n  --yes              really delete',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
    exec: page(
      'Usage: eci exec ID [options] -- COMMAND [ARG...]',
      'Runs one command in a running container (ExecContainerCommand with Sync) and prints its output.',
      'Options:\n  --container NAME   the container (default: the first)',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
    update: page(
      'Usage: eci update FILE --group ID [options]',
      'Prints the difference between the live group ID and the document (secrets masked), then sends\nUpdateContainerGroup with the changed parameters it accepts (a changed list such as Container\nis sent whole) and names those it cannot change (ZoneId, VSwitchId, InstanceType, ...).\n--dry-run prints the difference and sends nothing.',
      'Options:\n  --group ID         the live group to update\n  --dry-run          print the difference only',
      OPTIONS_EN,
      NOT_FOUND_EN,
    ),
  },
  ja: {
    list: page(
      '使い方: eci list [options]',
      'リージョンのコンテナグループを (全ページ) 一覧します: 1 行に ID、名前、ステータス、作成日時。\n--json では配列を出力します。',
      'オプション:\n  --status STATUS    このステータスのグループだけ (Pending、Running、Succeeded、Failed など)',
      OPTIONS_JA,
      '',
    ),
    get: page(
      '使い方: eci get ID [options]',
      'コンテナグループを出力します。--format yaml (既定) では `eci validate` が受け付け、同じグループを\n作成する .eci.yaml ドキュメントとして出力します (エディターの "Open as .eci.yaml" と同じ)。出力専用の\n項目とサービスの既定値は省き、レジストリのパスワード (サービスは返しません) はコメントの\nプレースホルダーにします。--format json ではサービスの応答を出力します。',
      'オプション:\n  -f, --format yaml|json',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
    status: page(
      '使い方: eci status ID [options]',
      'グループと各コンテナの状態 (状態、準備完了、再起動回数) を出力します。--wait では、すべての\nコンテナが準備完了の Running か Succeeded になる (終了 0)、失敗する (終了 5。イメージのプル、終了\nコードとログの最後の行を伴うクラッシュの繰り返し、OOMKilled、プローブ、ボリューム、推奨ゾーン付きの\n在庫切れ、Failed、Expired を説明)、または上限時間を過ぎる (終了 6) まで追跡します。最初は 1 秒、\n最大 5 秒ごとにポーリングし、新しいイベントを 1 回ずつ stderr に出力します。',
      'オプション:\n  --wait             Running、失敗、上限時間まで追跡する\n  --wait-timeout SECONDS  --wait の上限秒数 (既定 600)',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
    events: page(
      '使い方: eci events ID [options]',
      'グループのイベント (時刻、種類、理由、メッセージ、発生回数) を出力します。',
      '',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
    logs: page(
      '使い方: eci logs ID [options]',
      'コンテナのログを出力します (--container がなければ最初のコンテナ)。--follow では Ctrl-C まで新しい行を\n出力し続けます (2 秒ごとにポーリング、同じ行は 1 回だけ)。--previous では最後の再起動の前の\n実行 (クラッシュした実行) のログを出力します。',
      'オプション:\n  --container NAME   コンテナ (既定: 最初のコンテナ)\n  --tail N           最後の N 行だけ (--follow では指定がなければ 200)\n  --follow           Ctrl-C まで新しい行を出力し続ける\n  --previous         再起動したコンテナの前回の実行',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
    restart: page(
      '使い方: eci restart ID [options]',
      'Running のグループを再起動します (RestartContainerGroup。すべての試行で同じ ClientToken)。',
      '',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
    delete: page(
      '使い方: eci delete ID --yes [options]',
      'グループとコンテナを完全に削除します。--yes がなければ削除しません (終了 2)。',
      'オプション:\n  --yes              削除を実行する',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
    exec: page(
      '使い方: eci exec ID [options] -- COMMAND [ARG...]',
      '実行中のコンテナでコマンドを 1 回実行し (Sync 付きの ExecContainerCommand)、その出力を表示します。',
      'オプション:\n  --container NAME   コンテナ (既定: 最初のコンテナ)',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
    update: page(
      '使い方: eci update FILE --group ID [options]',
      '稼働中のグループ ID とドキュメントの違い (シークレットはマスク) を出力し、UpdateContainerGroup が\n受け付ける変更されたパラメーターを送信します (Container など変更されたリストは全体を送信)。変更\nできないもの (ZoneId、VSwitchId、InstanceType など) は名前を示します。--dry-run では違いを出力する\nだけで何も送信しません。',
      'オプション:\n  --group ID         更新する稼働中のグループ\n  --dry-run          違いの出力だけ',
      OPTIONS_JA,
      NOT_FOUND_JA,
    ),
  },
};
