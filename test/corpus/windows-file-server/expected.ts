import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp, ExpectedFinding } from '../types';
import { build } from './app';

const SERVER = 'FileServer/FileServer/Resource';
const VOLUME = 'FileServer/SharesVolume/Resource';
const SG = 'FileServer/FileServerSg/Resource';

/** Findings of items every deployment model applies. */
const everywhere: ExpectedFinding[] = [
  required('1.16', 'SecurityGroupNoOpenIngress', SG,
    'RDP from 0.0.0.0/0: "Implementing Security Groups to restrict traffic between Internet and Amazon VPC"'),
  required('1.16', 'SecurityGroupEgressRestricted', SG,
    'allowAllOutbound opens all egress, not "the most restrictive possible settings"'),
  required('2.2', 'CapacityScalesAutomatically', SERVER,
    'one file server, nothing scales: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
  required('2.8', 'ComputeMultiAz', SERVER,
    'the shares live on one instance and one volume in one zone: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"'),
  required('2.8', 'NatGatewayPerAz', 'FileServer/Vpc/PrivateSubnet2/RouteTable',
    'the second zone leaves through the first zone\'s NAT gateway: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"'),
];

export const windowsFileServer: CorpusApp = {
  name: 'windows-file-server',
  description: 'A single Windows file server: an unencrypted, untagged 500 GiB data volume with no backup, RDP open to the world, the domain admin password in its user data.',
  build,
  selections: [{
    name: 'microsoft-workloads/multi-tenant-saas',
    selection: { checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas' },
    findings: [
      ...everywhere,
      required('1.10', 'NoHardcodedCredentials', SERVER,
        'the user data holds the domain admin password: "avoid the use of hard-coded credentials"'),
      required('1.11', 'CredentialsEncryptedAtRest', SERVER,
        'the password sits unencrypted in the user data: "ensure the encryption of any credentials at rest"'),
      recommended('1.20', 'InstanceImdsV2Required', SERVER,
        'IMDSv1 is allowed: hardening beyond "Detect any changes to the OS or application files"'),
      required('1.21', 'DataStoreClassified', [SERVER, VOLUME],
        'the file shares\' volume and the server carry no classification: "All customer data processed and stored in the workload is considered and classified"'),
      required('1.22', 'EbsVolumeEncrypted', [VOLUME, SERVER],
        'the shares\' volume and the root volume are not encrypted: "All customer data classified as sensitive is encrypted in transit and at rest"'),
      required('2.3', 'ApplicationLogsCollected', SERVER,
        'no log agent: the server\'s event and share access logs stay on it: "All log information from the application ... should be consolidated into a single system"'),
      recommended('3.1', 'NoInteractiveSessionIngress', SG,
        'RDP is open to the world; an open port does not show that "Interactive SSH or RDP sessions must not be used to deploy updates" is broken'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'FileServer/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
      required('2.6', 'DataStoreBackedUp', [VOLUME, SERVER],
        'no backup plan and no snapshots of the shares: "You must perform regular backups to a durable storage service"'),
    ],
    passes: [],
    verdicts: {
      '1.9': met('the instance role has the Systems Manager policy only: "granting only the permissions required to perform a task"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each Amazon S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('RDP, the only protocol admitted from outside the VPC, is encrypted by TLS: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('the server is in a private subnet with no way in from outside the VPC in the template: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.4': notMet('no alarm: "with alarms generated and sent to the appropriate operations staff"'),
    },
  }, {
    name: 'microsoft-workloads/customer-deployed-on-aws',
    selection: { checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-aws' },
    // The cell limits 1.10 and 1.11 to credentials used to integrate with AWS: the domain admin password is not one.
    findings: everywhere,
    passes: [
      passes('1.10', 'FileServer/FileServer/Resource', 'the user data holds the domain admin password, not a credential used with AWS: "credentials used to integration with AWS should be easily changed and not hard coded"', 'NoHardcodedAwsCredentials'),
    ],
    verdicts: {
      '1.9': met('the instance role has the Systems Manager policy only: "least privilege access should be applied"'),
      '1.10': met('the server reaches AWS through its role: "credentials used to integration with AWS should be easily changed and not hard coded"'),
      '1.11': notMet('no credential used to integrate with AWS is stored: nothing shows "credentials stored in partner solution used to integrate with AWS"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('RDP, the only protocol admitted from outside the VPC, is encrypted by TLS: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no way in from outside the VPC in the template: nothing shows "Network connectivity to the solution must be highly available"'),
    },
  }],
};
