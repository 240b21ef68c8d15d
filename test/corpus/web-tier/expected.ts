import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const DB = 'Web/Database/Resource';
const DB_SECRET = 'Web/Database/Secret/Resource';
const FLOW_LOGS = 'Network/Vpc/FlowLog/LogGroup/Resource';

export const webTier: CorpusApp = {
  name: 'web-tier',
  description: 'Three-tier web app: cross-stack VPC, internet-facing ALB with HTTPS and redirect, Auto Scaling group from a launch template, Multi-AZ RDS for MySQL.',
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
      required('1.16', 'SecurityGroupEgressRestricted', ['Web/WebSg/Resource', 'Web/Database/SecurityGroup/Resource'],
        'allowAllOutbound (the CDK default) opens all egress, not "the most restrictive possible settings"'),
      required('1.21', 'DataStoreClassified', ['Web/Assets/Resource', 'Web/AccessLogs/Resource', DB, 'Web/WebAsg/ASG', FLOW_LOGS],
        'untagged stores of customer data and of logs of its requests: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', FLOW_LOGS,
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key for logs that may carry customer addresses goes beyond it'),
      required('2.2', 'CapacityScalesAutomatically', DB,
        'a single RDS instance class is the database layer and does not scale: "Implementing auto-scaling mechanisms at each layer of the architecture" (or documented manual scaling, attested)'),
      required('2.3', 'LogGroupShippedCentrally', FLOW_LOGS,
        'flow logs stay in a local log group while load balancer logs go to S3: "All log information ... should be consolidated into a single system"'),
      required('2.3', 'ApplicationLogsCollected', 'Web/WebLaunchTemplate/Resource',
        'nginx logs stay on the instances: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.1', 'Web/Alb/Resource', 'the internet-facing load balancer spans two zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('1.22', 'Web/Assets/Resource', 'SSE-S3 is encryption at rest: "All customer data classified as sensitive is encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('1.22', 'Web/WebLaunchTemplate/Resource', 'the launch template encrypts the root volume: "encrypted in transit and at rest"', 'EbsVolumeEncrypted'),
      passes('1.24', 'Web/Alb/Redirect80To443/Resource', 'port 80 only redirects to HTTPS, so no data crosses the VPC boundary in clear: "All data in transit across a VPC boundary is encrypted"', 'LoadBalancerListenerTls'),
      passes('1.16', 'Web/Alb/SecurityGroup/Resource', 'HTTPS from the internet to an internet-facing load balancer is what it is for; "restrict traffic between Internet and VPC" to it', 'SecurityGroupNoOpenIngress'),
      passes('1.16', 'Web/Database/SecurityGroup/from WebWebSg9E683878:{IndirectPort}', 'the database port only, from the web tier\'s group: "allow only the most restrictive possible settings"', 'SecurityGroupNoAllPortsRule'),
      passes('1.16', 'Network/Vpc/Resource', 'the default security group\'s rules are revoked (restrictDefaultSecurityGroup): "restrict traffic within the VPC"', 'VpcDefaultSecurityGroupRestricted'),
      passes('2.6', DB, 'RDS keeps automated backups 7 days: "You must perform regular backups to a durable storage service"', 'DataStoreBackedUp'),
      passes('2.4', 'Web/Target5xx/Resource', 'the 5xx alarm notifies the operations topic, which mails the on-call list: "with alarms generated and sent to the appropriate operations staff"', 'AlarmNotifiesOperations'),
      passes('2.8', 'Web/WebAsg/ASG', 'two instances or more over two zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'ComputeMultiAz'),
    ],
    verdicts: {
      '1.9': met('every role and bucket policy grants specific actions on named resources: "granting only the permissions required to perform a task"'),
      '1.10': met('the database password is generated into Secrets Manager and referenced: "avoid the use of hard-coded credentials"'),
      '1.11': met('the only credential is a Secrets Manager secret: "ensure the encryption of any credentials at rest"'),
      '1.17': met('both bucket policies grant named services and deny plain HTTP: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('both buckets block public access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('database, buckets, launch template volumes and logs are encrypted at rest, but the MySQL database only offers TLS (AWS\'s default parameter group leaves require_secure_transport OFF), so the template does not show "encrypted in transit" (no finding: its clients may use TLS); no attestation'),
      '1.23': notMet('the app has no customer managed key, so nothing in the template shows how "access to use the keys is controlled"; the attestation path decides'),
      '1.24': notMet('HTTPS listener, redirect on 80 and TLS-only buckets, but the operations topic mails its alarms, and AWS does not say that SNS sends mail encrypted, so only an attestation can show: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('the only way in is a load balancer in two zones with a NAT gateway per zone: "Network connectivity to the solution must be highly available"'),
      '2.4': met('the template shows the 5xx alarm reaching the operations topic\'s e-mail subscription, and a person attests that the application and the infrastructure are "monitored centrally" and that the list is "the appropriate operations staff"'),
      '2.6': met('the database keeps 7 days of automated backups; the buckets are versioned S3: "You must perform regular backups to a durable storage service"'),
      '2.8': met('load balancer, Auto Scaling group, NAT gateways and database span two zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
