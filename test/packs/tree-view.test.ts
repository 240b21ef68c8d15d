import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, aws_s3 as s3, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { TreeAppView } from '../../lib/packs/tree-view';

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
});
