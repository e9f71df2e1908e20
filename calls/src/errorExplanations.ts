// Plain-words explanations of the error codes CreateContainerGroup returns (the reference's error
// table, simulator/data/reference-error-codes.json), in English and Japanese, with what to do and the wire
// paths each error concerns (so the editor can put a diagnostic on the parameter).

export interface ErrorExplanationEntry {
  code: string;
  /** The HTTP status the reference gives for this code. */
  httpStatus: number;
  en: { text: string; action: string };
  ja: { text: string; action: string };
  /** Wire paths (reference notation: `Container[].Name`) the error concerns. */
  parameterPaths: string[];
}

export type ExplanationLocale = 'en' | 'ja';

export interface ExplainedError {
  /** Whether the code is in the reference's table. */
  known: boolean;
  code: string;
  text: string;
  action?: string;
  parameterPaths: string[];
}

const E = (
  code: string,
  httpStatus: number,
  paths: string[],
  en: [string, string],
  ja: [string, string],
): ErrorExplanationEntry => ({
  code,
  httpStatus,
  parameterPaths: paths,
  en: { text: en[0], action: en[1] },
  ja: { text: ja[0], action: ja[1] },
});

const SPOT = ['SpotStrategy', 'SpotPriceLimit', 'SpotDuration'];

/** Every code of the reference's error table, in its order. */
export const ERROR_EXPLANATIONS: readonly ErrorExplanationEntry[] = [
  E(
    'Account.Arrearage',
    400,
    [],
    [
      'Your Alibaba Cloud account has an unpaid balance, so no new resources can be created.',
      'Pay the outstanding amount in the Billing Management console, then try again.',
    ],
    [
      'Alibaba Cloud アカウントに未払いの残高があるため、新しいリソースを作成できません。',
      '料金管理コンソールで未払い分を支払ってから、再度お試しください。',
    ],
  ),
  E(
    'DryRunOperation',
    400,
    [],
    [
      'The dry run passed: the request is valid and would be accepted (older spelling of DryRun.Success).',
      'Nothing to fix. Run Create to create the container group.',
    ],
    [
      'ドライランは成功しました。リクエストは有効で、受け付けられます (DryRun.Success の旧表記)。',
      '修正は不要です。作成を実行するとコンテナグループが作成されます。',
    ],
  ),
  E(
    'InvalidParameter.CPU.Memory',
    400,
    ['Cpu', 'Memory'],
    [
      'This combination of vCPUs (Cpu) and memory (Memory, GiB) is not one ECI offers.',
      'Choose a supported pair (for example 2 vCPU with 4 GiB); see the ECI "vCPU and memory specifications" page, or set InstanceType instead.',
    ],
    [
      'vCPU 数 (Cpu) とメモリ (Memory, GiB) の組み合わせが ECI で提供されていません。',
      'サポートされている組み合わせ (例: 2 vCPU と 4 GiB) を選ぶか、代わりに InstanceType を指定してください。ECI の「vCPU とメモリの仕様」を参照してください。',
    ],
  ),
  E(
    'InvalidParameter.DuplicatedName',
    400,
    ['Container[].Name', 'InitContainer[].Name'],
    [
      'Two containers (or init containers) of the group have the same name.',
      'Give every container and init container a unique Name.',
    ],
    [
      'グループ内の 2 つのコンテナ (または init コンテナ) が同じ名前です。',
      'すべてのコンテナと init コンテナに一意の Name を付けてください。',
    ],
  ),
  E(
    'InvalidParameter.DuplicatedVolumeName',
    400,
    ['Volume[].Name'],
    [
      'Two volumes of the group have the same name.',
      'Give every volume a unique Name, and update the VolumeMount[].Name entries that refer to it.',
    ],
    [
      'グループ内の 2 つのボリュームが同じ名前です。',
      'すべてのボリュームに一意の Name を付け、それを参照する VolumeMount[].Name も更新してください。',
    ],
  ),
  E(
    'IncorrectStatus',
    400,
    [],
    [
      'A resource the request uses is not in a state that allows this operation; the service message names it.',
      'Read the message below, wait until the resource is ready (or fix its state), then try again.',
    ],
    [
      'リクエストが使用するリソースが、この操作を許可しない状態です。どのリソースかはサービスのメッセージに示されます。',
      '下のメッセージを確認し、リソースの準備ができるまで待つか状態を修正してから、再度お試しください。',
    ],
  ),
  E(
    'ServiceNotEnabled',
    400,
    [],
    [
      'A service this request needs is not activated for your account; the service message names it.',
      'Activate the named service (for ECI itself: open the ECI console once and activate it), then try again.',
    ],
    [
      'このリクエストに必要なサービスがアカウントで有効化されていません。サービス名はメッセージに示されます。',
      '示されたサービスを有効化してから (ECI 自体の場合は ECI コンソールで有効化)、再度お試しください。',
    ],
  ),
  E(
    'ImageSnapshot.IncorrectStatus',
    400,
    ['ImageSnapshotId'],
    [
      'The image cache (ImageSnapshotId) is not ready to use, for example still being created or failed.',
      'Check the image cache in the ECI console; wait until it is Ready, or use another one (or AutoMatchImageCache).',
    ],
    [
      'イメージキャッシュ (ImageSnapshotId) が使用できる状態ではありません (作成中や失敗など)。',
      'ECI コンソールでイメージキャッシュを確認し、Ready になるまで待つか、別のキャッシュ (または AutoMatchImageCache) を使用してください。',
    ],
  ),
  E(
    'ImageSnapshot.NotSupport',
    400,
    ['ImageSnapshotId'],
    [
      'The image cache cannot be used with this request; the service message says why.',
      'Read the message below; remove ImageSnapshotId or choose a compatible image cache.',
    ],
    [
      'このリクエストではイメージキャッシュを使用できません。理由はメッセージに示されます。',
      '下のメッセージを確認し、ImageSnapshotId を外すか、互換性のあるイメージキャッシュを選んでください。',
    ],
  ),
  E(
    'DiskVolume.NotSupport',
    400,
    ['Volume[].DiskVolume.DiskId', 'Volume[].Type'],
    [
      'A disk volume is not supported for this container group (region, zone or instance type).',
      'Use another volume type (NAS, emptyDir) or a zone/instance type that supports cloud disks.',
    ],
    [
      'このコンテナグループ (リージョン、ゾーン、インスタンスタイプ) ではディスクボリュームがサポートされていません。',
      '別のボリュームタイプ (NAS、emptyDir) を使うか、クラウドディスクをサポートするゾーン/インスタンスタイプを選んでください。',
    ],
  ),
  E(
    'RamRole.NotSupport',
    400,
    ['RamRoleName'],
    [
      'Attaching a RAM role is not supported for this container group.',
      'Remove RamRoleName, or create the group in a region/configuration that supports RAM roles.',
    ],
    [
      'このコンテナグループでは RAM ロールのアタッチがサポートされていません。',
      'RamRoleName を外すか、RAM ロールをサポートするリージョン/構成で作成してください。',
    ],
  ),
  E(
    'DiskNumber.LimitExceed',
    400,
    ['Volume[].DiskVolume.DiskId'],
    ['More disks are attached than one instance allows.', 'Mount fewer disk volumes.'],
    [
      '1 つのインスタンスに許可される数を超えるディスクがアタッチされています。',
      'ディスクボリュームの数を減らしてください。',
    ],
  ),
  E(
    'InvalidPaymentMethod.InsufficientBalance',
    400,
    [],
    [
      'Your account has no payment method or not enough prepaid balance.',
      'Add a payment method or top up the balance in the Billing Management console.',
    ],
    [
      'アカウントに支払い方法が登録されていないか、前払い残高が不足しています。',
      '料金管理コンソールで支払い方法を追加するか、残高をチャージしてください。',
    ],
  ),
  E(
    'DiskVolume.NotInSameZone',
    400,
    ['Volume[].DiskVolume.DiskId', 'ZoneId', 'VSwitchId'],
    [
      'The disk is in a different zone from the one the container group is created in.',
      "Create the group in the disk's zone (ZoneId and a vSwitch of that zone), or use a disk in the group's zone.",
    ],
    [
      'ディスクが、コンテナグループを作成するゾーンとは別のゾーンにあります。',
      'ディスクと同じゾーン (ZoneId とそのゾーンの vSwitch) で作成するか、グループのゾーンにあるディスクを使用してください。',
    ],
  ),
  E(
    'NoPermission',
    400,
    [],
    [
      'Your account is not authorized to use this ECI feature ("Product on ECI").',
      'Ask the account owner for access, or contact Alibaba Cloud support to enable the feature.',
    ],
    [
      'アカウントにこの ECI 機能 ("Product on ECI") を使用する権限がありません。',
      'アカウント所有者に権限を依頼するか、Alibaba Cloud サポートに機能の有効化を依頼してください。',
    ],
  ),
  E(
    'HighCpuMemConfigRequired',
    400,
    ['Cpu', 'Memory'],
    [
      'This vCPU/memory size needs the account to be on an allow list.',
      'Choose a smaller size, or submit a ticket to be added to the allow list for it.',
    ],
    [
      'この vCPU/メモリのサイズを使用するには、アカウントが許可リストに登録されている必要があります。',
      '小さいサイズを選ぶか、チケットを提出して許可リストへの追加を申請してください。',
    ],
  ),
  E(
    'RecommendEmpty.InstanceTypeFamilyNotMatched',
    400,
    ['InstanceType', 'ZoneId', 'VSwitchId'],
    [
      'No instance type matching the request is available in the zone right now.',
      'Try again later, allow more zones (several vSwitches in VSwitchId) or more instance types.',
    ],
    [
      'リクエストに合うインスタンスタイプが、現在そのゾーンで利用できません。',
      '時間をおいて再試行するか、複数ゾーン (VSwitchId に複数の vSwitch) や複数のインスタンスタイプを指定してください。',
    ],
  ),
  E(
    'LocalDiskAmountNotMatch',
    400,
    ['InstanceType', 'Volume[]'],
    [
      'The number of local-disk volumes does not match what the instance type provides.',
      'Declare exactly as many local-disk volumes as the instance type has, or choose another instance type.',
    ],
    [
      'ローカルディスクボリュームの数が、インスタンスタイプが提供する数と一致しません。',
      'インスタンスタイプのローカルディスク数と同じ数のボリュームを宣言するか、別のインスタンスタイプを選んでください。',
    ],
  ),
  E(
    'Payfor.CreditPayInsufficientBalance',
    400,
    [],
    [
      'Your payment credit line is used up.',
      'Settle the credit balance or raise the limit in the Billing Management console.',
    ],
    ['支払いの与信枠が不足しています。', '料金管理コンソールで与信残高を精算するか、上限を引き上げてください。'],
  ),
  E(
    'InvalidOperation.KMS.InstanceTypeNotSupport',
    400,
    ['InstanceType', 'Volume[].DiskVolume.DiskId'],
    [
      'Only I/O-optimized instance types can use KMS-encrypted disks.',
      'Choose an I/O-optimized instance type, or use an unencrypted disk.',
    ],
    [
      'KMS で暗号化されたディスクを使用できるのは I/O 最適化インスタンスタイプのみです。',
      'I/O 最適化インスタンスタイプを選ぶか、暗号化されていないディスクを使用してください。',
    ],
  ),
  E(
    'InvalidParameter.Encrypted.KmsNotEnabled',
    400,
    ['Volume[].DiskVolume.DiskId'],
    [
      'An encrypted disk is used but Key Management Service (KMS) is not activated.',
      'Activate KMS for the account, or use an unencrypted disk.',
    ],
    [
      '暗号化ディスクが使用されていますが、Key Management Service (KMS) が有効化されていません。',
      'アカウントで KMS を有効化するか、暗号化されていないディスクを使用してください。',
    ],
  ),
  E(
    'InvalidParameter.KMS.EncryptedIllegal',
    400,
    ['Volume[].DiskVolume.DiskId'],
    [
      'A KMS key was given for a disk without enabling encryption.',
      'Enable encryption for the disk that has a KmsKeyId, or remove the key.',
    ],
    [
      '暗号化を有効にせずにディスクの KMS キーが指定されています。',
      'KmsKeyId を指定したディスクの暗号化を有効にするか、キーを削除してください。',
    ],
  ),
  E(
    'InvalidSpotCpuMemorySpec',
    400,
    ['Cpu', 'Memory', ...SPOT],
    [
      'A preemptible (spot) instance must use a standard ECS vCPU/memory size.',
      'Use a standard size (for example 2 vCPU / 4 GiB, 4 vCPU / 8 GiB) or set InstanceType.',
    ],
    [
      'プリエンプティブル (スポット) インスタンスは、標準の ECS の vCPU/メモリのサイズを使用する必要があります。',
      '標準サイズ (例: 2 vCPU / 4 GiB、4 vCPU / 8 GiB) を使うか、InstanceType を指定してください。',
    ],
  ),
  E(
    'Ipv6AddressNotSupportVsw',
    400,
    ['Ipv6AddressCount', 'VSwitchId'],
    [
      'The vSwitch has no IPv6 CIDR block, so no IPv6 address can be assigned.',
      'Enable IPv6 on the VPC and the vSwitch, use an IPv6-enabled vSwitch, or remove Ipv6AddressCount.',
    ],
    [
      'vSwitch に IPv6 CIDR ブロックがないため、IPv6 アドレスを割り当てられません。',
      'VPC と vSwitch で IPv6 を有効にするか、IPv6 対応の vSwitch を使うか、Ipv6AddressCount を外してください。',
    ],
  ),
  E(
    'Ipv6AddressNotSupport',
    400,
    ['Ipv6AddressCount', 'RegionId'],
    [
      'IPv6 is not available in this region.',
      'Remove Ipv6AddressCount, or create the group in a region that supports IPv6.',
    ],
    [
      'このリージョンでは IPv6 を使用できません。',
      'Ipv6AddressCount を外すか、IPv6 をサポートするリージョンで作成してください。',
    ],
  ),
  E(
    'Ipv6AddressNotSupportInstanceType',
    400,
    ['Ipv6AddressCount', 'InstanceType'],
    [
      'The chosen instance type cannot have IPv6 addresses.',
      'Choose an instance type that supports IPv6, or remove Ipv6AddressCount.',
    ],
    [
      '選択したインスタンスタイプは IPv6 アドレスを持てません。',
      'IPv6 をサポートするインスタンスタイプを選ぶか、Ipv6AddressCount を外してください。',
    ],
  ),
  E(
    'EipPayInsufficientBalance',
    400,
    ['AutoCreateEip'],
    [
      'The account balance is too low to buy the elastic IP address (AutoCreateEip).',
      'Top up the account, or bind an existing EIP with EipInstanceId instead of creating one.',
    ],
    [
      'Elastic IP アドレス (AutoCreateEip) を購入するための残高が不足しています。',
      '残高をチャージするか、新規作成の代わりに EipInstanceId で既存の EIP をバインドしてください。',
    ],
  ),
  E(
    'EipPurchaseFlowControl',
    400,
    ['AutoCreateEip'],
    [
      'Elastic IP addresses were bought too often in a short time; this purchase was refused.',
      'Wait a while before creating more groups with AutoCreateEip, or reuse an existing EIP (EipInstanceId).',
    ],
    [
      '短時間に Elastic IP アドレスが頻繁に購入されたため、この購入は拒否されました。',
      'AutoCreateEip を使う作成はしばらく待つか、既存の EIP (EipInstanceId) を再利用してください。',
    ],
  ),
  E(
    'Throttling',
    400,
    [],
    [
      'Too many requests in a short time: the service throttled this one.',
      'Wait a moment and try again (calls from this tool are retried automatically with backoff).',
    ],
    [
      '短時間にリクエストが多すぎたため、サービスがこのリクエストを制限しました。',
      'しばらく待ってから再試行してください (このツールは自動的に間隔を空けて再試行します)。',
    ],
  ),
  E(
    'JobInstanceBatchCreateNotSupport',
    400,
    [],
    ['Job-optimized instances cannot be created in a batch.', 'Create job-optimized instances one at a time.'],
    ['ジョブ最適化インスタンスはバッチ作成できません。', 'ジョブ最適化インスタンスは 1 つずつ作成してください。'],
  ),
  E(
    'JobInstanceDiskNotSupport',
    400,
    ['Volume[].DiskVolume.DiskId'],
    [
      'Job-optimized instances cannot mount disk volumes.',
      'Remove the disk volumes, or create a regular (not job-optimized) instance.',
    ],
    [
      'ジョブ最適化インスタンスはディスクボリュームをマウントできません。',
      'ディスクボリュームを削除するか、通常の (ジョブ最適化でない) インスタンスを作成してください。',
    ],
  ),
  E(
    'JobInstanceEipNotSupport',
    400,
    ['AutoCreateEip', 'EipInstanceId'],
    [
      'Job-optimized instances cannot have an elastic IP address.',
      'Remove AutoCreateEip/EipInstanceId (use a NAT gateway for internet access), or create a regular instance.',
    ],
    [
      'ジョブ最適化インスタンスは Elastic IP アドレスを持てません。',
      'AutoCreateEip/EipInstanceId を外す (インターネット接続には NAT ゲートウェイを使用) か、通常のインスタンスを作成してください。',
    ],
  ),
  E(
    'JobInstanceFeatureNotMatch',
    400,
    [],
    [
      'The request combines job-optimized instances with a feature they do not support.',
      'Remove the unsupported feature, or create a regular instance.',
    ],
    [
      'ジョブ最適化インスタンスがサポートしない機能がリクエストに含まれています。',
      'サポートされない機能を外すか、通常のインスタンスを作成してください。',
    ],
  ),
  E(
    'JobInstanceImageCacheNotSupport',
    400,
    ['ImageSnapshotId', 'AutoMatchImageCache'],
    [
      'Job-optimized instances cannot use image caches.',
      'Remove ImageSnapshotId and AutoMatchImageCache, or create a regular instance.',
    ],
    [
      'ジョブ最適化インスタンスはイメージキャッシュを使用できません。',
      'ImageSnapshotId と AutoMatchImageCache を外すか、通常のインスタンスを作成してください。',
    ],
  ),
  E(
    'JobInstanceIPv6NotSupport',
    400,
    ['Ipv6AddressCount'],
    ['Job-optimized instances cannot have IPv6 addresses.', 'Remove Ipv6AddressCount, or create a regular instance.'],
    [
      'ジョブ最適化インスタンスは IPv6 アドレスを持てません。',
      'Ipv6AddressCount を外すか、通常のインスタンスを作成してください。',
    ],
  ),
  E(
    'JobInstanceRamRoleNotSupport',
    400,
    ['RamRoleName'],
    ['Job-optimized instances cannot have a RAM role.', 'Remove RamRoleName, or create a regular instance.'],
    [
      'ジョブ最適化インスタンスは RAM ロールを持てません。',
      'RamRoleName を外すか、通常のインスタンスを作成してください。',
    ],
  ),
  E(
    'JobInstanceRegionNotSupport',
    400,
    ['RegionId'],
    [
      'Job-optimized instances are not offered in this region.',
      'Use a region that offers them, or create a regular instance.',
    ],
    [
      'このリージョンではジョブ最適化インスタンスを提供していません。',
      '提供しているリージョンを使うか、通常のインスタンスを作成してください。',
    ],
  ),
  E(
    'JobInstanceSpotNotSupport',
    400,
    SPOT,
    [
      'Job-optimized instances cannot be preemptible (spot).',
      'Remove SpotStrategy (and SpotPriceLimit/SpotDuration), or create a regular instance.',
    ],
    [
      'ジョブ最適化インスタンスはプリエンプティブル (スポット) にできません。',
      'SpotStrategy (と SpotPriceLimit/SpotDuration) を外すか、通常のインスタンスを作成してください。',
    ],
  ),
  E(
    'InvalidInstanceTypeForEciSpotDurationBuy',
    400,
    ['InstanceType', 'SpotDuration'],
    [
      'This instance type cannot be bought as a spot instance with a protection period (SpotDuration).',
      'Set SpotDuration to 0 or choose another instance type.',
    ],
    [
      'このインスタンスタイプは保護期間 (SpotDuration) 付きのスポットインスタンスとして購入できません。',
      'SpotDuration を 0 にするか、別のインスタンスタイプを選んでください。',
    ],
  ),
  E(
    'InvalidInstanceTypeForEciBuy',
    400,
    ['InstanceType'],
    [
      'ECI does not sell this instance type.',
      'Choose an instance type that ECI supports (see "ECS instance types supported by ECI").',
    ],
    [
      'ECI ではこのインスタンスタイプを販売していません。',
      'ECI がサポートするインスタンスタイプを選んでください (「ECI がサポートする ECS インスタンスタイプ」を参照)。',
    ],
  ),
  E(
    'InstanceTypeNotMatchCpuArch',
    400,
    ['InstanceType', 'CpuArchitecture'],
    [
      'The instance type does not match the CPU architecture requested (CpuArchitecture: AMD64 or ARM64).',
      'Choose an instance type of that architecture, or change CpuArchitecture.',
    ],
    [
      'インスタンスタイプが、要求された CPU アーキテクチャ (CpuArchitecture: AMD64 または ARM64) と一致しません。',
      'そのアーキテクチャのインスタンスタイプを選ぶか、CpuArchitecture を変更してください。',
    ],
  ),
  E(
    'JobInstanceEcsInstanceTypeNotSupport',
    400,
    ['InstanceType'],
    [
      'Job-optimized instances cannot be created from an ECS instance type.',
      'Specify Cpu and Memory instead of InstanceType for a job-optimized instance.',
    ],
    [
      'ジョブ最適化インスタンスは ECS インスタンスタイプを指定して作成できません。',
      'ジョブ最適化インスタンスには InstanceType ではなく Cpu と Memory を指定してください。',
    ],
  ),
  E(
    'PrivatePoolInstanceSpotNotSupport',
    400,
    SPOT,
    [
      'Instances from a private pool (capacity reservation) cannot be spot instances.',
      'Remove SpotStrategy, or do not use the private pool.',
    ],
    [
      'プライベートプール (容量予約) のインスタンスはスポットインスタンスにできません。',
      'SpotStrategy を外すか、プライベートプールを使用しないでください。',
    ],
  ),
  E(
    'DryRun.Success',
    400,
    [],
    [
      'The dry run passed: the request is valid and would be accepted.',
      'Nothing to fix. Run Create to create the container group.',
    ],
    [
      'ドライランは成功しました。リクエストは有効で、受け付けられます。',
      '修正は不要です。作成を実行するとコンテナグループが作成されます。',
    ],
  ),
  E(
    'PrivateIpAddress.Already.InUse',
    400,
    ['PrivateIpAddress'],
    [
      'The private IP address is already used by another resource in the vSwitch.',
      "Choose a free address of the vSwitch's CIDR block, or remove PrivateIpAddress to get one automatically.",
    ],
    [
      'このプライベート IP アドレスは vSwitch 内の別のリソースが使用しています。',
      'vSwitch の CIDR ブロック内の空いているアドレスを選ぶか、PrivateIpAddress を外して自動割り当てにしてください。',
    ],
  ),
  E(
    'IncorrectOperation',
    400,
    [],
    [
      'The operation is not allowed in the current situation; the service message says why.',
      'Read the message below and change the request accordingly.',
    ],
    [
      '現在の状況ではこの操作は許可されていません。理由はメッセージに示されます。',
      '下のメッセージを確認し、それに従ってリクエストを変更してください。',
    ],
  ),
  E(
    'FeatureBasedConstraintConflict',
    400,
    [],
    [
      'Two or more features of the request cannot be used together; the service message lists them.',
      'Remove one of the conflicting features named in the message.',
    ],
    [
      'リクエスト内の複数の機能を同時に使用できません。どの機能かはメッセージに示されます。',
      'メッセージに示された競合する機能のいずれかを外してください。',
    ],
  ),
  E(
    'OperationFailed.RiskControl',
    400,
    [],
    [
      "Alibaba Cloud's risk control refused the operation; the service message says more.",
      'Read the message below; if it persists, contact Alibaba Cloud support with the request id.',
    ],
    [
      'Alibaba Cloud のリスク管理により操作が拒否されました。詳細はメッセージに示されます。',
      '下のメッセージを確認し、解消しない場合はリクエスト ID を添えて Alibaba Cloud サポートに問い合わせてください。',
    ],
  ),
  E(
    'RISK.RISK_CONTROL_REJECTION',
    400,
    [],
    [
      "Alibaba Cloud's risk control system denied the request to protect your account.",
      'Contact Alibaba Cloud support with the request id.',
    ],
    [
      'アカウント保護のため、Alibaba Cloud のリスク管理システムがリクエストを拒否しました。',
      'リクエスト ID を添えて Alibaba Cloud サポートに問い合わせてください。',
    ],
  ),
  E(
    'InvalidInstanceTypeForRaid',
    400,
    ['InstanceType', 'Volume[]'],
    [
      'The instance type cannot be used with the requested RAID of local disks; the service message says more.',
      'Choose an instance type that supports it, or do not request RAID.',
    ],
    [
      'このインスタンスタイプは、要求されたローカルディスクの RAID 構成で使用できません。詳細はメッセージに示されます。',
      'サポートするインスタンスタイプを選ぶか、RAID を要求しないでください。',
    ],
  ),
  E(
    'RegionDissolved',
    400,
    ['RegionId'],
    [
      'The region has been closed down.',
      'Use another region (change RegionId, and the zone, vSwitch and security group with it).',
    ],
    [
      'このリージョンはサービスを終了しています。',
      '別のリージョンを使用してください (RegionId と合わせてゾーン、vSwitch、セキュリティグループも変更)。',
    ],
  ),
  E(
    'MultiAttachedCloudDiskNotSupport',
    400,
    ['Volume[].DiskVolume.DiskId'],
    [
      'A disk attached to several instances (multi-attach) cannot be used here.',
      'Use a disk that is not multi-attached.',
    ],
    [
      '複数のインスタンスにアタッチされたディスク (マルチアタッチ) はここでは使用できません。',
      'マルチアタッチされていないディスクを使用してください。',
    ],
  ),
  E(
    'OperationDenied.VswZoneMisMatch',
    403,
    ['VSwitchId', 'ZoneId'],
    [
      'The vSwitch (VSwitchId) is not in the zone given in ZoneId.',
      "Use a vSwitch of that zone, or set ZoneId to the vSwitch's zone (or leave ZoneId out).",
    ],
    [
      'vSwitch (VSwitchId) が ZoneId のゾーンにありません。',
      'そのゾーンの vSwitch を使うか、ZoneId を vSwitch のゾーンに合わせてください (または ZoneId を省略)。',
    ],
  ),
  E(
    'QuotaExceeded',
    403,
    [],
    [
      'A quota of your account is used up; the service message names it (for example the number of instances or vCPUs).',
      'Release resources you no longer need, or raise the quota in the Quota Center.',
    ],
    [
      'アカウントのクォータを使い切りました。どのクォータかはメッセージに示されます (インスタンス数や vCPU 数など)。',
      '不要なリソースを解放するか、クォータセンターでクォータを引き上げてください。',
    ],
  ),
  E(
    'Zone.NotOnSale',
    403,
    ['ZoneId', 'VSwitchId'],
    [
      'Instances cannot be bought in this zone.',
      'Use a vSwitch (and ZoneId) of another zone, or give several vSwitches.',
    ],
    [
      'このゾーンではインスタンスを購入できません。',
      '別のゾーンの vSwitch (と ZoneId) を使うか、複数の vSwitch を指定してください。',
    ],
  ),
  E(
    'Forbidden.RiskControl',
    403,
    [],
    ['The operation was flagged as abnormal and refused.', 'Contact Alibaba Cloud support with the request id.'],
    ['操作が異常と判定され、拒否されました。', 'リクエスト ID を添えて Alibaba Cloud サポートに問い合わせてください。'],
  ),
  E(
    'Forbidden.SubUser',
    403,
    [],
    [
      'The RAM user whose key was used may not call CreateContainerGroup.',
      'Grant the RAM user the ECI permissions (for example AliyunECIFullAccess), or use another credential.',
    ],
    [
      '使用したキーの RAM ユーザーには CreateContainerGroup を呼び出す権限がありません。',
      'RAM ユーザーに ECI の権限 (例: AliyunECIFullAccess) を付与するか、別の認証情報を使用してください。',
    ],
  ),
  E(
    'Forbidden.OnlyForInvitedTest',
    403,
    [],
    [
      'Creating instances is open only to invited users during a public beta here.',
      'Apply for the beta, or use a region/feature that is generally available.',
    ],
    [
      'パブリックベータ期間中のため、インスタンスの作成は招待されたユーザーのみ可能です。',
      'ベータに申し込むか、一般提供されているリージョン/機能を使用してください。',
    ],
  ),
  E(
    'OperationDenied.SecurityGroupMisMatch',
    403,
    ['VSwitchId', 'SecurityGroupId'],
    [
      'The vSwitch and the security group belong to different VPCs.',
      "Use a security group of the vSwitch's VPC (or a vSwitch of the security group's VPC).",
    ],
    [
      'vSwitch とセキュリティグループが別々の VPC に属しています。',
      'vSwitch の VPC のセキュリティグループを使うか、セキュリティグループの VPC の vSwitch を使ってください。',
    ],
  ),
  E(
    'InvalidVSwitchId.IpNotEnough',
    403,
    ['VSwitchId'],
    ['The vSwitch has no free IP address left.', 'Use another vSwitch (or several), or free addresses in this one.'],
    [
      'vSwitch に空き IP アドレスがありません。',
      '別の vSwitch (または複数の vSwitch) を使うか、この vSwitch のアドレスを解放してください。',
    ],
  ),
  E(
    'Forbidden.UserBussinessStatus',
    403,
    [],
    ['The account has overdue bills.', 'Pay the overdue bills, then try again.'],
    ['アカウントに延滞している請求があります。', '延滞している請求を支払ってから、再度お試しください。'],
  ),
  E(
    'Forbidden.UserNotRealNameAuthentication',
    403,
    [],
    [
      'The account has not completed real-name verification.',
      'Complete real-name verification in the account center, then try again.',
    ],
    ['アカウントの実名認証が完了していません。', 'アカウントセンターで実名認証を完了してから、再度お試しください。'],
  ),
  E(
    'InvalidUser.PassRoleForbidden',
    403,
    ['RamRoleName'],
    [
      'The RAM user may not pass the RAM role (RamRoleName) to the instance.',
      'Grant the RAM user ram:PassRole for that role, or remove RamRoleName.',
    ],
    [
      'RAM ユーザーには RAM ロール (RamRoleName) をインスタンスに渡す権限がありません。',
      'RAM ユーザーにそのロールの ram:PassRole を付与するか、RamRoleName を外してください。',
    ],
  ),
  E(
    'NoPermission',
    403,
    ['RamRoleName'],
    [
      'The RAM role in RamRoleName is not a role that ECS (and so ECI) can assume.',
      'Use a RAM role whose trusted entity is the ECS service, or fix the trust policy of this role.',
    ],
    [
      'RamRoleName の RAM ロールは ECS (したがって ECI) が引き受けられるロールではありません。',
      '信頼できるエンティティが ECS サービスである RAM ロールを使うか、このロールの信頼ポリシーを修正してください。',
    ],
  ),
  E(
    'OperationDenied.NoStock',
    403,
    ['ZoneId', 'VSwitchId', 'InstanceType', 'Cpu', 'Memory'],
    [
      'The resources asked for are sold out in this zone for now.',
      'Give several vSwitches in different zones (multi-zone creation), other instance types, or try again later.',
    ],
    [
      '要求されたリソースはこのゾーンで現在在庫切れです。',
      '異なるゾーンの vSwitch を複数指定する (マルチゾーン作成)、別のインスタンスタイプを指定する、または時間をおいて再試行してください。',
    ],
  ),
  E(
    'InvalidParameter.KMS.KeyId.Forbidden',
    403,
    ['Volume[].DiskVolume.DiskId'],
    [
      'Your account may not use the KMS key of the encrypted disk.',
      'Grant access to the key in KMS/RAM, or use another key or an unencrypted disk.',
    ],
    [
      '暗号化ディスクの KMS キーを使用する権限がアカウントにありません。',
      'KMS/RAM でキーへのアクセスを付与するか、別のキーまたは暗号化されていないディスクを使用してください。',
    ],
  ),
  E(
    'Forbidden.AccountClosed',
    403,
    [],
    ['The account has been closed.', "Use another account's credential."],
    ['アカウントは閉鎖されています。', '別のアカウントの認証情報を使用してください。'],
  ),
  E(
    'InvalidOperation.ResourceManagedByCloudProduct',
    403,
    ['SecurityGroupId'],
    [
      'The security group is managed by another cloud product and cannot be used here.',
      'Use a security group you manage yourself.',
    ],
    [
      'このセキュリティグループは別のクラウドプロダクトが管理しているため、ここでは使用できません。',
      '自分で管理しているセキュリティグループを使用してください。',
    ],
  ),
  E(
    'Spot.NotMatched',
    403,
    [...SPOT, 'ZoneId', 'VSwitchId', 'InstanceType'],
    [
      'No spot capacity matches the request (price limit, zone or instance type).',
      'Give several vSwitches in different zones, raise SpotPriceLimit or use SpotAsPriceGo, or allow more instance types.',
    ],
    [
      'リクエスト (価格上限、ゾーン、インスタンスタイプ) に合うスポット容量がありません。',
      '異なるゾーンの vSwitch を複数指定する、SpotPriceLimit を上げるか SpotAsPriceGo を使う、またはインスタンスタイプを増やしてください。',
    ],
  ),
  E(
    'SecurityRisk.3DVerification',
    403,
    [],
    [
      'A security risk was detected with your default credit or debit card.',
      'Complete the verification through the link in the email Alibaba Cloud sent you, then try again.',
    ],
    [
      '既定のクレジットカード/デビットカードでセキュリティリスクが検出されました。',
      'Alibaba Cloud から届いたメールのリンクから認証を完了してから、再度お試しください。',
    ],
  ),
  E(
    'CreateServiceLinkedRole.Denied',
    403,
    [],
    [
      'ECI needs its service-linked role (AliyunServiceRoleForECI), and this credential may not create it.',
      'Grant ram:CreateServiceLinkedRole to the RAM user, or have the account owner create one ECI instance once.',
    ],
    [
      'ECI にはサービスリンクロール (AliyunServiceRoleForECI) が必要ですが、この認証情報では作成できません。',
      'RAM ユーザーに ram:CreateServiceLinkedRole を付与するか、アカウント所有者が一度 ECI インスタンスを作成してください。',
    ],
  ),
  E(
    'Throttling.Vcpu.PerDay',
    403,
    [],
    [
      'The daily limit of vCPUs that may be created has been reached.',
      'Wait until tomorrow, or ask support to raise the daily limit. Retrying now does not help.',
    ],
    [
      '1 日に作成できる vCPU の上限に達しました。',
      '翌日まで待つか、サポートに 1 日あたりの上限の引き上げを依頼してください。今再試行しても解決しません。',
    ],
  ),
  E(
    'FeatureAccessRestricted',
    403,
    [],
    [
      'A feature used by the request is restricted for your account; the service message names it.',
      'Contact Alibaba Cloud ECI support to request access to the named feature, or remove it.',
    ],
    [
      'リクエストが使用する機能はアカウントで制限されています。どの機能かはメッセージに示されます。',
      'Alibaba Cloud ECI サポートに機能へのアクセスを依頼するか、その機能を外してください。',
    ],
  ),
  E(
    'ImageSnapshot.NotFound',
    404,
    ['ImageSnapshotId'],
    [
      'The image cache in ImageSnapshotId does not exist (in this region).',
      'Check the id and the region, or remove ImageSnapshotId (AutoMatchImageCache can pick one).',
    ],
    [
      'ImageSnapshotId のイメージキャッシュが (このリージョンに) 存在しません。',
      'ID とリージョンを確認するか、ImageSnapshotId を外してください (AutoMatchImageCache で自動選択できます)。',
    ],
  ),
  E(
    'InvalidDiskId.NotFound',
    404,
    ['Volume[].DiskVolume.DiskId'],
    ['The disk in DiskVolume.DiskId does not exist (in this region).', 'Check the disk id and the region.'],
    [
      'DiskVolume.DiskId のディスクが (このリージョンに) 存在しません。',
      'ディスク ID とリージョンを確認してください。',
    ],
  ),
  E(
    'InvalidParameter.KMS.KeyId.NotFound',
    404,
    ['Volume[].DiskVolume.DiskId'],
    ['The KMS key of the encrypted disk does not exist.', 'Check the key in KMS (same region), or use another disk.'],
    [
      '暗号化ディスクの KMS キーが存在しません。',
      'KMS (同じリージョン) でキーを確認するか、別のディスクを使用してください。',
    ],
  ),
];

/** Codes outside the reference's table that the service and its gateway commonly return. */
const COMMON: readonly ErrorExplanationEntry[] = [
  E(
    'SignatureDoesNotMatch',
    400,
    [],
    [
      'The request signature was rejected: the AccessKey secret does not belong to the AccessKey ID (or the clock is far off).',
      'Check the credential (run `aliyun configure` or store the key again) and the system clock.',
    ],
    [
      'リクエストの署名が拒否されました。AccessKey シークレットが AccessKey ID と一致しません (または時刻が大きくずれています)。',
      '認証情報を確認し (`aliyun configure` を実行するかキーを保存し直す)、システム時刻を確認してください。',
    ],
  ),
  E(
    'InvalidAccessKeyId.NotFound',
    404,
    [],
    ['The AccessKey ID does not exist.', 'Check the credential, or create a new AccessKey pair in the RAM console.'],
    [
      'AccessKey ID が存在しません。',
      '認証情報を確認するか、RAM コンソールで新しい AccessKey ペアを作成してください。',
    ],
  ),
  E(
    'ServiceUnavailable',
    503,
    [],
    ['The service is temporarily unavailable.', 'Try again later (calls from this tool are retried automatically).'],
    ['サービスが一時的に利用できません。', '時間をおいて再試行してください (このツールは自動的に再試行します)。'],
  ),
  E(
    'InternalError',
    500,
    [],
    [
      'The service failed while handling the request.',
      'Try again later; if it persists, contact support with the request id.',
    ],
    [
      'サービスがリクエストの処理中に失敗しました。',
      '時間をおいて再試行し、解消しない場合はリクエスト ID を添えてサポートに問い合わせてください。',
    ],
  ),
  E(
    'MissingParameter',
    400,
    [],
    ['A required parameter is missing; the service message names it.', 'Add the parameter named in the message.'],
    [
      '必須パラメーターがありません。どのパラメーターかはメッセージに示されます。',
      'メッセージに示されたパラメーターを追加してください。',
    ],
  ),
  E(
    'InvalidParameter',
    400,
    [],
    ['A parameter value is not valid; the service message names it.', 'Correct the parameter named in the message.'],
    [
      'パラメーターの値が無効です。どのパラメーターかはメッセージに示されます。',
      'メッセージに示されたパラメーターを修正してください。',
    ],
  ),
];

/**
 * Codes the call layer itself can meet beyond the reference's table: the API gateway's answers about
 * signatures, keys, tokens, time, throttling and permissions (Alibaba Cloud's common error codes), and
 * the answers to a ClientToken sent again.
 */
const CALL_LAYER: readonly ErrorExplanationEntry[] = [
  E(
    'IdempotentParameterMismatch',
    400,
    ['ClientToken'],
    [
      'This ClientToken was already used for a request with different parameters: the service keeps each ClientToken to one request, so it neither creates a new group nor returns the earlier one. This happens when the document was edited after a create whose answer was lost, and sent again with the same ClientToken.',
      'To finish the earlier create, send the document exactly as it was then, with the same ClientToken (the service returns the group it created, if it did). To create a group from the edited document, first check in the console whether the earlier request created one (delete it if it is not wanted), then remove ClientToken from the document (or give a new one) so that a new token is used.',
    ],
    [
      'この ClientToken は別のパラメーターのリクエストですでに使われています。サービスは 1 つの ClientToken を 1 つのリクエストに結び付けるため、新しいグループを作成せず、以前のグループも返しません。応答が失われた作成の後でドキュメントを編集し、同じ ClientToken で送信すると起こります。',
      '以前の作成を完了するには、当時のままのドキュメントを同じ ClientToken で送信してください (作成済みならサービスはそのグループを返します)。編集したドキュメントでグループを作成するには、以前のリクエストでグループが作成されていないかコンソールで確認し (不要なら削除)、ドキュメントから ClientToken を削除する (または新しい値にする) と新しいトークンが使われます。',
    ],
  ),
  E(
    'IdempotentProcessing',
    400,
    ['ClientToken'],
    [
      'An earlier request with this ClientToken is still being processed.',
      'Wait a few seconds and send the same document with the same ClientToken again: the service then returns the outcome of that request.',
    ],
    [
      'この ClientToken を持つ以前のリクエストがまだ処理中です。',
      '数秒待ってから、同じドキュメントを同じ ClientToken でもう一度送信してください。サービスはそのリクエストの結果を返します。',
    ],
  ),
  E(
    'IdempotentFailed',
    400,
    ['ClientToken'],
    [
      'An earlier request with this ClientToken failed, and the service will not run it again under the same token.',
      'Remove ClientToken from the document (or give a new one) and send it again; check first in the console that no group was created.',
    ],
    [
      'この ClientToken を持つ以前のリクエストは失敗しており、サービスは同じトークンで再実行しません。',
      'コンソールでグループが作成されていないことを確認してから、ドキュメントの ClientToken を削除する (または新しい値にする) して再送信してください。',
    ],
  ),
  E(
    'IncompleteSignature',
    400,
    [],
    [
      'The request signature is incomplete or malformed: the Authorization header does not have the form the service expects. Usually the AccessKey ID holds a space, a line break or another character a key never has (a copy-paste slip), or a proxy rewrote the request headers.',
      'Check the AccessKey ID where it is set up (environment variable, profile) for stray spaces or line breaks and set it again; if a proxy sits between this machine and Alibaba Cloud, make sure it passes the headers unchanged.',
    ],
    [
      'リクエストの署名が不完全か形式が正しくありません。Authorization ヘッダーがサービスの期待する形式ではありません。多くの場合、AccessKey ID に空白や改行などキーにはない文字が含まれている (コピー&ペーストの誤り) か、プロキシがリクエストヘッダーを書き換えています。',
      '設定場所 (環境変数、プロファイル) で AccessKey ID に余分な空白や改行がないか確認して設定し直してください。このマシンと Alibaba Cloud の間にプロキシがある場合は、ヘッダーをそのまま通すようにしてください。',
    ],
  ),
  E(
    'MissingAuthorization',
    400,
    [],
    [
      'The request arrived without its signature (no Authorization header); something between this machine and the service removed it.',
      'Check the proxy or gateway on the way (HTTPS_PROXY, a corporate proxy), or call the endpoint directly.',
    ],
    [
      'リクエストが署名 (Authorization ヘッダー) なしで届きました。このマシンとサービスの間の何かがヘッダーを削除しています。',
      '経路上のプロキシやゲートウェイ (HTTPS_PROXY、社内プロキシ) を確認するか、エンドポイントに直接接続してください。',
    ],
  ),
  E(
    'InvalidAccessKeyId',
    400,
    [],
    ['The AccessKey ID is not valid.', 'Check the credential, or create a new AccessKey pair in the RAM console.'],
    ['AccessKey ID が無効です。', '認証情報を確認するか、RAM コンソールで新しい AccessKey ペアを作成してください。'],
  ),
  E(
    'InvalidAccessKeyId.Inactive',
    400,
    [],
    [
      'The AccessKey is disabled.',
      'Enable it in the RAM console (AccessKey management), or use another active AccessKey pair.',
    ],
    [
      'AccessKey が無効化されています。',
      'RAM コンソール (AccessKey 管理) で有効にするか、有効な別の AccessKey ペアを使用してください。',
    ],
  ),
  E(
    'Forbidden.AccessKeyDisabled',
    403,
    [],
    [
      'The AccessKey is disabled.',
      'Enable it in the RAM console (AccessKey management), or use another active AccessKey pair.',
    ],
    [
      'AccessKey が無効化されています。',
      'RAM コンソール (AccessKey 管理) で有効にするか、有効な別の AccessKey ペアを使用してください。',
    ],
  ),
  E(
    'InvalidSecurityToken.Expired',
    400,
    [],
    [
      'The STS security token has expired.',
      'Get a new temporary credential (assume the role again, or refresh ALIBABA_CLOUD_SECURITY_TOKEN) and try again.',
    ],
    [
      'STS セキュリティトークンの有効期限が切れています。',
      '新しい一時認証情報を取得して (ロールを再度引き受けるか ALIBABA_CLOUD_SECURITY_TOKEN を更新して) 再度お試しください。',
    ],
  ),
  E(
    'InvalidSecurityToken.Mismatch',
    400,
    [],
    [
      'The STS security token does not belong to this temporary AccessKey.',
      'Use the AccessKey ID, secret and security token from the same AssumeRole answer (ALIBABA_CLOUD_ACCESS_KEY_ID, _SECRET and _SECURITY_TOKEN together).',
    ],
    [
      'STS セキュリティトークンがこの一時 AccessKey のものではありません。',
      '同じ AssumeRole の応答の AccessKey ID、シークレット、セキュリティトークンを組み合わせて使用してください (ALIBABA_CLOUD_ACCESS_KEY_ID、_SECRET、_SECURITY_TOKEN を揃える)。',
    ],
  ),
  E(
    'InvalidSecurityToken.Malformed',
    400,
    [],
    [
      'The STS security token is malformed (truncated or altered).',
      'Copy the whole token again from the AssumeRole answer, or get a new temporary credential.',
    ],
    [
      'STS セキュリティトークンの形式が正しくありません (途中で切れているか変更されています)。',
      'AssumeRole の応答からトークン全体をコピーし直すか、新しい一時認証情報を取得してください。',
    ],
  ),
  E(
    'MissingSecurityToken',
    400,
    [],
    [
      'A temporary (STS) AccessKey was used without its security token.',
      "Set ALIBABA_CLOUD_SECURITY_TOKEN (or the profile's sts_token) together with the temporary AccessKey, or use a permanent AccessKey.",
    ],
    [
      '一時 (STS) AccessKey がセキュリティトークンなしで使われました。',
      '一時 AccessKey と一緒に ALIBABA_CLOUD_SECURITY_TOKEN (またはプロファイルの sts_token) を設定するか、永続的な AccessKey を使用してください。',
    ],
  ),
  E(
    'InvalidTimeStamp.Expired',
    400,
    [],
    [
      "The request's time stamp is more than 15 minutes away from the service's clock: this machine's clock is wrong.",
      'Set the system clock right (enable NTP time synchronisation) and try again.',
    ],
    [
      'リクエストのタイムスタンプがサービスの時刻と 15 分以上ずれています。このマシンの時刻が正しくありません。',
      'システム時刻を正しく設定し (NTP の時刻同期を有効にして)、再度お試しください。',
    ],
  ),
  E(
    'InvalidTimeStamp.Format',
    400,
    [],
    [
      "The request's time stamp is not in the ISO 8601 form the service expects.",
      'Usually a proxy or an old SDK altered the date header; check the proxy, and the system clock and time zone settings.',
    ],
    [
      'リクエストのタイムスタンプがサービスの期待する ISO 8601 形式ではありません。',
      '多くの場合、プロキシや古い SDK が日付ヘッダーを変更しています。プロキシと、システム時刻およびタイムゾーンの設定を確認してください。',
    ],
  ),
  E(
    'IllegalTimestamp',
    400,
    [],
    [
      "The request's time stamp is missing or not valid.",
      'Set the system clock right (enable NTP time synchronisation); check that no proxy removes the date header.',
    ],
    [
      'リクエストのタイムスタンプがないか、無効です。',
      'システム時刻を正しく設定し (NTP の時刻同期を有効にして)、プロキシが日付ヘッダーを削除していないか確認してください。',
    ],
  ),
  E(
    'SignatureNonceUsed',
    400,
    [],
    [
      'The signature nonce of the request was already used: the same signed request arrived twice (a proxy or a network device replayed it).',
      'Send the request again: each attempt is signed anew with a fresh nonce (this tool does so when it retries). If it repeats, check the proxy on the way.',
    ],
    [
      'リクエストの署名ナンスはすでに使われています。同じ署名付きリクエストが 2 回届きました (プロキシやネットワーク機器が再送しました)。',
      'もう一度送信してください。試行ごとに新しいナンスで署名し直されます (このツールは再試行時にそうします)。繰り返す場合は経路上のプロキシを確認してください。',
    ],
  ),
  E(
    'Throttling.User',
    400,
    [],
    [
      'Your account sent more requests than its rate limit allows.',
      'Wait and try again (calls from this tool are retried with backoff); spread out scripts that call in a loop.',
    ],
    [
      'アカウントのリクエスト数が流量制限を超えました。',
      '時間をおいて再試行してください (このツールはバックオフ付きで再試行します)。ループで呼び出すスクリプトは間隔を空けてください。',
    ],
  ),
  E(
    'Throttling.Api',
    400,
    [],
    [
      'The API as a whole is receiving more requests than its rate limit allows.',
      'Wait and try again (calls from this tool are retried with backoff).',
    ],
    [
      'API 全体のリクエスト数が流量制限を超えています。',
      '時間をおいて再試行してください (このツールはバックオフ付きで再試行します)。',
    ],
  ),
  E(
    'Forbidden.RAM',
    403,
    [],
    [
      'The RAM user or role of this credential is not allowed to call CreateContainerGroup (or to use a resource the request names).',
      'Grant the RAM identity a policy that allows eci:CreateContainerGroup (for example AliyunECIFullAccess) and access to the vSwitch, security group and other resources used, or use another credential.',
    ],
    [
      'この認証情報の RAM ユーザーまたはロールには CreateContainerGroup の呼び出し (またはリクエストが指定するリソースの使用) が許可されていません。',
      'RAM の ID に eci:CreateContainerGroup を許可するポリシー (例: AliyunECIFullAccess) と、使用する vSwitch、セキュリティグループなどへのアクセスを付与するか、別の認証情報を使用してください。',
    ],
  ),
  E(
    'Forbidden',
    403,
    [],
    [
      'The credential is not allowed to perform this operation on the resources the request names.',
      "Check the RAM permissions of the credential (and the account's status), or use another credential.",
    ],
    [
      'この認証情報には、リクエストが指定するリソースに対してこの操作を行う権限がありません。',
      '認証情報の RAM 権限 (とアカウントの状態) を確認するか、別の認証情報を使用してください。',
    ],
  ),
  E(
    'Forbidden.NotSupportRAM',
    403,
    [],
    [
      'This operation cannot be called by a RAM user.',
      "Call it with the account owner's credential, or ask the account owner to do it.",
    ],
    [
      'この操作は RAM ユーザーでは呼び出せません。',
      'アカウント所有者の認証情報で呼び出すか、アカウント所有者に依頼してください。',
    ],
  ),
  E(
    'Forbidden.UserVerification',
    403,
    [],
    [
      'The account has not completed real-name verification.',
      'Complete the account verification in the Alibaba Cloud console, then try again.',
    ],
    [
      'アカウントの実名認証が完了していません。',
      'Alibaba Cloud コンソールでアカウントの認証を完了してから、再度お試しください。',
    ],
  ),
  E(
    'ActionUnauthorized',
    403,
    [],
    [
      'This operation is not available to this account.',
      'Check that ECI is activated for the account and that the account may use it; contact support if it should be.',
    ],
    [
      'この操作はこのアカウントでは利用できません。',
      'アカウントで ECI が有効化され、使用が許可されているか確認してください。許可されているはずならサポートに問い合わせてください。',
    ],
  ),
  E(
    'InvalidAction.NotFound',
    404,
    [],
    [
      "The endpoint does not know the CreateContainerGroup action: the request went to an endpoint that is not ECI's.",
      'Check the endpoint setting (--endpoint, eci.endpoint): it must be eci.<RegionId>.aliyuncs.com or eci-vpc.<RegionId>.aliyuncs.com.',
    ],
    [
      'エンドポイントが CreateContainerGroup アクションを知りません。リクエストが ECI 以外のエンドポイントに送られました。',
      'エンドポイントの設定 (--endpoint、eci.endpoint) を確認してください。eci.<RegionId>.aliyuncs.com または eci-vpc.<RegionId>.aliyuncs.com である必要があります。',
    ],
  ),
  E(
    'InvalidApi.NotFound',
    404,
    [],
    [
      "The endpoint does not know this API: the request went to an endpoint that is not ECI's.",
      'Check the endpoint setting (--endpoint, eci.endpoint): it must be eci.<RegionId>.aliyuncs.com or eci-vpc.<RegionId>.aliyuncs.com.',
    ],
    [
      'エンドポイントがこの API を知りません。リクエストが ECI 以外のエンドポイントに送られました。',
      'エンドポイントの設定 (--endpoint、eci.endpoint) を確認してください。eci.<RegionId>.aliyuncs.com または eci-vpc.<RegionId>.aliyuncs.com である必要があります。',
    ],
  ),
  E(
    'InvalidAction',
    403,
    [],
    [
      'The endpoint does not accept this action.',
      'Check the endpoint setting: it must be the ECI endpoint of the region.',
    ],
    [
      'エンドポイントがこのアクションを受け付けません。',
      'エンドポイントの設定を確認してください。リージョンの ECI エンドポイントである必要があります。',
    ],
  ),
  E(
    'InvalidVersion',
    400,
    [],
    [
      "The endpoint does not accept the API version 2018-08-08: it is not ECI's endpoint.",
      'Check the endpoint setting: it must be the ECI endpoint of the region.',
    ],
    [
      'エンドポイントが API バージョン 2018-08-08 を受け付けません。ECI のエンドポイントではありません。',
      'エンドポイントの設定を確認してください。リージョンの ECI エンドポイントである必要があります。',
    ],
  ),
  E(
    'NoSuchVersion',
    400,
    [],
    [
      "The endpoint does not accept the API version 2018-08-08: it is not ECI's endpoint.",
      'Check the endpoint setting: it must be the ECI endpoint of the region.',
    ],
    [
      'エンドポイントが API バージョン 2018-08-08 を受け付けません。ECI のエンドポイントではありません。',
      'エンドポイントの設定を確認してください。リージョンの ECI エンドポイントである必要があります。',
    ],
  ),
  E(
    'UnsupportedOperation',
    400,
    [],
    [
      'The endpoint does not support this operation.',
      'Check the endpoint setting: it must be the ECI endpoint of the region.',
    ],
    [
      'エンドポイントがこの操作をサポートしていません。',
      'エンドポイントの設定を確認してください。リージョンの ECI エンドポイントである必要があります。',
    ],
  ),
  E(
    'InvalidProtocol.NeedSsl',
    400,
    [],
    [
      'The endpoint accepts HTTPS only, and the request was sent over plain HTTP.',
      'Use https:// (the default) in the endpoint setting.',
    ],
    [
      'エンドポイントは HTTPS のみを受け付けますが、リクエストは HTTP で送信されました。',
      'エンドポイントの設定で https:// (既定) を使用してください。',
    ],
  ),
  E(
    'InvalidRegionId',
    400,
    ['RegionId'],
    [
      'The region in RegionId does not exist or ECI is not offered there.',
      'Write a region where ECI is offered (for example cn-hangzhou, ap-northeast-1); completion on RegionId lists them.',
    ],
    [
      'RegionId のリージョンが存在しないか、そこでは ECI が提供されていません。',
      'ECI が提供されているリージョン (例: cn-hangzhou、ap-northeast-1) を指定してください。RegionId の補完で一覧できます。',
    ],
  ),
  E(
    'UnknownError',
    500,
    [],
    [
      'The service failed with an unknown error.',
      'Try again later (calls from this tool are retried automatically); if it persists, contact support with the request id.',
    ],
    [
      'サービスが不明なエラーで失敗しました。',
      '時間をおいて再試行してください (このツールは自動的に再試行します)。解消しない場合はリクエスト ID を添えてサポートに問い合わせてください。',
    ],
  ),
  E(
    'InsufficientBalance',
    400,
    [],
    [
      'The account does not have enough balance.',
      'Top up the balance or add a payment method in the Billing Management console.',
    ],
    ['アカウントの残高が不足しています。', '料金管理コンソールで残高をチャージするか、支払い方法を追加してください。'],
  ),
];

/** Family codes that explain a more specific code none of the tables lists (`Throttling.Foo` -> `Throttling`). */
const FAMILIES = [
  'Throttling',
  'Forbidden',
  'InvalidAccessKeyId',
  'InvalidSecurityToken',
  'InvalidTimeStamp',
  'InvalidParameter',
  'MissingParameter',
  'ServiceUnavailable',
  'InternalError',
];

const byCode = new Map<string, ErrorExplanationEntry[]>();
for (const e of [...ERROR_EXPLANATIONS, ...COMMON, ...CALL_LAYER]) {
  const list = byCode.get(e.code) ?? [];
  list.push(e);
  byCode.set(e.code, list);
}

function localeOf(locale: string | undefined): ExplanationLocale {
  return locale && locale.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The table entry for a code (the one of the given HTTP status when the code has several). */
export function explanationEntry(code: string, httpStatus?: number): ErrorExplanationEntry | undefined {
  const list = byCode.get(code);
  if (!list) return undefined;
  return (httpStatus !== undefined && list.find((e) => e.httpStatus === httpStatus)) || list[0];
}

/**
 * Explains an error code in `locale` (`ja*` -> Japanese, anything else English). Unknown codes
 * get a generic text that points at the service's own message and request id.
 */
export function explainError(code: string, locale?: string, httpStatus?: number): ExplainedError {
  const loc = localeOf(locale);
  const entry = explanationEntry(code, httpStatus);
  if (entry) {
    const t = entry[loc];
    return {
      known: entry !== undefined,
      code,
      text: t.text,
      action: t.action,
      parameterPaths: [...entry.parameterPaths],
    };
  }
  // A more specific code of a known family (`Throttling.Resource`, `Forbidden.Xyz`): the family's words,
  // still flagged as not in the table.
  const family = FAMILIES.find((f) => code.startsWith(`${f}.`) && explanationEntry(f));
  if (family) {
    const f = explanationEntry(family)!;
    return { known: false, code, text: f[loc].text, action: f[loc].action, parameterPaths: [...f.parameterPaths] };
  }
  return {
    known: false,
    code,
    text:
      loc === 'ja'
        ? `ECI サービスがエラー ${code} を返しました。このエラーコードの説明はありません。サービスのメッセージを参照してください。`
        : `The ECI service returned the error ${code}, which this tool has no explanation for; see the service's message.`,
    action:
      loc === 'ja'
        ? '解決しない場合は、リクエスト ID を添えて Alibaba Cloud サポートに問い合わせてください。'
        : 'If the message does not make the cause clear, contact Alibaba Cloud support with the request id.',
    parameterPaths: [],
  };
}

/** Codes whose explanation is generic: the parameter is only named in the service's Message. */
function isGenericParameterCode(code: string): boolean {
  return /^(InvalidParameter|MissingParameter|InvalidParam|MissingParam)(\..+)?$/i.test(code);
}

/** A wire name or key: `ContainerGroupName`, `Container.1.Image`, `Container.N.Cpu`, `Volume.1.NFSVolume.Path`. */
const WIRE_NAME = /^[A-Za-z][A-Za-z0-9]*(\.(\d+|N|n|[A-Za-z][A-Za-z0-9]*))*$/;

/**
 * The parameters a generic InvalidParameter / MissingParameter error names in its Message
 * (`The specified parameter "Container.1.Image" is not valid.`, `Container.1.Cpu is invalid`,
 * `The input parameter "VSwitchId" that is mandatory ... is not supplied.`), as keys of the request
 * (`Container.1.Image`) or wire paths (`Container[].Cpu` for `Container.N.Cpu`), so that a front end
 * can place the diagnostic on them. A quoted name is taken as it is; an unquoted word only when it is
 * a key of the request (or the name of one of its top-level parameters) or has the dotted form of a
 * key. Empty for other codes or when the message names nothing.
 */
export function parameterPathsFromMessage(
  code: string,
  message: string,
  requestKeys: readonly string[] = [],
): string[] {
  if (!isGenericParameterCode(code) || !message) return [];
  const byLower = new Map<string, string>();
  for (const k of requestKeys) {
    byLower.set(k.toLowerCase(), k);
    // Every prefix of a key is a parameter too (`Container.1`, `Container`).
    const parts = k.split('.');
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join('.');
      if (!byLower.has(prefix.toLowerCase())) byLower.set(prefix.toLowerCase(), prefix);
    }
  }
  const candidates: { text: string; quoted: boolean }[] = [];
  for (const m of message.matchAll(/["'`“‘「]([^"'`”’」\s]+)["'`”’」]/g)) candidates.push({ text: m[1], quoted: true });
  for (const m of message.matchAll(/[A-Z][A-Za-z0-9]*(?:\.(?:\d+|[A-Z][A-Za-z0-9]*))+|[A-Z][A-Za-z0-9]+/g))
    candidates.push({ text: m[0], quoted: false });
  const out: string[] = [];
  const add = (p: string) => {
    if (!out.includes(p)) out.push(p);
  };
  for (const { text, quoted } of candidates) {
    const name = text.replace(/[.,;:)]+$/, '');
    if (!WIRE_NAME.test(name)) continue;
    const known = byLower.get(name.toLowerCase());
    if (known) {
      add(known);
      continue;
    }
    // The reference's `Container.N.Cpu` form: a path over every index.
    const generic = name.replace(/\.[Nn](?=\.|$)/g, '[]');
    if (
      generic !== name &&
      requestKeys.some((k) =>
        new RegExp(
          `^${generic
            .split('[]')
            .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join('\\.\\d+')}(\\.|$)`,
          'i',
        ).test(k),
      )
    ) {
      add(generic);
      continue;
    }
    // Not in the request: a missing parameter, or one the request names differently. A quoted name,
    // or a dotted one, is still the service naming a parameter.
    if (quoted || name.includes('.')) add(name);
  }
  // A dotted key makes its own prefixes redundant (`Container.1.Image` over `Container`).
  return out.filter((p) => !out.some((q) => q !== p && q.toLowerCase().startsWith(p.toLowerCase() + '.')));
}
