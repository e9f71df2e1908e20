// Elastic IP rules: the EIP options need AutoCreateEip; EipInstanceId and AutoCreateEip exclude each other.
import { ruleDefinition } from '../schema';
import { present, type RuleFamily } from './context';

export const eipRules: RuleFamily = {
  rules: {
    'eip.options-require-auto-create': {
      saysMissing: true,
      fixes: (f, d) => {
        const edit = f.ctx.setPair([], 'AutoCreateEip', true);
        return [
          ...(edit ? [f.quickFix(f.t.setValue('AutoCreateEip', 'true'), [edit], d, false)] : []),
          ...f.removeKey(d),
        ];
      },
    },
    'eip.instance-with-auto-create': {},
  },
  check(ctx) {
    const v = ctx.value;
    const autoCreate = v.AutoCreateEip === true;
    if (!autoCreate) {
      const options = (ruleDefinition('eip.options-require-auto-create')?.paths ?? []).filter(
        (p) => p !== 'AutoCreateEip',
      );
      for (const key of options) {
        if (present(v, key))
          ctx.report('eip.options-require-auto-create', [key], ctx.m.rule.eipOptionWithoutAutoCreate(key), 'key');
      }
    }
    if (autoCreate && present(v, 'EipInstanceId')) {
      ctx.report('eip.instance-with-auto-create', ['EipInstanceId'], ctx.m.rule.eipInstanceWithAutoCreate(), 'key');
    }
  },
};
