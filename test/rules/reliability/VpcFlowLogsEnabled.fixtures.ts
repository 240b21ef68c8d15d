import { App, aws_ec2 as ec2, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 ec2.Vpc without flow logs', build: (app: App) => { new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2 }); }, reason: /no AWS::EC2::FlowLog references the VPC/ },
    {
      name: 'L2 flow log recording rejected traffic only',
      build: (app: App) => { new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2 }).addFlowLog('Rejects', { trafficType: ec2.FlowLogTrafficType.REJECT }); },
      reason: /record only REJECT traffic/,
    },
    {
      name: 'L1 flow log on a subnet does not cover the VPC',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
        const subnet = new ec2.CfnSubnet(s, 'Subnet', { vpcId: vpc.ref, cidrBlock: '10.0.0.0/24' });
        new ec2.CfnFlowLog(s, 'Log', { resourceId: subnet.ref, resourceType: 'Subnet', trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws:s3:::flow-logs' });
      },
      reason: /no AWS::EC2::FlowLog references the VPC/,
    },
    {
      name: 'traffic type from a parameter (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
        new ec2.CfnFlowLog(s, 'Log', { resourceId: vpc.ref, resourceType: 'VPC', trafficType: new CfnParameter(s, 'Traffic').valueAsString, logDestinationType: 's3', logDestination: 'arn:aws:s3:::flow-logs' });
      },
      reason: /could not verify the TrafficType/,
    },
  ],
  compliant: [
    { name: 'L2 ec2.Vpc with flowLogs', build: (app: App) => { new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2, flowLogs: { All: {} } }); } },
    {
      name: 'VPC in a network stack, flow log in a logging stack (cross-stack reference)',
      build: (app: App) => {
        const vpc = new ec2.Vpc(stackIn(app, 'Network', '111111111111'), 'Vpc', { maxAzs: 2, natGateways: 0 });
        new ec2.FlowLog(stackIn(app, 'Logging', '111111111111'), 'FlowLog', { resourceType: ec2.FlowLogResourceType.fromVpc(vpc), destination: ec2.FlowLogDestination.toS3() });
      },
    },
  ],
};
