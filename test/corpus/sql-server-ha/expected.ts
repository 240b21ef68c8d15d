import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const TEMPLATE = 'Sql/AppServerTemplate/Resource';
const DATABASE = 'Sql/Database/Resource';
const SHARES = 'Sql/Shares';

export const sqlServerHa: CorpusApp = {
  name: 'sql-server-ha',
  description: 'RDS for SQL Server Multi-AZ joined to AWS Managed Microsoft AD, Multi-AZ FSx for Windows, a Windows fleet in an Auto Scaling group patched and monitored by State Manager associations targeting the group\'s tag, AWS Backup copying to the backup account, an Administrators group.',
  build,
  selections: [{
    name: 'microsoft-workloads/customer-deployed-on-aws + operational optimization',
    selection: {
      checklist: 'microsoft-workloads', deploymentModel: 'customer-deployed-on-aws',
      subcategories: ['ms-operational-optimization.availability', 'ms-operational-optimization.management', 'ms-operational-optimization.security'],
    },
    // No 1.5 finding on the database and directory secrets: the column limits 1.5 to "Yes (for credentials used to
    // integrate with AWS)", and neither password is one.
    findings: [
      required('2.2', 'CapacityScalesAutomatically', [DATABASE, SHARES],
        'the SQL Server instance class and the FSx throughput change only by hand, and nothing attests that manual scaling suffices: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      recommended('ms-operational-optimization.management.1', 'InventoryAssociation', TEMPLATE,
        'no Systems Manager Inventory association; the partner\'s product may list assets its own way: goes beyond "Inventory listing and analysis"'),
      recommended('ms-operational-optimization.management.8', 'WindowsPatchBaseline', TEMPLATE,
        'AWS-RunPatchBaseline applies AWS\'s predefined Windows baseline, which patches; a baseline of the partner\'s own goes beyond "Patching"'),
    ],
    passes: [
      passes('ms-operational-optimization.management.8', TEMPLATE, 'a State Manager association targeting the group by its aws:autoscaling:groupName tag runs AWS-RunPatchBaseline every Saturday: "Patching"', 'WindowsMaintenanceWindow'),
      passes('ms-operational-optimization.management.7', TEMPLATE, 'the CloudWatch agent is installed and configured by associations on the group\'s instances: "Continuous performance analysis and alerting."', 'CloudWatchAgentConfigured'),
      passes('ms-operational-optimization.availability.3', 'Sql/AppServers/ASG', 'the fleet tracks CPU from 2 to 6 servers: "Ability to auto scale (scale in and scale out) as workload varies"', 'AutoScalingGroupScalingPolicy'),
      passes('ms-operational-optimization.availability.1', DATABASE, 'seven days of automated backups and a nightly AWS Backup plan: "Continuous Disaster Recovery check."', 'DataStoreBackedUp'),
      passes('1.9', 'Sql/Administrators/Resource', 'the group the seed prescribes: "placing the users into an Administrators group to which you attach the Administrator Access managed policy"', 'IamNoAdminManagedPolicies'),
      passes('2.8', DATABASE, 'Multi-AZ SQL Server fails over to its standby: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"', 'RdsMultiAz'),
      passes('2.8', SHARES, 'MULTI_AZ_1 fails over to the standby file server: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"', 'DataStoreMultiAz'),
    ],
    verdicts: {
      '1.9': met('the servers\' role has the Systems Manager, directory and CloudWatch agent policies, and AdministratorAccess is attached only to the Administrators group 1.3 prescribes: "granting only the permissions required to perform a task"'),
      '1.10': met('no credential used with AWS is in the template, the servers use a role: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('the solution stores no credential used with AWS (the servers use a role; the database and directory passwords are not such credentials), so the template shows nothing of "ensure the encryption of any credentials at rest"; no attestation'),
      '1.16': met('groups admit SQL Server and SMB from the VPC only and limit egress: "restrict access to the greatest degree possible"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('no traffic path crosses the VPC boundary in the template: nothing shows "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('nothing reaches the solution from outside the VPC in the template: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.8': met('Multi-AZ SQL Server and file system, a directory over two subnets, the fleet over two zones, a NAT gateway per zone: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"'),
    },
  }],
};
