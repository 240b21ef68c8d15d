/**
 * The Windows file server a partner stands up by hand and then writes down in CDK: one instance, an extra 500 GiB
 * EBS volume for the shares (not encrypted, no backup, no tags), RDP open to the world, and user data that joins
 * the domain with the domain admin's password written in it.
 */
import { App, Size, Stack, StackProps, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class FileServerStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const sg = new ec2.SecurityGroup(this, 'FileServerSg', { vpc, description: 'File server' });
    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(3389), 'RDP');
    sg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(445), 'SMB');

    const userData = ec2.UserData.forWindows();
    userData.addCommands(
      '$password = ConvertTo-SecureString "Corp!Admin2024" -AsPlainText -Force',
      '$credential = New-Object System.Management.Automation.PSCredential("CORP\\Administrator", $password)',
      'Add-Computer -DomainName corp.example.com -Credential $credential -Restart',
    );
    const server = new ec2.Instance(this, 'FileServer', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, availabilityZones: ['eu-west-1a'] },
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.LARGE),
      machineImage: ec2.MachineImage.latestWindows(ec2.WindowsVersion.WINDOWS_SERVER_2022_ENGLISH_FULL_BASE),
      securityGroup: sg,
      userData,
      ssmSessionPermissions: true,
    });
    const data = new ec2.Volume(this, 'SharesVolume', {
      availabilityZone: 'eu-west-1a',
      size: Size.gibibytes(500),
      volumeType: ec2.EbsDeviceVolumeType.GP3,
      encrypted: false,
    });
    new ec2.CfnVolumeAttachment(this, 'SharesAttachment', { instanceId: server.instanceId, volumeId: data.volumeId, device: 'xvdf' });
  }
}

export function build(app: App): void {
  new FileServerStack(app, 'FileServer', { env: WORKLOAD });
}
