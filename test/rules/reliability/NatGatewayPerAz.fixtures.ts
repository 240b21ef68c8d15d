import { App, aws_ec2 as ec2, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'L2 ec2.Vpc over two AZs with a single NAT gateway',
      build: (app: App) => { new ec2.Vpc(stackIn(app, 'S', MANAGEMENT), 'Vpc', { maxAzs: 2, natGateways: 1 }); },
      reason: /routes through NAT gateway .* in another Availability Zone/,
    },
    {
      name: 'L2 VPC over three AZs with two NAT gateways',
      build: (app: App) => { new ec2.Vpc(stackIn(app, 'S', MANAGEMENT), 'Vpc', { maxAzs: 3, natGateways: 2 }); },
      reason: /in another Availability Zone/,
    },
    {
      name: 'L2 environment-agnostic VPC (Fn::GetAZs zones) with a single NAT gateway',
      build: (app: App) => { new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2, natGateways: 1 }); },
      reason: /in another Availability Zone \(.*GetAZs\[0\]\)/,
    },
    {
      name: 'route to a NAT gateway id created outside the app (unverifiable)',
      build: (app: App) => {
        const s = stackIn(app, 'S');
        const vpc = new ec2.CfnVPC(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
        const subnet = new ec2.CfnSubnet(s, 'Private', { vpcId: vpc.ref, cidrBlock: '10.0.0.0/24', availabilityZone: Fn.select(0, Fn.getAzs()) });
        const table = new ec2.CfnRouteTable(s, 'Table', { vpcId: vpc.ref });
        new ec2.CfnSubnetRouteTableAssociation(s, 'Assoc', { subnetId: subnet.ref, routeTableId: table.ref });
        new ec2.CfnRoute(s, 'DefaultRoute', { routeTableId: table.ref, destinationCidrBlock: '0.0.0.0/0', natGatewayId: 'nat-0123456789abcdef0' });
      },
      reason: /could not verify the NAT gateway of route/,
    },
  ],
  compliant: [
    { name: 'L2 ec2.Vpc with one NAT gateway per AZ (the default)', build: (app: App) => { new ec2.Vpc(stackIn(app, 'S', MANAGEMENT), 'Vpc', { maxAzs: 3 }); } },
    { name: 'L2 environment-agnostic VPC, two AZs, two NAT gateways', build: (app: App) => { new ec2.Vpc(stackIn(app, 'S'), 'Vpc', { maxAzs: 2, natGateways: 2 }); } },
  ],
};
