/**
 * The cdk-nag adapter: our verdicts as cdk-nag's compliance values, for the pack that reports through cdk-nag's
 * `applyRule` (`DeploymentReadinessChecks`). `CompetencyChecks` records its findings itself, in the report shape the
 * CDK's validation reads. Rules, the evaluation door and the report never load cdk-nag.
 */
// cdk-nag's package root also loads its own packs and their rules (≈100 ms, and aws-cdk-lib modules an app may
// never use): take the enums from the module that defines them.
import { NagRuleCompliance } from 'cdk-nag/lib/nag-rules';
import { RuleVerdict } from '../rules/rule';

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
