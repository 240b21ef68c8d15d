import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const STREAM = 'Clicks/Clicks/Resource';
const RAW = 'Clicks/RawClicks/Resource';
const RESULTS = 'Clicks/QueryResults/Resource';
const FIREHOSE = 'Clicks/ToLake/Resource';
const SEARCH = 'Clicks/Search/Resource';
const SEARCH_LOGS = ['Clicks/Search/SlowSearchLogs/Resource', 'Clicks/Search/AppLogs/Resource'];
const LOG_GROUPS = ['Clicks/ToLake/LogGroup/Resource', ...SEARCH_LOGS];

export const streamingAnalytics: CorpusApp = {
  name: 'streaming-analytics',
  description: 'Kinesis data stream, Firehose into a raw-data bucket, a Lambda consumer indexing into an OpenSearch domain in a VPC, a Glue table over the bucket and an Athena workgroup.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.16', 'SecurityGroupEgressRestricted', 'Clicks/IndexerSg/Resource',
        'the indexer needs HTTPS to the domain only, yet may send anything anywhere: "In all cases, allow only the most restrictive possible settings"'),
      required('1.21', 'DataStoreClassified', [STREAM, RAW, FIREHOSE, SEARCH, RESULTS, ...LOG_GROUPS],
        'clicks, their index, query results and the logs about them are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', LOG_GROUPS,
        'CloudWatch Logs encrypts every group at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      required('2.2', 'CapacityScalesAutomatically', SEARCH,
        'three data nodes, changed only by hand, and no documented scaling procedure in the template: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      required('2.3', 'BucketAccessLogged', [RAW, RESULTS],
        'the buckets write no server access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.3', 'LogGroupShippedCentrally', [...LOG_GROUPS, 'Clicks/Indexer/Resource'],
        'the delivery, search and indexer logs are shipped nowhere: "should be consolidated into a single system"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Clicks/Vpc/Resource',
        'VPC traffic logs go beyond "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      recommended('2.3', 'LogGroupRetention', SEARCH_LOGS,
        'the domain\'s logs are kept 30 days: a longer deliberate retention goes beyond "should be consolidated into a single system"'),
      required('2.8', 'NatGatewayPerAz', ['Clicks/Vpc/privateSubnet2/RouteTable', 'Clicks/Vpc/privateSubnet3/RouteTable'],
        'two zones reach the internet through the one NAT gateway in the first zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    ],
    passes: [
      passes('1.16', 'Clicks/SearchSg/Resource', 'HTTPS from the indexer\'s group only, no egress: "allow only the most restrictive possible settings"', 'SecurityGroupEgressRestricted'),
      passes('1.22', STREAM, 'the stream is encrypted with the AWS managed key and Kinesis endpoints accept HTTPS only: "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('1.22', SEARCH, 'encryption at rest, node to node, and HTTPS enforced: "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('2.6', SEARCH, 'OpenSearch Service takes hourly automated snapshots: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.8', SEARCH, 'data nodes and dedicated masters across three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'DataStoreMultiAz'),
      passes('2.2', STREAM, 'an on-demand stream scales its shards with the load: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'CapacityScalesAutomatically'),
    ],
    verdicts: {
      '1.9': met('the indexer may write one index, Firehose may read its stream and write its bucket: "granting only the permissions required to perform a task"'),
      '1.10': met('the functions\' environment holds the domain endpoint only: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.17': met('both bucket policies deny plain HTTP and grant no one else: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('both buckets block public access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('stream, buckets, domain and logs are encrypted at rest and reached over TLS only: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('the buckets refuse plain HTTP, Kinesis and Firehose accept HTTPS only, the domain stays in the VPC: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no load balancer, API or VPN: the clicks enter through the Kinesis endpoint, which no rule reads, so nothing shows "Network connectivity to the solution must be highly available"; no attestation'),
      '2.6': met('OpenSearch snapshots hourly; the raw clicks are themselves in S3: "You must perform regular backups to a durable storage service"'),
    },
  }],
};
