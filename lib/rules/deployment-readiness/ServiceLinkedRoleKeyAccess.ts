import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { textOf } from '../utils/policy-documents';
import { resolveResource } from '../utils/references';
import { asList, isTrue, partitionOf } from '../../aws';
import { ebsMappings, keyAllows, locateKey } from '../utils/key-policies';

const SLR = 'aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling';
const VOLUME_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:DescribeKey', 'kms:CreateGrant'];
const TOPIC_ACTIONS = ['kms:GenerateDataKey', 'kms:Decrypt'];

/**
 * Reads: `AWS::AutoScaling::AutoScalingGroup`, its launch template's encrypted EBS volumes and the SNS topics of its
 * notifications, and the `AWS::KMS::Key` policies of their keys across the app.
 * Fails when: a customer managed key encrypting the group's volumes, or the topic its notifications go to, does not
 * name the service-linked role Auto Scaling uses (`AWSServiceRoleForAutoScaling`, or the group's
 * `ServiceLinkedRoleARN`) in an Allow statement with the actions it needs ("Required AWS KMS key policy for use with
 * encrypted volumes", EC2 Auto Scaling user guide). A statement for the `autoscaling.amazonaws.com` service principal
 * does not count: Auto Scaling launches and publishes with the role. Instances then fail to launch, notifications are lost.
 * Fix: add the role to the key policy (`autoScalingVolumeKeyStatements`, `EncryptedTopic` `publisherRoleArns`).
 */
export const ServiceLinkedRoleKeyAccess = defineRule({
  name: 'ServiceLinkedRoleKeyAccess',
  description: "The keys of an Auto Scaling group's encrypted volumes and notification topics admit its service-linked role",
  fix: 'Name the service-linked role (arn:<partition>:iam::<account>:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling) in the key policy: kms:Encrypt, Decrypt, ReEncrypt*, GenerateDataKey*, DescribeKey and kms:CreateGrant (with kms:GrantIsForAWSResource) for volumes; kms:GenerateDataKey* and kms:Decrypt for topics',
  resourceTypes: ['AWS::AutoScaling::AutoScalingGroup'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::AutoScaling::AutoScalingGroup') return NOT_APPLICABLE;
    let role: string | undefined;
    if (r.properties.ServiceLinkedRoleARN !== undefined) {
      const text = textOf(app, r, r.properties.ServiceLinkedRoleARN, 'ServiceLinkedRoleARN');
      if (text === undefined || text.includes('<')) return unverifiable('the service-linked role', r.properties.ServiceLinkedRoleARN, 'ServiceLinkedRoleARN');
      role = text;
    } else if (r.stack.account && r.stack.region) {
      role = `arn:${partitionOf(r.stack.region)?.id ?? 'aws'}:iam::${r.stack.account}:role/${SLR}`;
    } else {
      return unverifiable("the service-linked role's account", { Ref: 'AWS::AccountId' });
    }
    const problems: string[] = [];
    let read = 0;
    const launches = app.launches(r);
    if (!launches.ok) return unverifiable('what the group launches', launches.unresolved);
    for (const source of new Set(launches.launches.flatMap((l) => l.sources))) {
      for (const ebs of ebsMappings(source)) {
        if (!isTrue(ebs.Encrypted) || ebs.KmsKeyId === undefined) continue; // no key, or the AWS managed aws/ebs key (which needs no policy)
        const loc = locateKey(source, ebs.KmsKeyId, app);
        if (loc.kind === 'unresolved') return unverifiable(`the volume key of ${source.path}`, loc.value);
        if (loc.kind !== 'key') continue;
        read++;
        if (!keyAllows(loc.key, role, VOLUME_ACTIONS, app)) problems.push(`volume key ${loc.key.path} does not let ${role} use it (${VOLUME_ACTIONS.join(', ')})`);
      }
    }
    for (const [i, n] of asList<any>(r.properties.NotificationConfigurations).entries()) {
      const topic = resolveResource(r, n?.TopicARN, app);
      if (!topic || topic.type !== 'AWS::SNS::Topic' || topic.properties.KmsMasterKeyId === undefined) continue;
      const loc = locateKey(topic, topic.properties.KmsMasterKeyId, app);
      if (loc.kind === 'unresolved') return unverifiable(`the key of topic ${topic.path}`, loc.value, `NotificationConfigurations/${i}`);
      if (loc.kind !== 'key') continue;
      read++;
      if (!keyAllows(loc.key, role, TOPIC_ACTIONS, app)) {
        const service = keyAllows(loc.key, 'autoscaling.amazonaws.com', TOPIC_ACTIONS, app) ? ' (it admits the autoscaling.amazonaws.com service principal, which Auto Scaling does not publish with)' : '';
        problems.push(`topic key ${loc.key.path} does not let ${role} publish${service}`);
      }
    }
    if (problems.length > 0) return nonCompliant(problems.join('; '));
    return read > 0 ? COMPLIANT : NOT_APPLICABLE;
  },
});
