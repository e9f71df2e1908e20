// Probe and lifecycle-callback rules: exactly one check method per probe, one method per callback.
import { isMap } from 'yaml';
import type { CodeAction } from 'vscode-languageserver-types';
import { ruleDefinition, wirePathOf } from '../schema';
import { nodeAtOffset, pairOf } from '../tree';
import type { QuickFix } from '../fix';
import { explainedBySchema, objectItems, present, type RuleFamily } from './context';

export interface ProbeShape {
  /** The container lists that take probes (`Container`). */
  lists: string[];
  /** The probe keys of a container (`ReadinessProbe`, `LivenessProbe`). */
  probes: string[];
  /** A probe's check methods (`HttpGet`, `Exec`, `TcpSocket`). */
  handlers: string[];
}

let shape: ProbeShape | undefined;
/**
 * `Container[].ReadinessProbe.HttpGet` -> list `Container`, probe `ReadinessProbe`, handler `HttpGet`:
 * the probe shape, derived once from the rule's paths in schemas/eci-rules.json (the check, its quick
 * fix and the probe snippets of snippets.ts all read it).
 */
export function probeShape(): ProbeShape {
  return (shape ??= deriveProbeShape());
}

function deriveProbeShape(): ProbeShape {
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

export const probeRules: RuleFamily = {
  rules: {
    'probe.single-handler': { saysMissing: true, fixes: (f, d) => probeFixes(f, d) },
  },
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
          if (set.length === 0)
            ctx.report('probe.single-handler', [list, i, probe], ctx.m.rule.probeNoHandler(wire, handlers), 'key');
          else if (set.length > 1)
            ctx.report(
              'probe.single-handler',
              [list, i, probe, set[1]],
              ctx.m.rule.probeManyHandlers(wire, set),
              'key',
            );
        }
      }
    }
  },
};

/** A probe with two or three check methods: remove one (of two), or keep one (of three). */
const probeFixes: QuickFix = (f, d) => {
  const { ctx, t } = f;
  const at = nodeAtOffset(ctx.parsed, ctx.parsed.offsetAt(d.range.start));
  const { probes, handlers } = probeShape();
  const i = at.path.findIndex(
    (s, k) => typeof s === 'string' && probes.includes(s) && k >= 2 && typeof at.path[k - 1] === 'number',
  );
  if (i < 0) return [];
  const probePath = at.path.slice(0, i + 1);
  const probe = ctx.nodeAt(probePath);
  if (!isMap(probe)) return [];
  const present = handlers.filter((h) => pairOf(probe, h));
  if (present.length < 2) return [];
  const probeName = wirePathOf(probePath);
  const out: CodeAction[] = [];
  if (present.length === 2) {
    for (const h of present)
      out.push(f.quickFix(t.removeHandler(h, probeName), [ctx.removePair(probe, pairOf(probe, h)!)], d, false));
  } else {
    for (const keep of present) {
      const removed = present.filter((h) => h !== keep);
      const edits = removed.map((h) => ctx.removePair(probe, pairOf(probe, h)!));
      out.push(f.quickFix(t.keepOnlyHandler(keep, probeName, removed), edits, d, false));
    }
  }
  return out;
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

export const lifecycleRules: RuleFamily = {
  rules: {
    'lifecycle.single-handler': {},
  },
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
            ctx.report(
              'lifecycle.single-handler',
              [list, i, used[1].key],
              ctx.m.rule.lifecycleManyMethods(
                hook,
                used.map((u) => u.method),
              ),
              'key',
            );
          }
        }
      }
    }
  },
};
