/**
 * A hub VPC attached to a transit gateway, with the data centre connected over two Site-to-Site VPN connections
 * from two customer routers, each with BGP: the redundant VPN design of the AWS hybrid connectivity whitepaper.
 */
import { App, Stack, StackProps, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class HubStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Hub', {
      ipAddresses: ec2.IpAddresses.cidr('10.100.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'Attach', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 28 },
        { name: 'Workload', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 22 },
      ],
    });
    const tgw = new ec2.CfnTransitGateway(this, 'TransitGateway', {
      amazonSideAsn: 64512,
      vpnEcmpSupport: 'enable',
      defaultRouteTableAssociation: 'enable',
      defaultRouteTablePropagation: 'enable',
    });
    const attachment = new ec2.CfnTransitGatewayAttachment(this, 'HubAttachment', {
      transitGatewayId: tgw.ref,
      vpcId: vpc.vpcId,
      subnetIds: vpc.selectSubnets({ subnetGroupName: 'Attach' }).subnetIds,
    });
    vpc.selectSubnets({ subnetGroupName: 'Workload' }).subnets.forEach((subnet, i) => {
      new ec2.CfnRoute(this, `ToDatacenter${i + 1}`, {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: '10.0.0.0/12',
        transitGatewayId: tgw.ref,
      }).node.addDependency(attachment);
    });
    for (const [name, ip] of [['RouterA', '198.51.100.10'], ['RouterB', '198.51.100.11']]) {
      const gateway = new ec2.CfnCustomerGateway(this, `${name}Gateway`, { type: 'ipsec.1', ipAddress: ip, bgpAsn: 65010 });
      new ec2.CfnVPNConnection(this, `${name}Vpn`, { type: 'ipsec.1', customerGatewayId: gateway.ref, transitGatewayId: tgw.ref });
    }
  }
}

export function build(app: App): void {
  new HubStack(app, 'Hub', { env: WORKLOAD });
}
