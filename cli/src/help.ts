// `eci --help` and `eci COMMAND --help`, in English and Japanese.
import type { CliLocale } from './locale';

import { LIFECYCLE_HELP, type LifecycleCommandName } from './helpLifecycle';

export type CommandName = 'validate' | 'request' | 'dry-run' | 'create' | 'simulator' | 'price' | LifecycleCommandName;
export const COMMANDS: CommandName[] = [
  'validate',
  'request',
  'dry-run',
  'create',
  'simulator',
  'price',
  'list',
  'get',
  'status',
  'events',
  'logs',
  'restart',
  'delete',
  'exec',
  'update',
];

const EXIT_CODES_EN = `Exit codes:
  0    success (validate: no errors, warnings allowed; dry-run: passed; create: created)
  1    the document has errors (validate), or was not sent because of them
  2    usage or set-up problem: unknown option, missing or unreadable file, pattern
       matching nothing, no credentials found, --region not matching RegionId
  3    the service answered with an error (e.g. InvalidParameter, Forbidden.RAM)
  4    no usable answer: connection refused or reset, timeout, non-JSON answer,
       request too large for the service's front end
  5    the followed group failed (--wait): the reason explained, with the document line
  6    the wait limit passed (--wait-timeout) before the group was Running or failed
  7    the output could not be written to stdout (full disk, closed pipe); said on
       stderr, with a created group's ContainerGroupId and ClientToken
  130  interrupted (Ctrl-C)
  143  terminated (SIGTERM) during a call; reported as for Ctrl-C`;

const EXIT_CODES_JA = `終了コード:
  0    成功 (validate: エラーなし。警告は可、dry-run: 合格、create: 作成済み)
  1    ドキュメントにエラーがある (validate)、またはそのため送信しなかった
  2    使い方または設定の問題: 不明なオプション、ファイルがない/読めない、一致しない
       パターン、認証情報が見つからない、--region が RegionId と一致しない
  3    サービスがエラーを返した (InvalidParameter、Forbidden.RAM など)
  4    有効な応答がない: 接続拒否/切断、タイムアウト、JSON でない応答、
       リクエストがサービスのフロントエンドには大きすぎる
  5    追跡したグループが失敗した (--wait)。原因の説明とドキュメントの行を表示
  6    待機の上限時間を過ぎた (--wait-timeout)。Running にも失敗にもならなかった
  7    stdout に出力を書き込めなかった (ディスクが満杯、パイプが閉じた)。stderr に表示し、
       作成したグループの ContainerGroupId と ClientToken も stderr に出力
  130  中断された (Ctrl-C)
  143  呼び出し中に終了された (SIGTERM)。Ctrl-C と同じく報告`;

const EXIT_CODES: Record<CliLocale, string> = { en: EXIT_CODES_EN, ja: EXIT_CODES_JA };

const COMMON_EN = `  --locale en|ja     language of messages (default: LC_ALL, LC_MESSAGES, LANG)
  --no-color         no colours (also when NO_COLOR is set or output is not a terminal)
  -h, --help         this help`;
const COMMON_JA = `  --locale en|ja     メッセージの言語 (既定: LC_ALL、LC_MESSAGES、LANG)
  --no-color         色を付けない (NO_COLOR 設定時や出力が端末でないときも無色)
  -h, --help         このヘルプ`;

const CALL_OPTIONS_EN = `  --region REGION    assert the region: refuse (exit 2) unless it equals the document's
                     RegionId. The document's RegionId decides where the group goes, as
                     in the editor; the endpoint is eci.<RegionId>.aliyuncs.com over HTTPS
  --profile NAME     use ONLY this credentials profile: aliyun CLI (~/.aliyun/config.json),
                     else the [NAME] section of ~/.alibabacloud/credentials; environment
                     keys are then ignored, and a profile that is missing or does not work
                     is an error (exit 2). Without it: the default chain (environment, OIDC,
                     profiles; ALIBABA_CLOUD_PROFILE names the profile)
  --endpoint URL     endpoint override: a VPC endpoint (eci-vpc.cn-hangzhou.aliyuncs.com)
                     or a test server (http://127.0.0.1:8080); https unless http:// is written
  --instance-metadata  let the chain ask the ECS instance metadata service for a RAM role
  --timeout SECONDS  bound each attempt's connect and answer (default: 10 s to connect,
                     then 30 s for a dry run's answer, 60 s for a create's)
  --max-attempts N   attempts in all, retries included (1-10, default 4)
  --json             print the outcome as one JSON object on stdout`;
const CALL_OPTIONS_JA = `  --region REGION    リージョンの確認: ドキュメントの RegionId と異なれば送信しない (終了 2)。
                     作成先はエディターと同じくドキュメントの RegionId で決まり、エンドポイントは
                     HTTPS の eci.<RegionId>.aliyuncs.com
  --profile NAME     この認証情報プロファイルだけを使う: aliyun CLI (~/.aliyun/config.json)、
                     なければ ~/.alibabacloud/credentials の [NAME] セクション。環境変数のキーは
                     使わず、プロファイルがない・使えない場合はエラー (終了 2)。指定しなければ
                     既定のチェーン (環境変数、OIDC、プロファイル。ALIBABA_CLOUD_PROFILE で名前を指定)
  --endpoint URL     エンドポイントの上書き: VPC エンドポイント (eci-vpc.cn-hangzhou.aliyuncs.com)
                     やテストサーバー (http://127.0.0.1:8080)。http:// と書かない限り https
  --instance-metadata  ECS インスタンスメタデータの RAM ロールも認証情報の候補にする
  --timeout SECONDS  各試行の接続と応答を待つ最大秒数 (既定: 接続 10 秒、応答はドライラン 30 秒、
                     作成 60 秒)
  --max-attempts N   再試行を含む試行回数 (1〜10、既定 4)
  --json             結果を 1 つの JSON オブジェクトとして stdout に出力`;

const CREDENTIALS_EN = `Credentials (first that works): ALIBABA_CLOUD_ACCESS_KEY_ID + ALIBABA_CLOUD_ACCESS_KEY_SECRET
(+ ALIBABA_CLOUD_SECURITY_TOKEN); OIDC (ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
ALIBABA_CLOUD_OIDC_TOKEN_FILE); the aliyun CLI profile; ~/.alibabacloud/credentials.
Throttling, 5xx answers, resets and timeouts are retried with backoff; every attempt of a create
carries the same ClientToken, so a retry never creates a second group.`;
const CREDENTIALS_JA = `認証情報 (最初に使えたもの): ALIBABA_CLOUD_ACCESS_KEY_ID + ALIBABA_CLOUD_ACCESS_KEY_SECRET
(+ ALIBABA_CLOUD_SECURITY_TOKEN)、OIDC (ALIBABA_CLOUD_ROLE_ARN、ALIBABA_CLOUD_OIDC_PROVIDER_ARN、
ALIBABA_CLOUD_OIDC_TOKEN_FILE)、aliyun CLI のプロファイル、~/.alibabacloud/credentials。
スロットリング、5xx 応答、切断、タイムアウトはバックオフ付きで再試行します。create の再試行は
すべて同じ ClientToken を送るため、コンテナグループが 2 つ作られることはありません。`;

const ONLINE_EN = `  --region REGION      (with --online) look up this region instead of the documents' RegionIds
  --profile NAME       use ONLY this credentials profile (as dry-run and create)
  --endpoint URL       endpoint override for every product called (ECI, VPC, ECS), e.g. a
                       simulator (http://127.0.0.1:18080); default: each product's regional endpoint`;
const ONLINE_JA = `  --region REGION      (--online と) ドキュメントの RegionId ではなくこのリージョンを照会
  --profile NAME       この認証情報プロファイルだけを使う (dry-run、create と同じ)
  --endpoint URL       呼び出すすべてのプロダクト (ECI、VPC、ECS) のエンドポイントを上書き
                       (例: シミュレーター http://127.0.0.1:18080)。既定は各プロダクトのリージョンのエンドポイント`;

const PRICE_EN = `Usage: eci price [options] FILE

Asks DescribeContainerGroupPrice for the group FILE describes (its RegionId, ZoneId, Cpu/Memory
or InstanceType, SpotStrategy/SpotPriceLimit, EphemeralStorage; without a group Cpu/Memory, the
sum of its containers') and prints the estimated price PER HOUR with its currency, and the spot
prices when spot is requested. The service answers Price per second (converted: x 3600) and spot
prices per hour (shown as they come). A document with errors gets no price (exit 1).

Options:
  --json               one JSON object: pricePerHour (a number), currency, spot, askedAt, ...
${ONLINE_EN}
${COMMON_EN}

Exit codes: 0 priced, 1 the document has errors, 2 usage error or no credentials, 3 the service
answered with an error, 4 no usable answer.
`;
const PRICE_JA = `使い方: eci price [options] FILE

FILE のグループ (RegionId、ZoneId、Cpu/Memory または InstanceType、SpotStrategy/SpotPriceLimit、
EphemeralStorage。グループの Cpu/Memory がなければコンテナの合計) について
DescribeContainerGroupPrice を照会し、1 時間あたりの推定価格と通貨、スポット指定時はスポット価格を
出力します。サービスの Price は 1 秒あたり (3600 倍して換算)、スポット価格は 1 時間あたり (そのまま)
です。エラーのあるドキュメントには価格を出しません (終了 1)。

オプション:
  --json               JSON オブジェクト 1 つ: pricePerHour (数値)、currency、spot、askedAt など
${ONLINE_JA}
${COMMON_JA}

終了コード: 0 価格を取得、1 ドキュメントにエラー、2 使い方の誤りまたは認証情報なし、3 サービスが
エラーを返した、4 有効な応答がない。
`;

const HELP: Record<CliLocale, Record<'main' | Exclude<CommandName, LifecycleCommandName>, string>> = {
  en: {
    main: `eci: check, show and send Alibaba Cloud ECI container groups described in *.eci.yaml files
(CreateContainerGroup parameters with the API's own names). Same rules as the editor extension.

Usage: eci COMMAND [options]

Commands:
  validate [PATH|GLOB ...]   check documents; print diagnostics (text, json or sarif)
  request FILE               print the exact wire parameters that would be sent (JSON)
  dry-run FILE               send the request with DryRun=true: checks it, creates nothing
  create FILE                create the container group; prints ContainerGroupId and RequestId
  price FILE                 the estimated price per hour of the group (DescribeContainerGroupPrice)
  simulator                  serve a local simulator of ECI, VPC and ECS to try everything without
                             an account (prints its URL and a test AccessKey)
  list                       the container groups of a region
  get ID                     a group, as an .eci.yaml document (or JSON)
  status ID [--wait]         a group's status; --wait follows it until Running or failed
  events ID                  a group's events
  logs ID                    a container's log (--tail, --follow, --previous)
  restart ID                 restart a group
  delete ID --yes            delete a group
  exec ID -- COMMAND [ARG...]  run a command in a container and print its output
  update FILE --group ID     apply a document's changes to a live group (--dry-run: show them)

Options:
  -V, --version      print the version
${COMMON_EN}

Run 'eci COMMAND --help' for a command's options.

${EXIT_CODES_EN}
`,
    validate: `Usage: eci validate [options] [PATH|GLOB ...]

Checks *.eci.yaml documents with the same diagnostics as the editor and prints one line each:
  file:line:column: severity rule-id: message        (1-based line and column)
A directory is searched recursively for *.eci.yaml and *.eci.yml (node_modules and .git skipped);
a file named explicitly is checked whatever its name; a GLOB ('deploy/**/*.eci.yaml') supports
*, ?, [...] and ** (quote it so the shell leaves it alone). Default PATH: the current directory.

Options:
  -f, --format FORMAT  text (default), json, or sarif (SARIF 2.1.0 for code-scanning UIs)
  --show-suppressed    also list the findings that # eci-ignore comments suppress, with their
                       reasons (SARIF always lists them, as results with "suppressions")
  --online             also check against the account (read-only look-ups: vSwitches, security
                       groups, EIPs, image caches, zones with stock): account.* warnings, as the
                       editor shows them. Without it nothing is sent anywhere
${ONLINE_EN}
${COMMON_EN}

A finding can be overruled where the service is the judge: '# eci-ignore RULE-ID -- reason' at the
end of its line or on the line before, '# eci-ignore-file RULE-ID -- reason' in the first comment
block. Suppressed findings do not count, and do not block dry-run or create.

Exit codes: 0 no errors (warnings allowed), 1 any error, 2 usage error or an unreadable or
missing input (named on stderr; the readable files are still checked and reported), 7 the
output could not be written to stdout.
`,
    request: `Usage: eci request [options] FILE

Prints, as one JSON object, the exact flattened wire parameters of the CreateContainerGroup
request that dry-run and create would send: {"Action": "CreateContainerGroup", "Version": ...,
"Container.1.Name": ...}. Secret values (ImageRegistryCredential passwords, hidden environment
variables) are printed as ******** unless --show-secrets is given. Warnings go to stderr.
Refuses (exit 1, diagnostics on stderr) when the document has errors.

Options:
  --show-secrets     print secret values in clear
${COMMON_EN}

Exit codes: 0 printed, 1 the document has errors, 2 usage error or unreadable file, 7 the
output could not be written to stdout.
`,
    'dry-run': `Usage: eci dry-run [options] FILE

Sends the document's CreateContainerGroup request with DryRun=true. The service checks the
parameters, permissions and stock and creates nothing. Refuses to send when the document has
errors. Prints the RequestId of a passing dry run; a failing one is explained (what the code
means, what to do, the service's Message and Recommend) and placed on the parameter it concerns.

Options:
  --force            dry run anyway when the only errors are cross-field rule errors (no syntax,
                     type or other schema error): the service is the judge. create has no --force:
                     it needs a clean document, or findings suppressed with # eci-ignore.
${CALL_OPTIONS_EN}
${COMMON_EN}

${CREDENTIALS_EN}

${EXIT_CODES_EN}
`,
    create: `Usage: eci create [options] FILE

Creates the container group the document describes and prints its ContainerGroupId and the
RequestId. Refuses to send when the document has errors. Uses the document's ClientToken, or
generates one for all attempts of this run (printed, so the outcome can be checked after a
network failure). When a request was sent but no answer came, the group MAY have been created:
the ClientToken is printed with what to do. Send again with the same ClientToken (write
'ClientToken: TOKEN' into the document, or pass --client-token TOKEN) and the service returns the
group instead of creating a second one.

Options:
${CALL_OPTIONS_EN}
  --client-token TOKEN  the ClientToken to send (at most 64 ASCII characters), e.g. the one printed
                     after a network failure; never overrides a ClientToken written in the
                     document (a different one is refused, exit 2)
  --wait             then follow the group until it is Running with every container ready or
                     Succeeded (exit 0), fails (exit 5: explained, with the line of FILE it
                     concerns), or the limit passes (exit 6); new events are printed on stderr
  --wait-timeout SECONDS  the limit of --wait (default 600)
${COMMON_EN}

${CREDENTIALS_EN}

${EXIT_CODES_EN}
`,
    simulator: `Usage: eci simulator [options]

Serves a local simulator of the Alibaba Cloud services this tool calls (ECI 2018-08-08, VPC
2016-04-28, ECS 2014-05-26) on 127.0.0.1, so that dry-run, create and the editor can be tried
without an account. Nothing is sent to Alibaba Cloud. It verifies request signatures against a test
AccessKey it prints (generated for each run unless given), and simulates container groups: Pending
for a few seconds, then Running, with events and generated log lines. An image whose name contains
"doesnotexist" cannot be pulled (ErrImagePull, ImagePullBackOff); a command with "exit 1" or
"false" crash-loops (CrashLoopBackOff, restarts); "oom" with at most 0.5 GiB of memory is
OOMKilled. DryRun, ClientToken, delete, restart, update, exec and paging behave like the service.
The look-ups answer from a small fake account in cn-hangzhou (2 VPCs, vSwitches in 3 zones,
security groups, EIPs, image caches). State is kept in memory and lost when it stops.

Point the command line at it with --endpoint http://127.0.0.1:PORT and the printed key in
ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET; point the editor at it with the
setting eci.endpoint and "ECI: Store Access Key". The real service stays the default everywhere.
Stops on Ctrl-C or SIGTERM.

Options:
  --port N           port on 127.0.0.1 (default 18080; 0: any free port)
  --pending-seconds S  how long a new, restarted or updated group stays Pending (0-600, default 5)
  --access-key-id ID       accept this AccessKey ID instead of a generated one
  --access-key-secret SECRET  with this secret (both or neither)
${COMMON_EN}

Exit codes: 0 stopped, 2 usage error or the port cannot be used.
`,
    price: PRICE_EN,
  },
  ja: {
    main: `eci: *.eci.yaml ファイルに書かれた Alibaba Cloud ECI コンテナグループ (API と同じ名前の
CreateContainerGroup パラメーター) を検査・表示・送信します。エディター拡張と同じルールです。

使い方: eci COMMAND [options]

コマンド:
  validate [PATH|GLOB ...]   ドキュメントを検査し診断を出力 (text、json、sarif)
  request FILE               送信されるワイヤーパラメーターをそのまま出力 (JSON)
  dry-run FILE               DryRun=true で送信: 検査のみで何も作成しない
  create FILE                コンテナグループを作成し ContainerGroupId と RequestId を出力
  price FILE                 グループの 1 時間あたりの推定価格 (DescribeContainerGroupPrice)
  simulator                  ECI、VPC、ECS のローカルシミュレーターを起動し、アカウントなしで
                             試せるようにする (URL とテスト用 AccessKey を出力)
  list                       リージョンのコンテナグループの一覧
  get ID                     グループを .eci.yaml ドキュメント (または JSON) として出力
  status ID [--wait]         グループの状態。--wait では Running か失敗まで追跡
  events ID                  グループのイベント
  logs ID                    コンテナのログ (--tail、--follow、--previous)
  restart ID                 グループを再起動
  delete ID --yes            グループを削除
  exec ID -- COMMAND [ARG...]  コンテナでコマンドを実行し出力を表示
  update FILE --group ID     ドキュメントの変更を稼働中のグループに適用 (--dry-run: 表示のみ)

オプション:
  -V, --version      バージョンを出力
${COMMON_JA}

各コマンドのオプションは 'eci COMMAND --help' を参照してください。

${EXIT_CODES_JA}
`,
    validate: `使い方: eci validate [options] [PATH|GLOB ...]

エディターと同じ診断で *.eci.yaml ドキュメントを検査し、1 件ずつ次の形式で出力します:
  file:line:column: severity rule-id: message        (行と列は 1 から)
ディレクトリは *.eci.yaml と *.eci.yml を再帰的に探します (node_modules と .git は除外)。
明示したファイルは名前に関係なく検査します。GLOB ('deploy/**/*.eci.yaml') は *、?、[...]、**
に対応します (シェルに展開させないよう引用符で囲んでください)。既定の PATH は現在のディレクトリです。

オプション:
  -f, --format FORMAT  text (既定)、json、sarif (コードスキャン用の SARIF 2.1.0)
  --show-suppressed    # eci-ignore コメントで抑制した指摘も理由とともに表示 (SARIF では常に
                       "suppressions" 付きの結果として出力)
  --online             アカウントとも照合 (読み取り専用の照会: vSwitch、セキュリティグループ、EIP、
                       イメージキャッシュ、在庫のあるゾーン)。エディターと同じ account.* の警告。
                       指定しなければ何も送信しない
${ONLINE_JA}
${COMMON_JA}

サービスが判断すべき指摘は抑制できます: 指摘の行末またはその前の行に '# eci-ignore ルールID -- 理由'、
先頭のコメントブロックに '# eci-ignore-file ルールID -- 理由'。抑制した指摘は数えず、dry-run と
create を妨げません。

終了コード: 0 エラーなし (警告は可)、1 エラーあり、2 使い方の誤り、または入力が読めない/ない
(stderr に名前を表示。読めたファイルは検査して報告します)、7 stdout に出力を書き込めなかった。
`,
    request: `使い方: eci request [options] FILE

dry-run と create が送信する CreateContainerGroup リクエストのワイヤーパラメーターを、
1 つの JSON オブジェクトとして出力します: {"Action": "CreateContainerGroup", "Version": ...,
"Container.1.Name": ...}。秘密の値 (ImageRegistryCredential のパスワード、非表示の環境変数) は
--show-secrets を付けない限り ******** と表示します。警告は stderr に出力します。
ドキュメントにエラーがあると出力しません (終了 1、診断は stderr)。

オプション:
  --show-secrets     秘密の値をそのまま表示
${COMMON_JA}

終了コード: 0 出力した、1 ドキュメントにエラーがある、2 使い方の誤り、またはファイルが読めない、
7 stdout に出力を書き込めなかった。
`,
    'dry-run': `使い方: eci dry-run [options] FILE

ドキュメントの CreateContainerGroup リクエストを DryRun=true で送信します。サービスがパラメーター、
権限、在庫を検査し、何も作成しません。ドキュメントにエラーがあると送信しません。合格すると
RequestId を出力し、不合格ならエラーの意味、対処、サービスの Message と Recommend を説明し、
該当するパラメーターの位置に表示します。

オプション:
  --force            エラーがルール (複数フィールドにまたがる検査) のエラーだけのとき (構文、型、その他の
                     スキーマのエラーがないとき) でもドライランする。判断はサービスに任せます。create には
                     --force はなく、エラーのないドキュメントか # eci-ignore で抑制した指摘が必要です。
${CALL_OPTIONS_JA}
${COMMON_JA}

${CREDENTIALS_JA}

${EXIT_CODES_JA}
`,
    create: `使い方: eci create [options] FILE

ドキュメントが表すコンテナグループを作成し、ContainerGroupId と RequestId を出力します。
ドキュメントにエラーがあると送信しません。ドキュメントの ClientToken を使い、なければこの実行の
すべての試行に共通の ClientToken を生成します (ネットワーク障害の後でも結果を確認できるよう出力します)。
リクエストを送信したのに応答がなかった場合はグループが作成された可能性があり、ClientToken と
対処方法を出力します。同じ ClientToken で再送信すると (ドキュメントに 'ClientToken: TOKEN' を書くか
--client-token TOKEN を指定)、サービスは 2 つ目を作らずにそのグループを返します。

オプション:
${CALL_OPTIONS_JA}
  --client-token TOKEN  送信する ClientToken (64 文字以内の ASCII 文字)。ネットワーク障害の後に出力
                     されたものなど。ドキュメントに書かれた ClientToken は上書きしません (異なる値は
                     拒否、終了 2)
  --wait             作成後、すべてのコンテナが準備完了の Running か Succeeded になる (終了 0)、
                     失敗する (終了 5。説明と FILE の該当行を表示)、上限時間を過ぎる (終了 6) まで
                     追跡する。新しいイベントは stderr に出力
  --wait-timeout SECONDS  --wait の上限秒数 (既定 600)
${COMMON_JA}

${CREDENTIALS_JA}

${EXIT_CODES_JA}
`,
    simulator: `使い方: eci simulator [options]

このツールが呼び出す Alibaba Cloud サービス (ECI 2018-08-08、VPC 2016-04-28、ECS 2014-05-26) の
ローカルシミュレーターを 127.0.0.1 で起動し、アカウントなしで dry-run、create、エディターを試せる
ようにします。Alibaba Cloud には何も送信しません。出力するテスト用 AccessKey (指定しなければ起動ごと
に生成) でリクエストの署名を検証し、コンテナグループをシミュレートします: 数秒間 Pending の後
Running になり、イベントとログ行を生成します。イメージ名に "doesnotexist" を含むとプルできず
(ErrImagePull、ImagePullBackOff)、コマンドに "exit 1" や "false" があるとクラッシュを繰り返し
(CrashLoopBackOff、再起動)、メモリ 0.5 GiB 以下で "oom" を含むと OOMKilled になります。DryRun、
ClientToken、削除、再起動、更新、exec、ページングはサービスと同様に動作します。参照系は cn-hangzhou
の小さな架空アカウント (VPC 2 つ、3 ゾーンの vSwitch、セキュリティグループ、EIP、イメージキャッシュ)
から応答します。状態はメモリ上にだけあり、停止すると失われます。

コマンドラインからは --endpoint http://127.0.0.1:PORT と、出力されたキーを
ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET に設定して使います。エディターからは
設定 eci.endpoint と "ECI: Store Access Key" で使います。既定の接続先はどこでも実サービスのままです。
Ctrl-C または SIGTERM で停止します。

オプション:
  --port N           127.0.0.1 のポート (既定 18080。0: 空いている任意のポート)
  --pending-seconds S  新規・再起動・更新したグループが Pending でいる秒数 (0〜600、既定 5)
  --access-key-id ID       生成する代わりにこの AccessKey ID を受け付ける
  --access-key-secret SECRET  そのシークレット (両方指定するか、どちらも指定しない)
${COMMON_JA}

終了コード: 0 停止した、2 使い方の誤り、またはポートが使えない。
`,
    price: PRICE_JA,
  },
};

export function helpText(locale: CliLocale, command?: CommandName): string {
  if (command && command in LIFECYCLE_HELP[locale])
    return LIFECYCLE_HELP[locale][command as LifecycleCommandName](EXIT_CODES[locale]);
  return HELP[locale][(command ?? 'main') as 'main'];
}
