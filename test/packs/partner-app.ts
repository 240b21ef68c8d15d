import { App, aws_ec2 as ec2, aws_iam as iam, aws_lambda as lambda, aws_s3 as s3, CfnOutput, Stack, Stage, Validations } from 'aws-cdk-lib';

/** The full id of an AwsSolutions granular finding the workload acknowledges (brackets and `::` inside). */
export const IAM4_ID = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';

/** A partner-style app: a stage with a VPC stack (literal AZs: aws-cdk-lib acknowledges W3010 itself) and a workload stack. */
export function partnerApp(outdir: string): App {
  const app = new App({ outdir });
  const stage = new Stage(app, 'Prod');
  const env = { account: '111111111111', region: 'eu-west-1' };
  const network = new Stack(stage, 'Network', { env });
  const vpc = new ec2.Vpc(network, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const bastion = new ec2.SecurityGroup(network, 'Bastion', { vpc });
  bastion.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));
  Validations.of(bastion).acknowledge({ id: 'Competency-1.16-SecurityGroupNoOpenIngress', reason: 'Break-glass bastion, port closed by an SCP outside incidents' });
  Validations.of(network).acknowledge({ id: 'AwsSolutions-VPC7', reason: 'Flow logs are enabled by the network account' });
  const workload = new Stack(stage, 'Workload', { env });
  const bucket = new s3.Bucket(workload, 'Uploads', { serverAccessLogsBucket: new s3.Bucket(workload, 'AccessLogs') });
  Validations.of(bucket).acknowledge({ id: 'Competency-1.24-S3BucketTlsOnly', reason: 'Served to legacy clients through CloudFront only' });
  const fn = new lambda.Function(workload, 'Handler', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
  bucket.grantRead(fn);
  Validations.of(fn).acknowledge({ id: IAM4_ID, reason: 'The managed basic execution role is enough' });
  const out = new CfnOutput(workload, 'UploadsBucket', { value: bucket.bucketName });
  Validations.of(out).acknowledge({ id: 'Competency-1.10-NoHardcodedCredentials', reason: 'A bucket name' });
  new iam.Role(workload, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
  return app;
}

