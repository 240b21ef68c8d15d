import { met, notMet, passes, recommended } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const TEMPLATE = 'Fleet/ServerTemplate/Resource';

export const windowsPatching: CorpusApp = {
  name: 'windows-patching',
  description: 'A Windows fleet patched by a State Manager association running AWS-RunPatchBaseline, with inventory and the CloudWatch agent installed and configured by associations; patching attested.',
  build,
  selections: [{
    name: 'microsoft-workloads/single-tenant-saas + management',
    selection: { checklist: 'microsoft-workloads', deploymentModel: 'single-tenant-saas', subcategories: ['ms-operational-optimization.management'] },
    attested: ['ms-operational-optimization.management.8'],
    findings: [
      recommended('ms-operational-optimization.management.8', 'WindowsPatchBaseline', TEMPLATE,
        'AWS-RunPatchBaseline applies AWS\'s predefined Windows baseline, which patches; a baseline of the partner\'s own goes beyond "Patching"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Fleet/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('ms-operational-optimization.management.8', TEMPLATE, 'a State Manager association runs AWS-RunPatchBaseline every Sunday: "Patching"', 'WindowsMaintenanceWindow'),
      passes('ms-operational-optimization.management.1', TEMPLATE, 'AWS-GatherSoftwareInventory targets the fleet: "Inventory listing and analysis"', 'InventoryAssociation'),
      passes('ms-operational-optimization.management.7', TEMPLATE, 'the CloudWatch agent is installed and configured by association: "Continuous performance analysis and alerting."', 'CloudWatchAgentConfigured'),
      passes('2.3', TEMPLATE, 'the CloudWatch agent ships the Application event log: "All log information from the application"', 'ApplicationLogsCollected'),
    ],
    verdicts: {
      '1.9': met('the servers\' role has the Systems Manager and CloudWatch agent policies: "granting only the permissions required to perform a task"'),
      '1.10': met('the agent configuration holds no credential: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('the only parameter is the agent configuration, not a credential: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': met('the servers\' group admits nothing and sends HTTPS only: "restrict access to the greatest degree possible"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each Amazon S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('the servers\' volumes are encrypted; the NOC topic carries alarm states only, not customer data: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('nothing crosses a VPC boundary in the template: nothing shows "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no way in from outside: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.2': met('the fleet scales on CPU: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.3': met('the CloudWatch agent ships the servers\' logs: "All log information from the application ... should be consolidated into a single system"'),
      '2.4': notMet('the CPU alarm notifies the operations topic, which has no subscription in the template, so the template does not show it "with alarms generated and sent to the appropriate operations staff" (no finding); 2.4 is not attested'),
      '2.6': notMet('the fleet is stateless and nothing stores data: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('the fleet and NAT gateways span two zones: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"'),
      'ms-operational-optimization.management.8': met('attested, and the fleet is patched by a State Manager association: "Patching"'),
    },
  }],
};
