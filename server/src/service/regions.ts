// Alibaba Cloud region ids offered when completing RegionId (with the schema's own `examples` first).
// This is service data, not schema: the API accepts any region id, and the list of regions changes.
// Source: the public "Regions and zones" list of Alibaba Cloud (regions where ECI is sold).

export interface Region {
  id: string;
  en: string;
  ja: string;
}

export const REGIONS: readonly Region[] = [
  { id: 'cn-hangzhou', en: 'China (Hangzhou)', ja: '中国 (杭州)' },
  { id: 'cn-shanghai', en: 'China (Shanghai)', ja: '中国 (上海)' },
  { id: 'cn-qingdao', en: 'China (Qingdao)', ja: '中国 (青島)' },
  { id: 'cn-beijing', en: 'China (Beijing)', ja: '中国 (北京)' },
  { id: 'cn-zhangjiakou', en: 'China (Zhangjiakou)', ja: '中国 (張家口)' },
  { id: 'cn-huhehaote', en: 'China (Hohhot)', ja: '中国 (フフホト)' },
  { id: 'cn-wulanchabu', en: 'China (Ulanqab)', ja: '中国 (ウランチャブ)' },
  { id: 'cn-shenzhen', en: 'China (Shenzhen)', ja: '中国 (深セン)' },
  { id: 'cn-heyuan', en: 'China (Heyuan)', ja: '中国 (河源)' },
  { id: 'cn-guangzhou', en: 'China (Guangzhou)', ja: '中国 (広州)' },
  { id: 'cn-chengdu', en: 'China (Chengdu)', ja: '中国 (成都)' },
  { id: 'cn-hongkong', en: 'China (Hong Kong)', ja: '中国 (香港)' },
  { id: 'ap-northeast-1', en: 'Japan (Tokyo)', ja: '日本 (東京)' },
  { id: 'ap-northeast-2', en: 'South Korea (Seoul)', ja: '韓国 (ソウル)' },
  { id: 'ap-southeast-1', en: 'Singapore', ja: 'シンガポール' },
  { id: 'ap-southeast-3', en: 'Malaysia (Kuala Lumpur)', ja: 'マレーシア (クアラルンプール)' },
  { id: 'ap-southeast-5', en: 'Indonesia (Jakarta)', ja: 'インドネシア (ジャカルタ)' },
  { id: 'ap-southeast-6', en: 'Philippines (Manila)', ja: 'フィリピン (マニラ)' },
  { id: 'ap-southeast-7', en: 'Thailand (Bangkok)', ja: 'タイ (バンコク)' },
  { id: 'us-east-1', en: 'US (Virginia)', ja: '米国 (バージニア)' },
  { id: 'us-west-1', en: 'US (Silicon Valley)', ja: '米国 (シリコンバレー)' },
  { id: 'eu-west-1', en: 'UK (London)', ja: '英国 (ロンドン)' },
  { id: 'eu-central-1', en: 'Germany (Frankfurt)', ja: 'ドイツ (フランクフルト)' },
  { id: 'me-east-1', en: 'UAE (Dubai)', ja: 'アラブ首長国連邦 (ドバイ)' },
  { id: 'me-central-1', en: 'Saudi Arabia (Riyadh)', ja: 'サウジアラビア (リヤド)' },
];
