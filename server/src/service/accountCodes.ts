// The diagnostic codes of the account checks (accountFacts.ts), as catalogue.ts lists them.
export const ACCOUNT_CODES = [
  'account.unknown-vswitch',
  'account.unknown-security-group',
  'account.unknown-eip',
  'account.unknown-image-cache',
  'account.security-group-vpc',
  'account.zone-mismatch',
  'account.vswitch-no-free-ip',
  'account.no-stock',
] as const;

export type AccountCode = (typeof ACCOUNT_CODES)[number];
