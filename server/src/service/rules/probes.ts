// Probe and lifecycle-callback rules: exactly one check method per probe, one method per callback.
import { ruleDefinition } from '../schema';
import { explainedBySchema, objectItems, present, type RuleChecker } from './context';

/** `Container[].ReadinessProbe.HttpGet` -> list `Container`, probe `ReadinessProbe`, handler `HttpGet` (from the rule's paths). */
function probeShape(): { lists: string[]; probes: string[]; handlers: string[] } {
  const lists = new Set<string>();
  const probes = new Set<string>();
  const handlers = new Set<string>();
  for (const p of ruleDefinition('probe.single-handler')?.paths ?? []) {
    const m = /^(\w+)\[\]\.(\w+)(?:\.(\w+))?$/.exec(p);
    if (!m) continue;
    lists.add(m[1]);
    probes.add(m[2]);
    if (m[3]) handlers.add(m[3]);
  }
  return { lists: [...lists], probes: [...probes], handlers: [...handlers] };
}

export const probeRules: RuleChecker = {
  ids: ['probe.single-handler'],
  check(ctx) {
    const { lists, probes, handlers } = probeShape();
    for (const list of lists) {
      for (const [i, container] of objectItems(ctx.value[list])) {
        for (const probe of probes) {
          const p = container[probe];
          if (!p || typeof p !== 'object' || Array.isArray(p)) continue;
          const probeObj = p as Record<string, unknown>;
          const set = handlers.filter((h) => present(probeObj, h));
          const wire = `${list}[].${probe}`;
          // A handler written empty (`HttpGet:`) or misspelt (`HtpGet:`) is the schema's finding.
          if (set.length === 0 && handlers.some((h) => explainedBySchema(probeObj, [list, i, probe], h))) continue;
          if (set.length === 0) ctx.report('probe.single-handler', [list, i, probe], ctx.m.rule.probeNoHandler(wire, handlers), 'key');
          else if (set.length > 1) ctx.report('probe.single-handler', [list, i, probe, set[1]], ctx.m.rule.probeManyHandlers(wire, set), 'key');
        }
      }
    }
  },
};

/** The callback parameters by hook and method, from the rule's paths (`LifecyclePostStartHandlerHttpGetPath`). */
function lifecycleShape(): { lists: string[]; hooks: Map<string, Map<string, string[]>> } {
  const lists = new Set<string>();
  const hooks = new Map<string, Map<string, string[]>>();
  for (const p of ruleDefinition('lifecycle.single-handler')?.paths ?? []) {
    const m = /^(\w+)\[\]\.(Lifecycle(\w+?)Handler(Exec|HttpGet|TcpSocket)\w*?)(\[\])?$/.exec(p);
    if (!m) continue;
    lists.add(m[1]);
    const methods = hooks.get(m[3]) ?? new Map<string, string[]>();
    hooks.set(m[3], methods);
    const keys = methods.get(m[4]) ?? [];
    methods.set(m[4], keys);
    keys.push(m[2]);
  }
  return { lists: [...lists], hooks };
}

export const lifecycleRules: RuleChecker = {
  ids: ['lifecycle.single-handler'],
  check(ctx) {
    const { lists, hooks } = lifecycleShape();
    for (const list of lists) {
      for (const [i, container] of objectItems(ctx.value[list])) {
        for (const [hook, methods] of hooks) {
          const used: { method: string; key: string }[] = [];
          for (const [method, keys] of methods) {
            const key = keys.find((k) => present(container, k));
            if (key) used.push({ method, key });
          }
          if (used.length > 1) {
            ctx.report('lifecycle.single-handler', [list, i, used[1].key], ctx.m.rule.lifecycleManyMethods(hook, used.map((u) => u.method)), 'key');
          }
        }
      }
    }
  },
};
