import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const FLOW_LOGS = 'Licensing/Vpc/All/LogGroup/Resource';
const FLEET = 'Licensing/Fleet/ASG';
const LAUNCH_TEMPLATE = 'Licensing/LaunchTemplate/Resource';

export const nlbFleetAccelerator: CorpusApp = {
  name: 'nlb-fleet-accelerator',
  description: 'Global Accelerator over an internet-facing NLB with a TLS listener and access logs, an EC2 Auto Scaling fleet over three zones from a launch template (IMDSv2, encrypted root, SSM, CloudWatch agent), State Manager patching.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.21', 'DataStoreClassified', [FLOW_LOGS, 'Licensing/NlbLogs/Resource', FLEET],
        'the fleet\'s volumes, the load balancer\'s connection logs and the flow logs are not classified: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', FLOW_LOGS,
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      required('2.3', 'LogGroupShippedCentrally', FLOW_LOGS,
        'the flow logs stay in a local log group while the load balancer logs go to S3: "All log information ... should be consolidated into a single system"'),
      required('2.3', 'AccessLogsEnabled', 'Licensing/Accelerator/Resource',
        'the accelerator\'s flow logs are off (the L2 has no prop for them, AWS\'s default is false), so the client connections it carries are logged nowhere: "All log information from the application, and from the AWS infrastructure, should be consolidated"'),
    ],
    passes: [
      passes('1.24', 'Licensing/Nlb/Tls/Resource', 'the only listener terminates TLS 1.3: "All data in transit across a VPC boundary is encrypted"', 'LoadBalancerListenerTls'),
      passes('1.22', LAUNCH_TEMPLATE, 'the launch template encrypts the root volume: "encrypted in transit and at rest"', 'EbsVolumeEncrypted'),
      passes('1.16', 'Licensing/AppSg/Resource', 'the fleet takes 8443 from the load balancer\'s group only and sends HTTPS only: "allow only the most restrictive possible settings"', 'SecurityGroupEgressRestricted'),
      passes('1.16', 'Licensing/NlbSg/Resource', 'TLS from the internet to an internet-facing load balancer, egress to the fleet\'s port only: "restrict traffic between Internet and VPC"', 'SecurityGroupNoOpenIngress'),
      passes('2.1', 'Licensing/Accelerator/Resource', 'two anycast addresses on AWS\'s edge in front of the load balancer: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('2.1', 'Licensing/Nlb/Resource', 'the load balancer spans three zones: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('2.2', FLEET, 'target tracking on CPU between 3 and 12 instances: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'AutoScalingGroupScalingPolicy'),
      passes('2.3', 'Licensing/Nlb/Resource', 'the load balancer with a TLS listener writes access logs to S3: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.3', LAUNCH_TEMPLATE, 'user data installs and starts the CloudWatch agent: "All log information from the application"', 'ApplicationLogsCollected'),
      passes('2.8', FLEET, 'three instances or more over three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'ComputeMultiAz'),
      passes('2.8', 'Licensing/Nlb/Resource', 'the load balancer has a node in each zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'LoadBalancerMultiAz'),
    ],
    verdicts: {
      '1.9': met('the instance role holds the Systems Manager and CloudWatch agent policies, the bucket policy grants log delivery: "granting only the permissions required to perform a task"'),
      '1.10': met('user data names an SSM parameter for the agent\'s configuration, no credential: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('the app stores no credential, so nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': met('every group is restricted to the ports and peers it needs: "allow only the most restrictive possible settings"'),
      '1.17': met('the bucket policy grants the log delivery service and denies plain HTTP: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('the log bucket keeps S3\'s Block Public Access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('encrypted root volumes, SSE-S3 and TLS-only logs, encrypted log group: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('TLS on the only listener, TLS-only log bucket: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('an accelerator over a load balancer in three zones, a NAT gateway per zone: "Network connectivity to the solution must be highly available"'),
      '2.2': met('the fleet scales on CPU; S3 and the managed load balancer scale on their own: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.6': notMet('the fleet holds no data the template backs up, and the logs are in no plan: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('fleet, load balancer and NAT gateways span three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
