import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const ALERTS = 'Network/FirewallAlerts/Resource';
const VPN_LOGS = 'Network/ClientVpnLogs/Resource';
const ENDPOINT_GROUPS = ['Ssm', 'SsmMessages', 'Ec2Messages', 'Logs', 'Sts'].map((e) => `Network/SharedServices/${e}/SecurityGroup/Resource`);

export const hubSpokeInspection: CorpusApp = {
  name: 'hub-spoke-inspection',
  description: 'Hub and spoke: a transit gateway with two route tables, an inspection VPC with AWS Network Firewall and centralized NAT egress, two spokes, interface endpoints, Route 53 Resolver endpoints with query logging and a forwarding rule, Client VPN with mutual TLS, flow logs to one bucket.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.16', 'SecurityGroupEgressRestricted', [...ENDPOINT_GROUPS, 'Network/SharedServices/AdminVpn/SecurityGroup/Resource'],
        'the interface endpoints\' and the Client VPN endpoint\'s groups keep allowAllOutbound (the CDK default), not "the most restrictive possible settings"; the VPN clients reach the VPC through its group'),
      required('1.21', 'DataStoreClassified', ['Network/FlowLogs/Resource', ALERTS, VPN_LOGS],
        'flow, DNS query and firewall logs record who talked to whom, and the VPN log who connected: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', [ALERTS, VPN_LOGS],
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      required('2.3', 'LogGroupShippedCentrally', [ALERTS, VPN_LOGS],
        'the firewall alerts and VPN connection logs stay in local log groups while flow and query logs go to the bucket: "All log information ... should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.3', 'Network/Firewall', 'the firewall\'s logging configuration sends flow logs to the central bucket and alerts to a log group: "All log information from the application, and from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.3', 'Network/SharedServices/AdminVpn/Resource', 'Client VPN connection logging is on: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.3', 'Network/InboundResolver', 'Resolver query logging of the shared-services VPC records the data centre\'s queries through the inbound endpoint: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.3', 'Network/OutboundResolver', 'the same query log records the queries forwarded through the outbound endpoint: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.8', 'Network/Firewall', 'a firewall endpoint in each of three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'NetworkConnectionsMultiAz'),
      passes('2.8', 'Network/InboundResolver', 'the endpoint\'s two addresses are in two zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'NetworkConnectionsMultiAz'),
      passes('2.8', 'Network/SharedServices/Ssm/Resource', 'the interface endpoints have a network interface in each zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'NetworkConnectionsMultiAz'),
      passes('2.8', 'Network/InspectionAttachment', 'the inspection attachment has a subnet in each zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'NetworkConnectionsMultiAz'),
      passes('2.8', 'Network/Inspection/FirewallSubnet1/RouteTable', 'centralized egress has a NAT gateway per zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'NatGatewayPerAz'),
      passes('1.24', 'Network/SharedServices/AdminVpn/Resource', 'Client VPN sessions are TLS: "All data in transit across a VPC boundary is encrypted"', 'EndpointProtocolEncrypted'),
      passes('1.16', 'Network/ResolverSg/Resource', 'the resolver endpoints\' group sends DNS to the two data-centre servers only: "allow only the most restrictive possible settings"', 'SecurityGroupEgressRestricted'),
      passes('2.1', 'Network/SharedServices/AdminVpn/Resource', 'the administrators\' VPN is associated with subnets in three zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
    ],
    verdicts: {
      '1.9': met('the only policies are the flow-log bucket\'s, granting the log delivery service: "granting only the permissions required to perform a task"'),
      '1.10': met('no credential in the template: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('the app stores no credential, so nothing shows "ensure the encryption of any credentials at rest"'),
      '1.17': met('the bucket policy grants the log delivery service and denies plain HTTP: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('S3 turns Block Public Access on for the new bucket: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('the bucket is SSE-S3 and TLS-only, the log groups are encrypted and reached over HTTPS only: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('the resolver endpoints speak Do53 (no Protocols): DNS in clear, encrypted across the boundary only if the connection to the data centre is (not in this app), so the template does not show "All data in transit across a VPC boundary is encrypted" (no finding)'),
      '2.1': met('the VPN endpoint, the attachments and the centralized egress span three zones: "Network connectivity to the solution must be highly available"'),
      '2.2': met('the managed layers (NAT gateways, Network Firewall, S3) scale on their own: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.6': notMet('the only store is a log bucket in no plan: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('firewall endpoints, NAT gateways, attachments, interface endpoints and resolver addresses span the zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
