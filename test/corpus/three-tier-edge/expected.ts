import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const DB = 'Storefront/Database/Resource';
const DB_SECRET = 'Storefront/Database/Secret/Resource';
const CACHE = 'Storefront/SessionCache';
const SERVICE = 'Storefront/Web/Service/Service';
const WEB_LOGS = 'Storefront/WebLogs/Resource';
const FLOW_BUCKET = 'Storefront/Vpc/ToS3/Bucket/Resource';

export const threeTierEdge: CorpusApp = {
  name: 'three-tier-edge',
  description: 'Three-tier SaaS across three AZs: CloudFront with ACM and WAF over an internet-facing ALB (HTTPS, redirect), ECS Fargate with Service Auto Scaling, Aurora PostgreSQL Serverless v2 with a reader, ElastiCache Serverless, Route 53 records and a health check.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    attested: ['2.4'],
    findings: [
      recommended('1.5', 'SecretsRotated', DB_SECRET,
        'the database secret has no rotation schedule; goes beyond "You must change your passwords and access keys regularly", which is about IAM credentials'),
      recommended('1.11', 'SecretsEncryptedWithCustomerKey', DB_SECRET,
        'Secrets Manager encrypts with its AWS managed key, which meets "ensure the encryption of any credentials at rest"; a customer managed key goes beyond it'),
      required('1.16', 'SecurityGroupEgressRestricted', ['Storefront/Database/SecurityGroup/Resource', 'Storefront/Web/Service/SecurityGroup/Resource'],
        'allowAllOutbound (the CDK default) opens all egress, not "the most restrictive possible settings"'),
      required('1.21', 'DataStoreClassified', ['Edge/CdnLogs/Resource', FLOW_BUCKET, 'Storefront/AccessLogs/Resource', DB, CACHE, WEB_LOGS],
        'untagged stores of customer data, sessions and logs of its requests: "All customer data processed and stored in the workload is considered and classified"'),
      required('1.22', 'S3BucketTlsOnly', FLOW_BUCKET,
        'the flow-log bucket VPC creates for FlowLogDestination.toS3() has no TLS-only policy, so S3 serves its records over HTTP too: "encrypted in transit and at rest"'),
      recommended('1.22', 'S3BucketEncrypted', FLOW_BUCKET,
        'S3 encrypts every new object with SSE-S3, which meets "encrypted in transit and at rest"; declaring it goes beyond'),
      recommended('1.22', 'LogGroupEncrypted', WEB_LOGS,
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      required('1.24', 'S3BucketTlsOnly', FLOW_BUCKET,
        'S3 serves the flow-log bucket over HTTP as well as HTTPS: "All data in transit across a VPC boundary is encrypted"'),
      required('2.3', 'LogGroupShippedCentrally', WEB_LOGS,
        'the application log stays in a local log group while the edge and load balancer logs go to S3: "All log information ... should be consolidated into a single system"'),
      required('2.3', 'AccessLogsEnabled', 'Edge/WebAcl',
        'the CloudFront web ACL inspects every viewer request and logs none of them (no WAF logging configuration): "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      recommended('2.3', 'LogGroupRetention', WEB_LOGS,
        'a month of application logs: a longer retention goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.1', 'Edge/Cdn/Resource', 'CloudFront serves from AWS\'s edge network: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('2.1', 'Storefront/Web/LB/Resource', 'the origin load balancer spans three zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('1.24', 'Edge/Cdn/Resource', 'viewers are redirected to HTTPS: "All data in transit across a VPC boundary is encrypted"', 'CloudFrontViewerHttps'),
      passes('1.24', 'Edge/Cdn/Resource', 'CloudFront reaches the origin over HTTPS only: "All data in transit across a VPC boundary is encrypted"', 'CloudFrontOriginHttps'),
      passes('1.24', 'Storefront/Web/LB/PublicRedirectListener/Resource', 'port 80 only redirects to HTTPS: "All data in transit across a VPC boundary is encrypted"', 'LoadBalancerListenerTls'),
      passes('1.22', CACHE, 'ElastiCache Serverless accepts TLS connections only: "encrypted in transit and at rest"', 'DataStoreEncryptedInTransit'),
      passes('1.22', DB, 'Aurora storage is encrypted: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('1.16', 'Storefront/CacheSg/from StorefrontWebServiceSecurityGroup29DB3055:6379', 'the cache port only, from the web tier\'s group: "allow only the most restrictive possible settings"', 'SecurityGroupNoAllPortsRule'),
      passes('2.2', SERVICE, 'Service Auto Scaling on CPU and requests per target: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'CapacityScalesAutomatically'),
      passes('2.2', DB, 'Aurora Serverless v2 scales its capacity units between 0.5 and 16: "auto-scaling mechanisms at each layer"', 'CapacityScalesAutomatically'),
      passes('2.2', CACHE, 'ElastiCache Serverless scales on its own: "auto-scaling mechanisms at each layer"', 'CapacityScalesAutomatically'),
      passes('2.3', 'Edge/Cdn/Resource', 'standard logging to S3: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.3', 'Storefront/Web/LB/Resource', 'load balancer access logs to S3: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.4', 'Edge/OriginUnhealthy/Resource', 'the Route 53 health check\'s alarm (in us-east-1, where Route 53 publishes its metrics) mails the NOC: "alarms generated and sent to the appropriate operations staff"', 'AlarmNotifiesOperations'),
      passes('2.6', DB, 'Aurora keeps 14 days of automated backups: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.6', CACHE, 'daily snapshots kept 7 days: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.8', DB, 'a Serverless v2 reader in another zone, promoted on failover: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'RdsMultiAz'),
      passes('2.8', SERVICE, 'three tasks spread over three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'ComputeMultiAz'),
    ],
    verdicts: {
      '1.9': met('every role and bucket policy grants specific actions on named resources: "granting only the permissions required to perform a task"'),
      '1.10': met('the password reaches the task as an ECS secret from Secrets Manager: "avoid the use of hard-coded credentials"'),
      '1.11': met('the only credential is a Secrets Manager secret: "ensure the encryption of any credentials at rest"'),
      '1.17': met('the three bucket policies grant named log delivery services and deny plain HTTP where set: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('S3 turns Block Public Access on for every new bucket: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('besides the flow-log bucket, Aurora PostgreSQL only offers TLS (rds.force_ssl is 0 by default for Aurora), so the template does not show "encrypted in transit" (no finding: its clients may use TLS)'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '2.1': met('CloudFront in front of a load balancer in three zones, a NAT gateway per zone: "Network connectivity to the solution must be highly available"'),
      '2.2': met('tasks, Aurora Serverless v2 and the serverless cache scale automatically: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.4': met('both alarms reach an operations topic\'s e-mail subscription, and a person attests the rest: "monitored centrally, with alarms generated and sent to the appropriate operations staff"'),
      '2.6': met('Aurora and the cache keep automated backups; the buckets hold logs only: "You must perform regular backups to a durable storage service"'),
      '2.8': met('load balancer, tasks, NAT gateways, Aurora writer and reader, and the serverless cache span three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
