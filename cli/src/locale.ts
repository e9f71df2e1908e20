// The CLI's own words (usage problems, summaries, outcomes) in English and Japanese.
// Diagnostics and error explanations come localised from the language service and the call layer;
// this file only holds what the command line itself says.

import { environmentLocale, localeOf, type Locale } from '../../server/src/service/locale';

export type CliLocale = Locale;

/**
 * `--locale` wins; otherwise the POSIX order LC_ALL, LC_MESSAGES, LANG (`ja_JP.UTF-8` -> ja).
 * Anything that is not Japanese is English.
 */
export function detectLocale(flag: string | undefined, env: NodeJS.ProcessEnv): CliLocale {
  return localeOf(flag && flag.trim() ? flag : environmentLocale(env));
}

export function isSupportedLocaleFlag(v: string): boolean {
  return /^(en|ja)([_-][A-Za-z]{2})?$/.test(v);
}

type Messages = typeof en;

export type FileKindName = 'fifo' | 'character-device' | 'block-device' | 'socket' | 'other';
const EN_KINDS: Record<FileKindName, string> = {
  fifo: 'a FIFO (named pipe)',
  'character-device': 'a character device',
  'block-device': 'a block device',
  socket: 'a socket',
  other: 'a special file',
};
const JA_KINDS: Record<FileKindName, string> = {
  fifo: 'FIFO (名前付きパイプ) ',
  'character-device': 'キャラクターデバイス',
  'block-device': 'ブロックデバイス',
  socket: 'ソケット',
  other: '特殊ファイル',
};

const en = {
  unknownCommand: (c: string) => `unknown command '${c}'`,
  missingCommand: 'no command given',
  unknownOption: (o: string, cmd: string) => `unknown option '${o}' for '${cmd}'`,
  missingValue: (o: string) => `option '${o}' needs a value`,
  noValueExpected: (o: string) => `option '${o}' takes no value`,
  badFormat: (v: string) => `--format must be text, json or sarif, not '${v}'`,
  badNumber: (o: string, v: string, expected: string) => `${o} must be ${expected}, not '${v}'`,
  badLocale: (v: string) => `--locale must be en or ja, not '${v}'`,
  oneFile: (cmd: string, n: number) => `'${cmd}' takes exactly one FILE, ${n} given`,
  seeHelp: (cmd: string) => `Run 'eci ${cmd} --help' for usage.`,
  simulatorUsage: "'simulator' takes no FILE, and --access-key-id and --access-key-secret go together",
  notFound: (p: string) => `${p}: no such file or directory`,
  noMatch: (p: string) => `${p}: no file matches this pattern`,
  noDocuments: (p: string) => `${p}: no *.eci.yaml or *.eci.yml file in this directory`,
  unreadableDirectory: (p: string, d: string) => `${p}: the directory could not be read (${d})`,
  unreadableFile: (p: string, d: string) => `${p}: the file could not be read (${d})`,
  notAFile: (p: string) => `${p}: is a directory; this command takes one *.eci.yaml file`,
  notRegularFile: (p: string, kind: FileKindName) =>
    `${p}: is ${EN_KINDS[kind]}, not a regular file; eci reads only regular files (save the document to a file and name that file)`,
  fileTooLarge: (p: string, bytes: number, max: number) =>
    `${p}: the file has ${bytes} bytes, more than the ${max} bytes a document can have (a CreateContainerGroup request travels in one URL); it was not read`,
  wrongEncoding: (p: string, encoding: string) =>
    `${p}: the file is encoded as ${encoding} (it starts with a ${encoding} byte-order mark); *.eci.yaml files are read as UTF-8: save it as UTF-8. Nothing was read from it.`,
  invalidUtf8: (p: string, byte: number, offset: number, line: number, column: number) =>
    `${p}: the file is not valid UTF-8: the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${offset} (line ${line}, byte ${column} of the line) is not part of a UTF-8 character. The file may be in Latin-1, Windows-1252 or Shift_JIS: save it as UTF-8. Nothing was read from it.`,
  nulByte: (p: string, offset: number, line: number, column: number) =>
    `${p}: the file contains a NUL byte at byte offset ${offset} (line ${line}, byte ${column} of the line): it is not a UTF-8 text file (UTF-16 without a byte-order mark, or a binary file): save it as UTF-8. Nothing was read from it.`,
  badPattern: (p: string, cls: string) =>
    `${p}: not a usable pattern: the character class ${cls} is not valid (a range goes from low to high, e.g. [a-z])`,
  notRegularPath: (p: string, kind: FileKindName) =>
    `${p}: is ${EN_KINDS[kind]}, not a regular file or a directory; eci reads only regular files`,
  summary: (errors: number, warnings: number, files: number) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
  refusedBecauseErrors: (p: string, n: number) =>
    `${p}: not sent: the document has ${n} error${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} first`,
  onlyRuleErrors: () =>
    'these are cross-field rule errors only: `eci dry-run --force` lets the service judge, or suppress a finding with `# eci-ignore RULE-ID -- reason`',
  forcedDryRun: (p: string, n: number) =>
    `${p}: dry run despite ${n} rule error${n === 1 ? '' : 's'} (--force): the service is the judge`,
  suppressedLabel: 'suppressed',
  noReason: 'no reason given',
  regionMismatch: (doc: string, flag: string) =>
    `--region ${flag} does not match the document's RegionId ${doc}; the document decides where the group is created (change RegionId, or drop --region)`,
  badEndpoint: (v: string, why: string) => `--endpoint '${v}' is not usable: ${why}`,
  progress: (what: string, host: string, seconds: number, attempt: number) =>
    `${what}: waiting for ${host}… ${seconds}s${attempt > 1 ? ` (attempt ${attempt})` : ''}`,
  progressStarted: (what: string, host: string) => `${what}: sending to ${host}…`,
  dryRunWord: 'dry run',
  createWord: 'create',
  dryRunPassed: 'Dry run passed: the service accepted the request (nothing was created).',
  created: 'Container group created.',
  requestId: 'RequestId',
  containerGroupId: 'ContainerGroupId',
  credentialSource: (s: string) => `Credentials: ${s}`,
  endpointUsed: (e: string) => `Endpoint: ${e}`,
  noPriceWithErrors: (file: string, n: number) =>
    `${file}: no price: the document has ${n} error(s); fix them first (eci validate ${file}).`,
  lookupFailed: (region: string, reasons: string) =>
    `Account checks skipped for ${region}: nothing could be looked up (${reasons}).`,
  lookupPartial: (region: string, reasons: string) =>
    `Some account facts of ${region} could not be looked up: ${reasons}.`,
  lookedUp: (region: string, at: string) => `Account facts of ${region} looked up at ${at}.`,
  serviceError: 'The service refused the request.',
  networkError: 'The request did not reach the service or got no usable answer.',
  cancelledDryRun: 'Cancelled.',
  cancelled: 'Cancelled; the outcome of a create already sent is unknown: check the console with the ClientToken.',
  clientToken: 'ClientToken',
  recommend: 'Recommend',
  clientTokenBeforeSend: (token: string, generated: boolean, file: string) =>
    `ClientToken: ${token}${generated ? ' (generated for this run)' : ''}. Should this run be cut short, send it again with the same ClientToken (eci create --client-token ${token} ${file}): the service then never creates a second group.`,
  terminated: 'Terminated (SIGTERM).',
  outputFailed: (detail: string, code: number, exit: number) =>
    `the output could not be written to stdout (${detail}); it is lost. Exit ${exit} (the command itself ended with exit ${code}).`,
  outputFailedNotes: 'What the lost output said:',
  attempts: (n: number) => `after ${n} attempt${n === 1 ? '' : 's'}`,
  badClientToken: (v: string) => `--client-token '${v}' is not a ClientToken: at most 64 ASCII characters, no spaces`,
  clientTokenConflict: (flag: string, doc: string, file: string) =>
    `--client-token ${flag} differs from the ClientToken ${doc} written in ${file}; the document's ClientToken is never overwritten: drop --client-token, or change the document`,
  mayHaveBeenCreated: 'The request was sent but no answer arrived: the container group MAY have been created.',
  notSentNothingCreated: 'No attempt reached the service: nothing was created.',
  retryWithTokenFromDocument: (token: string, file: string) =>
    `Run 'eci create ${file}' again: the document's ClientToken ${token} makes the service return the group the lost request created (if it did) instead of creating a second one.`,
  retryWithToken: (token: string, file: string) =>
    `To finish without risking a second group, send it again with the same ClientToken, either:\n` +
    `    add the line  ClientToken: ${token}  to ${file} and run 'eci create ${file}' again, or\n` +
    `    run  eci create --client-token ${token} ${file}\n` +
    `  The service then returns the group the lost request created (if it did) instead of creating a second one.`,
  cancelledWithToken: (token: string, file: string) =>
    `The request had already been sent, so the group may still be created. Before creating again, check the console, or send it with the same ClientToken (add  ClientToken: ${token}  to ${file}, or run  eci create --client-token ${token} ${file}).`,
};

const ja: Messages = {
  unknownCommand: (c) => `不明なコマンド '${c}' です`,
  missingCommand: 'コマンドが指定されていません',
  unknownOption: (o, cmd) => `'${cmd}' に不明なオプション '${o}' があります`,
  missingValue: (o) => `オプション '${o}' には値が必要です`,
  noValueExpected: (o) => `オプション '${o}' は値を取りません`,
  badFormat: (v) => `--format は text、json、sarif のいずれかです ('${v}' は使えません)`,
  badNumber: (o, v, expected) => `${o} の値 '${v}' は使えません (${expected})`,
  badLocale: (v) => `--locale は en または ja です ('${v}' は使えません)`,
  oneFile: (cmd, n) => `'${cmd}' には FILE をちょうど 1 つ指定します (${n} 個指定されました)`,
  seeHelp: (cmd) => `使い方は 'eci ${cmd} --help' を参照してください。`,
  simulatorUsage: "'simulator' には FILE を指定しません。--access-key-id と --access-key-secret は両方指定します",
  notFound: (p) => `${p}: ファイルまたはディレクトリがありません`,
  noMatch: (p) => `${p}: このパターンに一致するファイルがありません`,
  noDocuments: (p) => `${p}: このディレクトリに *.eci.yaml / *.eci.yml ファイルがありません`,
  unreadableDirectory: (p, d) => `${p}: ディレクトリを読み取れません (${d})`,
  unreadableFile: (p, d) => `${p}: ファイルを読み取れません (${d})`,
  notAFile: (p) => `${p}: ディレクトリです。このコマンドには *.eci.yaml ファイルを 1 つ指定します`,
  notRegularFile: (p, kind) =>
    `${p}: ${JA_KINDS[kind]}であり、通常のファイルではありません。eci は通常のファイルだけを読みます (ドキュメントをファイルに保存し、そのファイルを指定してください)`,
  fileTooLarge: (p, bytes, max) =>
    `${p}: ファイルが ${bytes} バイトあり、ドキュメントの上限 ${max} バイトを超えています (CreateContainerGroup リクエストは 1 つの URL で送られます)。読み込みませんでした`,
  wrongEncoding: (p, encoding) =>
    `${p}: ファイルが ${encoding} でエンコードされています (${encoding} のバイト順マークで始まります)。*.eci.yaml ファイルは UTF-8 として読みます: UTF-8 で保存してください。何も読み込んでいません。`,
  invalidUtf8: (p, byte, offset, line, column) =>
    `${p}: ファイルが正しい UTF-8 ではありません: バイトオフセット ${offset} (${line} 行目、行の ${column} バイト目) のバイト 0x${byte.toString(16).toUpperCase().padStart(2, '0')} は UTF-8 の文字の一部ではありません。Latin-1、Windows-1252、Shift_JIS などの可能性があります: UTF-8 で保存してください。何も読み込んでいません。`,
  nulByte: (p, offset, line, column) =>
    `${p}: バイトオフセット ${offset} (${line} 行目、行の ${column} バイト目) に NUL バイトがあります。UTF-8 のテキストファイルではありません (バイト順マークのない UTF-16、またはバイナリファイル): UTF-8 で保存してください。何も読み込んでいません。`,
  badPattern: (p, cls) =>
    `${p}: 使用できないパターンです: 文字クラス ${cls} が正しくありません (範囲は小さい方から大きい方へ。例: [a-z])`,
  notRegularPath: (p, kind) =>
    `${p}: ${JA_KINDS[kind]}であり、通常のファイルでもディレクトリでもありません。eci は通常のファイルだけを読みます`,
  summary: (errors, warnings, files) => `${files} ファイル中 エラー ${errors} 件、警告 ${warnings} 件`,
  refusedBecauseErrors: (p, n) =>
    `${p}: 送信しませんでした: ドキュメントにエラーが ${n} 件あります。先に修正してください`,
  onlyRuleErrors: () =>
    'これらは複数フィールドにまたがるルールのエラーだけです。`eci dry-run --force` でサービスに判断させるか、`# eci-ignore ルールID -- 理由` で指摘を抑制できます',
  forcedDryRun: (p, n) => `${p}: ルールのエラー ${n} 件があるままドライランします (--force)。判断はサービスに任せます`,
  suppressedLabel: '抑制',
  noReason: '理由なし',
  regionMismatch: (doc, flag) =>
    `--region ${flag} がドキュメントの RegionId ${doc} と一致しません。作成先はドキュメントで決まります (RegionId を変更するか --region を外してください)`,
  badEndpoint: (v, why) => `--endpoint '${v}' は使用できません: ${why}`,
  progress: (what, host, seconds, attempt) =>
    `${what}: ${host} の応答を待っています… ${seconds} 秒${attempt > 1 ? ` (${attempt} 回目)` : ''}`,
  progressStarted: (what, host) => `${what}: ${host} に送信しています…`,
  dryRunWord: 'ドライラン',
  createWord: '作成',
  dryRunPassed: 'ドライランに合格しました: サービスはリクエストを受け付けました (何も作成されていません)。',
  created: 'コンテナグループを作成しました。',
  requestId: 'RequestId',
  containerGroupId: 'ContainerGroupId',
  credentialSource: (s) => `認証情報: ${s}`,
  endpointUsed: (e) => `エンドポイント: ${e}`,
  noPriceWithErrors: (file, n) =>
    `${file}: 価格なし: ドキュメントにエラーが ${n} 件あります。先に修正してください (eci validate ${file})。`,
  lookupFailed: (region, reasons) =>
    `${region} のアカウント検査を省略しました: 何も照会できませんでした (${reasons})。`,
  lookupPartial: (region, reasons) => `${region} のアカウント情報の一部を照会できませんでした: ${reasons}。`,
  lookedUp: (region, at) => `${region} のアカウント情報を ${at} に照会しました。`,
  serviceError: 'サービスがリクエストを拒否しました。',
  networkError: 'リクエストがサービスに届かなかったか、有効な応答がありませんでした。',
  cancelledDryRun: 'キャンセルしました。',
  cancelled: 'キャンセルしました。送信済みの作成の結果は不明です: ClientToken を使ってコンソールで確認してください。',
  clientToken: 'ClientToken',
  recommend: 'Recommend',
  clientTokenBeforeSend: (token, generated, file) =>
    `ClientToken: ${token}${generated ? ' (この実行のために生成)' : ''}。この実行が途中で終わった場合は、同じ ClientToken で送信し直してください (eci create --client-token ${token} ${file})。サービスが 2 つ目のグループを作ることはありません。`,
  terminated: '終了しました (SIGTERM)。',
  outputFailed: (detail, code, exit) =>
    `出力を stdout に書き込めませんでした (${detail})。出力は失われました。終了コード ${exit} (コマンド自体の終了コードは ${code})。`,
  outputFailedNotes: '失われた出力の内容:',
  attempts: (n) => `${n} 回試行`,
  badClientToken: (v) =>
    `--client-token '${v}' は ClientToken として使えません: 64 文字以内の ASCII 文字で、空白は含められません`,
  clientTokenConflict: (flag, doc, file) =>
    `--client-token ${flag} が ${file} に書かれた ClientToken ${doc} と異なります。ドキュメントの ClientToken は上書きしません: --client-token を外すか、ドキュメントを変更してください`,
  mayHaveBeenCreated:
    'リクエストは送信されましたが応答がありませんでした: コンテナグループが作成された可能性があります。',
  notSentNothingCreated: 'どの試行もサービスに届いていません: 何も作成されていません。',
  retryWithTokenFromDocument: (token, file) =>
    `'eci create ${file}' をもう一度実行してください: ドキュメントの ClientToken ${token} により、失われたリクエストがグループを作成していた場合、サービスは 2 つ目を作らずにそのグループを返します。`,
  retryWithToken: (token, file) =>
    `2 つ目のグループを作らずに完了するには、同じ ClientToken でもう一度送信してください。次のどちらかです:\n` +
    `    ${file} に  ClientToken: ${token}  の行を追加して 'eci create ${file}' を再実行する\n` +
    `    eci create --client-token ${token} ${file}  を実行する\n` +
    `  失われたリクエストがグループを作成していた場合、サービスは 2 つ目を作らずにそのグループを返します。`,
  cancelledWithToken: (token, file) =>
    `リクエストはすでに送信されていたため、グループが作成される可能性があります。再度作成する前にコンソールで確認するか、同じ ClientToken で送信してください (${file} に  ClientToken: ${token}  を追加するか、 eci create --client-token ${token} ${file}  を実行)。`,
};

export function messages(locale: CliLocale): Messages {
  return locale === 'ja' ? ja : en;
}
