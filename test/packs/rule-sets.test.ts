import * as fs from 'fs';
import * as path from 'path';
import { CATEGORIES, ChecklistId, DEPLOYMENT_MODELS, SUBCATEGORIES } from '../../lib/checklist';
import { CompetencyChecks } from '../../lib/packs';

/**
 * The exact rule set each checklist and deployment model applies, errors and warnings apart. The expected sets
 * are committed in golden/rule-sets.json (refresh with UPDATE_GOLDEN=1 and review the diff: a change here is a
 * change in what partners' builds enforce).
 */
const GOLDEN = path.join(__dirname, 'golden', 'rule-sets.json');

function ruleSets() {
  const out: Record<string, { errors: string[]; warnings: string[]; whenTheAppHas?: string[] }> = {};
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
      const conditional = plan.filter((r) => r.appliesWhenAppHas);
      out[key] = {
        errors: always.filter((r) => r.level === 'Error').map((r) => r.ruleId),
        warnings: always.filter((r) => r.level === 'Warning').map((r) => r.ruleId),
        ...(conditional.length ? { whenTheAppHas: conditional.map((r) => `${r.ruleId}:${r.level} (${r.appliesWhenAppHas!.join(' or ')})`) } : {}),
      };
    }
  }
  return out;
}

describe('rule sets per checklist and deployment model', () => {
  const actual = ruleSets();
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + '\n');
  const expected = JSON.parse(fs.readFileSync(GOLDEN, 'utf-8'));

  test.each(Object.keys(expected))('%s applies exactly the committed errors and warnings', (key) => {
    expect(actual[key]).toEqual(expected[key]);
  });

  test('every combination is covered', () => {
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  });

  test('the SaaS model applies the account-level items that customer-deployed-on-aws does not', () => {
    const saas = [...actual['networking/saas'].errors, ...actual['networking/saas'].warnings];
    const onAws = [...actual['networking/customer-deployed-on-aws'].errors, ...actual['networking/customer-deployed-on-aws'].warnings];
    for (const id of ['Competency-1.14-TrailBucketInAnotherAccount', 'Competency-2.6-DataStoreBackedUp', 'Competency-2.13-BackupCopiesToAnotherAccount']) {
      expect(saas).toContain(id);
      expect(onAws).not.toContain(id);
    }
    expect(onAws).toContain('Competency-1.23-KmsKeyRotationEnabled');
    expect(onAws.length).toBeLessThan(saas.length);
  });

  test('"should" items are warnings: 1.16 security groups, 2.3 central logs', () => {
    expect(actual['networking/saas'].warnings).toEqual(expect.arrayContaining(['Competency-1.16-SecurityGroupNoOpenIngress', 'Competency-2.3-LogGroupRetention']));
    expect(actual['networking/saas'].errors).not.toContain('Competency-1.16-SecurityGroupNoOpenIngress');
  });
});
