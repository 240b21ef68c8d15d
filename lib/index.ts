/**
 * cdk-competency: the AWS Competency Technology Partner Validation Checklists (Networking, Microsoft Workloads)
 * as typed data, the cdk-nag packs generated from it, and the evidence report.
 *
 * Constructs: `cdk-competency/constructs`. Test helpers (jest): `cdk-competency/testing`.
 */
export * from './checklist';
export * from './conventions';
export * from './packs';
export {
  ALL_RULES, RULE_GROUPS, RULES_BY_NAME, TemplateAppView, StackSource,
  AppView, CfnResourceJson, CompetencyRule, ResourceView, RuleVerdict, StackView,
  COMPLIANT, NOT_APPLICABLE, defineRule, nonCompliant, unverifiable,
} from './rules';
export * from './report';
