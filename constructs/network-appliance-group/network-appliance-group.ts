import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ArnFormat, Duration, Stack, Tags, Token, Validations } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3assets from 'aws-cdk-lib/aws-s3-assets';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { METADATA } from '../../lib/conventions';
import { markAsAppliance } from '../../lib/declarations';
import { autoScalingServiceLinkedRoleArn, checkPropTypes, classifyByDefault, createManagedInstanceRole, createManagedLaunchTemplate, grantServicePublish } from '../core';
import { createEncryptedLogGroup } from '../core/encrypted-log-group';
import { cloudWatchAgentConfig } from './cloudwatch-agent';
import { APPLIANCE_DIR, CLOUDWATCH_AGENT_CONFIG, GENEVE_PORT, GROUP_TAG, NETWORK_APPLIANCE_GROUP_DEFAULTS as D } from './defaults';
import { createGatewayLoadBalancer, createNetworkLoadBalancer, createRouteFailover, GatewayLoadBalancerResources } from './failover';
import { createMonitoring } from './monitoring';
import { NetworkApplianceGroupProps } from './props';
import { NETWORK_APPLIANCE_GROUP_PROP_TYPES, validateNetworkApplianceGroupProps } from './validation';

/**
 * A group of third-party or open-source network appliances (router, firewall, proxy, load
 * balancer) for the Networking checklist's Network Connectivity and Load Balancers requirements:
 * an Auto Scaling group of ENA instances across the VPC's AZs with target tracking and rolling
 * updates, bootstrapped from S3 assets, failing over behind a Gateway or Network Load Balancer or
 * by route replacement, publishing custom metrics with alarms and shipping logs centrally.
 */
export class NetworkApplianceGroup extends Construct {
  /** The Auto Scaling group of the appliances. */
  public readonly autoScalingGroup: autoscaling.AutoScalingGroup;
  /** The launch template of the appliances. */
  public readonly launchTemplate: ec2.LaunchTemplate;
  /** The appliances' security group. */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The instance role. */
  public readonly role: iam.Role;
  /** The bootstrap script asset. */
  public readonly bootstrapAsset: s3assets.Asset;
  /** The configuration asset (undefined without `configuration`). */
  public readonly configurationAsset?: s3assets.Asset;
  /** The Gateway Load Balancer resources (`failover: 'gwlb'`). */
  public readonly gatewayLoadBalancer?: GatewayLoadBalancerResources;
  /** The Network Load Balancer (`failover: 'nlb'`). */
  public readonly networkLoadBalancer?: elbv2.NetworkLoadBalancer;
  /** The route failover function (`failover: 'route'`). */
  public readonly failoverFunction?: lambda.IFunction;
  /** The topic of the alarms and scaling notifications. */
  public readonly alarmTopic: sns.ITopic;
  /** The alarms on the custom metrics. */
  public readonly alarms: cloudwatch.Alarm[];
  /** The dashboard. */
  public readonly dashboard: cloudwatch.Dashboard;
  /** The central log group of the appliances' logs. */
  public readonly logGroup: logs.ILogGroup;
  /** Namespace of the custom metrics. */
  public readonly metricsNamespace: string;

  constructor(scope: Construct, id: string, props: NetworkApplianceGroupProps) {
    super(scope, id);
    checkPropTypes('NetworkApplianceGroup', props, NETWORK_APPLIANCE_GROUP_PROP_TYPES);
    const subnetSelection = props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    const subnets = props.vpc.selectSubnets(subnetSelection);
    validateNetworkApplianceGroupProps(props, subnets.subnets.map((s) => s.availabilityZone));

    const stack = Stack.of(this);
    const failover = props.failover ?? 'gwlb';
    const routing = props.routing ?? failover === 'route';
    const instanceType = props.instanceType ?? new ec2.InstanceType(D.instanceType);
    const healthCheck = props.healthCheck ?? {};
    const healthCheckPort = healthCheck.port ?? D.healthCheckPort;
    this.metricsNamespace = props.metricsNamespace ?? D.metricsNamespace;
    const vpcCidr = props.vpc.vpcCidrBlock;

    // Central logs and alarm topic
    this.logGroup = props.logGroup ?? createEncryptedLogGroup(this, 'Logs', {
      retention: props.logRetention ?? D.logRetention,
      dataClassification: 'internal',
      keyDescription: `Encrypts the logs of the network appliances ${this.node.path}`,
    }).logGroup;
    this.alarmTopic = props.alarmTopic ?? this.createTopic();

    // Security group: no 0.0.0.0/0 ingress
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: `Network appliances ${this.node.path}`,
      // A routing appliance forwards traffic to any destination; the others get named egress only.
      allowAllOutbound: routing,
    });
    if (routing) {
      Validations.of(this.securityGroup).acknowledge({
        id: 'Competency-1.16-SecurityGroupEgressRestricted',
        reason: "A routing appliance ('routing: true') forwards traffic not addressed to itself to any destination, so its security group must allow all egress; ingress stays limited to named peers.",
      });
    } else {
      this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'HTTPS to AWS APIs (SSM, CloudWatch, S3) and package repositories');
      if (failover === 'gwlb') this.securityGroup.addEgressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.udp(GENEVE_PORT), 'GENEVE back to the Gateway Load Balancer (VPC CIDR)');
      (props.egress ?? []).forEach((rule) => this.securityGroup.addEgressRule(rule.peer, rule.port, rule.description ?? 'Appliance traffic'));
    }
    if (failover !== 'route') {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.tcp(healthCheckPort), 'Load balancer health checks from the VPC CIDR');
    }
    if (failover === 'gwlb') {
      this.securityGroup.addIngressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.udp(GENEVE_PORT), 'GENEVE from the Gateway Load Balancer (VPC CIDR)');
    }
    (props.ingress ?? []).forEach((rule) => this.securityGroup.addIngressRule(rule.peer, rule.port, rule.description ?? 'Appliance traffic'));
    if (Token.isUnresolved(vpcCidr)) {
      Validations.of(this.securityGroup).acknowledge({
        id: 'AwsSolutions-EC23',
        reason: "Ingress is from the VPC's own CIDR (an attribute resolved at deploy time) and from the peers given in 'ingress', which the construct checks are not 0.0.0.0/0 or ::/0.",
      });
    }

    // Bootstrap assets and instance role
    this.bootstrapAsset = new s3assets.Asset(this, 'BootstrapScript', {
      path: props.bootstrapScriptFile ?? stageFile('bootstrap.sh', props.bootstrapScript!),
    });
    if (props.configuration !== undefined) {
      this.configurationAsset = new s3assets.Asset(this, 'Configuration', {
        path: stageFile('configuration.json', JSON.stringify(props.configuration, undefined, 2)),
      });
    }
    this.role = createManagedInstanceRole(this, 'InstanceRole', `Network appliances ${this.node.path}`);
    const assets = [this.bootstrapAsset, this.configurationAsset].filter((a): a is s3assets.Asset => a !== undefined);
    this.role.addToPolicy(new iam.PolicyStatement({
      sid: 'ReadOwnBootstrapAssets',
      actions: ['s3:GetObject'],
      resources: assets.map((a) => a.bucket.arnForObjects(a.s3ObjectKey)),
    }));
    const groupTagValue = this.node.addr;
    if (routing) {
      this.role.addToPolicy(new iam.PolicyStatement({
        sid: 'DisableSourceDestCheckOfGroupInstances',
        actions: ['ec2:ModifyInstanceAttribute'],
        resources: [stack.formatArn({ service: 'ec2', resource: 'instance', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME })],
        conditions: { StringEquals: { [`aws:ResourceTag/${GROUP_TAG}`]: groupTagValue } },
      }));
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${nagArn(stack, 'ec2', 'instance/*')}]`,
        reason: "Instance IDs are not known before launch: ec2:ModifyInstanceAttribute is limited by condition to instances tagged as this group's (the tag is set by the Auto Scaling group; the role cannot tag).",
      });
    }

    // Launch template
    const userData = this.buildUserData(routing, assets, props.logFiles ?? D.logFiles);
    this.launchTemplate = createManagedLaunchTemplate(this, 'LaunchTemplate', {
      instanceType,
      machineImage: props.machineImage ?? ec2.MachineImage.latestAmazonLinux2023({ cpuType: instanceType.architecture === ec2.InstanceArchitecture.ARM_64 ? ec2.AmazonLinuxCpuType.ARM_64 : ec2.AmazonLinuxCpuType.X86_64 }),
      userData,
      role: this.role,
      securityGroup: this.securityGroup,
      rootVolume: { deviceName: '/dev/xvda', sizeGiB: props.rootVolumeSizeGiB ?? D.rootVolumeSizeGiB },
    });

    // Auto Scaling group
    const hasLoadBalancer = failover !== 'route';
    const gracePeriod = props.healthCheckGracePeriod ?? D.healthCheckGracePeriod;
    const minCapacity = props.minCapacity ?? D.minCapacity;
    this.autoScalingGroup = new autoscaling.AutoScalingGroup(this, 'AutoScalingGroup', {
      vpc: props.vpc,
      vpcSubnets: subnetSelection,
      launchTemplate: this.launchTemplate,
      minCapacity,
      maxCapacity: props.maxCapacity ?? D.maxCapacity,
      healthChecks: hasLoadBalancer
        ? autoscaling.HealthChecks.withAdditionalChecks({ additionalTypes: [autoscaling.AdditionalHealthCheckType.ELB], gracePeriod })
        : autoscaling.HealthChecks.ec2({ gracePeriod }),
      updatePolicy: autoscaling.UpdatePolicy.rollingUpdate({ maxBatchSize: 1, minInstancesInService: minCapacity, pauseTime: gracePeriod }),
      cooldown: Duration.minutes(5),
      defaultInstanceWarmup: gracePeriod,
      groupMetrics: [autoscaling.GroupMetrics.all()],
      notifications: [{ topic: this.alarmTopic, scalingEvents: autoscaling.ScalingEvents.ALL }],
    });
    Tags.of(this.autoScalingGroup).add(GROUP_TAG, groupTagValue, { applyToLaunchedInstances: true });
    // The Network Connectivity and Load Balancers rules read the compute the partner marks as its appliances.
    markAsAppliance(this.autoScalingGroup);
    // Appliance instances and their volumes hold the OS, the appliance configuration and its logs (checklist 1.21).
    classifyByDefault(this.autoScalingGroup, 'internal', { applyToLaunchedInstances: true });
    (this.autoScalingGroup.node.defaultChild as autoscaling.CfnAutoScalingGroup).addMetadata(METADATA.CHECKLIST_ITEMS, ['2.2', '2.8']);
    if (props.scalingMetric) {
      this.autoScalingGroup.scaleToTrackMetric('ScaleOnMetric', { metric: props.scalingMetric, targetValue: props.scalingTarget! });
    } else {
      this.autoScalingGroup.scaleOnCpuUtilization('ScaleOnCpu', { targetUtilizationPercent: props.targetCpuUtilization ?? D.targetCpuUtilization });
    }

    // Failover
    if (failover === 'gwlb') {
      const endpointSubnets = props.vpc.selectSubnets(props.gatewayLoadBalancerEndpointSubnets ?? subnetSelection);
      this.gatewayLoadBalancer = createGatewayLoadBalancer(this, this.autoScalingGroup, props.vpc, subnets, endpointSubnets, healthCheck);
    } else if (failover === 'nlb') {
      this.networkLoadBalancer = createNetworkLoadBalancer(this, this.autoScalingGroup, props.vpc, subnetSelection, props.listenerPorts ?? D.nlbListenerPorts, healthCheck);
    } else {
      this.failoverFunction = createRouteFailover(this, this.autoScalingGroup, props.failoverRoutes ?? []);
    }

    const monitoring = createMonitoring(this, this.autoScalingGroup, this.metricsNamespace, this.alarmTopic, props.alarmThresholds ?? {}, props.dashboardName);
    this.alarms = monitoring.alarms;
    this.dashboard = monitoring.dashboard;
  }

  /** A topic encrypted with its own customer managed key, TLS-only. */
  private createTopic(): sns.Topic {
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: `Encrypts the alarm topic of ${this.node.path}`,
      enableKeyRotation: true,
    });
    key.grantEncryptDecrypt(new iam.ServicePrincipal('cloudwatch.amazonaws.com'));
    // EC2 Auto Scaling publishes its notifications with its service-linked role, not a service principal.
    key.grantEncryptDecrypt(new iam.ArnPrincipal(autoScalingServiceLinkedRoleArn(this)));
    const topic = new sns.Topic(this, 'AlarmTopic', { masterKey: key, enforceSSL: true, displayName: 'Network appliance alarms' });
    grantServicePublish(topic, this, 'cloudwatch.amazonaws.com');
    classifyByDefault(topic, 'internal');
    return topic;
  }

  /**
   * User data: disable the source/destination check (routing appliances), install and configure
   * the CloudWatch agent, download the bootstrap assets and run the script.
   */
  private buildUserData(routing: boolean, assets: s3assets.Asset[], logFiles: readonly string[]): ec2.UserData {
    const userData = ec2.UserData.forLinux();
    userData.addCommands(
      'set -euo pipefail',
      'TOKEN=$(curl -sS -X PUT http://169.254.169.254/latest/api/token -H "X-aws-ec2-metadata-token-ttl-seconds: 300")',
      'imds() { curl -sS -H "X-aws-ec2-metadata-token: $TOKEN" "http://169.254.169.254/latest/meta-data/$1"; }',
      'INSTANCE_ID=$(imds instance-id)',
      'REGION=$(imds placement/region)',
    );
    if (routing) {
      userData.addCommands(
        '# Routing appliance: forward traffic not addressed to this instance',
        'aws ec2 modify-instance-attribute --region "$REGION" --instance-id "$INSTANCE_ID" --no-source-dest-check',
      );
    }
    const agentConfig = JSON.stringify(cloudWatchAgentConfig({
      namespace: this.metricsNamespace,
      logGroupName: this.logGroup.logGroupName,
      logFiles,
    }), undefined, 2);
    userData.addCommands(
      '(command -v dnf && dnf install -y amazon-cloudwatch-agent) || yum install -y amazon-cloudwatch-agent',
      `mkdir -p ${path.posix.dirname(CLOUDWATCH_AGENT_CONFIG)}`,
      `cat > ${CLOUDWATCH_AGENT_CONFIG} <<'CWAGENT'`,
      agentConfig,
      'CWAGENT',
      `/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c file:${CLOUDWATCH_AGENT_CONFIG}`,
      `mkdir -p ${APPLIANCE_DIR}`,
    );
    const [script, configuration] = assets;
    userData.addCommands(`aws s3 cp --region "$REGION" s3://${script.s3BucketName}/${script.s3ObjectKey} ${APPLIANCE_DIR}/bootstrap.sh`);
    if (configuration) userData.addCommands(`aws s3 cp --region "$REGION" s3://${configuration.s3BucketName}/${configuration.s3ObjectKey} ${APPLIANCE_DIR}/configuration.json`);
    userData.addCommands(
      `chmod 700 ${APPLIANCE_DIR}/bootstrap.sh`,
      `APPLIANCE_CONFIG=${configuration ? `${APPLIANCE_DIR}/configuration.json` : ''} ${APPLIANCE_DIR}/bootstrap.sh`,
    );
    return userData;
  }

}

/** An ARN of this stack's account and region as cdk-nag renders it in a finding ID (`<AWS::Region>` for tokens). */
function nagArn(stack: Stack, service: string, resource: string): string {
  const part = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  return `arn:${part(stack.partition, 'Partition')}:${service}:${part(stack.region, 'Region')}:${part(stack.account, 'AccountId')}:${resource}`;
}

/** Writes `content` to a content-addressed file under the OS temp directory, for an S3 asset. */
function stageFile(name: string, content: string): string {
  const hash = crypto.createHash('sha256').update(content).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), 'cdk-competency-appliance', hash);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) fs.writeFileSync(file, content);
  return file;
}
