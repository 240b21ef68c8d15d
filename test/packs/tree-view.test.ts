import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, aws_ec2 as ec2, aws_elasticloadbalancingv2 as elbv2, aws_s3 as s3, aws_sns as sns, Lazy, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { ResourceValue } from '../../lib/aws';
import { TreeAppView } from '../../lib/packs/tree-view';
import { appViewOf, loadAssembly } from '../../lib/report';

describe('TreeAppView', () => {
  function build() {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'view-')) });
    const stage = new Stage(app, 'Prod');
    const stack = new Stack(stage, 'Data', { env: { account: '111111111111', region: 'eu-west-1' } });
    new s3.CfnBucket(stack, 'Bucket');
    new s3.CfnBucket(new NestedStack(stack, 'Inner'), 'NestedBucket');
    return { app, stage, stack };
  }

  test('during validation it reads the templates synthesis wrote, instead of generating them again', () => {
    // GIVEN: a synthesized app whose template on disk carries a marker resource
    const { app, stage, stack } = build();
    app.synth();
    const file = path.join(stage.outdir, stack.templateFile);
    const template = JSON.parse(fs.readFileSync(file, 'utf-8'));
    template.Resources.Marker = { Type: 'AWS::SNS::Topic' };
    fs.writeFileSync(file, JSON.stringify(template));
    // WHEN
    const view = TreeAppView.of(app, true);
    // THEN
    expect(view.stack('Prod/Data')?.resources.has('Marker')).toBe(true);
    expect(view.ofType('AWS::S3::Bucket').map((r) => r.path).sort()).toEqual(['Prod/Data/Bucket', 'Prod/Data/Inner/NestedBucket']);
  });

  test('before synthesis it generates the templates from the tree, with accounts and construct paths', () => {
    // GIVEN
    const { app, stack } = build();
    // WHEN
    const view = TreeAppView.of(app);
    // THEN
    const data = view.stack('Prod/Data')!;
    expect(data).toMatchObject({ account: '111111111111', region: 'eu-west-1', stage: 'Prod' });
    expect(view.stack('Prod/Data/Inner')?.account).toBe('111111111111');
    expect(view.viewOf(stack.node.findChild('Bucket') as s3.CfnBucket)?.path).toBe('Prod/Data/Bucket');
  });

  test.each([
    ['without path metadata', false],
    ['with path metadata (the CDK CLI\'s default)', true],
  ])('each resource is found under the logical id its template gives it, %s: overridden, overridden by a token, renamed', (_name, pathMetadata) => {
    // GIVEN
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'view-')), context: { 'aws:cdk:enable-path-metadata': pathMetadata } });
    const stack = new Stack(app, 'Ids', { env: { account: '111111111111', region: 'eu-west-1' } });
    const plain = new s3.CfnBucket(stack, 'Plain');
    const literal = new s3.CfnBucket(stack, 'Literal');
    literal.overrideLogicalId('ChosenId');
    const lazy = new s3.CfnBucket(stack, 'Lazy');
    lazy.overrideLogicalId(Lazy.string({ produce: () => 'ComputedId' }));
    const renamed = new s3.CfnBucket(stack, 'Renamed');
    stack.renameLogicalId(stack.getLogicalId(renamed), 'RenamedId');
    const template = app.synth().getStackByName('Ids').template;
    expect(template.Resources.ChosenId.Metadata?.['aws:cdk:path']).toBe(pathMetadata ? 'Ids/Literal' : undefined);
    // WHEN
    for (const synthesized of [true, false]) {
      const view = TreeAppView.of(app, synthesized);
      // THEN
      const ids = [plain, literal, lazy, renamed].map((b) => view.viewOf(b)?.logicalId);
      expect(ids).toEqual(['Plain', 'ChosenId', 'ComputedId', 'RenamedId']);
      expect(ids.every((id) => id && template.Resources[id])).toBe(true);
    }
  });
});

test('TreeAppView does not take a resource\'s id from path metadata another resource of another type carries', () => {
  // GIVEN: an included or hand-edited resource whose metadata names the path of the topic
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'view-')) });
  const stack = new Stack(app, 'Ids', { env: { account: '111111111111', region: 'eu-west-1' } });
  const topic = new sns.CfnTopic(stack, 'Topic');
  new s3.CfnBucket(stack, 'Copied').addMetadata('aws:cdk:path', topic.node.path);
  app.synth();
  // WHEN
  const view = TreeAppView.of(app, true);
  // THEN
  expect(view.viewOf(topic)).toMatchObject({ logicalId: 'Topic', type: 'AWS::SNS::Topic' });
});

describe('TreeAppView and the report\'s view follow weak cross-stack references (Fn::GetStackOutput)', () => {
  test('a load balancer in one stack, its subnets in the stack of the VPC', () => {
    // GIVEN: cdk init's default, weak cross-stack references
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'view-')), context: { '@aws-cdk/core:defaultCrossStackReferences': 'weak' } });
    const env = { account: '111111111111', region: 'eu-west-1' };
    const network = new Stack(app, 'Network', { env });
    const subnet = new ec2.CfnSubnet(network, 'Subnet', { vpcId: 'vpc-12345678', cidrBlock: '10.0.0.0/24', availabilityZone: 'eu-west-1a' });
    const web = new Stack(app, 'Web', { env });
    const lb = new elbv2.CfnLoadBalancer(web, 'Lb', { subnets: [subnet.ref] });
    const assembly = app.synth();
    expect(JSON.stringify(assembly.getStackByName('Web').template)).toContain('Fn::GetStackOutput');
    // WHEN
    const tree = TreeAppView.of(app, true);
    const report = appViewOf(loadAssembly(assembly.directory));
    // THEN
    for (const view of [tree, report]) {
      const resource = view.stack('Web')!.resources.get(web.resolve(lb.logicalId))!;
      const res = view.resolve(resource, 'Subnets/0');
      expect(res.ok && res.values.map((v) => (v.value as ResourceValue).resource.path)).toEqual(['Network/Subnet']);
    }
  });
});
