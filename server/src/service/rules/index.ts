// Every cross-field rule family. Together they implement each id of schemas/eci-rules.json once.
// A rule's check, its quick fixes and its traits live in its family's file; the service reads them here.
import type { QuickFix } from '../fix';
import type { RuleFamily, RuleTraits } from './context';
import { probeRules, lifecycleRules } from './probes';
import { spotRules } from './spot';
import { eipRules } from './eip';
import { networkRules } from './network';
import { containerRules } from './containers';
import { volumeRules } from './volumes';
import { configFileRules } from './configFile';
import { flexVolumeRules } from './flexVolume';
import { tagRules } from './tags';
import { securityRules } from './security';
import { dnsRules } from './dns';

export const RULE_FAMILIES: readonly RuleFamily[] = [
  probeRules,
  lifecycleRules,
  spotRules,
  eipRules,
  networkRules,
  containerRules,
  volumeRules,
  configFileRules,
  flexVolumeRules,
  tagRules,
  securityRules,
  dnsRules,
];

/** The rule ids a family implements. */
export function idsOf(family: RuleFamily): string[] {
  return Object.keys(family.rules);
}

/** The rule ids implemented here (a test checks they equal the rules file's ids). */
export const IMPLEMENTED_RULE_IDS: readonly string[] = RULE_FAMILIES.flatMap(idsOf);

const traits = new Map<string, RuleTraits>(RULE_FAMILIES.flatMap((f) => Object.entries(f.rules)));

/** The traits of a rule id (none for a code that is not a rule's). */
export function ruleTraits(id: string): RuleTraits | undefined {
  return traits.get(id);
}

/** The quick fixes of a rule id, if the rule has any. */
export function ruleFixes(id: string): QuickFix | undefined {
  return traits.get(id)?.fixes;
}
