import * as fs from 'fs';
import * as path from 'path';
import { RULE_GROUPS } from '../../lib/rules';
import { describeRule, RuleFixtures } from './harness';

/** Path of the fixtures module of a rule: `test/rules/<group>/<RuleName>.fixtures.ts`. */
export function fixturesPath(group: string, ruleName: string): string {
  return path.join(__dirname, group, `${ruleName}.fixtures.ts`);
}

/** Loads a rule's fixtures, or undefined when the file is missing. */
export function loadFixtures(group: string, ruleName: string): RuleFixtures | undefined {
  const file = fixturesPath(group, ruleName);
  if (!fs.existsSync(file)) return undefined;
  return require(file).fixtures as RuleFixtures;
}

/** Declares the suites of every rule of a group from its fixture files. */
export function describeGroup(group: string): void {
  for (const rule of RULE_GROUPS[group]) {
    const fixtures = loadFixtures(group, rule.name);
    if (fixtures) describeRule(rule, fixtures);
  }
}
