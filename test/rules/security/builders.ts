import {
  aws_autoscaling as autoscaling, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_iam as iam, aws_lambda as lambda,
  aws_logs as logs, aws_sns as sns, aws_sns_subscriptions as subscriptions, Duration, Stack,
} from 'aws-cdk-lib';

/** A topic that a CloudWatch alarm notifies (alarm and OK actions), as partners' operations topics are. */
export function alarmTopic(s: Stack, id = 'Ops'): sns.Topic {
  const topic = new sns.Topic(s, id);
  const alarm = new cloudwatch.Alarm(s, `${id}Errors`, {
    metric: new cloudwatch.Metric({ namespace: 'App', metricName: 'Errors', period: Duration.minutes(5) }), threshold: 5, evaluationPeriods: 1,
  });
  alarm.addAlarmAction(new actions.SnsAction(topic));
  alarm.addOkAction(new actions.SnsAction(topic));
  return topic;
}

/**
 * The shape of aws-cdk-lib's ECS drain hook: a lifecycle hook notifies a topic, to which a function with its own log
 * group is subscribed (L2 subscription and permission, L1 hook).
 */
export function lifecycleHandler(s: Stack): { readonly fn: lambda.Function; readonly logGroup: logs.LogGroup } {
  const topic = new sns.Topic(s, 'DrainTopic');
  const role = new iam.Role(s, 'HookRole', { assumedBy: new iam.ServicePrincipal('autoscaling.amazonaws.com') });
  topic.grantPublish(role);
  new autoscaling.CfnLifecycleHook(s, 'DrainHook', {
    autoScalingGroupName: 'ecs-capacity', lifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', notificationTargetArn: topic.topicArn, roleArn: role.roleArn,
  });
  const logGroup = new logs.LogGroup(s, 'DrainLogs', { retention: logs.RetentionDays.THREE_MONTHS });
  const fn = new lambda.Function(s, 'Drain', {
    runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.lambda_handler', code: lambda.Code.fromInline('def lambda_handler(event, context):\n  print(event)'), logGroup,
  });
  topic.addSubscription(new subscriptions.LambdaSubscription(fn));
  return { fn, logGroup };
}
