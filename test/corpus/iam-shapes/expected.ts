import { met, notMet, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const QUEUE = 'Platform/Messaging/Orders/Resource';
const KEY_OUTPUT = 'Platform/CiSecretAccessKey';
const LEAST = '"You must follow the standard security advice of granting least privilege"';

export const iamShapes: CorpusApp = {
  name: 'iam-shapes',
  description: 'An admin deployment role, a support role anyone can assume, object access on every bucket, an Fn::If policy that is dynamodb:* on * outside production, a CI access key in an output, an open unencrypted queue in a nested stack.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.9', 'IamNoAdminManagedPolicies', 'Platform/DeployRole/Resource',
        `AdministratorAccess on the deployment role: ${LEAST}`),
      required('1.9', 'ResourcePolicyNoPublicPrincipal', 'Platform/SupportRole/Resource',
        `any principal of any account can assume the support role: ${LEAST}`),
      required('1.9', 'IamNoWildcardPermissions', 'Platform/ReportsRole/DefaultPolicy/Resource',
        `s3:GetObject on arn:aws:s3:::*/*, every object of every bucket: ${LEAST}`),
      required('1.9', 'IamNoWildcardPermissions', 'Platform/TablesAccess/Resource',
        `outside production the Fn::If branch grants dynamodb:* on *: ${LEAST}`),
      required('1.9', 'ResourcePolicyNoPublicPrincipal', 'Platform/Messaging/Orders/Policy/Resource',
        `anyone may send to the order queue: ${LEAST}`),
      required('1.10', 'NoHardcodedCredentials', KEY_OUTPUT,
        'the CI user\'s secret access key is a stack output: "avoid the use of hard-coded credentials"'),
      required('1.11', 'CredentialsEncryptedAtRest', KEY_OUTPUT,
        'the secret access key is stored in clear among the stack\'s outputs: "ensure the encryption of any credentials at rest"'),
      required('1.12', 'NoIamAccessKeys', 'Platform/CiKey/Resource',
        'a long-lived access key for a pipeline: "No AWS access keys should be in use, except in the following cases"'),
      recommended('1.12', 'NoIamUserCredentials', 'Platform/CiUser/Resource',
        'the CI user gets an access key from the template: federation goes beyond "No AWS access keys should be in use"'),
      required('1.21', 'DataStoreClassified', QUEUE,
        'the order queue carries no classification: "All customer data processed and stored in the workload is considered and classified"'),
      required('1.22', 'DataStoreEncryptedAtRest', QUEUE,
        'SqsManagedSseEnabled is off, so orders sit unencrypted: "All customer data classified as sensitive is encrypted in transit and at rest"'),
    ],
    passes: [],
    verdicts: {
      '1.16': notMet('no security group: nothing shows "All Amazon EC2 security groups should restrict access to the greatest degree possible"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': notMet('nothing in the template carries data across a VPC boundary that a rule reads: nothing shows "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no way in: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.2': met('SQS scales with the number of messages: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.3': notMet('no log group, load balancer or instance: nothing shows "All log information ... should be consolidated into a single system"'),
      '2.4': notMet('no alarm: "with alarms generated and sent to the appropriate operations staff"'),
      '2.6': notMet('a queue holds messages in transit, not data to back up: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('SQS stores messages across the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
