/**
 * The cdk-nag adapter: the only module that knows cdk-nag's compliance values and levels. The packs built on cdk-nag's
 * `NagPack` map our verdicts and levels through it; rules, the evaluation door and the report never load cdk-nag.
 */
// cdk-nag's package root also loads its own packs and their rules (≈100 ms, and aws-cdk-lib modules an app may
// never use): take the enums from the module that defines them.
import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { RuleVerdict } from '../rules/rule';

export { NagRuleCompliance };
import { FindingLevel } from './plan';

/** Maps a verdict to cdk-nag's compliance values. */
export function toNagCompliance(v: RuleVerdict): NagRuleCompliance {
  switch (v.status) {
    case 'compliant': return NagRuleCompliance.COMPLIANT;
    // What the template cannot show is no finding: the evidence report leaves it to the item's other evidence.
    case 'not-applicable':
    case 'not-shown':
      return NagRuleCompliance.NOT_APPLICABLE;
    default: return NagRuleCompliance.NON_COMPLIANT;
  }
}

/** Maps a finding level to cdk-nag's. */
export function toNagLevel(level: FindingLevel): NagMessageLevel.ERROR | NagMessageLevel.WARN {
  return level === 'error' ? NagMessageLevel.ERROR : NagMessageLevel.WARN;
}
