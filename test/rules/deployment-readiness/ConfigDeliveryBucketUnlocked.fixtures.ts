import { App, aws_config as config, aws_s3 as s3 } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';
import { ConfigDeliveryBucket } from '../../../constructs/runtime-controls';

function channelTo(bucket: (app: App) => void) {
  return (app: App) => {
    bucket(app);
    const stack = stackIn(app, 'Config', MANAGEMENT);
    const recorder = new config.CfnConfigurationRecorder(stack, 'Recorder', { roleArn: 'arn:aws:iam::111111111111:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig' });
    new config.CfnDeliveryChannel(stack, 'Channel', { s3BucketName: 'config-history-222222222222' }).addResourceDependency(recorder);
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'delivery to an Object Lock bucket (the audit log bucket, for instance)',
      build: channelTo((app) => { new s3.Bucket(stackIn(app, 'Audit', AUDIT), 'Bucket', { bucketName: 'config-history-222222222222', objectLockEnabled: true, versioned: true }); }),
      reason: /has S3 Object Lock, which AWS Config cannot deliver to/,
    },
    { name: 'a bucket outside the app', build: channelTo(() => undefined), reason: /not created in this app/ },
  ],
  compliant: [
    { name: 'a ConfigDeliveryBucket in the audit account', build: channelTo((app) => { new ConfigDeliveryBucket(stackIn(app, 'Audit', AUDIT), 'Delivery', { sourceAccountIds: [MANAGEMENT], bucketName: 'config-history-222222222222' }); }) },
  ],
};
