import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const ORDERS = 'Data/Orders/Resource';
const REPORTING = 'Data/Reporting/Resource';
const REPLICA = 'Data/ReportingReplica/Resource';

export const auroraReplica: CorpusApp = {
  name: 'aurora-replica',
  description: 'Aurora PostgreSQL with a writer only; a Multi-AZ PostgreSQL reporting instance with hosted secret rotation and a read replica that inherits its encryption; isolated subnets only.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      recommended('1.5', 'SecretsRotated', 'Data/Orders/Secret/Resource',
        'the cluster\'s secret has no rotation schedule; goes beyond "You must change your passwords and access keys regularly"'),
      recommended('1.11', 'SecretsEncryptedWithCustomerKey', ['Data/Orders/Secret/Resource', 'Data/Reporting/Secret/Resource'],
        'the AWS managed key meets "ensure the encryption of any credentials at rest"; a customer managed key goes beyond it'),
      required('1.16', 'SecurityGroupEgressRestricted', [
        'Data/Orders/SecurityGroup/Resource', 'Data/Reporting/SecurityGroup/Resource',
        'Data/Reporting/RotationSingleUser/SecurityGroup/Resource', 'Data/ReportingReplica/SecurityGroup/Resource',
      ], 'allowAllOutbound opens all egress, not "the most restrictive possible settings"'),
      required('1.21', 'DataStoreClassified', [ORDERS, REPORTING, REPLICA],
        'the databases and the replica holding a copy of the data are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      required('2.2', 'CapacityScalesAutomatically', [ORDERS, REPORTING, REPLICA],
        'neither the cluster (no replica auto scaling) nor the reporting instance or its replica scales: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Data/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
      required('2.8', 'RdsMultiAz', ORDERS,
        'an Aurora cluster with a writer only stops when its zone does: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
      required('2.8', 'RdsMultiAz', REPLICA,
        'the readers of a single-AZ replica lose their endpoint with its zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    ],
    passes: [
      passes('1.5', 'Data/Reporting/Secret/Resource', 'a rotation schedule on the secret\'s attachment rotates it every 30 days: "change your passwords ... regularly"', 'SecretsRotated'),
      passes('1.22', REPLICA, 'a read replica is encrypted with its source\'s key: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('1.22', ORDERS, 'StorageEncrypted: "All customer data classified as sensitive is encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('1.22', REPORTING, 'RDS for PostgreSQL 16 on AWS\'s default group requires TLS (rds.force_ssl is 1 by default from version 15): "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('1.22', REPLICA, 'the replica of the PostgreSQL 16 instance runs its version, whose default group requires TLS: "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('2.8', REPORTING, 'Multi-AZ: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'RdsMultiAz'),
      passes('2.6', ORDERS, 'automated backups kept 14 days: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
    ],
    verdicts: {
      '1.9': met('the custom resource role and the secret\'s resource policy grant what they need: "granting only the permissions required to perform a task"'),
      '1.10': met('both master passwords are generated secrets: "avoid the use of hard-coded credentials"'),
      '1.11': met('both credentials are Secrets Manager secrets: "ensure the encryption of any credentials at rest"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('cluster, instance and replica are encrypted at rest, and the PostgreSQL 16 instance and its replica require TLS (rds.force_ssl defaults to 1 from version 15), but the Aurora PostgreSQL cluster only offers TLS (its default cluster parameter group leaves rds.force_ssl at 0), so the template does not show "encrypted in transit" for it (no finding: its clients may use TLS); no attestation'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('no traffic path crosses the isolated VPC\'s boundary in the template, so nothing shows "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('the databases have no way in from outside the VPC: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.3': notMet('no log group, load balancer or instance: nothing shows "All log information ... should be consolidated into a single system"'),
      '2.4': notMet('the cluster CPU alarm notifies the DBA topic, which has no subscription in the template, so the template does not show it "with alarms generated and sent to the appropriate operations staff" (no finding: it may be subscribed elsewhere); no attestation'),
      '2.6': met('14 and 7 days of automated backups: "You must perform regular backups to a durable storage service"'),
    },
  }],
};
