import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const TABLE = 'Items/Items/Resource';
const HANDLER = 'Items/Handler/Resource';

export const serverlessApi: CorpusApp = {
  name: 'serverless-api',
  description: 'REST API proxying to a Lambda function (log retention by CDK\'s custom resource), a DynamoDB table with point-in-time recovery and AWS owned encryption, an error alarm.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.21', 'DataStoreClassified', TABLE,
        'the table is not classified: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'DynamoDbTableEncrypted', TABLE,
        'the AWS owned key meets "encrypted in transit and at rest"; a key the account controls goes beyond it'),
      recommended('1.24', 'ApiGatewayTls12', 'Items/Api/Resource',
        'the default endpoint still accepts TLS 1.0, which encrypts and so meets "All data in transit across a VPC boundary is encrypted"; TLS 1.2 goes beyond it'),
      required('2.3', 'AccessLogsEnabled', 'Items/Api/DeploymentStage.prod/Resource',
        'the prod stage writes no access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.3', 'LogGroupShippedCentrally', HANDLER,
        'the function\'s log group, created at run time, is shipped nowhere: "should be consolidated into a single system"'),
      recommended('2.3', 'LogGroupRetention', HANDLER,
        'the custom resource keeps the function\'s logs 30 days: a longer deliberate retention goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.1', 'Items/Api/Resource', 'API Gateway runs the regional API across the region\'s zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('1.22', TABLE, 'DynamoDB encrypts every table at rest with an AWS owned key by default: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('2.6', TABLE, 'point-in-time recovery: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('1.9', 'Items/Api/Default/{proxy+}/ANY/ApiPermission.ItemsApiA7842ED6.ANY..{proxy+}', 'API Gateway may invoke the function for this API only: "granting only the permissions required to perform a task"', 'ResourcePolicyNoPublicPrincipal'),
    ],
    verdicts: {
      '1.9': met('the function may read and write its table only: "granting only the permissions required to perform a task"'),
      '1.10': met('the function\'s environment holds the table name only: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': notMet('no security group: nothing shows "All Amazon EC2 security groups should restrict access to the greatest degree possible"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('the table is encrypted at rest, but DynamoDB endpoints accept HTTP as well as HTTPS, so the template does not show "encrypted in transit" (no finding: its clients may use HTTPS)'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('API Gateway accepts HTTPS only and calls the function through the Lambda API: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('a regional API Gateway endpoint spans the region\'s zones: "Network connectivity to the solution must be highly available"'),
      '2.2': met('Lambda and an on-demand table scale with requests: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.4': notMet('the error alarm notifies the operations topic, which has no subscription in the template, so the template does not show it "with alarms generated and sent to the appropriate operations staff" (no finding); no attestation'),
      '2.6': met('point-in-time recovery on the table: "You must perform regular backups to a durable storage service"'),
      '2.8': met('Lambda and DynamoDB run across the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
