import { Duration, Tags } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { TAGS } from '../../lib/conventions';
import { createEncryptedLogGroup } from '../../constructs/core/encrypted-log-group';
import { PATCH_GROUP, PATCH_GROUP_TAG } from './fleet';

/** Namespace of the Windows performance counters the CloudWatch agent publishes. */
export const WINDOWS_METRICS_NAMESPACE = 'CompetencyReference/Windows';
/** When patches are installed: Sundays 03:00 UTC, for up to 4 hours. */
export const PATCH_WINDOW_SCHEDULE = 'cron(0 3 ? * SUN *)';

/** Props of {@link WindowsOperations}. */
export interface WindowsOperationsProps {
  /** The fleet's Auto Scaling group (alarms are per group). */
  readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  /** Topic of the alarms. */
  readonly alarmTopic: sns.ITopic;
}

/**
 * Systems Manager operations of a Windows fleet selected by its patch group tag: a WINDOWS patch baseline
 * registered for the patch group, a weekly maintenance window running AWS-RunPatchBaseline on the group,
 * software inventory of every managed instance, State Manager associations installing and configuring the
 * CloudWatch agent from an SSM parameter, and alarms on the agent's memory and disk counters.
 */
export class WindowsOperations extends Construct {
  public readonly patchBaseline: ssm.CfnPatchBaseline;
  public readonly maintenanceWindow: ssm.CfnMaintenanceWindow;
  public readonly maintenanceWindowTarget: ssm.CfnMaintenanceWindowTarget;
  public readonly patchTask: ssm.CfnMaintenanceWindowTask;
  public readonly inventoryAssociation: ssm.CfnAssociation;
  public readonly installAgentAssociation: ssm.CfnAssociation;
  public readonly configureAgentAssociation: ssm.CfnAssociation;
  public readonly agentConfiguration: ssm.StringParameter;
  public readonly logGroup: logs.LogGroup;
  public readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: WindowsOperationsProps) {
    super(scope, id);
    const byPatchGroup = [{ key: `tag:${PATCH_GROUP_TAG}`, values: [PATCH_GROUP] }];

    // Patch Manager: critical and security updates approved after 7 days, registered for the fleet's patch group.
    this.patchBaseline = new ssm.CfnPatchBaseline(this, 'PatchBaseline', {
      name: 'competency-windows-baseline',
      description: 'Windows Server: critical and security updates and update rollups (MSRC Critical/Important) approved 7 days after release',
      operatingSystem: 'WINDOWS',
      patchGroups: [PATCH_GROUP],
      approvalRules: {
        patchRules: [{
          approveAfterDays: 7,
          complianceLevel: 'CRITICAL',
          patchFilterGroup: {
            patchFilters: [
              { key: 'PRODUCT', values: ['WindowsServer2022'] },
              { key: 'CLASSIFICATION', values: ['CriticalUpdates', 'SecurityUpdates', 'UpdateRollups'] },
              { key: 'MSRC_SEVERITY', values: ['Critical', 'Important'] },
            ],
          },
        }],
      },
    });

    this.logGroup = createEncryptedLogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_YEAR,
      dataClassification: 'internal',
      keyDescription: `Encrypts the Windows event logs and patching output of ${this.node.path}`,
    }).logGroup;

    this.maintenanceWindow = new ssm.CfnMaintenanceWindow(this, 'PatchWindow', {
      name: 'competency-windows-patching',
      description: 'Weekly patching of the Windows fleet',
      schedule: PATCH_WINDOW_SCHEDULE,
      scheduleTimezone: 'UTC',
      duration: 4,
      cutoff: 1,
      allowUnassociatedTargets: false,
    });
    this.maintenanceWindowTarget = new ssm.CfnMaintenanceWindowTarget(this, 'PatchWindowTarget', {
      windowId: this.maintenanceWindow.ref,
      name: 'windows-fleet',
      description: `Instances tagged ${PATCH_GROUP_TAG}=${PATCH_GROUP}`,
      resourceType: 'INSTANCE',
      targets: byPatchGroup,
    });
    this.patchTask = new ssm.CfnMaintenanceWindowTask(this, 'PatchTask', {
      windowId: this.maintenanceWindow.ref,
      name: 'run-patch-baseline',
      description: 'Install approved patches, rebooting if needed, one instance at a time',
      taskArn: 'AWS-RunPatchBaseline',
      taskType: 'RUN_COMMAND',
      priority: 1,
      maxConcurrency: '1',
      maxErrors: '1',
      targets: [{ key: 'WindowTargetIds', values: [this.maintenanceWindowTarget.ref] }],
      taskInvocationParameters: {
        maintenanceWindowRunCommandParameters: {
          documentVersion: '$DEFAULT',
          timeoutSeconds: 600,
          parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
          cloudWatchOutputConfig: { cloudWatchOutputEnabled: true, cloudWatchLogGroupName: this.logGroup.logGroupName },
        },
      },
    });

    // Inventory of every managed instance of the account (applications, updates, network, services, Windows roles).
    this.inventoryAssociation = new ssm.CfnAssociation(this, 'Inventory', {
      name: 'AWS-GatherSoftwareInventory',
      associationName: 'competency-windows-inventory',
      scheduleExpression: 'rate(12 hours)',
      targets: [{ key: 'InstanceIds', values: ['*'] }],
      parameters: {
        applications: ['Enabled'],
        awsComponents: ['Enabled'],
        networkConfig: ['Enabled'],
        windowsUpdates: ['Enabled'],
        services: ['Enabled'],
        windowsRoles: ['Enabled'],
        instanceDetailedInformation: ['Enabled'],
      },
    });

    // CloudWatch agent: configuration in an SSM parameter, installed and configured by State Manager.
    this.agentConfiguration = new ssm.StringParameter(this, 'AgentConfiguration', {
      parameterName: '/competency/windows-fleet/AmazonCloudWatch-windows',
      description: 'CloudWatch agent configuration of the Windows fleet (read by AmazonCloudWatch-ManageAgent)',
      tier: ssm.ParameterTier.STANDARD,
      stringValue: JSON.stringify(agentConfig(this.logGroup.logGroupName)),
    });
    Tags.of(this.agentConfiguration).add(TAGS.DATA_CLASSIFICATION, 'internal');
    this.installAgentAssociation = new ssm.CfnAssociation(this, 'InstallCloudWatchAgent', {
      name: 'AWS-ConfigureAWSPackage',
      associationName: 'competency-windows-install-cloudwatch-agent',
      scheduleExpression: 'rate(30 days)',
      targets: byPatchGroup,
      parameters: { action: ['Install'], installationType: ['Uninstall and reinstall'], name: ['AmazonCloudWatchAgent'] },
    });
    this.configureAgentAssociation = new ssm.CfnAssociation(this, 'ConfigureCloudWatchAgent', {
      name: 'AmazonCloudWatch-ManageAgent',
      associationName: 'competency-windows-configure-cloudwatch-agent',
      scheduleExpression: 'rate(1 day)',
      targets: byPatchGroup,
      parameters: {
        action: ['configure'],
        mode: ['ec2'],
        optionalConfigurationSource: ['ssm'],
        optionalConfigurationLocation: [this.agentConfiguration.parameterName],
        optionalRestart: ['yes'],
      },
    });
    this.configureAgentAssociation.addResourceDependency(this.installAgentAssociation);

    // Alarms on the agent's counters, summed per Auto Scaling group.
    const dimensionsMap = { AutoScalingGroupName: props.autoScalingGroup.autoScalingGroupName };
    const specs = [
      { id: 'MemoryAlarm', metricName: 'Memory % Committed Bytes In Use', statistic: 'Maximum', threshold: 90, op: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, what: 'committed memory above 90 %' },
      { id: 'DiskAlarm', metricName: 'LogicalDisk % Free Space', statistic: 'Minimum', threshold: 15, op: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD, what: 'free space of a disk below 15 %' },
      { id: 'ProcessorQueueAlarm', metricName: 'System Processor Queue Length', statistic: 'Maximum', threshold: 10, op: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD, what: 'processor queue length above 10' },
    ];
    for (const s of specs) {
      const alarm = new cloudwatch.Alarm(this, s.id, {
        metric: new cloudwatch.Metric({ namespace: WINDOWS_METRICS_NAMESPACE, metricName: s.metricName, dimensionsMap, statistic: s.statistic, period: Duration.minutes(5) }),
        threshold: s.threshold,
        comparisonOperator: s.op,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `Windows fleet: ${s.what} (${WINDOWS_METRICS_NAMESPACE}/${s.metricName})`,
      });
      alarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
      alarm.addOkAction(new actions.SnsAction(props.alarmTopic));
      this.alarms.push(alarm);
    }
  }
}

/** The CloudWatch agent configuration: Windows counters aggregated per Auto Scaling group, System and Application event logs. */
export function agentConfig(logGroupName: string): object {
  return {
    agent: { metrics_collection_interval: 60 },
    metrics: {
      namespace: WINDOWS_METRICS_NAMESPACE,
      append_dimensions: { AutoScalingGroupName: '${aws:AutoScalingGroupName}', InstanceId: '${aws:InstanceId}' },
      aggregation_dimensions: [['AutoScalingGroupName']],
      metrics_collected: {
        'Memory': { measurement: ['% Committed Bytes In Use'] },
        'LogicalDisk': { measurement: ['% Free Space'], resources: ['*'] },
        'Processor': { measurement: ['% Processor Time'], resources: ['_Total'] },
        'System': { measurement: ['Processor Queue Length'] },
        'TCPv4': { measurement: ['Connections Established'] },
      },
    },
    logs: {
      logs_collected: {
        windows_events: {
          collect_list: [
            { event_name: 'System', event_levels: ['ERROR', 'WARNING'], log_group_name: logGroupName, log_stream_name: '{instance_id}/System' },
            { event_name: 'Application', event_levels: ['ERROR', 'WARNING'], log_group_name: logGroupName, log_stream_name: '{instance_id}/Application' },
          ],
        },
      },
    },
  };
}
