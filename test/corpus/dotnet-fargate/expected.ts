import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const DB = 'Orders/SqlServer/Resource';
const TASK = 'Orders/Api/TaskDef/Resource';
const TASK_LOGS = 'Orders/Api/TaskDef/web/LogGroup/Resource';

export const dotnetFargate: CorpusApp = {
  name: 'dotnet-fargate',
  description: 'ASP.NET Core on Fargate behind HTTPS with task auto scaling and Multi-AZ RDS for SQL Server; the connection string, password included, is a container environment variable.',
  build,
  selections: [{
    name: 'microsoft-workloads/single-tenant-saas',
    selection: { checklist: 'microsoft-workloads', deploymentModel: 'single-tenant-saas' },
    findings: [
      recommended('1.5', 'SecretsRotated', 'Orders/SqlServer/Secret/Resource',
        'the administrator secret has no rotation schedule; goes beyond "You must change your passwords and access keys regularly"'),
      required('1.10', 'NoHardcodedCredentials', TASK,
        'ConnectionStrings__Orders carries Password=... in the task definition: "avoid the use of hard-coded credentials"'),
      required('1.11', 'CredentialsEncryptedAtRest', TASK,
        'the application password sits unencrypted in the task definition: "ensure the encryption of any credentials at rest"'),
      recommended('1.11', 'SecretsEncryptedWithCustomerKey', 'Orders/SqlServer/Secret/Resource',
        'the AWS managed key meets "ensure the encryption of any credentials at rest"; a customer managed key goes beyond it'),
      required('1.16', 'SecurityGroupEgressRestricted', ['Orders/SqlServer/SecurityGroup/Resource', 'Orders/Api/Service/SecurityGroup/Resource'],
        'allowAllOutbound opens all egress, not "the most restrictive possible settings"'),
      required('1.21', 'DataStoreClassified', [DB, TASK_LOGS],
        'the orders database and the application log are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', TASK_LOGS,
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      required('2.2', 'CapacityScalesAutomatically', DB,
        'the SQL Server instance class does not scale: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      required('2.3', 'AccessLogsEnabled', 'Orders/Api/LB/Resource',
        'the load balancer writes no access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.3', 'LogGroupShippedCentrally', TASK_LOGS,
        'the application log group stays in the account: "should be consolidated into a single system"'),
      recommended('2.3', 'LogGroupRetention', TASK_LOGS,
        'the log group never expires: a deliberate retention goes beyond "should be consolidated into a single system"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Orders/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.1', 'Orders/Api/LB/Resource', 'the internet-facing load balancer spans two zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('1.24', 'Orders/Api/LB/PublicListener/Resource', 'HTTPS with an ACM certificate: "All data in transit across a VPC boundary is encrypted"', 'LoadBalancerListenerTls'),
      passes('2.2', 'Orders/Api/Service/Service', 'a scalable target with a CPU policy: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'CapacityScalesAutomatically'),
      passes('2.8', 'Orders/Api/Service/Service', 'two tasks over two zones: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"', 'ComputeMultiAz'),
      passes('2.3', TASK, 'the awslogs driver sends the application\'s output to CloudWatch Logs: "All log information from the application"', 'ApplicationLogsCollected'),
    ],
    verdicts: {
      '1.9': met('task, execution and custom resource roles grant only what they use: "granting only the permissions required to perform a task"'),
      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each Amazon S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': notMet('the database is encrypted and logs are encrypted by CloudWatch Logs, but the SQL Server database only offers TLS (the default parameter group leaves rds.force_ssl at 0), so the template does not show "encrypted in transit" (no finding: its clients may use TLS); no attestation'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('HTTPS listener and an HTTP listener that only redirects: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('the load balancer spans two zones: "Network connectivity to the solution must be highly available"'),
      '2.4': notMet('no alarm: "with alarms generated and sent to the appropriate operations staff"'),
      '2.6': met('RDS keeps 7 days of automated backups: "You must perform regular backups to a durable storage service"'),
      '2.8': met('two tasks, the load balancer, NAT gateways and the Multi-AZ database span two zones: "must continue to operate in the case where all of the services within a single availability zone have been disrupted"'),
    },
  }],
};
