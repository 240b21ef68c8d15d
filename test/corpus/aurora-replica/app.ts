/**
 * Databases as a data team writes them: an Aurora PostgreSQL cluster with a writer only, and a reporting
 * PostgreSQL instance (Multi-AZ, encrypted, its secret rotated by Secrets Manager's hosted rotation) with a read
 * replica that inherits its encryption. The VPC has isolated subnets only.
 */
import { App, Duration, RemovalPolicy, Stack, StackProps, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_ec2 as ec2, aws_rds as rds, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class DataStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
    });

    const orders = new rds.DatabaseCluster(this, 'Orders', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.provisioned('Writer', { instanceType: ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE) }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      storageEncrypted: true,
      credentials: rds.Credentials.fromGeneratedSecret('orders_admin'),
      backup: { retention: Duration.days(14) },
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    const reporting = new rds.DatabaseInstance(this, 'Reporting', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6G, ec2.InstanceSize.LARGE),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      multiAz: true,
      storageEncrypted: true,
      credentials: rds.Credentials.fromGeneratedSecret('reporting_admin'),
      backupRetention: Duration.days(7),
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });
    reporting.addRotationSingleUser({ automaticallyAfter: Duration.days(30) });
    new rds.DatabaseInstanceReadReplica(this, 'ReportingReplica', {
      sourceDatabaseInstance: reporting,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M6G, ec2.InstanceSize.LARGE),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    const dba = new sns.Topic(this, 'DbaTopic');
    new cloudwatch.Alarm(this, 'OrdersCpu', {
      metric: orders.metricCPUUtilization({ period: Duration.minutes(5) }),
      threshold: 80,
      evaluationPeriods: 3,
    }).addAlarmAction(new actions.SnsAction(dba));
  }
}

export function build(app: App): void {
  new DataStack(app, 'Data', { env: WORKLOAD });
}
