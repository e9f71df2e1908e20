// Spot (preemptible) instance rules: SpotPriceLimit with SpotWithPriceLimit, at most 3 decimals.
import { isScalar } from 'yaml';
import { locate } from '../ast';
import { explainedBySchema, present, type RuleChecker } from './context';

/** The SpotStrategy value that takes a price limit (reference line 340). */
const PRICE_LIMIT_STRATEGY = 'SpotWithPriceLimit';
/** Digits allowed after the decimal point (reference line 338). */
const MAX_DECIMALS = 3;

export const spotRules: RuleChecker = {
  ids: ['spot.price-limit-required', 'spot.price-limit-decimals', 'spot.price-limit-ignored'],
  check(ctx) {
    const v = ctx.value;
    const strategy = v.SpotStrategy;
    const hasLimit = present(v, 'SpotPriceLimit');
    if (strategy === PRICE_LIMIT_STRATEGY && !hasLimit && !explainedBySchema(v, [], 'SpotPriceLimit')) {
      ctx.report('spot.price-limit-required', ['SpotStrategy'], ctx.m.rule.spotPriceLimitRequired(PRICE_LIMIT_STRATEGY));
    }
    if (hasLimit && strategy !== PRICE_LIMIT_STRATEGY) {
      ctx.report('spot.price-limit-ignored', ['SpotPriceLimit'], ctx.m.rule.spotPriceLimitIgnored(typeof strategy === 'string' ? strategy : ctx.m.rule.spotStrategyUnset), 'key');
    }
    if (hasLimit && (typeof v.SpotPriceLimit === 'number' || typeof v.SpotPriceLimit === 'string')) {
      // The digits as written: 0.0250 has 4 decimals even though the number 0.025 has 3.
      const node = locate(ctx.parsed, ['SpotPriceLimit']).value;
      const written = node && isScalar(node) && node.range ? ctx.parsed.text.slice(node.range[0], node.range[1]).trim().replace(/^["']|["']$/g, '') : String(v.SpotPriceLimit);
      const decimals = decimalsOf(written);
      if (decimals > MAX_DECIMALS) ctx.report('spot.price-limit-decimals', ['SpotPriceLimit'], ctx.m.rule.spotPriceLimitDecimals(written));
    }
  },
};

function decimalsOf(written: string): number {
  const m = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(written);
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}
