import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const SHARES = 'FileShares/Shares';
const SECRET = 'FileShares/DirectoryAdmin/Resource';

export const fsxManagedAd: CorpusApp = {
  name: 'fsx-managed-ad',
  description: 'AWS Managed Microsoft AD with a generated admin password, Multi-AZ FSx for Windows File Server with 14-day backups, a Windows fleet joining the domain by State Manager; stores tagged.',
  build,
  selections: [{
    name: 'microsoft-workloads/multi-tenant-saas',
    selection: { checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas' },
    findings: [
      recommended('1.5', 'SecretsRotated', SECRET,
        'the directory admin secret has no rotation schedule; goes beyond "You must change your passwords and access keys regularly"'),
      recommended('1.11', 'SecretsEncryptedWithCustomerKey', SECRET,
        'the AWS managed key meets "ensure the encryption of any credentials at rest"; a customer managed key goes beyond it'),
      required('2.2', 'CapacityScalesAutomatically', SHARES,
        'FSx storage and throughput capacity change only by hand: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      required('2.3', 'ApplicationLogsCollected', 'FileShares/AppServerTemplate/Resource',
        'the Windows servers run no log agent, so their event and application logs stay on them: "All log information from the application ... should be consolidated into a single system"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'FileShares/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('1.10', 'FileShares/Directory', 'the directory password is a Secrets Manager dynamic reference: "avoid the use of hard-coded credentials"', 'NoHardcodedCredentials'),
      passes('1.21', SHARES, 'tagged DataClassification confidential: "considered and classified to determine its sensitivity"', 'DataStoreClassified'),
      passes('1.22', SHARES, 'FSx encrypts every file system at rest: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('2.6', SHARES, '14 days of automatic daily backups: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.8', SHARES, 'MULTI_AZ_1 fails over to the standby file server: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"', 'DataStoreMultiAz'),
      passes('1.16', 'FileShares/FileSystemSg/Resource', 'SMB and remoting from the VPC only, no egress: "Implementing Security Groups to restrict traffic within the Amazon VPC"', 'SecurityGroupEgressRestricted'),
    ],
    verdicts: {
      '1.9': met('the app servers\' role has the Systems Manager and domain-join policies only: "granting only the permissions required to perform a task"'),
      '1.10': met('the only credential is generated in Secrets Manager: "avoid the use of hard-coded credentials"'),
      '1.11': met('the directory password is a Secrets Manager secret: "ensure the encryption of any credentials at rest"'),
      '1.16': met('groups admit only SMB and remoting from the VPC and limit egress: "restrict access to the greatest degree possible"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each Amazon S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('FSx and the servers\' volumes are encrypted at rest, but FSx for Windows File Server encrypts SMB traffic only for clients that support SMB 3.0, and refuses the others only through a setting outside the template, so the template does not show "encrypted in transit" (no finding: its clients may encrypt)'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('no traffic path crosses the VPC boundary in the template: nothing shows "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('the shares have no way in from outside the VPC in the template: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.4': notMet('the free-storage alarm notifies the operations topic, which has no subscription in the template, so the template does not show it "with alarms generated and sent to the appropriate operations staff" (no finding); no attestation'),
      '2.6': met('FSx keeps 14 days of backups: "You must perform regular backups to a durable storage service"'),
      '2.8': met('Multi-AZ file system, the fleet over two zones, a NAT gateway per zone: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"'),
    },
  }],
};
