import * as path from 'path';
import { readGolden } from '../golden';
import { CATEGORIES, ChecklistId, DEPLOYMENT_MODELS, SUBCATEGORIES } from '../../lib/checklist';
import { CompetencyChecks } from '../../lib/packs';

/**
 * The exact rule set each checklist and deployment model applies, errors and warnings apart. The expected sets
 * are committed in golden/rule-sets.json (refresh with UPDATE_GOLDEN=1 npx jest test/packs/rule-sets and review the diff: a change here is a
 * change in what partners' builds enforce).
 */
const GOLDEN = path.join(__dirname, 'golden', 'rule-sets.json');
/** As the golden file names the levels (cdk-nag's names, which it has always used). */
const LEVEL_NAMES = { error: 'Error', warning: 'Warning' } as const;

function ruleSets() {
  const out: Record<string, { errors: string[]; warnings: string[]; recommended: string[]; whenTheAppHas?: string[] }> = {};
  for (const checklist of Object.keys(DEPLOYMENT_MODELS) as ChecklistId[]) {
    const selections = [
      ...DEPLOYMENT_MODELS[checklist].map((deploymentModel) => ({ key: `${checklist}/${deploymentModel}`, props: { checklist, deploymentModel } })),
      { key: `${checklist}/strict+all-categories`, props: {
        checklist,
        deploymentModel: DEPLOYMENT_MODELS[checklist][0],
        strict: true,
        categories: CATEGORIES[checklist].filter((c) => SUBCATEGORIES[c].length === 0),
        subcategories: CATEGORIES[checklist].flatMap((c) => SUBCATEGORIES[c].map((sub) => sub.id)),
      } },
    ];
    for (const { key, props } of selections) {
      const plan = new CompetencyChecks(props).plan.rules;
      const always = plan.filter((r) => !r.appliesWhenAppHas);
      const required = always.filter((r) => r.kind === 'required');
      const conditional = plan.filter((r) => r.appliesWhenAppHas);
      out[key] = {
        errors: required.filter((r) => r.level === 'error').map((r) => r.ruleId),
        warnings: required.filter((r) => r.level === 'warning').map((r) => r.ruleId),
        recommended: always.filter((r) => r.kind === 'recommended').map((r) => r.ruleId),
        ...(conditional.length ? { whenTheAppHas: conditional.map((r) => `${r.ruleId}:${r.kind === 'recommended' ? 'recommended' : LEVEL_NAMES[r.level]} (${r.appliesWhenAppHas!.join(' or ')})`) } : {}),
      };
    }
  }
  return out;
}

describe('rule sets per checklist and deployment model', () => {
  const actual = ruleSets();
  const expected = JSON.parse(readGolden(GOLDEN, JSON.stringify(actual, null, 2) + '\n'));

  test.each(Object.keys(expected))('%s applies exactly the committed errors, warnings and recommendations', (key) => {
    expect(actual[key]).toEqual(expected[key]);
  });

  test('every combination is covered', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  });

  test('the SaaS model applies the account-level items that customer-deployed-on-aws does not', () => {
    const all = (k: string) => [...actual[k].errors, ...actual[k].warnings, ...actual[k].recommended];
    const saas = all('networking/saas');
    const onAws = all('networking/customer-deployed-on-aws');
    for (const id of ['Competency-1.14-TrailBucketInAnotherAccount', 'Competency-2.6-DataStoreBackedUp', 'Competency-2.13-BackupCopiesToAnotherAccount']) {
      expect(saas).toContain(id);
      expect(onAws).not.toContain(id);
    }
    expect(onAws).toContain('Competency-1.23-KmsKeyRotationEnabled');
    expect(onAws.length).toBeLessThan(saas.length);
  });

  test('"should" items are warnings: 1.16 security groups, 2.3 central logs', () => {
    expect(actual['networking/saas'].warnings).toEqual(expect.arrayContaining(['Competency-1.16-SecurityGroupNoOpenIngress', 'Competency-2.3-LogGroupShippedCentrally']));
    expect(actual['networking/saas'].errors).not.toContain('Competency-1.16-SecurityGroupNoOpenIngress');
  });

  test('recommendations are warnings by default, errors with recommended: \'error\', and never change required levels', () => {
    // GIVEN
    const selection = { checklist: 'networking', deploymentModel: 'saas' } as const;
    const byDefault = new CompetencyChecks(selection).plan.rules;
    const strict = new CompetencyChecks({ ...selection, recommended: 'error' }).plan.rules;
    // THEN
    expect(byDefault.filter((r) => r.kind === 'recommended').every((r) => r.level === 'warning')).toBe(true);
    expect(strict.filter((r) => r.kind === 'recommended').every((r) => r.level === 'error')).toBe(true);
    expect(strict.filter((r) => r.kind === 'required').map((r) => [r.ruleId, r.level])).toEqual(byDefault.filter((r) => r.kind === 'required').map((r) => [r.ruleId, r.level]));
    expect(() => new CompetencyChecks({ ...selection, recommended: 'fatal' as any })).toThrow(/'recommended' must be 'warning' or 'error', got 'fatal'/);
  });
});
