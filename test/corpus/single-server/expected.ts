import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp, ExpectedFinding } from '../types';
import { build } from './app';

const SERVER = 'Legacy/Server/Resource';
const DB = 'Legacy/Database/Resource';
const SERVER_SG = 'Legacy/ServerSg/Resource';
const DB_SG = 'Legacy/Database/SecurityGroup/Resource';

/** Findings of the items every deployment model applies. */
const everywhere: ExpectedFinding[] = [
  required('1.16', 'SecurityGroupNoOpenIngress', SERVER_SG,
    'SSH and HTTP from 0.0.0.0/0 straight to an instance: "Implementing AWS security groups to restrict traffic between Internet and VPC"'),
  required('1.16', 'SecurityGroupEgressRestricted', [SERVER_SG, DB_SG],
    'allowAllOutbound opens all egress, not "the most restrictive possible settings"'),
  required('1.24', 'SecurityGroupNoPlaintextFromInternet', SERVER_SG,
    'port 80 from the internet to a public instance is plain HTTP: "All data in transit across a VPC boundary is encrypted"'),
  required('2.1', 'EntryPointHighlyAvailable', SERVER,
    'the only way in is one public instance in one zone: "Network connectivity to the solution must be highly available"'),
  required('2.2', 'CapacityScalesAutomatically', [SERVER, DB],
    'one instance and one database instance, neither scales: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
  required('2.8', 'ComputeMultiAz', SERVER,
    'a single instance stops with its zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
  required('2.8', 'RdsMultiAz', DB,
    'a single-AZ database stops with its zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
  required('2.8', 'NatGatewayPerAz', 'Legacy/Vpc/PrivateSubnet2/RouteTable',
    'the second zone\'s private subnet leaves through the first zone\'s NAT gateway: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
];

export const singleServer: CorpusApp = {
  name: 'single-server',
  description: 'Lift-and-shift web server: one public EC2 instance with SSH and HTTP open to the world, a password in its user data, one NAT gateway, a single-AZ MySQL instance with a literal password.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      ...everywhere,
      required('1.10', 'NoHardcodedCredentials', [DB, SERVER],
        'the master password is a literal and the user data writes it too: "avoid the use of hard-coded credentials"'),
      required('1.11', 'CredentialsEncryptedAtRest', [DB, SERVER],
        'a literal password sits unencrypted in the template and the user data: "ensure the encryption of any credentials at rest"'),
      recommended('1.20', 'InstanceManagedBySsm', SERVER,
        'no Systems Manager role: configuration checks support, but go beyond, "Detect any changes to the OS or application files"'),
      recommended('1.20', 'InstanceImdsV2Required', SERVER,
        'IMDSv1 is allowed: hardening that goes beyond "Detect any changes to the OS or application files"'),
      required('1.21', 'DataStoreClassified', [SERVER, DB],
        'no classification on the server\'s disk or the database: "All customer data processed and stored in the workload is considered and classified"'),
      required('1.22', 'EbsVolumeEncrypted', SERVER,
        'the root volume holding the application and its uploads is not encrypted: "encrypted in transit and at rest"'),
      required('1.22', 'DataStoreEncryptedAtRest', DB,
        'StorageEncrypted is off: "All customer data classified as sensitive is encrypted in transit and at rest"'),
      recommended('3.1', 'NoInteractiveSessionIngress', SERVER_SG,
        'SSH is open to the world; an open port does not show that "Interactive Secure Shell (SSH) or Remote Desktop Protocol (RDP) sessions must not be used to deploy updates" is broken'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Legacy/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
      required('2.3', 'ApplicationLogsCollected', SERVER,
        'httpd logs stay on the instance: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.6', 'DataStoreBackedUp', [SERVER, DB],
        'no backup plan, and RDS keeps its automated backups one day: "You must perform regular backups to a durable storage service"'),
    ],
    passes: [
      passes('1.16', 'Legacy/Database/SecurityGroup/from LegacyServerSgF6E2140B:3306', 'MySQL only, from the server\'s group: "allow only the most restrictive possible settings"', 'SecurityGroupNoAllPortsRule'),
    ],
    verdicts: {
      '1.9': met('the instance role and the custom resource role grant only what they use: "granting only the permissions required to perform a task"'),
      '1.17': notMet('the app has no bucket, so nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('the app has no bucket, so nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '2.4': notMet('no alarm at all: "with alarms generated and sent to the appropriate operations staff"'),
    },
  }, {
    name: 'networking/customer-deployed-on-aws',
    selection: { checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' },
    findings: everywhere,
    // The cell limits 1.10 and 1.11 to credentials used to integrate with AWS: the database password is not one,
    // so neither is a finding here (any finding is unexpected).
    passes: [
      passes('1.10', 'Legacy/Server/Resource', 'the user data holds the database password, not a credential used with AWS; the instance calls AWS through its role: "credentials used to integration with AWS should be easily changed and not hard coded"', 'NoHardcodedAwsCredentials'),
    ],
    verdicts: {
      '1.9': met('the instance role and the custom resource role grant only what they use: "least privilege access should be applied"'),
      '1.10': met('the instance reaches AWS through its role, so no credential used to integrate with AWS is hard-coded: "credentials used to integration with AWS should be easily changed and not hard coded"'),
      '1.11': notMet('no credential used to integrate with AWS is stored, so nothing shows "credentials stored in APN Partner solution used to integrate with AWS should be encrypted"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
    },
  }],
};
