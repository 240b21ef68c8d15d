import { CompetencyRule } from './rule';
import * as microsoftWorkloads from './microsoft-workloads';
import * as networking from './networking';
import * as reliability from './reliability';
import * as security from './security';

export * from './rule';
export { TemplateAppView, StackSource } from './app-view';

/** The rule groups; each group's index.ts re-exports its rule files. */
export const RULE_GROUPS: { readonly [group: string]: readonly CompetencyRule[] } = {
  'security': Object.values(security) as CompetencyRule[],
  'reliability': Object.values(reliability) as CompetencyRule[],
  'networking': Object.values(networking) as CompetencyRule[],
  'microsoft-workloads': Object.values(microsoftWorkloads) as CompetencyRule[],
};

/** Every rule of the library. */
export const ALL_RULES: readonly CompetencyRule[] = Object.values(RULE_GROUPS).flat();

/** Rules by name. */
export const RULES_BY_NAME: ReadonlyMap<string, CompetencyRule> = new Map(ALL_RULES.map((r) => [r.name, r]));
