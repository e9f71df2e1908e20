// Every cross-field rule family. Together they implement each id of schemas/eci-rules.json once.
import type { RuleChecker } from './context';
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

export const RULE_CHECKERS: readonly RuleChecker[] = [
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

/** The rule ids implemented here (a test checks they equal the rules file's ids). */
export const IMPLEMENTED_RULE_IDS: readonly string[] = RULE_CHECKERS.flatMap((c) => c.ids);
