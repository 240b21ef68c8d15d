import { App, aws_efs as efs } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const fs = (props: Partial<efs.CfnFileSystemProps>) => (app: App) => { new efs.CfnFileSystem(stackIn(app, 'S'), 'Fs', props); };

export const fixtures: RuleFixtures = {
  noncompliant: [{ name: 'unencrypted file system', build: fs({}), reason: /not encrypted/ }],
  compliant: [{ name: 'encrypted file system', build: fs({ encrypted: true }) }],
};
