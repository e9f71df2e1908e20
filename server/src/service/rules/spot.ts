// Spot (preemptible) instance rules: SpotPriceLimit with SpotWithPriceLimit, at most 3 decimals.
import { isMap, isScalar } from 'yaml';
import { locate } from '../ast';
import { schemaAtPath } from '../schema';
import { pairOf, scalarString } from '../tree';
import { placeholder, type QuickFix } from '../fix';
import { explainedBySchema, present, type RuleFamily } from './context';

/** The SpotStrategy value that takes a price limit (reference line 340). */
const PRICE_LIMIT_STRATEGY = 'SpotWithPriceLimit';
/** Digits allowed after the decimal point (reference line 338). */
const MAX_DECIMALS = 3;

export const spotRules: RuleFamily = {
  rules: {
    'spot.price-limit-required': { saysMissing: true, fixes: (f, d) => addPriceLimit(f, d) },
    'spot.price-limit-decimals': { fixes: (f, d) => roundPriceLimit(f, d) },
    'spot.price-limit-ignored': {
      fixes: (f, d) => {
        const edit = f.ctx.setPair([], 'SpotStrategy', PRICE_LIMIT_STRATEGY);
        return [
          ...(edit ? [f.quickFix(f.t.setValue('SpotStrategy', PRICE_LIMIT_STRATEGY), [edit], d, false)] : []),
          ...f.removeKey(d),
        ];
      },
    },
  },
  check(ctx) {
    const v = ctx.value;
    const strategy = v.SpotStrategy;
    const hasLimit = present(v, 'SpotPriceLimit');
    if (strategy === PRICE_LIMIT_STRATEGY && !hasLimit && !explainedBySchema(v, [], 'SpotPriceLimit')) {
      ctx.report(
        'spot.price-limit-required',
        ['SpotStrategy'],
        ctx.m.rule.spotPriceLimitRequired(PRICE_LIMIT_STRATEGY),
      );
    }
    if (hasLimit && strategy !== PRICE_LIMIT_STRATEGY) {
      ctx.report(
        'spot.price-limit-ignored',
        ['SpotPriceLimit'],
        ctx.m.rule.spotPriceLimitIgnored(typeof strategy === 'string' ? strategy : ctx.m.rule.spotStrategyUnset),
        'key',
      );
    }
    if (hasLimit && (typeof v.SpotPriceLimit === 'number' || typeof v.SpotPriceLimit === 'string')) {
      // The digits as written: 0.0250 has 4 decimals even though the number 0.025 has 3.
      const node = locate(ctx.parsed, ['SpotPriceLimit']).value;
      const written =
        node && isScalar(node) && node.range
          ? ctx.parsed.text
              .slice(node.range[0], node.range[1])
              .trim()
              .replace(/^["']|["']$/g, '')
          : String(v.SpotPriceLimit);
      const decimals = decimalsOf(written);
      if (decimals > MAX_DECIMALS)
        ctx.report('spot.price-limit-decimals', ['SpotPriceLimit'], ctx.m.rule.spotPriceLimitDecimals(written));
    }
  },
};

/** Adds SpotPriceLimit (the schema's example) after SpotStrategy. */
const addPriceLimit: QuickFix = (f, d) => {
  const root = f.ctx.parsed.doc?.contents;
  if (!isMap(root) || pairOf(root, 'SpotPriceLimit')) return [];
  const value = placeholder(schemaAtPath(['SpotPriceLimit']));
  const edit = f.ctx.addPairs([], [{ key: 'SpotPriceLimit', value }], 'SpotStrategy');
  return edit ? [f.quickFix(f.t.addSpotPriceLimit(String(value)), [edit], d, true)] : [];
};

/** Rounds the price to the allowed decimals; never down to 0, which is no price. */
const roundPriceLimit: QuickFix = (f, d) => {
  const at = f.ctx.valueAt(d.range);
  const n = at && isScalar(at.node) ? Number(scalarString(at.node)) : NaN;
  if (!at || !Number.isFinite(n)) return [];
  const scale = 10 ** MAX_DECIMALS;
  const written = String(Math.max(1 / scale, Math.round(n * scale) / scale));
  return [f.quickFix(f.t.roundPrice(written), [f.ctx.replaceNode(at.node, written)], d, true)];
};

function decimalsOf(written: string): number {
  const m = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(written);
  if (!m) return 0;
  return Math.max(0, (m[1]?.length ?? 0) - Number(m[2] ?? 0));
}
