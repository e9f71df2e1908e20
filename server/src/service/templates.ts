// Container group templates: complete, valid `*.eci.yaml` documents to start from. One source for the
// client's "New container group file" command and for the completions offered in an empty file.
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { messagesFor, type Locale, type Messages } from './messages';
import { documentation, type DocumentationFormat } from './clientFeatures';

export interface ContainerGroupTemplate {
  /** Stable id, also the suggested file name: `<id>.eci.yaml`. */
  id: string;
  label: Record<Locale, string>;
  description: Record<Locale, string>;
  /** The document, its comments in English. Valid against the schema and the rules, ready to dry-run once RegionId is yours. */
  text: string;
  /** The same document with its comments in the locale (messages.ts `templateComments`). */
  textIn(locale: Locale): string;
}

type TemplateId = keyof Messages['templateComments'];

/** A template whose opening comment comes from messages.ts in each locale, above `body`. */
function template(
  id: TemplateId,
  label: Record<Locale, string>,
  description: Record<Locale, string>,
  body: string,
): ContainerGroupTemplate {
  const textIn = (locale: Locale) =>
    messagesFor(locale)
      .templateComments[id].map((l) => `# ${l}\n`)
      .join('') + body;
  return { id, label, description, text: textIn('en'), textIn };
}

const WEB_SERVER = `RegionId: cn-hangzhou
ContainerGroupName: web-server
RestartPolicy: Always
Cpu: 1
Memory: 2
Container:
  - Name: nginx
    Image: nginx:1.25-alpine
    ImagePullPolicy: IfNotPresent
    Cpu: 1
    Memory: 2
    Port:
      - Port: 80
        Protocol: TCP
    ReadinessProbe:
      HttpGet:
        Path: /
        Port: 80
        Scheme: HTTP
      InitialDelaySeconds: 5
      PeriodSeconds: 10
      TimeoutSeconds: 1
      SuccessThreshold: 1
      FailureThreshold: 3
    LivenessProbe:
      TcpSocket:
        Port: 80
      InitialDelaySeconds: 15
      PeriodSeconds: 20
      TimeoutSeconds: 1
      SuccessThreshold: 1
      FailureThreshold: 3
Tag:
  - Key: app
    Value: web-server
`;

const BATCH_JOB = `RegionId: cn-hangzhou
ContainerGroupName: batch-job
RestartPolicy: Never
ActiveDeadlineSeconds: 3600
Cpu: 2
Memory: 4
Container:
  - Name: job
    Image: busybox:1.36
    Cpu: 2
    Memory: 4
    Command:
      - /bin/sh
      - -c
    Arg:
      - echo "processing $INPUT_PREFIX" && sleep 30 && echo done
    EnvironmentVar:
      - Key: INPUT_PREFIX
        Value: batch/2024-01-01
Tag:
  - Key: workload
    Value: batch
`;

const SPOT_JOB = `RegionId: cn-hangzhou
ContainerGroupName: spot-job
RestartPolicy: OnFailure
SpotStrategy: SpotWithPriceLimit
SpotPriceLimit: 0.25
SpotDuration: 1
Cpu: 2
Memory: 4
Container:
  - Name: worker
    Image: busybox:1.36
    Cpu: 2
    Memory: 4
    Command:
      - /bin/sh
      - -c
    Arg:
      - for i in 1 2 3; do echo "chunk $i"; sleep 10; done
Tag:
  - Key: workload
    Value: spot
`;

const GPU_JOB = `RegionId: cn-hangzhou
ContainerGroupName: gpu-job
RestartPolicy: Never
InstanceType: ecs.gn6i-c4g1.xlarge
Container:
  - Name: cuda
    Image: nvidia/cuda:12.2.0-base-ubuntu22.04
    Gpu: 1
    Command:
      - nvidia-smi
Tag:
  - Key: workload
    Value: gpu
`;

const INIT_AND_VOLUMES = `RegionId: cn-hangzhou
ContainerGroupName: web-with-init
RestartPolicy: Always
Cpu: 1
Memory: 2
InitContainer:
  - Name: fetch-content
    Image: busybox:1.36
    Command:
      - /bin/sh
      - -c
    Arg:
      - echo "<h1>prepared by the init container</h1>" > /work/index.html
    VolumeMount:
      - Name: site
        MountPath: /work
Container:
  - Name: nginx
    Image: nginx:1.25-alpine
    Cpu: 1
    Memory: 2
    Port:
      - Port: 80
        Protocol: TCP
    VolumeMount:
      - Name: site
        MountPath: /usr/share/nginx/html
        ReadOnly: true
      - Name: nginx-config
        MountPath: /etc/nginx/conf.d
        ReadOnly: true
Volume:
  - Name: site
    Type: EmptyDirVolume
    EmptyDirVolume:
      SizeLimit: "1"
  - Name: nginx-config
    Type: ConfigFileVolume
    ConfigFileVolume:
      ConfigFileToPath:
        # server { listen 80; location / { root /usr/share/nginx/html; index index.html; } }
        - Path: default.conf
          Content: c2VydmVyIHsKICBsaXN0ZW4gODA7CiAgbG9jYXRpb24gLyB7CiAgICByb290IC91c3Ivc2hhcmUvbmdpbngvaHRtbDsKICAgIGluZGV4IGluZGV4Lmh0bWw7CiAgfQp9Cg==
`;

export const CONTAINER_GROUP_TEMPLATES: readonly ContainerGroupTemplate[] = [
  template(
    'web-server',
    { en: 'Web server with probes', ja: 'プローブ付き Web サーバー' },
    {
      en: 'nginx on port 80 with an HTTP readiness probe and a TCP liveness probe',
      ja: 'ポート 80 の nginx、HTTP の readiness プローブと TCP の liveness プローブ付き',
    },
    WEB_SERVER,
  ),
  template(
    'batch-job',
    { en: 'Batch job', ja: 'バッチジョブ' },
    {
      en: 'runs once to completion (RestartPolicy: Never) with a deadline',
      ja: '一度だけ完了まで実行 (RestartPolicy: Never)、実行期限付き',
    },
    BATCH_JOB,
  ),
  template(
    'spot-job',
    { en: 'Spot job', ja: 'スポットジョブ' },
    {
      en: 'a preemptible instance with a price limit (SpotWithPriceLimit)',
      ja: '上限価格付きのプリエンプティブルインスタンス (SpotWithPriceLimit)',
    },
    SPOT_JOB,
  ),
  template(
    'gpu-job',
    { en: 'GPU job', ja: 'GPU ジョブ' },
    {
      en: 'a GPU instance type and one GPU for the container',
      ja: 'GPU インスタンスタイプとコンテナ用の GPU 1 基',
    },
    GPU_JOB,
  ),
  template(
    'init-container-and-volumes',
    { en: 'Init container and volumes', ja: '初期化コンテナとボリューム' },
    {
      en: 'an init container fills an EmptyDir volume; nginx reads a ConfigFile volume',
      ja: '初期化コンテナが EmptyDir ボリュームを準備し、nginx が ConfigFile ボリュームを読む',
    },
    INIT_AND_VOLUMES,
  ),
];

export function templateById(id: string): ContainerGroupTemplate | undefined {
  return CONTAINER_GROUP_TEMPLATES.find((t) => t.id === id);
}

const TEMPLATE_DETAIL: Record<Locale, string> = {
  en: 'Container group template',
  ja: 'コンテナグループのテンプレート',
};

/**
 * The templates as completion items for an empty document (only blank and comment lines), given the
 * cursor's line and the text before the cursor: each replaces that blank text with the whole document.
 * None when the cursor is after something on its line (a comment).
 */
export function templateCompletionItems(
  line: number,
  textBeforeCursor: string,
  locale: Locale,
  format: DocumentationFormat = 'markdown',
): CompletionItem[] {
  if (textBeforeCursor.trim() !== '') return [];
  const character = textBeforeCursor.length;
  return CONTAINER_GROUP_TEMPLATES.map((t) => ({
    label: t.label[locale],
    labelDetails: { description: TEMPLATE_DETAIL[locale] },
    kind: CompletionItemKind.File,
    detail: `${TEMPLATE_DETAIL[locale]}: ${t.description[locale]}`,
    documentation: documentation('```yaml\n' + t.textIn(locale) + '```', format),
    sortText: `3_template_${t.id}`,
    filterText: `${t.label[locale]} ${t.id}`,
    textEdit: { range: { start: { line, character: 0 }, end: { line, character } }, newText: t.textIn(locale) },
    insertTextFormat: InsertTextFormat.PlainText,
  }));
}
