// Tag rules: unique keys.
import { objectItems, type RuleFamily } from './context';

export const tagRules: RuleFamily = {
  rules: {
    'tag.duplicate-key': {},
  },
  check(ctx) {
    const keys = new Set<string>();
    for (const [i, tag] of objectItems(ctx.value.Tag)) {
      if (typeof tag.Key !== 'string') continue;
      if (keys.has(tag.Key)) ctx.report('tag.duplicate-key', ['Tag', i, 'Key'], ctx.m.rule.duplicateTagKey(tag.Key));
      keys.add(tag.Key);
    }
  },
};
