import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const ASG = 'Proxy/Proxies/ASG';
const TEMPLATE = 'Proxy/ProxyTemplate/Resource';
const UPDATER_LOGS = 'Proxy/DnsUpdaterLogs/Resource';

export const dnsHaProxy: CorpusApp = {
  name: 'dns-ha-proxy',
  description: 'A partner software load balancer: marked proxy instances in an Auto Scaling group in public subnets, HA through Route 53 records a Lambda function keeps up to date, three custom metrics alarmed, an internal ALB downstream.',
  build,
  selections: [{
    name: 'networking/saas + load-balancers',
    selection: { checklist: 'networking', deploymentModel: 'saas', categories: ['load-balancers'] },
    findings: [
      required('1.21', 'DataStoreClassified', UPDATER_LOGS,
        'the updater\'s log group is not classified: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', UPDATER_LOGS,
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      recommended('1.24', 'InternalListenerTls', 'Proxy/BackendLb/Http/Resource',
        'the internal listener is HTTP inside the VPC: TLS there goes beyond "All data in transit across a VPC boundary is encrypted"'),
      required('2.3', 'AccessLogsEnabled', 'Proxy/BackendLb/Resource',
        'the downstream load balancer writes no access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.3', 'LogGroupShippedCentrally', UPDATER_LOGS,
        'the updater\'s log group stays in the account: "should be consolidated into a single system"'),
      required('2.3', 'ApplicationLogsCollected', TEMPLATE,
        'the proxies\' access logs stay on the instances: "All log information from the application ... should be consolidated into a single system"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Proxy/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.1', 'Proxy/Proxies/ASG', 'the public proxies keep two instances or more over two zones, which DNS follows: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('1.16', 'Proxy/ProxySg/Resource', 'HTTPS from anyone to the solution\'s own load balancer instances: "Implementing AWS security groups to restrict traffic between Internet and VPC"', 'SecurityGroupNoOpenIngress'),
      passes('load-balancers.5', ASG, 'Route 53 records follow the group through its lifecycle events: "the solution must use DNS or Elastic Load Balancing to distribute inbound requests"', 'ApplianceBehindLoadBalancer'),
      passes('load-balancers.8', ASG, 'three custom metrics, each alarmed: "Support for at least 3 custom Amazon CloudWatch metrics"', 'ApplianceCustomMetricsAlarmed'),
      passes('load-balancers.7', TEMPLATE, 'user data installs and configures the proxy: "Native bootstrapping using the user data field"', 'ApplianceUserDataBootstrap'),
      passes('load-balancers.9', TEMPLATE, 'c6in is an ENA instance family: "Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver"', 'EnaInstanceType'),
    ],
    verdicts: {
      '1.9': met('the updater may change its zone\'s records and describe; the proxies put metrics in their namespace: "granting only the permissions required to perform a task"'),
      '1.10': met('the function holds a zone id and a record name: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential in the template: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': met('HTTPS to the proxies, HTTP from them to the downstream group only, egress limited: "restrict access to the greatest degree possible"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('the proxies\' volumes are encrypted and the log group is encrypted by CloudWatch Logs, whose endpoints accept HTTPS only; the NOC topic carries alarm states only, not customer data: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('clients reach the proxies over HTTPS; the HTTP hop stays inside the VPC: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('at least two proxies in two zones behind DNS: "Network connectivity to the solution must be highly available"'),
      '2.2': met('the proxy group scales on CPU; Lambda scales itself: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.4': notMet('three alarms notify the NOC topic, which has no subscription in the template, so the template does not show them "with alarms generated and sent to the appropriate operations staff" (no finding); no attestation'),
      '2.6': notMet('the proxies are stateless and nothing stores data: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('proxies, the downstream load balancer and NAT gateways span two zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
      'load-balancers.3': met('target tracking between 2 and 8 proxies: "The design must be able to auto-scale horizontally without manual intervention"'),
      'load-balancers.4': met('proxies in two zones behind DNS: "The load balancing solution must provide a highly available deployment option"'),
      'load-balancers.5': met('DNS distributes requests to proxies in two zones: "the solution must use DNS or Elastic Load Balancing to distribute inbound requests to multiple partner load balancer instances deployed in multiple availability zones"'),
      'load-balancers.6': met('the proxies may send to the internal Application Load Balancer: "must be able to send downstream traffic to an Elastic Load Balancing load balancer"'),
      'load-balancers.7': met('user data bootstraps the proxies: "Native bootstrapping using the user data field"'),
      'load-balancers.8': met('three custom metrics, each alarmed: "Support for at least 3 custom Amazon CloudWatch metrics"'),
    },
  }],
};
