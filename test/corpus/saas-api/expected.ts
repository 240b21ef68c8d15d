import { met, notMet, notVerified, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const POOL = 'Saas/Users/Resource';
const TABLE = 'Saas/Projects/Resource';
const GRAPH = 'Saas/Graph/Resource';
const LOG_GROUPS = ['Saas/RotatePaymentKey/LogGroup/Resource', 'Saas/Billing/LogGroup/Resource', 'Saas/ApiAccessLogs/Resource'];

export const saasApi: CorpusApp = {
  name: 'saas-api',
  description: 'Multi-tenant SaaS API: Cognito user pool authorizing a REST API behind WAF and an AppSync API, a tenant table under a customer managed key, a rotated third-party API key in Secrets Manager, a dashboard and alarms to an email topic.',
  build,
  selections: [{
    name: 'ms/multi-tenant-saas',
    selection: { checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas' },
    findings: [
      required('1.21', 'DataStoreClassified', [POOL, TABLE, ...LOG_GROUPS],
        'the tenants\' users, projects and the logs about their requests are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', LOG_GROUPS,
        'CloudWatch Logs encrypts every group at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      recommended('1.24', 'ApiGatewayTls12', 'Saas/Rest/Resource',
        'the default endpoint still accepts TLS 1.0, which encrypts and so meets "All data in transit across a VPC boundary is encrypted"; TLS 1.2 goes beyond it'),
      required('2.3', 'LogGroupShippedCentrally', [...LOG_GROUPS, GRAPH, 'Saas/Rest/DeploymentStage.v1/Resource'],
        'the functions\' logs, the REST access log, and the groups AppSync and API Gateway create for the GraphQL requests and the v1 stage\'s execution errors are shipped nowhere: "should be consolidated into a single system"'),
      required('2.3', 'AccessLogsEnabled', 'Saas/ApiAcl',
        'the web ACL in front of the REST API inspects every request and logs none of them (no WAF logging configuration): "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.4', 'AlarmNotifiesOperations', ['Saas/Api5xx/Resource', 'Saas/ApiLatency/Resource'],
        'the alarm topic is encrypted with the tenant data key, whose policy does not let CloudWatch use it, so no alarm is ever "sent to the appropriate operations staff"'),
      required('2.6', 'NotVerified', POOL,
        'no rule reads whether the user pool\'s users are backed up (AWS Backup does not protect Cognito): "You must perform regular backups to a durable storage service"'),
    ],
    passes: [
      passes('1.11', 'Saas/PaymentProviderKey/Resource', 'the payment provider\'s key is a Secrets Manager secret under the data key: "ensure the encryption of any credentials at rest"', 'CredentialsEncryptedAtRest'),
      passes('1.22', POOL, 'Cognito encrypts user data at rest and its endpoints accept HTTPS only: "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('1.22', TABLE, 'the table\'s resource policy denies every request without TLS and its data key encrypts it at rest: "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('1.24', GRAPH, 'AppSync serves HTTPS and WSS only: "All data in transit across a VPC boundary is encrypted"', 'EndpointProtocolEncrypted'),
      passes('2.1', 'Saas/Rest/Resource', 'API Gateway runs the regional API across the region\'s zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('2.3', 'Saas/Rest/DeploymentStage.v1/Resource', 'the v1 stage writes a JSON access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"', 'AccessLogsEnabled'),
      passes('2.6', TABLE, 'point-in-time recovery on the table: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
    ],
    verdicts: {
      '1.9': met('each function may read its table or rotate its secret only: "granting only the permissions required to perform a task"'),
      '1.10': met('the functions\' environment holds a table name and the secret\'s ARN: "avoid the use of hard-coded credentials"'),
      '1.11': met('the only credential is a Secrets Manager secret: "ensure the encryption of any credentials at rest"'),
      '1.16': notMet('no security group: nothing shows "All Amazon EC2 security groups should restrict access to the greatest degree possible"'),
      '1.17': notMet('the app has no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('the app has no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('the table is encrypted with the customer managed key and its resource policy refuses requests without TLS, the user pool and the logs are reached over HTTPS only: "encrypted in transit and at rest"'),
      '1.23': met('the tenant data key is reached through KMS and its policy names the account and the two functions: "access to use the keys is controlled"'),
      '1.24': notMet('API Gateway and AppSync accept HTTPS only and call the function and the table through AWS APIs, but the on-call topic mails its alarms, and AWS does not say that SNS sends mail encrypted, so only an attestation can show: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('regional API Gateway and AppSync endpoints span the region\'s zones: "Network connectivity to the solution must be highly available"'),
      '2.2': met('Lambda and an on-demand table scale with requests: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.6': notVerified('the table has point-in-time recovery, but no rule reads the user pool: "You must perform regular backups to a durable storage service"'),
      '2.8': met('Lambda, DynamoDB, Cognito, API Gateway and AppSync run across the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
