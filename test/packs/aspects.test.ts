import { App, Aspects, aws_ec2 as ec2, aws_s3 as s3, Stack, Tags, Validations } from 'aws-cdk-lib';
import { Annotations } from 'aws-cdk-lib/assertions';
import { TAGS } from '../../lib/conventions';
import { CompetencyChecks } from '../../lib/packs';
import { competencyFindings } from '../../lib/testing/findings';

/**
 * Aspects are applied before the rules read anything, whichever door a partner uses: `validateScope`, the test
 * matcher (`competencyFindings`), or `cdk synth` with the pack as a validation plugin.
 */
const SELECTION = { checklist: 'networking', deploymentModel: 'saas', strict: true } as const;
const RULES = ['DataStoreClassified', 'InstanceImdsV2Required'];

/** A bucket and an instance that pass the two rules only through aspects (a stack tag, the IMDSv2 aspect). */
function partnerApp(withAspects: boolean): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'Workload', { env: { account: '111111111111', region: 'eu-west-1' } });
  new s3.Bucket(stack, 'Data');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
  new ec2.Instance(stack, 'Server', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
  if (withAspects) {
    Tags.of(stack).add(TAGS.DATA_CLASSIFICATION, 'confidential');
    Aspects.of(app).add(new ec2.InstanceRequireImdsv2Aspect());
  }
  return { app, stack };
}

/** Failing `rule:construct path` pairs of the two rules, as each door reports them. */
const doors: { readonly [door: string]: (app: App, stack: Stack) => string[] } = {
  validateScope: (_app, stack) => {
    const pack = new CompetencyChecks({ ...SELECTION, rules: RULES });
    pack.validateScope(stack);
    return pack.evaluations.filter((e) => e.status === 'non-compliant').map((e) => `${e.rule}:${e.path}`);
  },
  'test matcher': (_app, stack) => {
    const findings = competencyFindings(stack, SELECTION);
    return [...findings.errors, ...findings.warnings].filter((e) => RULES.includes(e.rule)).map((e) => `${e.rule}:${e.path}`);
  },
  'cdk synth': (app) => {
    const pack = new CompetencyChecks({ ...SELECTION, rules: RULES });
    Validations.of(app).addPlugins(pack);
    try {
      app.synth();
    } catch {
      // A failing validation plugin fails the synthesis; the pack's evaluations say why.
    }
    return pack.evaluations.filter((e) => e.status === 'non-compliant').map((e) => `${e.rule}:${e.path}`);
  },
};

describe('aspects are applied before the rules read the tree', () => {
  test.each(Object.keys(doors))('%s sees the classification tag and the IMDSv2 launch template that aspects add', (door) => {
    // GIVEN
    const { app, stack } = partnerApp(true);
    // WHEN
    const failing = doors[door](app, stack);
    // THEN
    expect(failing).toEqual([]);
  });

  test.each(Object.keys(doors))('%s flags the same app without the aspects (the test can fail)', (door) => {
    // GIVEN
    const { app, stack } = partnerApp(false);
    // WHEN
    const failing = doors[door](app, stack);
    // THEN
    expect(failing.sort()).toEqual(['DataStoreClassified:Workload/Data/Resource', 'DataStoreClassified:Workload/Server/Resource', 'InstanceImdsV2Required:Workload/Server/Resource']);
  });

  test('validateScope after the tree changed since a synthesis applies the aspects to the new constructs too', () => {
    // GIVEN: a synthesized app that then gains an instance
    const { app, stack } = partnerApp(true);
    app.synth();
    const vpc = stack.node.findChild('Vpc') as ec2.Vpc;
    new ec2.Instance(stack, 'Late', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
    // WHEN
    const failing = doors.validateScope(app, stack);
    // THEN
    expect(failing).toEqual([]);
  });

  test('applying the aspects once does not make the CDK warn that an aspect ran twice', () => {
    // GIVEN
    const { app, stack } = partnerApp(true);
    // WHEN
    doors.validateScope(app, stack);
    app.synth();
    // THEN
    expect(Annotations.fromStack(stack).findWarning('*', /Cannot toggle IMDSv1/)).toEqual([]);
  });
});
