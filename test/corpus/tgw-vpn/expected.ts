import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

export const tgwVpn: CorpusApp = {
  name: 'tgw-vpn',
  description: 'A hub VPC on a transit gateway; the data centre connects through two BGP Site-to-Site VPN connections from two routers.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('2.3', 'AccessLogsEnabled', ['Hub/RouterAVpn', 'Hub/RouterBVpn'],
        'the tunnels write no activity log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Hub/Hub/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.1', 'Hub/RouterAVpn', 'two connections to one transit gateway, from two routers: "the solution must support redundant connections"', 'VpnConnectionsRedundant'),
      passes('2.1', 'Hub/RouterBVpn', 'BGP on both connections: goes beyond "Network connectivity to the solution must be highly available"', 'VpnBgpRouting'),
      passes('1.24', 'Hub/RouterAGateway', 'the customer network reaches the VPC over IPsec: "All data in transit across a VPC boundary is encrypted"', 'CustomerGatewayUsesVpn'),
    ],
    verdicts: {
      '1.9': met('the only role is CDK\'s default security group handler\'s: "granting only the permissions required to perform a task"'),
      '1.10': met('no credential in the function or the VPN connections (AWS generates the pre-shared keys): "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential in the template: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': met('the default security group is emptied: "restrict traffic within the VPC"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('no data store: nothing shows "All customer data classified as sensitive is encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('both customer gateways connect over IPsec: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('two VPN connections from two routers, each with two tunnels: "the solution must support redundant connections"'),
      '2.2': notMet('no capacity that scales is in the template: nothing shows "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.4': notMet('no alarm on tunnel state: "with alarms generated and sent to the appropriate operations staff"'),
      '2.6': notMet('no data store: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('the attachment uses subnets in two zones and each connection has tunnels in two zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
