import {
  aws_autoscaling as autoscaling, aws_dms as dms, aws_dynamodb as ddb, aws_iam as iam, aws_ec2 as ec2, aws_efs as efs, aws_elasticache as elasticache, aws_events as events, aws_fsx as fsx,
  aws_opensearchservice as opensearch, aws_rds as rds, aws_s3 as s3, aws_sns as sns, aws_sns_subscriptions as subscriptions, aws_sqs as sqs, CfnParameter, Tags,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { alarmTopic, lifecycleHandler } from './builders';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'untagged L2 bucket', build: (app) => { new s3.Bucket(stackIn(app, 'S'), 'B'); }, reason: /the S3 bucket has no DataClassification tag/ },
    {
      name: 'table with an unknown classification (L2 + Tags)',
      build: (app) => {
        const t = new ddb.Table(stackIn(app, 'S'), 'T', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING } });
        Tags.of(t).add('DataClassification', 'secret');
      },
      reason: /DataClassification 'secret' of the DynamoDB table is not one of public, internal, confidential, restricted/,
    },
    { name: 'EFS file system without FileSystemTags (L1)', build: (app) => { new efs.CfnFileSystem(stackIn(app, 'S'), 'Fs', { encrypted: true }); }, reason: /the EFS file system has no DataClassification tag/ },
    {
      name: 'TableV2 replica without the tag',
      build: (app) => { new ddb.TableV2(stackIn(app, 'S'), 'T', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING } }); },
      reason: /replica .* has no DataClassification tag/,
    },
    {
      name: 'classification from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnVolume(s, 'V', { availabilityZone: 'eu-west-1a', size: 10, tags: [{ key: 'DataClassification', value: new CfnParameter(s, 'Level').valueAsString }] });
      },
      reason: /could not verify the DataClassification tag: its value is not known at synth \(parameter Level of stack S\)/,
    },
    {
      name: 'L1 FSx file system and Redis replication group without tags',
      build: (app) => {
        const s = stackIn(app, 'S');
        new fsx.CfnFileSystem(s, 'Share', { fileSystemType: 'WINDOWS', subnetIds: ['subnet-1'], windowsConfiguration: { throughputCapacity: 8 } });
        new elasticache.CfnReplicationGroup(s, 'Sessions', { replicationGroupDescription: 'sessions', engine: 'redis', tags: [{ key: 'Team', value: 'web' }] });
      },
      reason: /the FSx file system has no DataClassification tag[\s\S]*the ElastiCache replication group has no DataClassification tag/,
    },
    {
      name: 'L2 Auto Scaling group whose launch template tags neither instances nor volumes',
      build: (app) => {
        const s = stackIn(app, 'S', '111111111111');
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }] });
        const launchTemplate = new ec2.LaunchTemplate(s, 'Lt', { instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
        new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, launchTemplate });
      },
      reason: /the Auto Scaling group has no DataClassification tag/,
    },
    {
      name: 'an alarm topic an ECS task role may also publish to (L2 grantPublish)',
      build: (app) => {
        const s = stackIn(app, 'S');
        alarmTopic(s).grantPublish(new iam.Role(s, 'Task', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }));
      },
      reason: /the SNS topic has no DataClassification tag/,
    },
    {
      name: 'a topic DMS events reach (L1 event subscription) that a Lambda function may also publish to (L2 grantPublish)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const topic = new sns.Topic(s, 'MigrationEvents');
        new dms.CfnEventSubscription(s, 'DmsEvents', { snsTopicArn: topic.topicArn, sourceType: 'replication-task' });
        topic.grantPublish(new iam.Role(s, 'Fn', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
      },
      reason: /the SNS topic has no DataClassification tag/,
    },
    {
      name: 'L2 EventBridge archive of an untagged bus (the archive takes no tags: its bus classifies it)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const bus = new events.EventBus(s, 'Bus');
        new events.Archive(s, 'Archive', { sourceEventBus: bus, eventPattern: { source: ['shop.orders'] } });
      },
      reason: /its source event bus S\/Bus\/Resource has no DataClassification tag/,
    },
    {
      name: 'L1 archive of the default bus, outside the app (unverifiable)',
      build: (app) => {
        new events.CfnArchive(stackIn(app, 'S'), 'Archive', { sourceArn: 'arn:aws:events:eu-west-1:111111111111:event-bus/default' });
      },
      reason: /could not verify the tags \(SourceArn\): .*the source event bus 'arn:aws:events:eu-west-1:111111111111:event-bus\/default' is not part of the app/,
    },
  ],
  compliant: [
    {
      name: 'classified bucket; an untagged topic only CloudWatch alarms publish to and the log group of a lifecycle-hook function hold no customer data',
      build: (app) => {
        const s = stackIn(app, 'S');
        Tags.of(new s3.Bucket(s, 'B')).add('DataClassification', 'internal');
        alarmTopic(s);
        lifecycleHandler(s);
      },
    },
    {
      name: 'classified bucket; an untagged L2 topic with an email subscription that only DMS and RDS event subscriptions (L1) and a CloudWatch alarm publish to holds event notifications, no customer data',
      build: (app) => {
        const s = stackIn(app, 'S');
        const topic = alarmTopic(s);
        topic.addSubscription(new subscriptions.EmailSubscription('migration-team@example.com'));
        new dms.CfnEventSubscription(s, 'DmsEvents', { snsTopicArn: topic.topicArn, sourceType: 'replication-task', eventCategories: ['failure'] });
        new rds.CfnEventSubscription(s, 'RdsEvents', { snsTopicArn: topic.topicArn, sourceType: 'db-instance' });
        Tags.of(new s3.Bucket(s, 'B')).add('DataClassification', 'internal');
        const events = new sns.Topic(s, 'DmsOnly');
        new dms.CfnEventSubscription(s, 'DmsOnlyEvents', { snsTopicArn: events.topicArn, sourceType: 'replication-instance' });
      },
    },
    {
      name: 'whole stack tagged confidential (L2 + Tags on the stack)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new s3.Bucket(s, 'B');
        new ddb.TableV2(s, 'T', { partitionKey: { name: 'pk', type: ddb.AttributeType.STRING } });
        Tags.of(s).add('DataClassification', 'confidential');
      },
    },
    {
      name: 'L1 cluster tagged, member instance judged by the cluster',
      build: (app) => {
        const s = stackIn(app, 'S');
        const c = new rds.CfnDBCluster(s, 'C', { engine: 'aurora-postgresql', tags: [{ key: 'DataClassification', value: 'restricted' }] });
        new rds.CfnDBInstance(s, 'I', { dbClusterIdentifier: c.ref, dbInstanceClass: 'db.r6g.large', engine: 'aurora-postgresql' });
      },
    },
    {
      name: 'L2 Auto Scaling group classified through its launch template (tags given to launched instances), L2 queue and OpenSearch domain tagged',
      build: (app) => {
        const s = stackIn(app, 'S', '111111111111');
        const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'P', subnetType: ec2.SubnetType.PUBLIC }] });
        const launchTemplate = new ec2.LaunchTemplate(s, 'Lt', { instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
        Tags.of(launchTemplate).add('DataClassification', 'internal');
        new autoscaling.AutoScalingGroup(s, 'Asg', { vpc, launchTemplate });
        Tags.of(new sqs.Queue(s, 'Q')).add('DataClassification', 'internal');
        Tags.of(new opensearch.Domain(s, 'Search', { version: opensearch.EngineVersion.OPENSEARCH_2_11 })).add('DataClassification', 'confidential');
      },
    },
    {
      name: 'L2 archive of a classified bus; L1 archive naming a tagged L1 bus by ARN',
      build: (app) => {
        const s = stackIn(app, 'S');
        const bus = new events.EventBus(s, 'Bus');
        Tags.of(bus).add('DataClassification', 'confidential');
        new events.Archive(s, 'Archive', { sourceEventBus: bus, eventPattern: { source: ['shop.orders'] } });
        const l1 = new events.CfnEventBus(s, 'L1Bus', { name: 'orders', tags: [{ key: 'DataClassification', value: 'internal' }] });
        new events.CfnArchive(s, 'L1Archive', { sourceArn: l1.attrArn, kmsKeyIdentifier: 'alias/orders' });
      },
    },
  ],
};
