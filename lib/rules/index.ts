import { CompetencyRule } from './rule';
import * as deploymentReadiness from './deployment-readiness';
import * as microsoftWorkloads from './microsoft-workloads';
import * as networking from './networking';
import * as operations from './operations';
import * as reliability from './reliability';
import * as security from './security';

export * from './rule';

function isRule(x: unknown): x is CompetencyRule {
  return !!x && typeof x === 'object' && typeof (x as CompetencyRule).check === 'function' && typeof (x as CompetencyRule).name === 'string';
}

/** The rules a group's index.ts re-exports (any other export of a rule file is not a rule). */
function rulesOf(group: object): CompetencyRule[] {
  return Object.values(group).filter(isRule);
}

/** The rule groups; each group's index.ts re-exports its rule files. */
export const RULE_GROUPS: { readonly [group: string]: readonly CompetencyRule[] } = {
  'security': rulesOf(security),
  'reliability': rulesOf(reliability),
  'networking': rulesOf(networking),
  'microsoft-workloads': rulesOf(microsoftWorkloads),
  'operations': rulesOf(operations),
};

/** Every rule of the library. */
export const ALL_RULES: readonly CompetencyRule[] = Object.values(RULE_GROUPS).flat();

/** Rules by name. */
export const RULES_BY_NAME: ReadonlyMap<string, CompetencyRule> = new Map(ALL_RULES.map((r) => [r.name, r]));

/**
 * The deployment-readiness checks (`DeploymentReadinessChecks`): not checklist rules, but facts AWS publishes that
 * decide whether a template deploys and works. Same shape as a rule, kept out of `ALL_RULES`.
 */
export const READINESS_CHECKS: readonly CompetencyRule[] = rulesOf(deploymentReadiness);

export { awsDataPackages, AwsDataPackage } from './utils/aws-data';
