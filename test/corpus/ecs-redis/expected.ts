import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const SESSIONS = 'Shop/Sessions';
const CAPACITY = 'Shop/Cluster/DefaultCapacity/ASG';
const SERVICE = 'Shop/Web/Service/Service';
const TASK_LOGS = 'Shop/Web/TaskDef/web/LogGroup/Resource';
const DRAIN_LOGS = 'Shop/Cluster/DefaultCapacity/DrainECSHook/Function/LogGroup/Resource';
const LAUNCH_TEMPLATE = 'Shop/Cluster/DefaultCapacity/LaunchTemplate/Resource';

export const ecsRedis: CorpusApp = {
  name: 'ecs-redis',
  description: 'ECS on EC2 (one capacity instance, min = max = 1), an ecs-patterns load-balanced service on plain HTTP with one task, and an ElastiCache for Redis node holding user sessions.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.16', 'SecurityGroupEgressRestricted', ['Shop/Cluster/DefaultCapacity/InstanceSecurityGroup/Resource', 'Shop/SessionsSg/Resource'],
        'allowAllOutbound opens all egress, not "the most restrictive possible settings"'),
      recommended('1.20', 'InstanceManagedBySsm', LAUNCH_TEMPLATE,
        'the container instances have no Systems Manager role: support for, but beyond, "Detect any changes to the OS or application files"'),
      recommended('1.20', 'InstanceImdsV2Required', LAUNCH_TEMPLATE,
        'the container instances allow IMDSv1: hardening beyond "Detect any changes to the OS or application files"'),
      required('1.21', 'DataStoreClassified', [SESSIONS, CAPACITY, TASK_LOGS],
        'the session store, the container hosts and the application log are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      required('1.22', 'DataStoreEncryptedAtRest', SESSIONS,
        'the Redis session store has AtRestEncryptionEnabled off: "All customer data classified as sensitive is encrypted in transit and at rest"'),
      required('1.22', 'DataStoreEncryptedInTransit', SESSIONS,
        'the Redis session store has TransitEncryptionEnabled off, so session tokens travel in clear: "encrypted in transit and at rest"'),
      required('1.22', 'EbsVolumeEncrypted', [LAUNCH_TEMPLATE, CAPACITY],
        'the container hosts\' root volume, which holds the tasks\' writable layers, is not encrypted: "encrypted in transit and at rest"'),
      recommended('1.22', 'LogGroupEncrypted', TASK_LOGS,
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key for application logs goes beyond it'),
      required('1.24', 'LoadBalancerListenerTls', 'Shop/Web/LB/PublicListener/Resource',
        'the internet-facing listener serves plain HTTP: "All data in transit across a VPC boundary is encrypted"'),
      required('2.2', 'AutoScalingGroupScalingPolicy', CAPACITY,
        'the capacity group has min = max = 1 and no policy: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      required('2.2', 'CapacityScalesAutomatically', [SERVICE, SESSIONS],
        'the service runs a fixed count and the session store a fixed node: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      required('2.3', 'AccessLogsEnabled', 'Shop/Web/LB/Resource',
        'the load balancer writes no access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.3', 'LogGroupShippedCentrally', [TASK_LOGS, DRAIN_LOGS],
        'both log groups stay in the account: "should be consolidated into a single system"'),
      recommended('2.3', 'LogGroupRetention', TASK_LOGS,
        'the task log group never expires: a deliberate retention goes beyond "should be consolidated into a single system"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Shop/Vpc/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
      required('2.6', 'DataStoreBackedUp', SESSIONS,
        'the session store keeps no snapshot and is in no plan: "You must perform regular backups to a durable storage service"'),
      required('2.8', 'ComputeMultiAz', [CAPACITY, SERVICE],
        'one capacity instance and one task, each in one zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
      required('2.8', 'DataStoreMultiAz', SESSIONS,
        'a single Redis node without a replica in another zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    ],
    passes: [
      passes('2.1', 'Shop/Web/LB/Resource', 'the internet-facing load balancer spans two zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('2.3', 'Shop/Web/TaskDef/Resource', 'the awslogs driver sends the container\'s output to CloudWatch Logs; the capacity instances are container hosts: "All log information from the application"', 'ApplicationLogsCollected'),
      passes('1.16', 'Shop/Cluster/DefaultCapacity/InstanceSecurityGroup/from ShopWebLBSecurityGroupE487A70F:32768-65535',
        'the ephemeral ports ECS dynamic port mapping needs, from the load balancer only: "allow only the most restrictive possible settings"', 'SecurityGroupNoAllPortsRule'),
    ],
    verdicts: {
      '1.9': met('the task, execution, instance and hook roles grant what each needs: "granting only the permissions required to perform a task"'),
      '1.10': met('the task environment holds a host name and a mode, no credential: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('the app stores no credential, so nothing shows "ensure the encryption of any credentials at rest"'),
      '1.17': notMet('the app has no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('the app has no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '2.1': met('the load balancer spans two zones: "Network connectivity to the solution must be highly available"'),
      '2.4': notMet('no alarm: "with alarms generated and sent to the appropriate operations staff"'),
    },
  }],
};
