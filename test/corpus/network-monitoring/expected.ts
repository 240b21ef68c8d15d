import { met, notApplicable, notMet, passes } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

export const networkMonitoring: CorpusApp = {
  name: 'network-monitoring',
  description: 'Flow logs of two VPCs with distinct ranges delivered through Kinesis Data Firehose to an encrypted archive, an alarm on delivery freshness; the product\'s features attested.',
  build,
  selections: [{
    name: 'networking/saas + network-management',
    selection: { checklist: 'networking', deploymentModel: 'saas', categories: ['network-management'] },
    attested: ['network-management.1', 'network-management.2', 'network-management.3'],
    findings: [],
    passes: [
      passes('network-management.2', 'NetworkMonitoring/ProdFlowLog', 'flow logs through Firehose are one of the destinations the product ingests from: "Support for ingesting flow logs"', 'FlowLogsQueryable'),
      passes('network-management.2', 'NetworkMonitoring/Prod/Resource', 'distinct ranges: goes beyond "events such as VPCs created with overlapping addresses"', 'NoOverlappingVpcCidrs'),
      passes('2.3', 'NetworkMonitoring/Shared/Resource', 'every VPC has a flow log of all traffic: goes beyond "should be consolidated into a single system"', 'VpcFlowLogsEnabled'),
      passes('1.22', 'NetworkMonitoring/FlowLogStream', 'the delivery stream encrypts its buffer: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('1.22', 'NetworkMonitoring/FlowLogStream', 'Amazon Data Firehose endpoints accept HTTPS only: "encrypted in transit"', 'DataStoreEncryptedInTransit'),
    ],
    verdicts: {
      '1.9': met('the delivery role writes to its archive only: "granting only the permissions required to perform a task"'),
      '1.10': met('no credential in the template: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential in the template: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': met('both default security groups are emptied: "restrict traffic within the VPC"'),
      '1.17': met('the archive\'s policy denies plain HTTP and only the delivery role writes: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('the archive blocks public access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('archive and delivery stream are encrypted at rest and in transit; the NOC topic carries alarm states only, not customer data: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('the archive accepts TLS only: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no way in from outside: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.2': met('Firehose and S3 scale with the volume of flow logs: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.3': notMet('the flow logs land in one archive, but nothing in the template shows it is where all the solution\'s logs are: "All log information ... should be consolidated into a single system"'),
      '2.4': notMet('the freshness alarm notifies the NOC topic, which has no subscription in the template, so the template does not show it "with alarms generated and sent to the appropriate operations staff" (no finding); 2.4 is not attested'),
      '2.6': notMet('the archive is a log bucket in no plan: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('Firehose and S3 are regional services across the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
      'network-management.1': met('attested: "APN Partner must demonstrate a successful integration of their software into a customer deployment"'),
      'network-management.2': met('attested, with flow logs delivered and alarms notifying: "Support for ingesting flow logs"'),
      'network-management.3': met('attested: "it must have a public reference designs or automation to maintain high availability in multiple AZs"'),
      'network-management.4': notApplicable('the other feature list is met: "The network management solution must provide all of the AWS capabilities from one of the following feature lists"'),
    },
  }],
};
