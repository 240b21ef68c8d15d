import {
  ArnFormat,
  CfnResource,
  CfnRule,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Token,
  aws_cloudtrail as cloudtrail,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as actions,
  aws_iam as iam,
  aws_kms as kms,
  aws_logs as logs,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { EncryptedTopic, acknowledgeWildcards, checkPropTypes, classifyByDefault, regionalServicePrincipal } from '../core';
import { DEFAULT_TRAIL_NAME } from '../audit-log-bucket/defaults';
import { TRAIL_ALARMS } from './alarms';
import { OrganizationTrailProps } from './props';
import { ORGANIZATION_TRAIL_PROP_TYPES, validateOrganizationTrailProps } from './validation';

/**
 * The organization's CloudTrail trail, in the management account (items 1.13, 1.14, 2.3, 2.4): every account,
 * every region, global service events, log file validation, encrypted with the audit account's key and delivered to
 * the audit account's bucket (referenced by name, never by a cross-account CDK reference).
 */
export class OrganizationTrail extends Construct {
  /** The trail. */
  public readonly trail: cloudtrail.CfnTrail;
  /** The trail's ARN. */
  public readonly trailArn: string;
  /** The CloudWatch Logs group, when `cloudWatchLogs` is set. */
  public readonly logGroup?: logs.LogGroup;
  /** The topic the alarms notify, when `cloudWatchLogs` is set. */
  public readonly alarmTopic?: sns.ITopic;
  /** The alarms by runtime-control id (e.g. `ROOT_ACTIVITY_ALARM`), when `cloudWatchLogs` is set. */
  public readonly alarms: Readonly<Record<string, cloudwatch.Alarm>> = {};

  constructor(scope: Construct, id: string, props: OrganizationTrailProps) {
    super(scope, id);
    checkPropTypes('OrganizationTrail', props, ORGANIZATION_TRAIL_PROP_TYPES);
    const stack = Stack.of(this);
    validateOrganizationTrailProps(props, stack.account);
    if (Token.isUnresolved(stack.account)) {
      // Environment-agnostic stack: check at deploy time instead.
      new CfnRule(this, 'TrailAccountDiffersFromAuditAccount', {
        assertions: [
          {
            assert: Fn.conditionNot(Fn.conditionEquals(stack.account, props.auditAccountId)),
            assertDescription: `OrganizationTrail: the trail must not be deployed in the audit account ${props.auditAccountId} (item 1.14)`,
          },
        ],
      });
    }
    const trailName = props.trailName ?? DEFAULT_TRAIL_NAME;

    let cwRole: iam.Role | undefined;
    if (props.cloudWatchLogs) {
      const logKey = new kms.Key(this, 'LogGroupKey', {
        description: `Encrypts the CloudWatch Logs copy of trail ${trailName}`,
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
        pendingWindow: Duration.days(30),
      });
      logKey.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'AllowCloudWatchLogs',
          principals: [regionalServicePrincipal(this, 'logs')],
          actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          resources: ['*'],
          conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) } },
        }),
      );
      const logGroup = new logs.LogGroup(this, 'LogGroup', {
        retention: props.cloudWatchLogs.retention ?? logs.RetentionDays.ONE_YEAR,
        encryptionKey: logKey,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      this.logGroup = logGroup;
      classifyByDefault(logGroup, 'restricted'); // the organization's API activity (checklist 1.21)
      cwRole = new iam.Role(this, 'CloudWatchLogsRole', {
        assumedBy: new iam.ServicePrincipal('cloudtrail.amazonaws.com', {
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
        }),
        description: `Lets trail ${trailName} deliver to its CloudWatch Logs group`,
      });
      const streams = stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: `${logGroup.logGroupName}:log-stream:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
      cwRole.addToPolicy(new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [streams] }));
      acknowledgeWildcards(cwRole, {
        resources: [streams],
        reason: 'CloudTrail creates one log stream per account and region of the organization; the stream names cannot be known in advance. Scoped to this log group only.',
      });
    }

    this.trail = new cloudtrail.CfnTrail(this, 'Trail', {
      trailName,
      isLogging: true,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      s3BucketName: props.bucketName,
      kmsKeyId: props.kmsKeyArn,
      cloudWatchLogsLogGroupArn: this.logGroup?.logGroupArn,
      cloudWatchLogsRoleArn: cwRole?.roleArn,
    });
    if (cwRole) this.trail.node.addDependency(cwRole);
    this.trailArn = this.trail.attrArn;

    if (props.cloudWatchLogs && this.logGroup) {
      this.alarmTopic = props.cloudWatchLogs.alarmTopic ?? new EncryptedTopic(this, 'AlarmTopic', { displayName: `Alarms of trail ${trailName}` }).topic;
      const alarms: Record<string, cloudwatch.Alarm> = {};
      for (const def of TRAIL_ALARMS) {
        const filter = new logs.MetricFilter(this, `${def.id}Filter`, {
          logGroup: this.logGroup,
          filterPattern: logs.FilterPattern.literal(def.pattern),
          metricNamespace: 'CdkCompetency/CloudTrail',
          metricName: def.id,
          metricValue: '1',
        });
        const alarm = new cloudwatch.Alarm(this, `${def.id}Alarm`, {
          metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
          threshold: 1,
          evaluationPeriods: 1,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          alarmDescription: def.description,
        });
        alarm.addAlarmAction(new actions.SnsAction(this.alarmTopic));
        const cfn = alarm.node.defaultChild as CfnResource;
        cfn.addMetadata(METADATA.RUNTIME_CONTROL, def.runtimeControl);
        cfn.addMetadata(METADATA.CHECKLIST_ITEMS, [...def.checklistItems]);
        alarms[def.runtimeControl] = alarm;
      }
      this.alarms = alarms;
    }
  }
}
