// What the account has in a region (vSwitches, security groups, zones with stock, image caches, EIPs,
// regions), as a front end looked it up and handed it over: the service itself never calls anything.
// From these facts: the account checks (warnings, each its own code of catalogue.ts, on the line
// concerned, saying what was looked up and when, with a quick fix where one exists) and live completion
// items for VSwitchId, SecurityGroupId, ZoneId, ImageSnapshotId, EipInstanceId and RegionId.
// Without facts (any LSP client without credentials, `eci validate` without --online) nothing here runs.
import {
  CompletionItemKind,
  DiagnosticSeverity,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-types';
import type { AccountCode } from './accountCodes';
import { documentValue, valueRange } from './ast';
import type { FixContext } from './fix';
import { messagesFor, type Locale } from './messages';
import type { ParsedDocument } from './parse';

export interface VSwitchFact {
  id: string;
  name: string;
  vpcId: string;
  zoneId: string;
  cidr: string;
  freeIps: number;
}
export interface SecurityGroupFact {
  id: string;
  name: string;
  vpcId: string;
}
export type StockState = 'with' | 'without';
export interface ZoneFact {
  id: string;
  recommended: boolean;
  /** Stock by vCPU count (`"2"`) and by instance type, as DescribeAvailableResource answered. */
  cores: Record<string, StockState>;
  instanceTypes: Record<string, StockState>;
}
export interface ImageCacheFact {
  /** The ImageCacheId (`imc-...`): what ImageSnapshotId names. */
  id: string;
  name: string;
  images: string[];
  status: string;
}
export interface EipFact {
  /** The AllocationId (`eip-...`): what EipInstanceId names. */
  id: string;
  ip: string;
  name: string;
  status: string;
}

/**
 * The facts of one account in one region. A list that is absent was not looked up (no permission,
 * a failed call): nothing is checked or offered from it.
 */
export interface AccountFacts {
  regionId: string;
  /** When the facts were looked up (ISO 8601). */
  lookedUpAt: string;
  vSwitches?: VSwitchFact[];
  securityGroups?: SecurityGroupFact[];
  zones?: ZoneFact[];
  imageCaches?: ImageCacheFact[];
  eips?: EipFact[];
  /** Every region ECI is offered in (DescribeRegions). */
  regions?: string[];
}

/** A quick fix an account finding carries: set a top-level key to a value. */
export interface AccountFix {
  key: string;
  value: string;
  title: string;
}

type Doc = Record<string, unknown>;

function rootOf(parsed: ParsedDocument): Doc | undefined {
  const v = documentValue(parsed);
  return v.ok && v.value && typeof v.value === 'object' && !Array.isArray(v.value) ? (v.value as Doc) : undefined;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : undefined;
const ids = (v: unknown): string[] =>
  (str(v) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The facts that concern a document: those of its RegionId. */
export function factsFor(parsed: ParsedDocument, facts: readonly AccountFacts[] | undefined): AccountFacts | undefined {
  if (!facts?.length) return undefined;
  const region = str(rootOf(parsed)?.RegionId);
  return region ? facts.find((f) => f.regionId === region) : undefined;
}

/** The size the document asks for, as stock is told: its group vCPU count, else its first instance type. */
function requestedSize(
  root: Doc,
):
  | { kind: 'cores'; value: string; key: 'Cpu' }
  | { kind: 'instanceType'; value: string; key: 'InstanceType' }
  | undefined {
  const types = ids(root.InstanceType);
  if (types.length) return { kind: 'instanceType', value: types[0], key: 'InstanceType' };
  const cpu = typeof root.Cpu === 'number' ? root.Cpu : Number(str(root.Cpu));
  if (Number.isFinite(cpu) && cpu > 0) return { kind: 'cores', value: String(cpu), key: 'Cpu' };
  return undefined;
}

/** The stock of a zone for the document's size: undefined when not told. */
export function stockOf(zone: ZoneFact, root: Doc): StockState | undefined {
  const size = requestedSize(root);
  if (!size) return undefined;
  return size.kind === 'cores' ? zone.cores[size.value] : zone.instanceTypes[size.value];
}

/** The range of one id inside a (possibly comma-separated) value. */
function idRange(parsed: ParsedDocument, key: string, id: string): Range {
  const r = valueRange(parsed, [key]);
  if (r.start.line !== r.end.line) return r;
  const line = parsed.text.split('\n')[r.start.line] ?? '';
  const at = line.indexOf(id, r.start.character);
  return at < 0 || at + id.length > r.end.character
    ? r
    : { start: { line: r.start.line, character: at }, end: { line: r.start.line, character: at + id.length } };
}

/** The account checks of a document against the facts of its region (warnings; none without facts). */
export function accountDiagnostics(
  parsed: ParsedDocument,
  allFacts: readonly AccountFacts[] | undefined,
  locale: Locale,
): Diagnostic[] {
  const facts = factsFor(parsed, allFacts);
  const root = facts && rootOf(parsed);
  if (!facts || !root) return [];
  const m = messagesFor(locale).account;
  const at = m.at(facts.lookedUpAt);
  const out: Diagnostic[] = [];
  const warn = (code: AccountCode, key: string, range: Range, message: string, fixes: AccountFix[] = []) =>
    out.push({
      range,
      severity: DiagnosticSeverity.Warning,
      code,
      source: 'eci',
      message,
      data: { path: key, ...(fixes.length ? { accountFixes: fixes } : {}) },
    });
  const region = facts.regionId;
  const zoneId = str(root.ZoneId);

  const chosen: VSwitchFact[] = [];
  if (facts.vSwitches) {
    for (const id of ids(root.VSwitchId)) {
      const v = facts.vSwitches.find((x) => x.id === id);
      if (!v) {
        const sameZone = facts.vSwitches.filter((x) => (!zoneId || x.zoneId === zoneId) && x.freeIps > 0).slice(0, 3);
        warn(
          'account.unknown-vswitch',
          'VSwitchId',
          idRange(parsed, 'VSwitchId', id),
          m.unknownVSwitch(id, region, facts.vSwitches.length, at),
          ids(root.VSwitchId).length === 1
            ? sameZone.map((x) => ({ key: 'VSwitchId', value: x.id, title: m.fixVSwitch(x.id, x.zoneId) }))
            : [],
        );
        continue;
      }
      chosen.push(v);
      if (v.freeIps <= 0) {
        const others = facts.vSwitches.filter(
          (x) => x.id !== v.id && x.freeIps > 0 && x.zoneId === v.zoneId && x.vpcId === v.vpcId,
        );
        const fixes =
          ids(root.VSwitchId).length === 1
            ? others.slice(0, 3).map((x) => ({ key: 'VSwitchId', value: x.id, title: m.fixVSwitch(x.id, x.zoneId) }))
            : [];
        warn(
          'account.vswitch-no-free-ip',
          'VSwitchId',
          idRange(parsed, 'VSwitchId', id),
          m.noFreeIp(v.id, v.cidr, at),
          fixes,
        );
      }
    }
    if (zoneId && chosen.length === 1 && chosen[0].zoneId !== zoneId) {
      const v = chosen[0];
      const fixes: AccountFix[] = [{ key: 'ZoneId', value: v.zoneId, title: m.fixZone(v.zoneId) }];
      for (const x of facts.vSwitches
        .filter((x) => x.zoneId === zoneId && x.freeIps > 0 && x.vpcId === v.vpcId)
        .slice(0, 2))
        fixes.push({ key: 'VSwitchId', value: x.id, title: m.fixVSwitch(x.id, x.zoneId) });
      warn(
        'account.zone-mismatch',
        'ZoneId',
        valueRange(parsed, ['ZoneId']),
        m.zoneMismatch(zoneId, v.id, v.zoneId, at),
        fixes,
      );
    }
  }
  const sgId = str(root.SecurityGroupId);
  if (sgId && facts.securityGroups) {
    const sg = facts.securityGroups.find((x) => x.id === sgId);
    const vpc = chosen[0]?.vpcId;
    if (!sg) {
      const fixes = facts.securityGroups
        .filter((x) => !vpc || x.vpcId === vpc)
        .slice(0, 3)
        .map((x) => ({ key: 'SecurityGroupId', value: x.id, title: m.fixId(`${x.id} (${x.name})`) }));
      warn(
        'account.unknown-security-group',
        'SecurityGroupId',
        valueRange(parsed, ['SecurityGroupId']),
        m.unknownSecurityGroup(sgId, region, facts.securityGroups.length, at),
        fixes,
      );
    } else if (vpc && sg.vpcId !== vpc) {
      const fixes = facts.securityGroups
        .filter((x) => x.vpcId === vpc)
        .slice(0, 3)
        .map((x) => ({ key: 'SecurityGroupId', value: x.id, title: m.fixId(`${x.id} (${x.name})`) }));
      warn(
        'account.security-group-vpc',
        'SecurityGroupId',
        valueRange(parsed, ['SecurityGroupId']),
        m.securityGroupVpc(sg.id, sg.vpcId, chosen[0].id, vpc, at),
        fixes,
      );
    }
  }
  const eip = str(root.EipInstanceId);
  if (eip && facts.eips && !facts.eips.some((x) => x.id === eip)) {
    const fixes = facts.eips
      .filter((x) => x.status === 'Available')
      .slice(0, 3)
      .map((x) => ({ key: 'EipInstanceId', value: x.id, title: m.fixId(`${x.id} (${x.ip})`) }));
    warn(
      'account.unknown-eip',
      'EipInstanceId',
      valueRange(parsed, ['EipInstanceId']),
      m.unknownEip(eip, region, facts.eips.length, at),
      fixes,
    );
  }
  const cache = str(root.ImageSnapshotId);
  if (cache && facts.imageCaches && !facts.imageCaches.some((x) => x.id === cache)) {
    warn(
      'account.unknown-image-cache',
      'ImageSnapshotId',
      valueRange(parsed, ['ImageSnapshotId']),
      m.unknownImageCache(cache, region, facts.imageCaches.length, at),
    );
  }
  const size = requestedSize(root);
  if (size && facts.zones?.length) {
    const label = size.kind === 'cores' ? m.sizeCores(Number(size.value)) : size.value;
    const zone = zoneId ?? (chosen.length === 1 ? chosen[0].zoneId : undefined);
    if (zone) {
      const z = facts.zones.find((x) => x.id === zone);
      if (z && stockOf(z, root) === 'without') {
        const fixes = facts.zones
          .filter((x) => stockOf(x, root) === 'with')
          .slice(0, 3)
          .map((x) => ({ key: 'ZoneId', value: x.id, title: m.fixId(x.id) }));
        warn(
          'account.no-stock',
          zoneId ? 'ZoneId' : size.key,
          zoneId ? valueRange(parsed, ['ZoneId']) : valueRange(parsed, [size.key]),
          m.noStock(zone, label, at),
          zoneId ? fixes : [],
        );
      }
    } else if (facts.zones.every((x) => stockOf(x, root) === 'without')) {
      warn('account.no-stock', size.key, valueRange(parsed, [size.key]), m.noStockAnywhere(region, label, at));
    }
  }
  return out;
}

/** The quick fixes an account finding carries (computed with the finding, in its locale). */
export function accountFixes(f: FixContext, d: Diagnostic): CodeAction[] {
  const fixes = (d.data as { accountFixes?: AccountFix[] } | undefined)?.accountFixes;
  if (!Array.isArray(fixes)) return [];
  const out: CodeAction[] = [];
  fixes.forEach((x, i) => {
    if (typeof x?.key !== 'string' || typeof x.value !== 'string' || typeof x.title !== 'string') return;
    const edit = f.ctx.setPair([], x.key, x.value);
    if (edit) out.push(f.quickFix(x.title, [edit], d, i === 0));
  });
  return out;
}

/** The containers' images (Container[].Image, InitContainer[].Image). */
function imagesOf(root: Doc): string[] {
  const out: string[] = [];
  for (const list of [root.Container, root.InitContainer]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      const image = c && typeof c === 'object' ? str((c as Doc).Image) : undefined;
      if (image) out.push(image);
    }
  }
  return out;
}

const sameImage = (a: string, b: string) =>
  a === b || a.replace(/^docker\.io\/(library\/)?/, '') === b.replace(/^docker\.io\/(library\/)?/, '');

/** One live completion value: what to insert, its detail, and its sort rank (lower first). */
export interface LiveValue {
  value: string;
  detail: string;
  rank: number;
  kind: CompletionItemKind;
}

/**
 * The live values for a top-level key (VSwitchId, SecurityGroupId, ZoneId, ImageSnapshotId,
 * EipInstanceId, RegionId), or undefined when there are no facts for it. For VSwitchId the ids already
 * written (comma-separated) are left out.
 */
export function liveValues(
  key: string,
  parsed: ParsedDocument,
  allFacts: readonly AccountFacts[] | undefined,
  locale: Locale,
): LiveValue[] | undefined {
  if (!allFacts?.length) return undefined;
  const m = messagesFor(locale).account;
  if (key === 'RegionId') {
    const regions = allFacts.find((f) => f.regions?.length)?.regions;
    return regions?.map((r, i) => ({ value: r, detail: m.regionLive, rank: i, kind: CompletionItemKind.Value }));
  }
  const facts = factsFor(parsed, allFacts);
  const root = rootOf(parsed) ?? {};
  if (!facts) return undefined;
  const zoneId = str(root.ZoneId);
  const vsw = facts.vSwitches?.find((v) => ids(root.VSwitchId).includes(v.id));
  switch (key) {
    case 'VSwitchId': {
      const written = new Set(ids(root.VSwitchId));
      return facts.vSwitches
        ?.filter((v) => !written.has(v.id))
        .map((v) => ({
          value: v.id,
          detail: `${v.name ? `${v.name} · ` : ''}${m.vSwitchDetail(v.zoneId, v.vpcId, v.cidr, v.freeIps)}`,
          rank: (zoneId && v.zoneId !== zoneId ? 2 : 0) + (v.freeIps > 0 ? 0 : 1),
          kind: CompletionItemKind.Reference,
        }));
    }
    case 'SecurityGroupId':
      return facts.securityGroups?.map((g) => ({
        value: g.id,
        detail: m.securityGroupDetail(g.name, g.vpcId),
        rank: vsw && g.vpcId !== vsw.vpcId ? 1 : 0,
        kind: CompletionItemKind.Reference,
      }));
    case 'ZoneId':
      return facts.zones?.map((z) => {
        const stock = stockOf(z, root);
        return {
          value: z.id,
          detail: m.zoneDetail(stock ?? 'unknown', z.recommended),
          rank: (stock === 'without' ? 2 : 0) + (z.recommended ? 0 : 1),
          kind: CompletionItemKind.Value,
        };
      });
    case 'ImageSnapshotId': {
      const images = imagesOf(root);
      return facts.imageCaches?.map((c) => ({
        value: c.id,
        detail: m.imageCacheDetail(c.name, c.images),
        rank:
          images.length && images.every((i) => c.images.some((x) => sameImage(x, i)))
            ? 0
            : images.some((i) => c.images.some((x) => sameImage(x, i)))
              ? 1
              : 2,
        kind: CompletionItemKind.Reference,
      }));
    }
    case 'EipInstanceId':
      return facts.eips
        ?.filter((e) => e.status === 'Available')
        .map((e) => ({ value: e.id, detail: m.eipDetail(e.ip, e.name), rank: 0, kind: CompletionItemKind.Reference }));
  }
  return undefined;
}

/** The "looked up at" note of live completion items. */
export function lookedUpNote(
  parsed: ParsedDocument,
  allFacts: readonly AccountFacts[] | undefined,
  locale: Locale,
): string | undefined {
  const f = factsFor(parsed, allFacts) ?? allFacts?.[0];
  if (!f) return undefined;
  const m = messagesFor(locale).account;
  return m.lookedUpAt(m.at(f.lookedUpAt));
}

export type { CompletionItem };

/** The document's RegionId, when it names one (what a front end looks facts up for). */
export function documentRegionId(parsed: ParsedDocument): string | undefined {
  const region = str(rootOf(parsed)?.RegionId);
  return region && /^[a-z]{2,}(-[a-z0-9]+)+$/.test(region) ? region : undefined;
}
