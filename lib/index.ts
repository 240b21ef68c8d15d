/**
 * cdk-competency: the AWS Competency Technology Partner Validation Checklists (Networking, Microsoft Workloads)
 * as typed data and the cdk-nag packs generated from it.
 *
 * Constructs: `cdk-competency/constructs`. Test helpers (jest): `cdk-competency/testing`. The evidence report
 * (`generateEvidencePack`, `loadAssembly`, the renderers): `cdk-competency/report`, a separate entry so that a synth,
 * which loads this one, never loads the report engine.
 */
export * from './checklist';
export * from './conventions';
export * from './declarations';
export * from './packs';
export {
  ALL_RULES, RULE_GROUPS, RULES_BY_NAME,
  AppView, CfnResourceJson, CompetencyRule, ResourceView, RuleVerdict, StackView,
  COMPLIANT, NOT_APPLICABLE, defineRule, nonCompliant, unverifiable,
} from './rules';
export { TemplateAppView, StackSource } from './aws';
