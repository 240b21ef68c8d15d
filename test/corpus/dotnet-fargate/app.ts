/**
 * An ASP.NET Core service modernized onto Fargate, as the .NET-on-AWS samples build it: an HTTPS
 * ApplicationLoadBalancedFargateService with HTTP redirected, task auto scaling, and a Multi-AZ RDS for SQL Server
 * database. The team passes the ADO.NET connection string, password included, as an environment variable.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_certificatemanager as acm, aws_ec2 as ec2, aws_ecs as ecs, aws_ecs_patterns as patterns, aws_rds as rds,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class OrdersStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc });

    const db = new rds.DatabaseInstance(this, 'SqlServer', {
      engine: rds.DatabaseInstanceEngine.sqlServerSe({ version: rds.SqlServerEngineVersion.VER_16 }),
      licenseModel: rds.LicenseModel.LICENSE_INCLUDED,
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M5, ec2.InstanceSize.XLARGE),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      multiAz: true,
      storageEncrypted: true,
      allocatedStorage: 100,
      credentials: rds.Credentials.fromGeneratedSecret('sqladmin'),
      backupRetention: Duration.days(7),
      removalPolicy: RemovalPolicy.SNAPSHOT,
    });

    const service = new patterns.ApplicationLoadBalancedFargateService(this, 'Api', {
      cluster,
      cpu: 1024,
      memoryLimitMiB: 2048,
      desiredCount: 2,
      certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', 'arn:aws:acm:eu-west-1:111111111111:certificate/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'),
      redirectHTTP: true,
      taskImageOptions: {
        image: ecs.ContainerImage.fromRegistry('111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders-api:1.4.2'),
        containerPort: 8080,
        environment: {
          ASPNETCORE_ENVIRONMENT: 'Production',
          ConnectionStrings__Orders: `Server=${db.dbInstanceEndpointAddress},1433;Database=Orders;User Id=orders_app;Password=0rders#App2024;Encrypt=True;TrustServerCertificate=False`,
        },
      },
      circuitBreaker: { rollback: true },
      minHealthyPercent: 100,
    });
    const scaling = service.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 });
    scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    db.connections.allowDefaultPortFrom(service.service);
  }
}

export function build(app: App): void {
  new OrdersStack(app, 'Orders', { env: WORKLOAD });
}
