// The words of a recognised launch failure (follow.ts), English and Japanese: what happened, in plain
// words, and what to do. Facts (container, image, exit code, zones) are filled in; nothing else.

export type FollowFailureKind =
  'image-pull' | 'crash-loop' | 'oom' | 'probe' | 'mount' | 'no-stock' | 'group-failed' | 'expired';

export interface FailureFacts {
  container?: string;
  image?: string;
  exitCode?: number;
  /** 'liveness' | 'readiness' | 'startup' */
  probe?: string;
  volume?: string;
  zones?: string[];
  /** The service's reason and message, for the kinds that have nothing more specific. */
  reason?: string;
  message?: string;
  lastLogLines?: string[];
}

export interface Explained {
  en: string;
  ja: string;
  action: { en: string; ja: string };
}

const q = (s: string | undefined) => (s ? `"${s}"` : '');

export function explainFollowFailure(kind: FollowFailureKind, f: FailureFacts): Explained {
  const c = q(f.container);
  const logs = f.lastLogLines?.length ? f.lastLogLines.map((l) => `  | ${l}`).join('\n') : '';
  switch (kind) {
    case 'image-pull':
      return {
        en: `The image ${q(f.image)} of the container ${c} cannot be pulled: the image or its tag does not exist, the registry cannot be reached from the VPC, or it needs credentials.`,
        ja: `コンテナ ${c} のイメージ ${q(f.image)} をプルできません。イメージまたはタグが存在しない、VPC からレジストリに到達できない、または認証情報が必要です。`,
        action: {
          en: 'Check the image name and tag; for a private registry add ImageRegistryCredential; for a registry on the internet give the group a NAT gateway or an EIP (AutoCreateEip).',
          ja: 'イメージ名とタグを確認してください。プライベートレジストリの場合は ImageRegistryCredential を追加し、インターネット上のレジストリの場合は NAT ゲートウェイまたは EIP (AutoCreateEip) を用意してください。',
        },
      };
    case 'crash-loop':
      return {
        en: `The container ${c} keeps crashing: it exited with code ${f.exitCode ?? '?'} and is restarted again and again.${logs ? `\nLast lines of its log:\n${logs}` : ''}`,
        ja: `コンテナ ${c} がクラッシュを繰り返しています。終了コード ${f.exitCode ?? '?'} で終了し、再起動が続いています。${logs ? `\nログの最後の行:\n${logs}` : ''}`,
        action: {
          en: 'Fix the command or its arguments (or what the program needs: environment, files, ports); `eci logs ID --previous` shows the log of the run that crashed.',
          ja: 'コマンドや引数 (またはプログラムが必要とする環境変数、ファイル、ポート) を修正してください。`eci logs ID --previous` でクラッシュした実行のログを表示できます。',
        },
      };
    case 'oom':
      return {
        en: `The container ${c} ran out of memory and was killed (OOMKilled, exit code ${f.exitCode ?? 137}).${logs ? `\nLast lines of its log:\n${logs}` : ''}`,
        ja: `コンテナ ${c} がメモリ不足で強制終了されました (OOMKilled、終了コード ${f.exitCode ?? 137})。${logs ? `\nログの最後の行:\n${logs}` : ''}`,
        action: {
          en: 'Give the container more Memory (or the group more, with a larger InstanceType), or make the program use less.',
          ja: 'コンテナの Memory を増やす (またはより大きな InstanceType でグループのメモリを増やす) か、プログラムのメモリ使用量を減らしてください。',
        },
      };
    case 'probe':
      return {
        en: `The ${f.probe ?? 'health'} probe of the container ${c} keeps failing${f.message ? `: ${f.message}` : ''}.`,
        ja: `コンテナ ${c} の ${f.probe ?? 'ヘルス'} プローブが失敗し続けています${f.message ? `: ${f.message}` : ''}。`,
        action: {
          en: 'Check the probe: its port or path, command, InitialDelaySeconds (long enough for the program to start) and TimeoutSeconds.',
          ja: 'プローブのポートまたはパス、コマンド、InitialDelaySeconds (プログラムの起動に十分な長さ)、TimeoutSeconds を確認してください。',
        },
      };
    case 'mount':
      return {
        en: `The volume ${q(f.volume)} cannot be mounted${f.message ? `: ${f.message}` : ''}.`,
        ja: `ボリューム ${q(f.volume)} をマウントできません${f.message ? `: ${f.message}` : ''}。`,
        action: {
          en: 'Check the volume: that the NAS/OSS/disk exists in the zone of the group, its server and path, and the permissions of the RAM role.',
          ja: 'ボリュームを確認してください。NAS/OSS/ディスクがグループのゾーンに存在すること、サーバーとパス、RAM ロールの権限を確認します。',
        },
      };
    case 'no-stock':
      return {
        en: `There is no stock of the requested size in the zone${f.zones?.length ? `; the service recommends the zones ${f.zones.join(', ')}` : ''}.`,
        ja: `指定したゾーンに要求したサイズの在庫がありません${f.zones?.length ? `。サービスが推奨するゾーン: ${f.zones.join(', ')}` : ''}。`,
        action: {
          en: 'Choose another zone (a vSwitch in a recommended zone, or several vSwitches in VSwitchId), another InstanceType or several, or try again later.',
          ja: '別のゾーン (推奨ゾーンの vSwitch、または VSwitchId に複数の vSwitch)、別の InstanceType または複数の候補を指定するか、時間をおいて再試行してください。',
        },
      };
    case 'expired':
      return {
        en: 'The container group expired (a spot instance was reclaimed, or its time ran out).',
        ja: 'コンテナグループが期限切れになりました (スポットインスタンスの回収、または有効期限の終了)。',
        action: {
          en: 'Create the group again; for spot instances consider SpotDuration or a higher SpotPriceLimit.',
          ja: 'グループを再作成してください。スポットインスタンスの場合は SpotDuration や高めの SpotPriceLimit を検討してください。',
        },
      };
    case 'group-failed':
      return {
        en: `The container group failed${f.reason ? ` (${f.reason}${f.message ? `: ${f.message}` : ''})` : ''}.`,
        ja: `コンテナグループが失敗しました${f.reason ? ` (${f.reason}${f.message ? `: ${f.message}` : ''})` : ''}。`,
        action: {
          en: 'Read the events (`eci events ID`) and the logs (`eci logs ID`) of the group to find the cause.',
          ja: 'グループのイベント (`eci events ID`) とログ (`eci logs ID`) を確認して原因を調べてください。',
        },
      };
  }
}
