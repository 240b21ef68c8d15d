import { met, notMet, passes } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const VPN = 'Site/Vpc/Datacenter/Resource';

export const vpnSingleBgp: CorpusApp = {
  name: 'vpn-single-bgp',
  description: 'A customer-deployed VPC with a virtual private gateway and one BGP VPN connection, the customer\'s choice of one recorded with declareSingleVpnConnection.',
  build,
  selections: [{
    name: 'networking/customer-deployed-on-aws',
    selection: { checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' },
    findings: [],
    passes: [
      passes('2.1', VPN, 'one connection, the second one supported and left out by the customer: "the solution must support redundant connections, even if the customers do not always implement this"', 'VpnConnectionsRedundant'),
      passes('2.1', VPN, 'BGP, so both tunnels carry traffic and fail over: goes beyond "Network connectivity to the solution must be highly available"', 'VpnBgpRouting'),
      passes('1.24', 'Site/Vpc/Datacenter/CustomerGateway', 'the data centre reaches the VPC over IPsec: "All data in transit across a VPC boundary is encrypted"', 'CustomerGatewayUsesVpn'),
    ],
    verdicts: {
      '1.9': met('the only role is CDK\'s default security group handler\'s: "least privilege access should be applied"'),
      '1.10': met('no credential in the function or the VPN connection: "credentials used to integration with AWS should be easily changed and not hard coded"'),
      '1.11': notMet('no credential in the template: nothing shows "credentials stored in APN Partner solution used to integrate with AWS should be encrypted"'),
      '1.16': met('the default security group is emptied: "restrict traffic within the VPC"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('the customer gateway connects over IPsec: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('one BGP connection with two tunnels, a second supported: "the solution must support redundant connections, even if the customers do not always implement this"'),
      '2.2': notMet('no capacity that scales is in the template: nothing shows "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.8': met('the VPN connection has a tunnel in each of two zones and the subnets span two zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
