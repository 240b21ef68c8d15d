import { Duration, RemovalPolicy, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { classifyByDefault } from './classify';
import { grantServicePublish } from './service-principals';

/** Properties of an {@link EncryptedTopic}. */
export interface EncryptedTopicProps {
  /**
   * Display name of the topic.
   * @default - no display name
   */
  readonly displayName?: string;
  /**
   * AWS service principals allowed to publish encrypted messages: `sns:Publish` in the topic policy for resources of
   * this account only (`aws:SourceAccount`), and `kms:GenerateDataKey*` and `kms:Decrypt` on the topic key.
   * @default ['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'backup.amazonaws.com']
   */
  readonly publisherServices?: string[];
  /**
   * ARNs of roles of this account that publish to the topic, granted `kms:GenerateDataKey*` and `kms:Decrypt` on the
   * topic key. Services that publish through a service-linked role belong here, not in `publisherServices`: EC2 Auto
   * Scaling sends its notifications with `AWSServiceRoleForAutoScaling` (`autoScalingServiceLinkedRoleArn(scope)`).
   * @default - none
   */
  readonly publisherRoleArns?: string[];
  /**
   * E-mail addresses to subscribe to the topic.
   * @default - no subscriptions
   */
  readonly emailSubscriptions?: string[];
}

/**
 * An SNS topic encrypted with its own customer-managed KMS key (rotation on, retained), TLS-only publishing,
 * and a key policy that lets CloudWatch alarms, EventBridge and AWS Backup of this account publish to it. Tagged
 * `DataClassification: internal` (operational notifications), which a tag of the app overrides.
 */
export class EncryptedTopic extends Construct {
  /** The topic. */
  public readonly topic: sns.Topic;
  /** The customer-managed key that encrypts the topic. */
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: EncryptedTopicProps = {}) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: `Encrypts SNS topic ${this.node.path}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    const services = props.publisherServices ?? ['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'backup.amazonaws.com'];
    if (services.length > 0) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowServicesToPublishToEncryptedTopic',
          principals: services.map((s) => new iam.ServicePrincipal(s)),
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          // No aws:SourceAccount condition here: not every publishing service sends it to KMS, and a failed encryption
          // drops the notification silently. Who may publish is decided by the topic policy, which carries it.
          resources: ['*'],
        }),
      );
    }
    if ((props.publisherRoleArns ?? []).length > 0) {
      this.key.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowRolesToPublishToEncryptedTopic',
          principals: props.publisherRoleArns!.map((arn) => new iam.ArnPrincipal(arn)),
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
        }),
      );
    }
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: props.displayName,
      masterKey: this.key,
      enforceSSL: true,
    });
    for (const service of services) grantServicePublish(this.topic, this, service);
    // Operational notifications (alarms, events, backup jobs), not customer data (checklist 1.21); a partner's own tag wins.
    classifyByDefault(this.topic, 'internal');
    for (const [i, email] of (props.emailSubscriptions ?? []).entries()) {
      new sns.Subscription(this, `Email${i}`, { topic: this.topic, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: email });
    }
  }
}
