import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const LAKE = 'Orders/DataLake/Resource';
const TABLE = 'Orders/Orders/Resource';
const DLQ = 'Orders/FailedOrdersDlq/Resource';
const QUEUE = 'Orders/FailedOrders/Resource';
const LOG_GROUPS = ['Orders/Validate/LogGroup/Resource', 'Orders/Enrich/LogGroup/Resource', 'Orders/OrderFlowLogs/Resource'];
const ARCHIVE = 'Orders/OrdersArchive/Archive';

export const eventPipeline: CorpusApp = {
  name: 'event-pipeline',
  description: 'EventBridge bus and rule starting a Step Functions state machine (Lambda tasks, a DynamoDB TableV2 write, a failure queue with a KMS-encrypted DLQ), a data-lake bucket with lifecycle, an alarm topic with an email subscription.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.21', 'DataStoreClassified', [LAKE, TABLE, DLQ, QUEUE, ...LOG_GROUPS],
        'orders, failed orders and what the functions and the state machine log are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      required('1.21', 'DataStoreClassified', ARCHIVE,
        'the archive keeps every order event 30 days and takes no tags itself; its source bus, which classifies it, carries no DataClassification tag: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'DynamoDbTableEncrypted', TABLE,
        'the AWS owned key meets "encrypted in transit and at rest"; a key the account controls goes beyond it'),
      recommended('1.22', 'LogGroupEncrypted', LOG_GROUPS,
        'CloudWatch Logs encrypts every group at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      required('2.3', 'BucketAccessLogged', LAKE,
        'the data lake writes no server access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.3', 'LogGroupShippedCentrally', LOG_GROUPS,
        'the functions\' and the state machine\'s logs are shipped nowhere: "should be consolidated into a single system"'),
    ],
    passes: [
      passes('1.18', LAKE, 'S3 blocks public access on every new bucket: "buckets that should not allow public access are properly configured to prevent public access"', 'BucketBlockPublicAccess'),
      passes('1.22', DLQ, 'the queue is encrypted with the pipeline key and its policy refuses requests without TLS: "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('1.22', LAKE, 'the bucket policy denies plain HTTP: "encrypted in transit and at rest"', 'S3BucketTlsOnly'),
      passes('2.4', 'Orders/ExecutionsFailed/Resource', 'failed executions go to the operations topic, which mails the on-call list: "with alarms generated and sent to the appropriate operations staff"', 'AlarmNotifiesOperations'),
      passes('2.6', TABLE, 'point-in-time recovery on the table: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.8', QUEUE, 'SQS stores every message across the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'DataStoreMultiAz'),
    ],
    verdicts: {
      '1.9': met('each function, the state machine and the rule\'s role may reach only their own queue, table and bucket: "granting only the permissions required to perform a task"'),
      '1.10': met('the functions\' environment holds the bucket name only: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': notMet('no security group: nothing shows "All Amazon EC2 security groups should restrict access to the greatest degree possible"'),
      '1.17': met('the data lake\'s policy denies plain HTTP and grants no one else: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('the data lake blocks public access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('bucket, queues, logs and the event archive are encrypted at rest and in transit, but DynamoDB endpoints accept HTTP as well as HTTPS and no table policy refuses it, so the template does not show "encrypted in transit" for the table'),
      '1.23': met('the pipeline key is reached through KMS, its policy names the account only: "access to use the keys is controlled"'),
      '1.24': notMet('the data lake refuses plain HTTP, and EventBridge, SQS and Step Functions are reached over HTTPS, but the operations topic mails its messages, and AWS does not say that SNS sends mail encrypted, so only an attestation can show: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no load balancer, API or VPN: the events enter through EventBridge, whose endpoint no rule reads, so nothing shows "Network connectivity to the solution must be highly available"; no attestation'),
      '2.2': met('Lambda, SQS and an on-demand table scale with the load: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.6': met('point-in-time recovery on the table, the lake is itself in S3, and the event archive is a retained copy of events that come to rest in those stores: "You must perform regular backups to a durable storage service"'),
      '2.8': met('Lambda, SQS, S3 and DynamoDB run across the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
