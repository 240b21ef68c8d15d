import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const FLOW_LOGS = 'Shop/Vpc/All/LogGroup/Resource';
const WEB_LOGS = 'Shop/WebTask/App/LogGroup/Resource';
const API_LOGS = 'Shop/ApiTask/App/LogGroup/Resource';
const HOSTS = 'Shop/Hosts/ASG';
const LAUNCH_TEMPLATE = 'Shop/HostTemplate/Resource';

export const ecsCapacityProvider: CorpusApp = {
  name: 'ecs-capacity-provider',
  description: 'ECS on EC2: a capacity provider with managed scaling, Service Connect in a Cloud Map namespace, task auto scaling, an HTTPS ALB with access logs.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.16', 'SecurityGroupEgressRestricted', ['Shop/Web/SecurityGroup/Resource', 'Shop/Api/SecurityGroup/Resource'],
        'the services\' groups keep allowAllOutbound, not "the most restrictive possible settings"'),
      recommended('1.20', 'InstanceManagedBySsm', LAUNCH_TEMPLATE,
        'the container instances have no Systems Manager role: support for, but beyond, "Detect any changes to the OS or application files"'),
      required('1.21', 'DataStoreClassified', [FLOW_LOGS, WEB_LOGS, API_LOGS, HOSTS, 'Shop/AlbLogs/Resource'],
        'the hosts\' volumes, the container logs, the load balancer logs and the flow logs are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', [FLOW_LOGS, WEB_LOGS, API_LOGS],
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      required('2.3', 'LogGroupShippedCentrally', [FLOW_LOGS, WEB_LOGS, API_LOGS],
        'the container and flow logs stay in local log groups while the load balancer logs go to S3: "All log information ... should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.2', HOSTS, 'the group is an ECS capacity provider with managed scaling, which gives it a target tracking policy on the tasks\' demand: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'AutoScalingGroupScalingPolicy'),
      passes('2.2', 'Shop/Web/Service', 'the web service scales its tasks on CPU: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'CapacityScalesAutomatically'),
      passes('2.2', 'Shop/Api/Service', 'the api service scales its tasks on CPU: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'CapacityScalesAutomatically'),
      passes('2.3', 'Shop/Alb/Resource', 'the load balancer writes access logs to S3: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.8', HOSTS, 'three hosts or more over three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'ComputeMultiAz'),
      passes('2.8', 'Shop/Web/Service', 'three tasks or more over subnets of three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'ComputeMultiAz'),
      passes('1.24', 'Shop/Alb/Https/Resource', 'the HTTPS listener terminates TLS: "All data in transit across a VPC boundary is encrypted"', 'LoadBalancerListenerTls'),
    ],
    verdicts: {
      '1.9': met('the task, execution, instance and hook roles grant what each needs: "granting only the permissions required to perform a task"'),
      '1.10': met('no credential in the template: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('the app stores no credential, so nothing shows "ensure the encryption of any credentials at rest"'),
      '1.17': met('the log bucket\'s policy grants log delivery and denies plain HTTP: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('the log bucket keeps S3\'s Block Public Access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('encrypted host volumes, SSE-S3 and TLS-only logs, encrypted log groups: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('HTTPS on the listener, HTTP only redirects, TLS-only log bucket: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('an internet-facing load balancer over three zones: "Network connectivity to the solution must be highly available"'),
      '2.2': met('the hosts scale through the capacity provider, the services on CPU: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.6': notMet('the hosts and services hold no data the template backs up, and the logs are in no plan: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('hosts, tasks, load balancer and NAT gateways span three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
