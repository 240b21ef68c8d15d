import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CfnTemplate, TemplateAppView } from '../../lib/aws';
import { parseSelection } from '../../lib/checklist';
import { CompetencyChecks, evaluateApp, evaluateTree, planRules } from '../../lib/packs';
import { RULES_BY_NAME } from '../../lib/rules';
import { partnerApp } from './partner-app';

const SAAS = { checklist: 'networking', deploymentModel: 'saas' } as const;

/** One stack with an S3 bucket open to plain HTTP and a security group open to the world on SSH. */
function templatesApp(): TemplateAppView {
  const template: CfnTemplate = {
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: {} },
      Sg: {
        Type: 'AWS::EC2::SecurityGroup',
        Properties: { GroupDescription: 'ssh', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] },
      },
    },
  };
  return new TemplateAppView([{ path: 'App/Data', stage: 'App', account: '111111111111', region: 'eu-west-1', template }]);
}

describe('the evaluation door: templates in, findings and item outcomes out', () => {
  test('a rule several items name reads each resource once, and every item records its verdict', () => {
    // GIVEN: a key whose policy grants kms:* to everyone; KmsKeyPolicyNoWildcard serves 1.9 and 1.23
    const template: CfnTemplate = {
      Resources: {
        Key: {
          Type: 'AWS::KMS::Key',
          Properties: { KeyPolicy: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' }] } },
        },
      },
    };
    const app = new TemplateAppView([{ path: 'App/Keys', stage: 'App', account: '111111111111', region: 'eu-west-1', template }]);
    const check = jest.spyOn(RULES_BY_NAME.get('KmsKeyPolicyNoWildcard')!, 'check');
    try {
      // WHEN
      const evaluation = evaluateApp(app, { ...SAAS, strict: true }, { rules: ['KmsKeyPolicyNoWildcard'] });
      // THEN
      expect(check).toHaveBeenCalledTimes(1);
      const outcomes = evaluation.evaluations.map((e) => `${e.itemId} ${e.status}`).sort();
      expect(outcomes).toEqual(['1.23 non-compliant', '1.9 non-compliant']);
    } finally {
      check.mockRestore();
    }
  });

  test('Noncompliance: a rule name the library does not have is listed, never thrown', () => {
    // WHEN
    const evaluation = evaluateApp(templatesApp(), SAAS, { rules: ['S3BucketTlsOnly', 'NoSuchRule'] });
    // THEN
    expect(evaluation.unknownRules).toEqual(['NoSuchRule']);
    const item = evaluation.items.find((i) => i.item.id === '1.24')!;
    expect(item.planned.map((p) => p.rule)).toEqual(['S3BucketTlsOnly']);
    expect(item.unavailable.length).toBeGreaterThan(0);
    expect(item.unavailable.every((u) => u.reason === 'not-selected')).toBe(true);
  });

  test('Noncompliance: a rule the checklist names that the library lacks is unavailable for its items (not-in-library)', () => {
    // GIVEN: the library without one of the rules 1.24 names
    const registry = RULES_BY_NAME as Map<string, unknown>;
    const removed = RULES_BY_NAME.get('S3BucketTlsOnly')!;
    registry.delete('S3BucketTlsOnly');
    try {
      // WHEN
      const plan = planRules(parseSelection(SAAS));
      // THEN
      expect(plan.unavailable).toContainEqual({ itemId: '1.24', rule: 'S3BucketTlsOnly', reason: 'not-in-library' });
      expect(plan.rules.some((p) => p.rule.name === 'S3BucketTlsOnly')).toBe(false);
    } finally {
      registry.set('S3BucketTlsOnly', removed);
    }
  });

  test('findings carry their item, level (our own type), fix and reason; every listed item comes with its applicability', () => {
    // WHEN
    const evaluation = evaluateApp(templatesApp(), SAAS);
    // THEN
    const tls = evaluation.evaluations.find((e) => e.ruleId === 'Competency-1.24-S3BucketTlsOnly')!;
    expect(tls).toMatchObject({ itemId: '1.24', level: 'error', status: 'non-compliant', path: 'App/Data/Bucket', fix: RULES_BY_NAME.get('S3BucketTlsOnly')!.fix });
    const ssh = evaluation.evaluations.find((e) => e.ruleId === 'Competency-1.16-SecurityGroupNoOpenIngress')!;
    expect(ssh).toMatchObject({ level: 'warning', status: 'non-compliant' });
    expect(evaluation.items.map((i) => i.item.id)).toEqual(expect.arrayContaining(['1.1', '2.13', '3.3', 'doc.architecture-diagram']));
    expect(evaluation.items.every((i) => i.applicability.listed)).toBe(true);
    expect(evaluation.items.filter((i) => i.item.kind === 'category')).toEqual([]);
    const item = evaluation.items.find((i) => i.item.id === '1.24')!;
    expect(item.evaluations).toContain(tls);
    expect(item.planned.find((p) => p.rule === 'S3BucketTlsOnly')).toMatchObject({ kind: 'required', scope: RULES_BY_NAME.get('S3BucketTlsOnly')!.scope, seedSentence: expect.any(String) });
  });

  test('an item whose cell the app decides is planned only when the app holds its types, decided once with the app', () => {
    // GIVEN: 1.17 applies to customer-deployed-on-aws only when the solution uses S3
    const sel = { checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' } as const;
    const withBucket = evaluateApp(templatesApp(), sel);
    const without = evaluateApp(new TemplateAppView([{ path: 'App/Empty', stage: 'App', template: { Resources: {} } }]), sel);
    // THEN
    const item = (e: typeof withBucket) => e.items.find((i) => i.item.id === '1.17')!;
    expect(item(withBucket).applicability.applies).toBe(true);
    expect(item(withBucket).planned.length).toBeGreaterThan(0);
    expect(item(without).applicability).toMatchObject({ listed: true, applies: false });
    expect(item(without).planned).toEqual([]);
  });

  test('a construct tree gives the outcomes the cdk-nag pack records, acknowledgements included', () => {
    // GIVEN
    const app = partnerApp(fs.mkdtempSync(path.join(os.tmpdir(), 'door-')));
    const pack = new CompetencyChecks(SAAS);
    // WHEN
    pack.validateScope(app);
    const tree = evaluateTree(app, SAAS);
    // THEN
    const key = (e: { ruleId: string; path: string; status: string; acknowledgement?: { reason: string } }) => `${e.ruleId} ${e.path} ${e.status} ${e.acknowledgement?.reason ?? ''}`;
    expect(tree.evaluations.map(key)).toEqual(pack.evaluations.map(key));
    expect(tree.evaluations.some((e) => e.acknowledgement?.reason.startsWith('Break-glass bastion'))).toBe(true);
  });
});
