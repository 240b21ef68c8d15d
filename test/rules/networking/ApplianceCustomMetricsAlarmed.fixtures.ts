import { aws_autoscaling as autoscaling, aws_cloudwatch as cloudwatch, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { applianceGroup } from './builders';

function alarms(s: Stack, asg: autoscaling.AutoScalingGroup, metrics: string[], namespace = 'Appliance') {
  metrics.forEach((metricName) => new cloudwatch.Alarm(s, `${metricName}Alarm`, {
    metric: new cloudwatch.Metric({ namespace, metricName, dimensionsMap: { AutoScalingGroupName: asg.autoScalingGroupName }, period: Duration.minutes(1) }),
    threshold: 100, evaluationPeriods: 2,
  }));
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 group behind an NLB with 2 custom metrics alarmed and one AWS/EC2 metric',
      build: (app) => {
        const s = stackIn(app, 'S');
        const { asg } = applianceGroup(s);
        alarms(s, asg, ['Http5xx', 'OpenSessions']);
        alarms(s, asg, ['CPUUtilization'], 'AWS/EC2');
      },
      reason: /2 custom metrics \(Appliance\/Http5xx, Appliance\/OpenSessions\) .* at least 3 are needed/,
    },
    {
      name: 'alarms whose namespace is a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const { asg } = applianceGroup(s);
        alarms(s, asg, ['Http5xx', 'OpenSessions', 'ConnectionsPerSecond'], new CfnParameter(s, 'Ns').valueAsString);
      },
      reason: /could not verify the metric of alarm/,
    },
  ],
  compliant: [
    {
      name: 'L2 group with 3 custom metrics alarmed (sessions, connections, 5xx)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const { asg } = applianceGroup(s);
        alarms(s, asg, ['Http5xx', 'OpenSessions', 'ConnectionsPerSecond']);
      },
    },
  ],
};
