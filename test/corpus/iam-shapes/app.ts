/**
 * Identity and messaging as a platform team writes them over time: a deployment role for the CI account with
 * AdministratorAccess, a support role any principal can assume, a reporting policy on every bucket's objects, a
 * policy whose resource depends on the stage (Fn::If) and is every table outside production, a CI user whose
 * secret access key is a stack output, and a nested stack with an unencrypted order queue open to anyone.
 */
import {
  App, CfnCondition, CfnOutput, CfnParameter, Fn, NestedStack, NestedStackProps, Stack, StackProps,
  aws_iam as iam, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class MessagingStack extends NestedStack {
  constructor(scope: Construct, id: string, props?: NestedStackProps) {
    super(scope, id, props);
    const orders = new sqs.Queue(this, 'Orders', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    orders.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['sqs:SendMessage'], resources: [orders.queueArn] }));
  }
}

class PlatformStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const stage = new CfnParameter(this, 'Stage', { type: 'String', allowedValues: ['dev', 'prod'], default: 'dev' });
    const isProd = new CfnCondition(this, 'IsProd', { expression: Fn.conditionEquals(stage.valueAsString, 'prod') });

    new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.AccountPrincipal('444455556666'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    const support = new iam.Role(this, 'SupportRole', { assumedBy: new iam.AnyPrincipal() });
    support.addToPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeInstances', 'cloudwatch:GetMetricData'], resources: ['*'] }));

    const reports = new iam.Role(this, 'ReportsRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    reports.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::*/*'] }));
    new iam.ManagedPolicy(this, 'TablesAccess', {
      roles: [reports],
      statements: [new iam.PolicyStatement({
        actions: ['dynamodb:*'],
        resources: [Fn.conditionIf(isProd.logicalId, `arn:aws:dynamodb:${this.region}:${this.account}:table/orders`, '*').toString()],
      })],
    });

    const ci = new iam.User(this, 'CiUser');
    const key = new iam.AccessKey(this, 'CiKey', { user: ci });
    new CfnOutput(this, 'CiSecretAccessKey', { value: key.secretAccessKey.unsafeUnwrap() });

    new MessagingStack(this, 'Messaging');
  }
}

export function build(app: App): void {
  new PlatformStack(app, 'Platform', { env: WORKLOAD });
}
