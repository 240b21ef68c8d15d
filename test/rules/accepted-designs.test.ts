/**
 * Designs the checklist's words allow raise no required finding, and good practice beyond the words is a
 * recommendation: partner-style CDK apps, each checked by the whole pack of its selection.
 */
import {
  App, aws_autoscaling as autoscaling, aws_autoscaling_hooktargets as hooktargets, aws_backup as backup, aws_dynamodb as dynamodb, aws_ec2 as ec2,
  aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_kms as kms, aws_lambda as lambda, aws_logs as logs, aws_s3 as s3,
  aws_secretsmanager as secretsmanager, custom_resources as cr, CustomResource, Duration, RemovalPolicy, Stack,
} from 'aws-cdk-lib';
import { ChecklistSelection } from '../../lib/checklist';
import { CompetencyChecks, RuleEvaluation } from '../../lib/packs';
import { windowsFleet } from './microsoft-workloads/builders';

const NET_SAAS: ChecklistSelection = { checklist: 'networking', deploymentModel: 'saas' };
const NET_ALL: ChecklistSelection = { ...NET_SAAS, categories: ['network-connectivity', 'load-balancers', 'network-management'] };

/** Every failing evaluation of the pack over a fresh app, synthesized first so aspects apply. */
function findings(selection: ChecklistSelection, build: (s: Stack) => void): RuleEvaluation[] {
  const app = new App();
  const stack = new Stack(app, 'Partner', { env: { account: '111111111111', region: 'eu-west-1' } });
  build(stack);
  app.synth();
  const pack = new CompetencyChecks(selection);
  pack.validateScope(app);
  return pack.evaluations.filter((e) => e.status === 'non-compliant');
}

const required = (list: RuleEvaluation[], itemId?: string) => list.filter((e) => e.kind === 'required' && (!itemId || e.itemId === itemId)).map((e) => `${e.ruleId} ${e.path}`);
const recommended = (list: RuleEvaluation[], itemId: string) => list.filter((e) => e.kind === 'recommended' && e.itemId === itemId).map((e) => `${e.rule} (${e.level})`);

describe('encryption at rest by the service (AWS owned or AWS managed keys) meets 1.11 and 1.22', () => {
  test('DynamoDB table, log group, bucket and secret with service encryption: recommendations, no required finding', () => {
    // GIVEN / WHEN
    const found = findings(NET_SAAS, (s) => {
      new dynamodb.Table(s, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, removalPolicy: RemovalPolicy.RETAIN });
      new logs.LogGroup(s, 'AppLogs', { retention: logs.RetentionDays.ONE_YEAR });
      // No encryption declared (SSE-S3 by default); a bucket policy refuses requests without TLS, on the bucket and its objects.
      const uploads = new s3.CfnBucket(s, 'Uploads');
      new s3.CfnBucketPolicy(s, 'UploadsTlsOnly', {
        bucket: uploads.ref,
        policyDocument: {
          Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: [uploads.attrArn, `${uploads.attrArn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
        },
      });
      new secretsmanager.Secret(s, 'DbPassword');
    });
    // THEN
    expect(required(found, '1.22')).toEqual([]);
    expect(required(found, '1.11')).toEqual([]);
    expect(recommended(found, '1.22').sort()).toEqual(['DynamoDbTableEncrypted (warning)', 'LogGroupEncrypted (warning)', 'S3BucketEncrypted (warning)']);
    expect(recommended(found, '1.11')).toEqual(['SecretsEncryptedWithCustomerKey (warning)']);
  });

  test('an unencrypted EBS volume is still a required finding', () => {
    const found = findings(NET_SAAS, (s) => { new ec2.CfnVolume(s, 'Data', { availabilityZone: 'eu-west-1a', size: 10, encrypted: false }); });
    expect(required(found, '1.22')).toEqual(['Competency-1.22-EbsVolumeEncrypted Partner/Data']);
  });

  test('resources with no customer data get no encryption finding at all: a lifecycle-hook topic, a custom resource handler\'s log group', () => {
    // GIVEN / WHEN
    const found = findings(NET_SAAS, (s) => {
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const asg = new autoscaling.AutoScalingGroup(s, 'Web', { vpc, instanceType: new ec2.InstanceType('m6i.large'), machineImage: ec2.MachineImage.latestAmazonLinux2023() });
      const drain = new lambda.Function(s, 'Drain', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
      asg.addLifecycleHook('Terminating', { lifecycleTransition: autoscaling.LifecycleTransition.INSTANCE_TERMINATING, notificationTarget: new hooktargets.FunctionHook(drain) });
      const handlerLogs = new logs.LogGroup(s, 'SeedHandlerLogs', { retention: logs.RetentionDays.ONE_MONTH });
      const onEvent = new lambda.Function(s, 'SeedHandler', {
        runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => ({})'), logGroup: handlerLogs,
      });
      const provider = new cr.Provider(s, 'SeedProvider', { onEventHandler: onEvent, logGroup: new logs.LogGroup(s, 'ProviderLogs', { retention: logs.RetentionDays.ONE_MONTH }) });
      new CustomResource(s, 'Seed', { serviceToken: provider.serviceToken });
    });
    // THEN
    expect(found.filter((e) => e.rule === 'SnsTopicEncrypted' || e.rule === 'LogGroupEncrypted').map((e) => e.path)).toEqual([]);
  });
});

describe('1.20: IMDSv1 is hardening, not change detection', () => {
  test('an instance with IMDSv1 and no Systems Manager role gets recommendations only', () => {
    const found = findings(NET_SAAS, (s) => {
      new ec2.CfnInstance(s, 'Legacy', { imageId: 'ami-0123456789abcdef0', instanceType: 'm6i.large', blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: true } }] });
    });
    expect(required(found, '1.20')).toEqual([]);
    expect(recommended(found, '1.20').sort()).toEqual(['InstanceImdsV2Required (warning)', 'InstanceManagedBySsm (warning)']);
  });
});

describe('1.23: keys managed securely', () => {
  test('imported key material (bring your own key) that cannot rotate automatically raises nothing', () => {
    const found = findings(NET_SAAS, (s) => {
      new kms.CfnKey(s, 'Byok', { origin: 'EXTERNAL', keyPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' }] } });
    });
    expect(found.filter((e) => e.itemId === '1.23')).toEqual([]);
  });

  test('a KMS key without rotation is a recommendation', () => {
    const found = findings(NET_SAAS, (s) => { new kms.Key(s, 'Key'); });
    expect(required(found, '1.23')).toEqual([]);
    expect(recommended(found, '1.23')).toEqual(['KmsKeyRotationEnabled (warning)']);
  });
});

describe('1.24: TLS where traffic crosses a VPC boundary', () => {
  test('plain HTTP on an internal ALB reached only from inside its VPC is a recommendation', () => {
    const found = findings(NET_SAAS, (s) => {
      const alb = new elbv2.ApplicationLoadBalancer(s, 'Internal', { vpc: new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 }), internetFacing: false });
      alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
    });
    expect(required(found, '1.24')).toEqual([]);
    expect(recommended(found, '1.24')).toEqual(['InternalListenerTls (warning)']);
  });

  test('plain HTTP on an internet-facing ALB stays a required error', () => {
    const found = findings(NET_SAAS, (s) => {
      const alb = new elbv2.ApplicationLoadBalancer(s, 'Public', { vpc: new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 }), internetFacing: true });
      alb.addListener('Http', { port: 80, defaultAction: elbv2.ListenerAction.fixedResponse(200) });
    });
    expect(found.filter((e) => e.rule === 'LoadBalancerListenerTls').map((e) => [e.kind, e.level])).toEqual([['required', 'error']]);
  });
});

describe('2.1: the solution supports redundant connections, even if customers do not implement them', () => {
  test('two connections from one customer device: no finding', () => {
    const found = findings(NET_SAAS, (s) => {
      const vgw = new ec2.CfnVPNGateway(s, 'Vgw', { type: 'ipsec.1' });
      const cgw = new ec2.CfnCustomerGateway(s, 'Cgw', { type: 'ipsec.1', ipAddress: '203.0.113.1', bgpAsn: 65001 });
      new ec2.CfnVPNConnection(s, 'Vpn1', { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref });
      new ec2.CfnVPNConnection(s, 'Vpn2', { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref });
    });
    expect(found.filter((e) => e.itemId === '2.1')).toEqual([]);
  });

  test('one static connection, undocumented: one required finding for redundancy; BGP is a recommendation', () => {
    const found = findings(NET_SAAS, (s) => {
      const vgw = new ec2.CfnVPNGateway(s, 'Vgw', { type: 'ipsec.1' });
      const cgw = new ec2.CfnCustomerGateway(s, 'Cgw', { type: 'ipsec.1', ipAddress: '203.0.113.1', bgpAsn: 65001 });
      new ec2.CfnVPNConnection(s, 'Vpn', { type: 'ipsec.1', customerGatewayId: cgw.ref, vpnGatewayId: vgw.ref, staticRoutesOnly: true });
    });
    expect(required(found, '2.1')).toEqual(['Competency-2.1-VpnConnectionsRedundant Partner/Vpn']);
    expect(recommended(found, '2.1')).toEqual(['VpnBgpRouting (warning)']);
  });
});

describe('2.2 / 2.8: the functions that handle custom resources run at deployment, and are not the app\'s capacity', () => {
  test('an AwsCustomResource\'s handler is read by neither CapacityScalesAutomatically nor ComputeMultiAz, an ordinary function is', () => {
    // GIVEN
    const app = new App();
    const s = new Stack(app, 'Partner', { env: { account: '111111111111', region: 'eu-west-1' } });
    new cr.AwsCustomResource(s, 'Lookup', {
      onCreate: { service: 'SSM', action: 'getParameter', parameters: { Name: '/app/version' }, physicalResourceId: cr.PhysicalResourceId.of('version') },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
    });
    new lambda.Function(s, 'Api', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
    app.synth();
    // WHEN
    const pack = new CompetencyChecks({ ...NET_SAAS, rules: ['CapacityScalesAutomatically', 'ComputeMultiAz'] });
    pack.validateScope(app);
    // THEN
    expect(pack.evaluations.map((e) => `${e.rule} ${e.path} ${e.status}`).sort()).toEqual(['CapacityScalesAutomatically Partner/Api/Resource compliant', 'ComputeMultiAz Partner/Api/Resource compliant']);
  });
});

describe('2.10 / 2.11: a missing declaration of recovery objectives is one finding', () => {
  test('a backup plan in a stack with no declared RPO and RTO', () => {
    const found = findings(NET_SAAS, (s) => { backup.BackupPlan.daily35DayRetention(s, 'Plan'); });
    expect(found.filter((e) => e.itemId === '2.10' || e.itemId === '2.11').map((e) => e.ruleId)).toEqual(['Competency-2.10-RecoveryObjectivesDeclared']);
  });
});

describe('appliances are what the partner says they are', () => {
  const appliance = (e: RuleEvaluation) => /^Appliance|^EnaInstanceType$/.test(e.rule);

  test('an ECS cluster\'s capacity group (on t2, without ENA) is ordinary compute: no appliance or enhanced-networking finding', () => {
    const found = findings(NET_ALL, (s) => {
      const vpc = new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const cluster = new ecs.Cluster(s, 'Cluster', { vpc });
      // t2 has no ENA: the group is no appliance, so it gets no enhanced-networking finding
      cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t2.large'), minCapacity: 2 });
    });
    expect(found.filter(appliance).map((e) => `${e.rule} ${e.path}`)).toEqual([]);
  });

  test('a Windows server fleet behind an ALB is ordinary compute: no appliance finding', () => {
    const found = findings(NET_ALL, (s) => {
      const fleet = windowsFleet(s);
      const alb = new elbv2.ApplicationLoadBalancer(s, 'Alb', { vpc: fleet.node.scope!.node.findChild('Vpc') as ec2.Vpc, internetFacing: true });
      alb.addListener('Https', { port: 443, certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:111111111111:certificate/1')] })
        .addTargets('Fleet', { port: 443, targets: [fleet], healthCheck: { interval: Duration.seconds(30) } });
    });
    expect(found.filter(appliance).map((e) => `${e.rule} ${e.path}`)).toEqual([]);
  });

  test('a forwarding instance (source/destination check off) is an appliance without any marker', () => {
    const found = findings(NET_ALL, (s) => { new ec2.CfnInstance(s, 'Router', { imageId: 'ami-0123456789abcdef0', instanceType: 'c6in.large', sourceDestCheck: false }); });
    expect(found.filter(appliance).map((e) => e.rule)).toContain('ApplianceUserDataBootstrap');
  });
});
