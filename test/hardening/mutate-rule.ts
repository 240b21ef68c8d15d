// Jest setup file for `npm run check:rules` only (never part of `npm test`): flips the rule named by MUTATE_RULE to
// always-COMPLIANT, so its fixtures must fail. See scripts/check-rules.ts.
import { COMPLIANT, CompetencyRule, RULES_BY_NAME } from '../../lib/rules';

const name = process.env.MUTATE_RULE;
if (name) {
  const rule = RULES_BY_NAME.get(name) as { -readonly [K in keyof CompetencyRule]: CompetencyRule[K] } | undefined;
  if (!rule) throw new Error(`MUTATE_RULE: no rule named '${name}' in RULES_BY_NAME`);
  rule.check = () => COMPLIANT;
}
