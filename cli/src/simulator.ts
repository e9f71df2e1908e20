// `eci simulator`: the local simulator of ECI, VPC and ECS (simulator/src) on 127.0.0.1, with a
// test AccessKey it prints, until Ctrl-C or SIGTERM. Loaded only when this command runs.
import { randomBytes } from 'node:crypto';
import { startSimulator } from '../../simulator/src/server';
import type { CliContext } from './context';
import { complain } from './context';
import { EXIT } from './exitCodes';

export interface SimulatorCommandOptions {
  port: number;
  pendingSeconds: number;
  accessKeyId?: string;
  accessKeySecret?: string;
}

const words = {
  en: {
    listening: (url: string) => `ECI simulator listening on ${url}`,
    products:
      'Answers ECI (2018-08-08), VPC (2016-04-28) and ECS (2014-05-26) on this machine only; nothing is sent to Alibaba Cloud.',
    keyId: 'Test AccessKey ID:    ',
    keySecret: 'Test AccessKey secret:',
    keyNote: 'This key works only with this simulator (requests signed with any other key are refused).',
    lifecycle: (s: number) =>
      `Container groups are Pending for ${s} s, then Running. An image whose name contains "doesnotexist" cannot be pulled;\na command with "exit 1" (or false) crash-loops; "oom" with at most 0.5 GiB of memory is OOMKilled.`,
    cli: 'Command line:',
    editor:
      'Editor: set "eci.endpoint" to the URL above (Settings, or .vscode/settings.json), then run "ECI: Store Access Key" with the key above.',
    stop: 'Stop with Ctrl-C.',
    stopped: 'ECI simulator stopped.',
    portInUse: (port: number) =>
      `port ${port} on 127.0.0.1 is already in use: choose another with --port N (0: any free port)`,
    cannotListen: (port: number, why: string) => `cannot listen on 127.0.0.1:${port}: ${why}`,
  },
  ja: {
    listening: (url: string) => `ECI シミュレーターを ${url} で起動しました`,
    products:
      'ECI (2018-08-08)、VPC (2016-04-28)、ECS (2014-05-26) にこのマシン内だけで応答します。Alibaba Cloud には何も送信しません。',
    keyId: 'テスト用 AccessKey ID:    ',
    keySecret: 'テスト用 AccessKey Secret:',
    keyNote: 'このキーはこのシミュレーターでのみ使えます (他のキーで署名されたリクエストは拒否されます)。',
    lifecycle: (s: number) =>
      `コンテナグループは ${s} 秒間 Pending の後 Running になります。イメージ名に "doesnotexist" を含むとプルできず、\nコマンドに "exit 1" (または false) があるとクラッシュを繰り返し、メモリ 0.5 GiB 以下で "oom" を含むと OOMKilled になります。`,
    cli: 'コマンドライン:',
    editor:
      'エディター: "eci.endpoint" に上の URL を設定し (設定画面または .vscode/settings.json)、"ECI: Store Access Key" で上のキーを保存してください。',
    stop: 'Ctrl-C で停止します。',
    stopped: 'ECI シミュレーターを停止しました。',
    portInUse: (port: number) =>
      `127.0.0.1 のポート ${port} は使用中です: --port N で別のポートを指定してください (0: 空いている任意のポート)`,
    cannotListen: (port: number, why: string) => `127.0.0.1:${port} で待ち受けできません: ${why}`,
  },
};

/** A fresh test key pair: an ID shaped like Alibaba Cloud's, a random secret. */
export function generateTestKey(): { id: string; secret: string } {
  return { id: `LTAIsim${randomBytes(8).toString('hex')}`, secret: randomBytes(18).toString('base64url') };
}

export async function runSimulator(
  ctx: CliContext,
  options: SimulatorCommandOptions,
  signals: NodeJS.EventEmitter = process,
): Promise<number> {
  const w = words[ctx.locale];
  const generated = generateTestKey();
  const id = options.accessKeyId ?? generated.id;
  const secret = options.accessKeySecret ?? generated.secret;
  let sim;
  try {
    sim = await startSimulator({
      accessKeys: { [id]: { secret } },
      port: options.port,
      timing: { pendingMs: options.pendingSeconds * 1000 },
    });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    complain(ctx, e.code === 'EADDRINUSE' ? w.portInUse(options.port) : w.cannotListen(options.port, e.message));
    return EXIT.usage;
  }
  // Listen for the stop signals before the banner says how to stop.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      signals.off('SIGINT', stop);
      signals.off('SIGTERM', stop);
      resolve();
    };
    signals.on('SIGINT', stop);
    signals.on('SIGTERM', stop);
  });
  const url = `http://${sim.endpoint}`;
  const o = ctx.out;
  ctx.stdout.write(
    [
      o.green(w.listening(o.bold(url))),
      w.products,
      '',
      `${w.keyId} ${id}`,
      `${w.keySecret} ${secret}`,
      o.dim(w.keyNote),
      '',
      w.lifecycle(options.pendingSeconds),
      '',
      w.cli,
      `  export ALIBABA_CLOUD_ACCESS_KEY_ID=${id}`,
      `  export ALIBABA_CLOUD_ACCESS_KEY_SECRET=${secret}`,
      `  eci dry-run --endpoint ${url} FILE.eci.yaml`,
      `  eci create --endpoint ${url} FILE.eci.yaml`,
      w.editor,
      '',
      w.stop,
      '',
    ].join('\n'),
  );
  await stopped;
  await sim.close();
  ctx.stdout.write(`${w.stopped}\n`);
  return EXIT.ok;
}
