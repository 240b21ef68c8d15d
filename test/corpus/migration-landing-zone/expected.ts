import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const TARGET_SECRET = 'Landing/TargetDb/Secret/Resource';
const SOURCE_SECRET = 'Landing/SourceDbCredentials/Resource';

/** The migration rows ask what the partner's technology does: a person shows it, the template cannot. */
const attestedFeature = (quote: string) => notMet(`a feature of the partner's migration technology, not of this template; not attested: "${quote}"`);

export const migrationLandingZone: CorpusApp = {
  name: 'migration-landing-zone',
  description: 'A staging VPC with Application Migration Service replication and launch templates, and AWS DMS moving an on-premises SQL Server into RDS for SQL Server Multi-AZ over TLS, with DMS events to the migration team.',
  build,
  selections: [{
    name: 'microsoft-workloads/single-tenant-saas + migration',
    selection: {
      checklist: 'microsoft-workloads', deploymentModel: 'single-tenant-saas',
      subcategories: ['ms-migration.migration', 'ms-migration.migration-health', 'ms-migration.migration-monitoring'],
    },
    // No 1.21 or 1.22 finding on the migration team's topic: only the DMS event subscription publishes to it, so it
    // carries event notifications, not customer data.
    findings: [
      recommended('1.5', 'SecretsRotated', [TARGET_SECRET, SOURCE_SECRET],
        'the database logins have no rotation schedule; goes beyond "You must change your passwords and access keys regularly"'),
      recommended('1.11', 'SecretsEncryptedWithCustomerKey', [TARGET_SECRET, SOURCE_SECRET],
        'the AWS managed key meets "ensure the encryption of any credentials at rest"; a customer managed key goes beyond it'),
      required('2.2', 'CapacityScalesAutomatically', ['Landing/TargetDb/Resource', 'Landing/ReplicationInstance'],
        'the target SQL Server\'s class and the DMS replication instance\'s class change only by hand, and nothing attests that manual scaling suffices: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Landing/StagingVpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.8', 'Landing/ReplicationInstance', 'MultiAZ keeps a synchronous standby replication instance in another zone: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"', 'DataStoreMultiAz'),
      passes('2.8', 'Landing/TargetDb/Resource', 'Multi-AZ SQL Server fails over to its standby: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"', 'RdsMultiAz'),
      passes('1.24', 'Landing/SourceEndpoint', 'the on-premises SQL Server is read over TLS (SslMode require): "All data in transit across a VPC boundary is encrypted"', 'DmsEndpointTls'),
      passes('1.10', 'Landing/SourceEndpoint', 'the endpoint reads its login from Secrets Manager: "avoid the use of hard-coded credentials"', 'NoHardcodedCredentials'),
    ],
    verdicts: {
      '1.9': met('the DMS role reads the two database secrets only: "granting only the permissions required to perform a task"'),
      '1.10': met('the logins are generated in Secrets Manager and the endpoints name the secrets: "avoid the use of hard-coded credentials"'),
      '1.11': met('both logins are Secrets Manager secrets: "ensure the encryption of any credentials at rest"'),
      '1.16': met('the groups admit replication and SQL Server traffic from the data center and the VPC only, and limit egress: "restrict access to the greatest degree possible"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each Amazon S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('the target SQL Server is encrypted at rest but does not require TLS (rds.force_ssl stays 0), so clients other than DMS may connect in clear: the template does not show "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('the DMS endpoints require TLS, but AWS does not state that the e-mail delivery of the migration events is encrypted, so the template does not show "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('the link to the data center is not in the template: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.3': notMet('the target database exports no log to CloudWatch Logs and no rule reads the DMS task log: nothing shows "All log information from the application ... should be consolidated into a single system"'),
      '2.6': met('the target database keeps seven days of automated backups: "You must perform regular backups to a durable storage service"'),
      '2.8': met('Multi-AZ SQL Server and DMS replication instance, a NAT gateway per zone: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"'),
      'ms-migration.migration.1': attestedFeature('automatically migrate identified workloads to AWS, or data as part of workload migration'),
      'ms-migration.migration.2': attestedFeature('Ability to perform backup and rollback in case any phase of migration is unsuccessful'),
      'ms-migration.migration.3': attestedFeature('Enables hybrid cloud configurations for disaster recovery'),
      'ms-migration.migration.4': attestedFeature('Difference delta synchronization to synchronize data after migration until cut over'),
      'ms-migration.migration.5': attestedFeature('Cutover of each workload into customer designated AWS resource group'),
      'ms-migration.migration-health.1': attestedFeature('Data integrity'),
      'ms-migration.migration-health.2': attestedFeature('Application health'),
      'ms-migration.migration-health.3': attestedFeature('Overall connected architecture health assessment'),
      'ms-migration.migration-monitoring.1': attestedFeature('Monitoring migration progress'),
      'ms-migration.migration-monitoring.2': attestedFeature('Notifications, warnings and error reporting'),
      'ms-migration.migration-monitoring.3': attestedFeature('Overall Migration Reporting'),
    },
  }],
};
