import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { APPLIANCE_METRICS } from './cloudwatch-agent';
import { NETWORK_APPLIANCE_GROUP_DEFAULTS as D } from './defaults';
import { ApplianceAlarmThresholds } from './props';

/** The alarms and dashboard of a group. */
export interface ApplianceMonitoring {
  readonly alarms: cloudwatch.Alarm[];
  readonly dashboard: cloudwatch.Dashboard;
}

/**
 * One alarm per custom metric (sum over the group, per minute; counters alarm on their increase),
 * each notifying `topic`, and a dashboard with the metrics, CPU and the group's size.
 */
export function createMonitoring(scope: Construct, asg: autoscaling.AutoScalingGroup, namespace: string, topic: sns.ITopic, thresholds: ApplianceAlarmThresholds, dashboardName: string | undefined): ApplianceMonitoring {
  const dimensionsMap = { AutoScalingGroupName: asg.autoScalingGroupName };
  const alarms: cloudwatch.Alarm[] = [];
  const widgets: cloudwatch.IWidget[] = [];
  for (const spec of APPLIANCE_METRICS) {
    const raw = new cloudwatch.Metric({ namespace, metricName: spec.metricName, dimensionsMap, statistic: 'Sum', period: Duration.minutes(1), label: spec.label });
    const metric: cloudwatch.IMetric = spec.kind === 'gauge'
      ? raw
      : new cloudwatch.MathExpression({ expression: 'DIFF(m)', usingMetrics: { m: raw.with({ statistic: 'Maximum' }) }, period: Duration.minutes(1), label: `${spec.label} per minute` });
    const threshold = thresholds[spec.thresholdKey] ?? D.alarms[spec.thresholdKey];
    const alarm = new cloudwatch.Alarm(scope, `${spec.metricName}Alarm`, {
      metric,
      threshold,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `${spec.label} (${namespace}/${spec.metricName}) above ${threshold}${spec.kind === 'counter' ? ' per minute' : ''} on the appliance group`,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
    alarm.addOkAction(new actions.SnsAction(topic));
    (alarm.node.defaultChild as cloudwatch.CfnAlarm).addMetadata(METADATA.CHECKLIST_ITEMS, ['2.4']);
    alarms.push(alarm);
    widgets.push(new cloudwatch.GraphWidget({ title: spec.label, left: [metric], leftAnnotations: [{ value: threshold, label: 'alarm' }], width: 12 }));
  }
  const cpu = new cloudwatch.Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensionsMap, statistic: 'Average', period: Duration.minutes(1) });
  const size = new cloudwatch.Metric({ namespace: 'AWS/AutoScaling', metricName: 'GroupInServiceInstances', dimensionsMap, statistic: 'Average', period: Duration.minutes(1) });
  const dashboard = new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName,
    widgets: [
      [new cloudwatch.AlarmStatusWidget({ title: 'Appliance alarms', alarms, width: 24 })],
      widgets,
      [new cloudwatch.GraphWidget({ title: 'CPU utilization', left: [cpu], width: 12 }), new cloudwatch.GraphWidget({ title: 'In-service instances', left: [size], width: 12 })],
    ],
  });
  return { alarms, dashboard };
}
