import { App, aws_ec2 as ec2, aws_glue as glue, aws_rds as rds, CfnOutput, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const withIngress = (ingress: ec2.CfnSecurityGroup.IngressProperty[]) => (app: App) => {
  new ec2.CfnSecurityGroup(stackIn(app, 'S'), 'Sg', { groupDescription: 'test', vpcId: 'vpc-1', securityGroupIngress: ingress });
};
const vpcIn = (s: Stack) => ec2.Vpc.fromVpcAttributes(s, 'V', { vpcId: 'vpc-12345678', availabilityZones: ['eu-west-1a'] });

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'all protocols from a CIDR', build: withIngress([{ ipProtocol: '-1', cidrIp: '10.0.0.0/8' }]), reason: /every protocol/ },
    { name: 'every TCP port from a CIDR', build: withIngress([{ ipProtocol: 'tcp', fromPort: 0, toPort: 65535, cidrIp: '10.0.0.0/8' }]), reason: /every tcp port/ },
    {
      name: 'members of a group reach each other on every port (L2 allowInternally(Port.allTraffic()))',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.SecurityGroup(s, 'Cluster', { vpc: vpcIn(s), allowAllOutbound: false }).connections.allowInternally(ec2.Port.allTraffic());
      },
      reason: /ingress from the group itself \(every member to every member\) allows every protocol/,
    },
    { name: 'all traffic from a peer group', build: withIngress([{ ipProtocol: '-1', sourceSecurityGroupId: 'sg-12345678' }]), reason: /ingress from security group sg-12345678 allows every protocol/ },
    {
      name: 'a standalone rule in another stack opens every TCP port from a prefix list to a group it imports',
      build: (app) => {
        const network = stackIn(app, 'Network');
        const sg = new ec2.CfnSecurityGroup(network, 'Sg', { groupDescription: 'app', vpcId: 'vpc-1' });
        new CfnOutput(network, 'SgId', { value: sg.attrGroupId, exportName: 'AppSgId' });
        new ec2.CfnSecurityGroupIngress(stackIn(app, 'Ops'), 'Admin', { groupId: Fn.importValue('AppSgId'), ipProtocol: 'tcp', fromPort: 0, toPort: 65535, sourcePrefixListId: 'pl-0123456789abcdef0' });
      },
      reason: /ingress from prefix list pl-0123456789abcdef0 allows every tcp port/,
    },
    {
      name: 'ports from template parameters (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const from = new CfnParameter(s, 'FromPort', { type: 'Number' });
        new ec2.CfnSecurityGroup(s, 'Sg', { groupDescription: 'test', vpcId: 'vpc-1', securityGroupIngress: [{ ipProtocol: 'tcp', fromPort: from.valueAsNumber, toPort: 65535, cidrIp: '10.0.0.0/8' }] });
      },
      reason: /could not verify the ingress port range: its value is not known at synth \(parameter FromPort of stack S\)/,
    },
    {
      name: "a database's port from a template parameter, which the ingress rule names by Fn::GetAtt <db>.Endpoint.Port (unverifiable)",
      build: (app) => {
        const s = stackIn(app, 'S');
        const port = new CfnParameter(s, 'DbPort', { type: 'Number' });
        const db = new rds.CfnDBInstance(s, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t4g.micro', allocatedStorage: '20', port: port.valueAsString });
        new ec2.CfnSecurityGroupIngress(s, 'FromApp', { groupId: 'sg-12345678', ipProtocol: 'tcp', fromPort: Fn.getAtt(db.logicalId, 'Endpoint.Port') as any, toPort: Fn.getAtt(db.logicalId, 'Endpoint.Port') as any, sourceSecurityGroupId: 'sg-87654321' });
      },
      reason: /could not verify the ingress port range/,
    },
  ],
  compliant: [
    {
      // aws-cdk-lib writes Fn::GetAtt <db>.Endpoint.Port: the port is the DB's Port property or its engine's default.
      name: "the database's own port (L2 allowDefaultPortFrom: SQL Server's default 1433, Aurora PostgreSQL's port of the cluster)",
      build: (app) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.Vpc(s, 'V', { maxAzs: 2, natGateways: 0 });
        const app1 = new ec2.SecurityGroup(s, 'App', { vpc, allowAllOutbound: false });
        const sql = new rds.DatabaseInstance(s, 'Sql', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, engine: rds.DatabaseInstanceEngine.sqlServerSe({ version: rds.SqlServerEngineVersion.VER_16 }), licenseModel: rds.LicenseModel.LICENSE_INCLUDED });
        sql.connections.allowDefaultPortFrom(app1);
        const aurora = new rds.DatabaseCluster(s, 'Aurora', { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }), writer: rds.ClusterInstance.serverlessV2('Writer') });
        aurora.connections.allowDefaultPortFrom(app1);
      },
    },
    { name: 'one port from a CIDR, one port from a peer group', build: withIngress([
      { ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIp: '10.0.0.0/8' },
      { ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, sourceSecurityGroupId: 'sg-12345678' },
    ]) },
    {
      name: 'members reach each other on the one port they listen on (L2 allowInternally(Port.tcp(7000)))',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.SecurityGroup(s, 'Cluster', { vpc: vpcIn(s), allowAllOutbound: false }).connections.allowInternally(ec2.Port.tcp(7000));
      },
    },
    {
      name: 'the group of an AWS Glue connection admits all TCP ports from itself, as Glue requires',
      build: (app) => {
        const s = stackIn(app, 'S');
        const sg = new ec2.SecurityGroup(s, 'GlueSg', { vpc: vpcIn(s), allowAllOutbound: false });
        sg.connections.allowInternally(ec2.Port.allTcp());
        new glue.CfnConnection(s, 'Jdbc', {
          catalogId: '111111111111',
          connectionInput: { connectionType: 'JDBC', connectionProperties: { JDBC_CONNECTION_URL: 'jdbc:postgresql://db.internal:5432/orders' }, physicalConnectionRequirements: { securityGroupIdList: [sg.securityGroupId], subnetId: 'subnet-1' } },
        });
      },
    },
  ],
};
