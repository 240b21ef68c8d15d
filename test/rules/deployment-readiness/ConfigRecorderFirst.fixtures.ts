import { App, aws_config as config } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';
import { RuntimeControls } from '../../../constructs/runtime-controls';

function recorderAndRule(dependOn: { rule: boolean; channel: boolean }) {
  return (app: App) => {
    const stack = stackIn(app, 'Config', MANAGEMENT);
    const recorder = new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig' });
    const channel = new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'config-history' });
    const rule = new config.CfnConfigRule(stack, 'Rule', { source: { owner: 'AWS', sourceIdentifier: 'ROOT_ACCOUNT_MFA_ENABLED' } });
    if (dependOn.channel) channel.addResourceDependency(recorder);
    if (dependOn.rule) rule.addResourceDependency(channel);
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'Config rules in a stack without a recorder (the management account before the fix)',
      build: (app) => { new RuntimeControls(stackIn(app, 'Management', MANAGEMENT), 'Controls'); },
      reason: /no configuration recorder in stack Management/,
    },
    { name: 'a delivery channel created beside the recorder, without depending on it', build: recorderAndRule({ rule: true, channel: false }), reason: /delivery channel .* does not depend on recorder/ },
    { name: 'a rule that does not depend on the recorder', build: recorderAndRule({ rule: false, channel: true }), reason: /Config rule .* does not depend on recorder/ },
  ],
  compliant: [
    {
      name: 'RuntimeControls creating the recorder: the channel and every rule depend on it',
      build: (app) => { new RuntimeControls(stackIn(app, 'Management', MANAGEMENT), 'Controls', { createRecorder: true, recorderDeliveryBucketName: 'config-history' }); },
    },
    { name: 'rules depending on the recorder through the channel', build: recorderAndRule({ rule: true, channel: true }) },
  ],
};
