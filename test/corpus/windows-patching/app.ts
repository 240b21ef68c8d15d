/**
 * A Windows application fleet managed the Systems Manager way: a launch template and an Auto Scaling group over two
 * zones, patched every Sunday by a State Manager association running AWS-RunPatchBaseline (AWS's predefined Windows
 * baseline), with software inventory gathered and the CloudWatch agent installed and configured by associations.
 */
import {
  App, Duration, Stack, StackProps, Tags,
  aws_autoscaling as autoscaling, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_ec2 as ec2, aws_iam as iam,
  aws_sns as sns, aws_ssm as ssm,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class FleetStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const role = new iam.Role(this, 'ServerRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('CloudWatchAgentServerPolicy'),
      ],
    });
    const sg = new ec2.SecurityGroup(this, 'ServerSg', { vpc, description: 'Windows servers', allowAllOutbound: false });
    sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'Systems Manager, CloudWatch and Windows Update');
    const template = new ec2.LaunchTemplate(this, 'ServerTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6I, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE),
      role,
      securityGroup: sg,
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/sda1', volume: ec2.BlockDeviceVolume.ebs(80, { encrypted: true }) }],
    });
    const fleet = new autoscaling.AutoScalingGroup(this, 'Servers', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate: template,
      minCapacity: 2,
      maxCapacity: 6,
    });
    fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 65 });
    Tags.of(fleet).add('Patch Group', 'windows-prod');
    Tags.of(fleet).add('DataClassification', 'internal');

    const byPatchGroup = [{ key: 'tag:Patch Group', values: ['windows-prod'] }];
    new ssm.CfnAssociation(this, 'PatchSundays', {
      name: 'AWS-RunPatchBaseline',
      associationName: 'windows-prod-patching',
      parameters: { Operation: ['Install'], RebootOption: ['RebootIfNeeded'] },
      scheduleExpression: 'cron(0 3 ? * SUN *)',
      targets: byPatchGroup,
    });
    new ssm.CfnAssociation(this, 'Inventory', {
      name: 'AWS-GatherSoftwareInventory',
      scheduleExpression: 'rate(12 hours)',
      targets: byPatchGroup,
    });
    new ssm.CfnAssociation(this, 'InstallCloudWatchAgent', {
      name: 'AWS-ConfigureAWSPackage',
      parameters: { action: ['Install'], name: ['AmazonCloudWatchAgent'] },
      targets: byPatchGroup,
    });
    const agentConfig = new ssm.StringParameter(this, 'AgentConfig', {
      parameterName: 'AmazonCloudWatch-windows-prod',
      stringValue: JSON.stringify({
        logs: { logs_collected: { windows_events: { collect_list: [{ event_name: 'Application', event_levels: ['ERROR', 'WARNING'], log_group_name: '/windows-prod/application' }] } } },
        metrics: { metrics_collected: { Memory: { measurement: ['% Committed Bytes In Use'] } } },
      }),
    });
    new ssm.CfnAssociation(this, 'ConfigureCloudWatchAgent', {
      name: 'AmazonCloudWatch-ManageAgent',
      parameters: { action: ['configure'], optionalConfigurationSource: ['ssm'], optionalConfigurationLocation: [agentConfig.parameterName] },
      targets: byPatchGroup,
    });

    const ops = new sns.Topic(this, 'OpsTopic');
    new cloudwatch.Alarm(this, 'FleetCpu', {
      metric: new cloudwatch.Metric({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensionsMap: { AutoScalingGroupName: fleet.autoScalingGroupName }, period: Duration.minutes(5) }),
      threshold: 90,
      evaluationPeriods: 3,
    }).addAlarmAction(new actions.SnsAction(ops));
  }
}

export function build(app: App): void {
  new FleetStack(app, 'Fleet', { env: WORKLOAD });
}
