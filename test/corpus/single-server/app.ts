/**
 * A lift-and-shift of one web server, as many first migrations look: a single EC2 instance in a public subnet with
 * SSH and HTTP open to the world, a key pair, the database password in its user data, one NAT gateway to save
 * cost, and a single-AZ RDS for MySQL instance whose master password is written in the code.
 */
import { App, SecretValue, Stack, StackProps, aws_ec2 as ec2, aws_rds as rds } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class ServerStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1 });

    const serverSg = new ec2.SecurityGroup(this, 'ServerSg', { vpc, description: 'Web server' });
    serverSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'SSH for the admins');
    serverSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(80), 'HTTP');

    const userData = ec2.UserData.forLinux();
    userData.addCommands(
      'dnf install -y httpd php php-mysqlnd',
      'echo "DB_HOST=db.internal" >> /etc/app.env',
      'echo "DB_PASSWORD=Sup3rS3cret!" >> /etc/app.env',
      'systemctl enable --now httpd',
    );
    const server = new ec2.Instance(this, 'Server', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.SMALL),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      securityGroup: serverSg,
      keyPair: ec2.KeyPair.fromKeyPairName(this, 'Key', 'ops'),
      userData,
    });

    const db = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.BURSTABLE3, ec2.InstanceSize.SMALL),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      credentials: rds.Credentials.fromPassword('admin', SecretValue.unsafePlainText('Sup3rS3cret!')),
      allocatedStorage: 20,
    });
    db.connections.allowFrom(server, ec2.Port.tcp(3306));
  }
}

export function build(app: App): void {
  new ServerStack(app, 'Legacy', { env: WORKLOAD });
}
