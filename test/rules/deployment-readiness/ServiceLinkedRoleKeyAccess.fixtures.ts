import { App, aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { autoScalingServiceLinkedRoleArn, autoScalingVolumeKeyStatements, EncryptedTopic } from '../../../constructs/core';

const WORKLOAD = '333333333333';

interface Options {
  readonly volumeKey?: 'slr' | 'service-principal' | 'none';
  readonly topicKey?: 'slr' | 'service-principal' | 'none';
}

function fleet(o: Options) {
  return (app: App) => {
    const stack = stackIn(app, 'Workload', WORKLOAD);
    let kmsKeyId: string | undefined;
    if (o.volumeKey) {
      const key = new kms.Key(stack, 'VolumeKey');
      if (o.volumeKey === 'slr') for (const s of autoScalingVolumeKeyStatements(stack)) key.addToResourcePolicy(s);
      if (o.volumeKey === 'service-principal') key.grantEncryptDecrypt(new iam.ServicePrincipal('autoscaling.amazonaws.com'));
      kmsKeyId = key.keyArn;
    }
    const template = new ec2.CfnLaunchTemplate(stack, 'Template', {
      launchTemplateData: { imageId: 'ami-12345678', blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: true, kmsKeyId, volumeSize: 20 } }] },
    });
    let notificationConfigurations: autoscaling.CfnAutoScalingGroup.NotificationConfigurationProperty[] | undefined;
    if (o.topicKey) {
      const topic = o.topicKey === 'slr'
        ? new EncryptedTopic(stack, 'Topic', { publisherServices: [], publisherRoleArns: [autoScalingServiceLinkedRoleArn(stack)] }).topic
        : new EncryptedTopic(stack, 'Topic', { publisherServices: o.topicKey === 'service-principal' ? ['autoscaling.amazonaws.com'] : [] }).topic;
      notificationConfigurations = [{ topicArn: (topic as sns.Topic).topicArn, notificationTypes: ['autoscaling:EC2_INSTANCE_LAUNCH'] }];
    }
    new autoscaling.CfnAutoScalingGroup(stack, 'Group', {
      minSize: '1', maxSize: '2', availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      launchTemplate: { launchTemplateId: template.ref, version: template.attrLatestVersionNumber },
      notificationConfigurations,
    });
  };
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'a volume key that admits the account but not the service-linked role', build: fleet({ volumeKey: 'none' }), reason: /volume key .* does not let arn:aws:iam::333333333333:role\/aws-service-role\/autoscaling.amazonaws.com\/AWSServiceRoleForAutoScaling use it/ },
    { name: 'a topic key trusting the autoscaling.amazonaws.com service principal (the Windows example before the fix)', build: fleet({ topicKey: 'service-principal' }), reason: /it admits the autoscaling.amazonaws.com service principal, which Auto Scaling does not publish with/ },
    { name: 'a volume key granted to the service principal', build: fleet({ volumeKey: 'service-principal' }), reason: /volume key/ },
  ],
  compliant: [
    { name: 'volume key and topic key naming AWSServiceRoleForAutoScaling', build: fleet({ volumeKey: 'slr', topicKey: 'slr' }) },
  ],
};
