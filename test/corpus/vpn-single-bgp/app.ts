/**
 * A customer-deployed VPC connected to the customer's data centre through a virtual private gateway and one
 * Site-to-Site VPN connection with BGP, written with the L2 `vpnConnections` of `ec2.Vpc`. The customer runs one
 * router; the solution supports a second connection, and the app records that choice with
 * `declareSingleVpnConnection` from this library.
 */
import { App, Stack, StackProps, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { declareSingleVpnConnection } from '../../../lib';
import { WORKLOAD } from '../harness';

class SiteStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('10.60.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
      vpnGateway: true,
      vpnGatewayAsn: 64512,
      vpnConnections: { Datacenter: { ip: '203.0.113.10', asn: 65001 } },
      vpnRoutePropagation: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    declareSingleVpnConnection(vpc.node.findChild('Datacenter'),
      'The customer runs one router at its data centre (design review 2025-03); a second connection to the same gateway is supported and documented in the deployment guide.');
  }
}

export function build(app: App): void {
  new SiteStack(app, 'Site', { env: WORKLOAD });
}
