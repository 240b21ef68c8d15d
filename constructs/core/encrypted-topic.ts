import { Duration, RemovalPolicy, aws_iam as iam, aws_kms as kms, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Properties of an {@link EncryptedTopic}. */
export interface EncryptedTopicProps {
  /**
   * Display name of the topic.
   * @default - no display name
   */
  readonly displayName?: string;
  /**
   * AWS service principals allowed to publish encrypted messages (granted `kms:GenerateDataKey*` and `kms:Decrypt`
   * on the topic key).
   * @default ['cloudwatch.amazonaws.com', 'events.amazonaws.com', 'backup.amazonaws.com']
   */
  readonly publisherServices?: string[];
  /**
   * E-mail addresses to subscribe to the topic.
   * @default - no subscriptions
   */
  readonly emailSubscriptions?: string[];
}

/**
 * An SNS topic encrypted with its own customer-managed KMS key (rotation on, retained), TLS-only publishing,
 * and a key policy that lets CloudWatch alarms, EventBridge and AWS Backup of this account publish to it.
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
          // No aws:SourceAccount condition: not every publishing service sends it to KMS, and a failed encryption
          // drops the notification silently. Who may publish is governed by the topic policy.
          resources: ['*'],
        }),
      );
    }
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: props.displayName,
      masterKey: this.key,
      enforceSSL: true,
    });
    for (const [i, email] of (props.emailSubscriptions ?? []).entries()) {
      new sns.Subscription(this, `Email${i}`, { topic: this.topic, protocol: sns.SubscriptionProtocol.EMAIL, endpoint: email });
    }
  }
}
