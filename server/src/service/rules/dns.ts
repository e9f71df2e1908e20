// DNS rules: DnsPolicy None takes its settings from DnsConfig.
import { isObject, type RuleFamily } from './context';

/** The DnsPolicy that uses DnsConfig (reference line 226). */
const CONFIG_POLICY = 'None';

export const dnsRules: RuleFamily = {
  rules: {
    'dns.none-policy-without-config': { saysMissing: true },
  },
  check(ctx) {
    if (ctx.value.DnsPolicy !== CONFIG_POLICY) return;
    const cfg = ctx.value.DnsConfig;
    const hasSettings =
      isObject(cfg) &&
      Object.values(cfg).some((v) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined));
    if (!hasSettings) ctx.report('dns.none-policy-without-config', ['DnsPolicy'], ctx.m.rule.dnsNoneWithoutConfig());
  },
};
