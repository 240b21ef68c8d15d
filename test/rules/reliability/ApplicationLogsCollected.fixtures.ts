import { aws_autoscaling as autoscaling, aws_ec2 as ec2, aws_ecs as ecs, aws_eks as eks, aws_ssm as ssm, CfnParameter, Fn, Stack, Tags } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const vpcIn = (s: Stack) => new ec2.Vpc(s, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
const linux = (commands: string[]) => { const ud = ec2.UserData.forLinux(); ud.addCommands(...commands); return ud; };
const web = (s: Stack, userData: ec2.UserData, machineImage: ec2.IMachineImage = ec2.MachineImage.latestAmazonLinux2023()) =>
  new ec2.Instance(s, 'Web', { vpc: vpcIn(s), instanceType: new ec2.InstanceType('t3.small'), machineImage, userData });
const fargateTask = (s: Stack, logging?: ecs.LogDriver) => {
  const task = new ecs.FargateTaskDefinition(s, 'Task');
  task.addContainer('App', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'), logging });
  return task;
};
const container = (name: string, image: string, logConfiguration?: ecs.CfnTaskDefinition.LogConfigurationProperty) => ({ name, image, memory: 256, logConfiguration });

/** An L1 EKS cluster with a managed node group from a launch template without user data, with or without the CloudWatch add-on. */
const eksNodes = (s: Stack, addon: boolean) => {
  const cluster = new eks.CfnCluster(s, 'Eks', { roleArn: 'arn:aws:iam::111111111111:role/eks', resourcesVpcConfig: { subnetIds: ['subnet-1', 'subnet-2'] } });
  const lt = new ec2.CfnLaunchTemplate(s, 'NodeTemplate', { launchTemplateData: { metadataOptions: { httpTokens: 'required' } } });
  new eks.CfnNodegroup(s, 'Nodes', { clusterName: cluster.ref, nodeRole: 'arn:aws:iam::111111111111:role/nodes', subnets: ['subnet-1', 'subnet-2'], launchTemplate: { id: lt.ref } });
  if (addon) new eks.CfnAddon(s, 'Observability', { clusterName: cluster.ref, addonName: 'amazon-cloudwatch-observability' });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 instance on Amazon Linux 2023 whose user data installs a web server and no log agent',
      build: (app) => { web(stackIn(app, 'S'), linux(['dnf install -y httpd', 'systemctl enable --now httpd'])); },
      reason: /no State Manager association selecting these instances configures the CloudWatch agent: nothing in the template sends the application's logs off the instances \(SSM parameter \/aws\/service\/ami-amazon-linux-latest\/.* is an image AWS publishes/,
    },
    {
      name: 'L1 launch template of a custom image (literal AMI id), an agent association on another tag',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { imageId: 'ami-0123456789abcdef0', tagSpecifications: [{ resourceType: 'instance', tags: [{ key: 'Role', value: 'web' }] }] } });
        new ssm.CfnAssociation(s, 'Agent', { name: 'AmazonCloudWatch-ManageAgent', parameters: { action: ['configure'] }, targets: [{ key: 'tag:Role', values: ['batch'] }] });
      },
      reason: /\(S\/Agent selects other instances\), and the image \(ami-0123456789abcdef0\) is not one AWS publishes, so the template cannot show .* acknowledge this finding/,
    },
    {
      name: 'user data from a template parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnInstance(s, 'I', { imageId: 'ami-0123456789abcdef0', userData: Fn.base64(new CfnParameter(s, 'Boot').valueAsString) });
      },
      reason: /could not verify whether the user data installs a log agent: its value is not known at synth \(parameter Boot of stack S\)/,
    },
    {
      name: 'L2 Fargate task whose container has no logging',
      build: (app) => { fargateTask(stackIn(app, 'S')); },
      reason: /container App has no log configuration: its output is discarded/,
    },
    {
      name: 'L1 EC2 task definition logging with json-file, and a daemon service that is not a log collector',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ecs.CfnTaskDefinition(s, 'Task', { containerDefinitions: [container('app', 'app:1', { logDriver: 'json-file' })] });
        const agent = new ecs.CfnTaskDefinition(s, 'NodeExporter', { containerDefinitions: [container('exporter', 'prom/node-exporter')] });
        new ecs.CfnService(s, 'Daemon', { cluster: 'shop', schedulingStrategy: 'DAEMON', taskDefinition: agent.ref });
      },
      reason: /container app logs with the json-file driver, which keeps its output on the host, and no daemon service of the account runs a log collector there/,
    },
  ],
  compliant: [
    {
      name: 'L1 launch template of an EKS managed node group whose cluster has the amazon-cloudwatch-observability add-on',
      build: (app) => { eksNodes(stackIn(app, 'S'), true); },
    },
    {
      name: 'L2 instance starting the CloudWatch agent from user data; L1 launch template installing Fluent Bit through cfn-init; rsyslog forwarding',
      build: (app) => {
        const s = stackIn(app, 'S');
        web(s, linux(['dnf install -y amazon-cloudwatch-agent', '/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s -c ssm:AmazonCloudWatch-web']));
        const lt = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { imageId: 'ami-0123456789abcdef0' } });
        lt.cfnOptions.metadata = { 'AWS::CloudFormation::Init': { config: { packages: { yum: { 'fluent-bit': [] } }, services: { sysvinit: { 'fluent-bit': { enabled: true } } } } } };
        new ec2.CfnInstance(s, 'Syslog', { imageId: 'ami-0123456789abcdef0', userData: Fn.base64('#!/bin/bash\necho "*.* @@logs.partner.example.com:514" >> /etc/rsyslog.conf\n') });
      },
    },
    {
      name: 'L2 Windows Auto Scaling group configured by an AmazonCloudWatch-ManageAgent association on its tag',
      build: (app) => {
        const s = stackIn(app, 'S');
        const asg = new autoscaling.AutoScalingGroup(s, 'Fleet', { vpc: vpcIn(s), instanceType: new ec2.InstanceType('m6i.large'), machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE) });
        Tags.of(asg).add('Patch Group', 'windows-prod');
        new ssm.CfnAssociation(s, 'Agent', { name: 'AmazonCloudWatch-ManageAgent', parameters: { action: ['configure'], optionalConfigurationSource: ['ssm'], optionalConfigurationLocation: ['AmazonCloudWatch-windows'] }, targets: [{ key: 'tag:Patch Group', values: ['windows-prod'] }] });
      },
    },
    {
      name: 'containers: L2 Fargate with awslogs, FireLens; L1 EC2 task on json-file read by a Fluent Bit daemon service; an ECS container host (not applicable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const task = fargateTask(s, ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }));
        task.addFirelensLogRouter('Router', { image: ecs.obtainDefaultFluentBitECRImage(task), firelensConfig: { type: ecs.FirelensLogRouterType.FLUENTBIT }, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'router' }) });
        task.addContainer('Sidecar', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/envoy:v1'), logging: ecs.LogDrivers.firelens({ options: { Name: 'cloudwatch' } }) });
        new ecs.CfnTaskDefinition(s, 'Ec2Task', { containerDefinitions: [container('app', 'app:1', { logDriver: 'json-file' })] });
        const collector = new ecs.CfnTaskDefinition(s, 'Collector', { containerDefinitions: [container('fluent-bit', 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable')] });
        new ecs.CfnService(s, 'Daemon', { cluster: 'shop', schedulingStrategy: 'DAEMON', taskDefinition: collector.ref });
        new ec2.CfnLaunchTemplate(s, 'Host', { launchTemplateData: { imageId: 'ami-0123456789abcdef0', userData: Fn.base64('#!/bin/bash\necho ECS_CLUSTER=shop >> /etc/ecs/ecs.config\n') } });
      },
    },
  ],
  notShown: [
    {
      name: 'L1 launch template of an EKS managed node group, no log add-on on the cluster',
      build: (app) => { eksNodes(stackIn(app, 'S'), false); },
      reason: /run pods whose logs a DaemonSet in the cluster collects, and no amazon-cloudwatch-observability add-on/,
    },
  ],
};
