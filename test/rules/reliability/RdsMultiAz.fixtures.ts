import { App, aws_ec2 as ec2, aws_rds as rds, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const vpcOf = (s: Stack) => new ec2.Vpc(s, 'Vpc', { maxAzs: 2, natGateways: 0 });
const aurora = (app: App, readers: rds.IClusterInstance[]) => {
  const s = stackIn(app, 'S', MANAGEMENT);
  new rds.DatabaseCluster(s, 'Cluster', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
    vpc: vpcOf(s), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    writer: rds.ClusterInstance.serverlessV2('Writer'), readers,
  });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 single-AZ DB instance (CDK default)',
      build: (app: App) => { const s = stackIn(app, 'S', MANAGEMENT); new rds.DatabaseInstance(s, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc: vpcOf(s), vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }); },
      reason: /not Multi-AZ/,
    },
    { name: 'L2 Aurora cluster with a writer only', build: (app: App) => aurora(app, []), reason: /has 1 DB instance in the app/ },
    {
      name: 'MultiAZ from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const db = new rds.CfnDBInstance(s, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t3.micro', allocatedStorage: '20' });
        db.addPropertyOverride('MultiAZ', new CfnParameter(s, 'MultiAz').valueAsString);
      },
      reason: /could not verify MultiAZ/,
    },
  ],
  compliant: [
    { name: 'L2 Aurora cluster with a writer and a reader', build: (app: App) => aurora(app, [rds.ClusterInstance.serverlessV2('Reader', { scaleWithWriter: true })]) },
    { name: 'L1 Multi-AZ DB instance', build: (app: App) => { new rds.CfnDBInstance(stackIn(app, 'S'), 'Db', { engine: 'postgres', dbInstanceClass: 'db.t3.micro', allocatedStorage: '20', multiAz: true }); } },
    { name: 'L1 Multi-AZ DB cluster (non-Aurora)', build: (app: App) => { new rds.CfnDBCluster(stackIn(app, 'S'), 'Cluster', { engine: 'postgres', dbClusterInstanceClass: 'db.m6gd.large', allocatedStorage: 100, storageType: 'io1', iops: 1000 }); } },
  ],
};
