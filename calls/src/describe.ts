// The words for what the call layer reports, in English and Japanese: one implementation used by
// the call layer itself (the English `message` of an outcome), the CLI (`--locale`) and the editor
// (its display language). Built from the structured facts of an outcome, never from its English text.
import type { EciCallOutcome, NetworkErrorDetail, ResolvedCredential } from './types';
import { localeOf, type Locale } from '../../server/src/service/locale';

export type DescribeLocale = Locale;

type NetworkErrorOutcome = Extract<EciCallOutcome, { type: 'network-error' }>;

/** `ja`, `ja-JP`, `ja_JP.UTF-8` -> ja; anything else -> en. */
export function describeLocale(locale: string | undefined): DescribeLocale {
  return localeOf(locale);
}

function kb(n: number): string {
  return `${(n / 1024).toFixed(1)} KB`;
}

/** One network failure's details (the first sentence(s) of the message), without the attempt count. */
export function describeNetworkDetail(d: NetworkErrorDetail, locale: string = 'en'): string {
  const ja = describeLocale(locale) === 'ja';
  switch (d.reason) {
    case 'dns':
      return ja
        ? `ホスト名 ${d.host} を解決できませんでした (${d.errno})。リージョン ID とエンドポイントの設定を確認してください。`
        : `The host name ${d.host} could not be resolved (${d.errno}); check the region id and the endpoint setting.`;
    case 'connection-refused':
      return ja
        ? `${d.host}:${d.port} への接続が拒否されました: そこで接続を受け付けているものがありません。エンドポイントの設定を確認してください。`
        : `Connection to ${d.host}:${d.port} was refused: nothing accepts connections there. Check the endpoint setting.`;
    case 'connect-timeout':
      if (d.seconds === undefined)
        return ja
          ? `${d.host}:${d.port} に接続できませんでした (タイムアウト)。`
          : `Could not connect to ${d.host}:${d.port} (timed out).`;
      return ja
        ? `${d.seconds} 秒以内に ${d.host}:${d.port} に接続できませんでした。`
        : `Could not connect to ${d.host}:${d.port} within ${d.seconds} s.`;
    case 'connect-failed':
      return ja
        ? `${d.host}:${d.port} に接続できませんでした (${d.errno})。`
        : `Could not connect to ${d.host}:${d.port} (${d.errno}).`;
    case 'credential-unusable':
      return ja
        ? `リクエストは送信されていません: ${d.credential} の認証情報を使用できませんでした (${d.error})。`
        : `The request was not sent: the credential from ${d.credential} could not be used (${d.error}).`;
    case 'too-large': {
      const status = `HTTP ${d.status}${d.status === 414 ? ' URI Too Long' : d.status === 431 ? ' Request Header Fields Too Large' : ''}`;
      if (ja)
        return (
          `ECI のフロントエンドがリクエストを大きすぎるとして拒否しました (${status})。` +
          `CreateContainerGroup はすべてのパラメーターを URL のクエリ文字列で送ります。このリクエストの URL は ${kb(d.urlBytes)}` +
          (d.configFileKeys.length
            ? ` で、そのうち ${kb(d.configFileBytes)} が ConfigFile の内容です (${d.configFileKeys.join(', ')})。`
            : ' です。') +
          'ConfigFile の内容を小さくする (またはファイルをイメージ、NAS、OSS ボリュームで渡す) か、パラメーターを減らしてください。'
        );
      return (
        `The ECI front end refused the request as too large (${status}). ` +
        `CreateContainerGroup sends every parameter in the URL query string; this request's URL is ${kb(d.urlBytes)}` +
        (d.configFileKeys.length
          ? `, of which ${kb(d.configFileBytes)} is ConfigFile content (${d.configFileKeys.join(', ')}). `
          : '. ') +
        'Make ConfigFile contents smaller (or deliver the files through an image, NAS or OSS volume) and fewer parameters.'
      );
    }
    case 'not-service-json': {
      const what =
        d.status !== undefined
          ? `HTTP ${d.status}${d.contentType ? ` (${d.contentType.split(';')[0]})` : ''}`
          : ja
            ? '応答'
            : 'a response';
      return ja
        ? `${d.host} が ECI サービスの JSON ではない ${what} を返しました。このマシンとサービスの間のゲートウェイまたはプロキシで障害が起きています。${d.requestId ? ` RequestId: ${d.requestId}。` : ''}`
        : `${d.host} answered ${what} that is not the ECI service's JSON; a gateway or proxy between this machine and the service failed.${d.requestId ? ` RequestId: ${d.requestId}.` : ''}`;
    }
    case 'no-answer':
      return ja
        ? `${d.seconds} 秒以内に ${d.host} から応答がありませんでした。`
        : `No answer from ${d.host} within ${d.seconds} s.`;
    case 'connection-closed':
      return ja
        ? `応答が届く前に ${d.host} との接続が切れました。`
        : `The connection to ${d.host} was closed before the answer arrived.`;
    case 'no-container-group-id':
      return ja
        ? `${d.host} は HTTP ${d.status} を返しましたが ContainerGroupId がありません${d.requestId ? ` (RequestId ${d.requestId})` : ''}。`
        : `${d.host} answered HTTP ${d.status} without a ContainerGroupId${d.requestId ? ` (RequestId ${d.requestId})` : ''}.`;
    case 'transport':
      return ja ? `${d.host} の呼び出しに失敗しました: ${d.error}` : `The call to ${d.host} failed: ${d.error}`;
  }
}

/**
 * A network failure in full: its details, the number of attempts and, when the URL was large,
 * that a front end may have refused it for its size.
 */
export function describeNetworkError(
  outcome: Pick<NetworkErrorOutcome, 'detail' | 'attempts' | 'largeUrl'>,
  locale: string = 'en',
): string {
  const ja = describeLocale(locale) === 'ja';
  let text = describeNetworkDetail(outcome.detail, locale);
  if (outcome.attempts > 1) text += ja ? ` (${outcome.attempts} 回試行)` : ` (${outcome.attempts} attempts)`;
  const u = outcome.largeUrl;
  if (u) {
    text += ja
      ? ` リクエスト URL は ${kb(u.urlBytes)} です (すべてのパラメーターが URL で送られます${u.configFileKeys.length ? `。そのうち ${kb(u.configFileBytes)} が ConfigFile の内容` : ''})。これほど大きいリクエストはフロントエンドに拒否されることがあります。`
      : ` The request URL is ${kb(u.urlBytes)} (every parameter travels in the URL${u.configFileKeys.length ? `, ${kb(u.configFileBytes)} of it ConfigFile content` : ''}); a front end may refuse a request this large.`;
  }
  return text;
}

/**
 * Where a credential came from, in the locale asked for (`aliyun CLI profile "dev" (mode AK) in
 * /home/u/.aliyun/config.json`). A credential the caller made itself (`explicit`) keeps the caller's
 * own description. Never includes a secret.
 */
export function describeCredential(
  credential: Pick<ResolvedCredential, 'source' | 'description' | 'profile' | 'origin' | 'temporary'>,
  locale: string = 'en',
): string {
  const ja = describeLocale(locale) === 'ja';
  const o = credential.origin ?? {};
  switch (credential.source) {
    case 'explicit':
      return credential.description;
    case 'env': {
      const vars = `ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET${credential.temporary ? ' / ALIBABA_CLOUD_SECURITY_TOKEN' : ''}`;
      return ja ? `環境変数 ${vars}` : `environment variables ${vars}`;
    }
    case 'oidc':
      return ja
        ? `OIDC ロール ${o.roleArn ?? ''} (トークンファイル ${o.tokenFile ?? ''})`
        : `OIDC role ${o.roleArn ?? ''} (token file ${o.tokenFile ?? ''})`;
    case 'aliyun-cli-profile':
      return ja
        ? `${o.file ?? '~/.aliyun/config.json'} の aliyun CLI プロファイル "${credential.profile ?? ''}"${o.mode ? ` (モード ${o.mode})` : ''}`
        : `aliyun CLI profile "${credential.profile ?? ''}"${o.mode ? ` (mode ${o.mode})` : ''} in ${o.file ?? '~/.aliyun/config.json'}`;
    case 'credentials-file':
      return ja
        ? `${o.file ?? '~/.alibabacloud/credentials'} のセクション [${credential.profile ?? 'default'}]`
        : `section [${credential.profile ?? 'default'}] of ${o.file ?? '~/.alibabacloud/credentials'}`;
    case 'instance-metadata':
      return ja
        ? `この ECS インスタンスの RAM ロール${o.roleName ? ` (${o.roleName})` : ''}`
        : `the RAM role of this ECS instance${o.roleName ? ` (${o.roleName})` : ''}`;
    case 'credentials-uri':
      return ja ? `ALIBABA_CLOUD_CREDENTIALS_URI (${o.uri ?? ''})` : `ALIBABA_CLOUD_CREDENTIALS_URI (${o.uri ?? ''})`;
  }
}

/**
 * The credential a call uses, as confirmations and logs name it: its source and its masked AccessKey ID
 * (`environment variables ... (AccessKey LTAI****wxyz, STS)`). Never includes a secret.
 */
export function describeCredentialInUse(
  credential: Pick<
    ResolvedCredential,
    'source' | 'description' | 'profile' | 'origin' | 'temporary' | 'accessKeyIdHint'
  >,
  locale: string = 'en',
): string {
  return `${describeCredential(credential, locale)} (AccessKey ${credential.accessKeyIdHint}${credential.temporary ? ', STS' : ''})`;
}

/** What a service error means and what to do, in the locale asked for (the service's own Message aside). */
export function explainServiceError(
  outcome: Pick<Extract<EciCallOutcome, { type: 'service-error' }>, 'explanation'>,
  locale: string = 'en',
): { explanation: string; action?: string } {
  const l = describeLocale(locale);
  const action = outcome.explanation.action?.[l];
  return { explanation: outcome.explanation[l], ...(action ? { action } : {}) };
}
