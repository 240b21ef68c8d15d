/**
 * Windows file shares the way the AWS Microsoft workloads guidance builds them: AWS Managed Microsoft AD with its
 * admin password generated in Secrets Manager, a Multi-AZ Amazon FSx for Windows File Server joined to it with 14
 * days of automatic backups, and a Windows application fleet (launch template, Auto Scaling group) that joins the
 * domain through a State Manager association. Stores are tagged with their classification.
 */
import {
  App, Duration, Stack, StackProps, Tags,
  aws_autoscaling as autoscaling, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_directoryservice as directory,
  aws_ec2 as ec2, aws_fsx as fsx, aws_iam as iam, aws_secretsmanager as secretsmanager, aws_sns as sns, aws_ssm as ssm,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class FileSharesStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16') });
    const [subnetA, subnetB] = vpc.privateSubnets;

    const adminPassword = new secretsmanager.Secret(this, 'DirectoryAdmin', {
      description: 'Admin password of corp.example.com',
      generateSecretString: { passwordLength: 32, excludeCharacters: '"\'`\\/@' },
    });
    const directoryService = new directory.CfnMicrosoftAD(this, 'Directory', {
      name: 'corp.example.com',
      shortName: 'CORP',
      edition: 'Standard',
      password: adminPassword.secretValue.unsafeUnwrap(),
      vpcSettings: { vpcId: vpc.vpcId, subnetIds: [subnetA.subnetId, subnetB.subnetId] },
    });

    const fileSg = new ec2.SecurityGroup(this, 'FileSystemSg', { vpc, description: 'FSx for Windows', allowAllOutbound: false });
    fileSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(445), 'SMB from the VPC');
    fileSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(5985), 'PowerShell remoting for administration');
    const shares = new fsx.CfnFileSystem(this, 'Shares', {
      fileSystemType: 'WINDOWS',
      storageCapacity: 1024,
      storageType: 'SSD',
      subnetIds: [subnetA.subnetId, subnetB.subnetId],
      securityGroupIds: [fileSg.securityGroupId],
      windowsConfiguration: {
        activeDirectoryId: directoryService.ref,
        deploymentType: 'MULTI_AZ_1',
        preferredSubnetId: subnetA.subnetId,
        throughputCapacity: 64,
        automaticBackupRetentionDays: 14,
        dailyAutomaticBackupStartTime: '01:00',
        copyTagsToBackups: true,
      },
    });
    Tags.of(shares).add('DataClassification', 'confidential');

    const appRole = new iam.Role(this, 'AppServerRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMDirectoryServiceAccess'),
      ],
    });
    const appSg = new ec2.SecurityGroup(this, 'AppServerSg', { vpc, description: 'Windows application servers', allowAllOutbound: false });
    appSg.addEgressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.allTraffic(), 'Domain controllers, file shares and endpoints in the VPC');
    appSg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'AWS APIs and Windows Update');
    const launchTemplate = new ec2.LaunchTemplate(this, 'AppServerTemplate', {
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6I, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE),
      role: appRole,
      securityGroup: appSg,
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/sda1', volume: ec2.BlockDeviceVolume.ebs(100, { encrypted: true }) }],
    });
    const fleet = new autoscaling.AutoScalingGroup(this, 'AppServers', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      launchTemplate,
      minCapacity: 2,
      maxCapacity: 4,
    });
    fleet.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 70 });
    Tags.of(fleet).add('DataClassification', 'internal');
    Tags.of(fleet).add('Role', 'app-server');
    new ssm.CfnAssociation(this, 'JoinDomain', {
      name: 'AWS-JoinDirectoryServiceDomain',
      parameters: { directoryId: [directoryService.ref], directoryName: ['corp.example.com'] },
      targets: [{ key: 'tag:Role', values: ['app-server'] }],
    });

    const ops = new sns.Topic(this, 'OpsTopic');
    new cloudwatch.Alarm(this, 'SharesFreeStorage', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/FSx', metricName: 'FreeStorageCapacity', dimensionsMap: { FileSystemId: shares.ref },
        statistic: 'Minimum', period: Duration.minutes(5),
      }),
      threshold: 100 * 1024 ** 3,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
    }).addAlarmAction(new actions.SnsAction(ops));
  }
}

export function build(app: App): void {
  new FileSharesStack(app, 'FileShares', { env: WORKLOAD });
}
