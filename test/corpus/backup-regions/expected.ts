import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const TABLE_EU = 'DataEu/Customers/Resource';
const TABLE_US = 'DataUs/Customers/Resource';
const FILES = 'DataEu/Documents/Resource';
const PLAN = 'BackupEu/Plan/Resource';

export const backupRegions: CorpusApp = {
  name: 'backup-regions',
  description: 'Tagged stores in eu-west-1 and us-east-1, one AWS Backup plan in eu-west-1 copying to the DR account, a restore testing plan, recovery objectives in template metadata.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.16', 'SecurityGroupEgressRestricted', 'DataEu/Documents/EfsSecurityGroup/Resource',
        'the file system\'s group allows all egress, not "the most restrictive possible settings"'),
      required('1.21', 'DataStoreClassified', 'BackupEu/Vault/Resource',
        'the vault holds copies of the confidential stores but carries no classification: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'DynamoDbTableEncrypted', [TABLE_EU, TABLE_US],
        'the AWS owned key meets "encrypted in transit and at rest"; a key the account controls goes beyond it'),
      required('2.2', 'CapacityScalesAutomatically', [TABLE_EU, TABLE_US],
        'the tables keep the default provisioned 5 read and 5 write units, without auto scaling: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'DataEu/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
      required('2.6', 'DataStoreBackedUp', TABLE_US,
        'the tag-based selection is in eu-west-1 and a plan protects its own region only: "You must perform regular backups to a durable storage service"'),
    ],
    passes: [
      passes('2.6', TABLE_EU, 'selected by tag in its own region: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.6', FILES, 'selected by tag in its own region: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.7', PLAN, 'a weekly restore testing plan restores from the plan\'s vault: "You must test recovery mechanisms and procedures, both on a periodic basis"', 'BackupRestoreTested'),
      passes('2.10', PLAN, 'a daily schedule meets the declared 24-hour RPO: "A well-defined disaster recovery (DR) plan includes a Recovery Point Objective (RPO) and a Recovery Time Objective (RTO)"', 'RpoWithinBackupFrequency'),
      passes('2.11', PLAN, 'the declared RTO is 4 hours: "the RTO to be less than 24 hours for core services"', 'RtoUnder24Hours'),
      passes('2.13', PLAN, 'every recovery point is copied to the DR account\'s vault: "Your DR plan must include a strategy for recovering to another AWS account"', 'BackupCopiesToAnotherAccount'),
      passes('2.8', FILES, 'a regional (Multi-AZ) file system: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'DataStoreMultiAz'),
      passes('1.22', TABLE_EU, 'DynamoDB encrypts at rest with an AWS owned key: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
    ],
    verdicts: {
      '1.9': met('the backup and restore roles carry AWS Backup\'s service policies only: "granting only the permissions required to perform a task"'),
      '1.10': met('the only function is CDK\'s default security group handler, without variables: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('tables, file system and vault are encrypted at rest, but DynamoDB endpoints accept HTTP as well as HTTPS and EFS encrypts only the mounts that ask for TLS, so the template does not show "encrypted in transit" (no finding: their clients may use TLS)'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('nothing crosses a VPC boundary in the template: nothing shows "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no way in from outside: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.3': notMet('no log group, load balancer or instance: nothing shows "All log information ... should be consolidated into a single system"'),
      '2.4': notMet('no alarm: "with alarms generated and sent to the appropriate operations staff"'),
      '2.8': met('DynamoDB tables and a regional EFS file system span the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
