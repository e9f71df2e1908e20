// Security and platform rules that need a ticket: the NET_RAW capability, Windows instances.
import { allContainers, isObject, type RuleFamily } from './context';

/** The capability that needs a ticket (reference lines 620, 1806). */
const TICKET_CAPABILITY = 'NET_RAW';
/** The OsType in beta (reference line 2621). */
const BETA_OS = 'Windows';

export const securityRules: RuleFamily = {
  rules: {
    'capability.net-raw-ticket': {},
    'os-type.windows-beta': {},
  },
  check(ctx) {
    for (const { list, index, item } of allContainers(ctx.value)) {
      const sc = item.SecurityContext;
      if (!isObject(sc) || !isObject(sc.Capability) || !Array.isArray(sc.Capability.Add)) continue;
      sc.Capability.Add.forEach((cap, j) => {
        if (cap === TICKET_CAPABILITY)
          ctx.report(
            'capability.net-raw-ticket',
            [list, index, 'SecurityContext', 'Capability', 'Add', j],
            ctx.m.rule.netRawTicket(),
          );
      });
    }
    if (ctx.value.OsType === BETA_OS) ctx.report('os-type.windows-beta', ['OsType'], ctx.m.rule.windowsBeta());
  },
};
