// Network rules: vSwitch list, schedule strategy across vSwitches, IPv6 gateway bandwidth.
import { present, type RuleFamily } from './context';

/** VSwitchId takes at most this many comma-separated IDs (reference line 138). */
const MAX_VSWITCHES = 10;

function vSwitchIds(v: unknown): string[] | undefined {
  return typeof v === 'string' ? v.split(',').map((s) => s.trim()) : undefined;
}

export const networkRules: RuleFamily = {
  rules: {
    'vswitch.max-count': {},
    'schedule-strategy.single-vswitch': {},
    'ipv6.gateway-bandwidth-requires-enable': {
      saysMissing: true,
      fixes: (f, d) => {
        const edit = f.ctx.setPair([], 'Ipv6GatewayBandwidthEnable', true);
        return [
          ...(edit ? [f.quickFix(f.t.setValue('Ipv6GatewayBandwidthEnable', 'true'), [edit], d, false)] : []),
          ...f.removeKey(d),
        ];
      },
    },
  },
  check(ctx) {
    const v = ctx.value;
    const ids = vSwitchIds(v.VSwitchId);
    if (ids) {
      if (ids.length > MAX_VSWITCHES)
        ctx.report('vswitch.max-count', ['VSwitchId'], ctx.m.rule.vswitchTooMany(ids.length, MAX_VSWITCHES));
      else if (ids.length > 1 && ids.some((s) => s === ''))
        ctx.report('vswitch.max-count', ['VSwitchId'], ctx.m.rule.vswitchEmptyEntry());
    }
    if (present(v, 'ScheduleStrategy') && (ids?.filter(Boolean).length ?? 0) < 2) {
      ctx.report('schedule-strategy.single-vswitch', ['ScheduleStrategy'], ctx.m.rule.scheduleStrategySingle(), 'key');
    }
    if (present(v, 'Ipv6GatewayBandwidth') && v.Ipv6GatewayBandwidthEnable !== true) {
      ctx.report(
        'ipv6.gateway-bandwidth-requires-enable',
        ['Ipv6GatewayBandwidth'],
        ctx.m.rule.ipv6BandwidthWithoutEnable(),
        'key',
      );
    }
  },
};
