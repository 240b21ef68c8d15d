import { met, notMet, notVerified, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const FLOW_LOGS = 'Platform/Vpc/All/LogGroup/Resource';
const CLUSTER = 'Platform/Cluster';
const NODES = 'Platform/Nodes';
const LAUNCH_TEMPLATE = 'Platform/NodeLaunchTemplate';
const IMAGES = 'Platform/Images/Resource';

export const eksPlatform: CorpusApp = {
  name: 'eks-platform',
  description: 'EKS with L1s: private endpoint, control-plane logging, secrets key, the CloudWatch Observability add-on, a managed node group over three zones from a launch template (IMDSv2, encrypted volumes), ECR, an internal NLB.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.21', 'DataStoreClassified', [FLOW_LOGS, IMAGES],
        'the image repository and the flow logs carry no classification: "All customer data processed and stored in the workload is considered and classified"'),
      recommended('1.22', 'LogGroupEncrypted', FLOW_LOGS,
        'CloudWatch Logs encrypts at rest, which meets "encrypted in transit and at rest"; a customer managed key goes beyond it'),
      recommended('1.24', 'InternalListenerTls', 'Platform/Ingress/Https/Resource',
        'the internal load balancer admits only sources inside its VPC, so its plain TCP listener is not "data in transit across a VPC boundary"; TLS to the ingress goes beyond it'),
      required('1.16', 'SecurityGroupEgressRestricted', CLUSTER,
        'Amazon EKS creates the cluster security group with a rule allowing all outbound traffic, and the template cannot remove it: "In all cases, allow only the most restrictive possible settings"'),
      required('2.3', 'LogGroupShippedCentrally', FLOW_LOGS,
        'the flow logs stay in a local log group: "All log information ... should be consolidated into a single system"'),
      required('2.6', 'NotVerified', IMAGES,
        'the repository keeps the images the platform runs and no rule of 2.6 reads ECR, so nothing shows "You must perform regular backups to a durable storage service"'),
    ],
    passes: [
      passes('1.20', LAUNCH_TEMPLATE, 'EKS gives the nodes an instance profile of the node role, which holds AmazonSSMManagedInstanceCore (the launch template may not name one), so Systems Manager can inventory and track them: "Detect any changes to the OS or application files in the Amazon EC2 instances or Containers"', 'InstanceManagedBySsm'),
      passes('1.22', LAUNCH_TEMPLATE, 'the launch template encrypts the nodes\' volumes: "encrypted in transit and at rest"', 'EbsVolumeEncrypted'),
      passes('2.2', CLUSTER, 'Amazon EKS scales the control plane itself: "Implementing auto-scaling mechanisms at each layer of the architecture"', 'CapacityScalesAutomatically'),
      passes('2.3', CLUSTER, 'every control plane log type goes to CloudWatch Logs: "All log information ... from the AWS infrastructure"', 'AccessLogsEnabled'),
      passes('2.3', LAUNCH_TEMPLATE, 'the amazon-cloudwatch-observability add-on runs the CloudWatch agent and Fluent Bit on every node: "All log information from the application"', 'ApplicationLogsCollected'),
      passes('2.8', CLUSTER, 'Amazon EKS runs the control plane over three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'ComputeMultiAz'),
      passes('2.8', NODES, 'three nodes or more over subnets of three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'ComputeMultiAz'),
      passes('2.8', 'Platform/Ingress/Resource', 'the internal load balancer has a node in each zone: "must continue to operate in the case where all of the services within a single AZ have been disrupted"', 'LoadBalancerMultiAz'),
    ],
    verdicts: {
      '1.9': met('the cluster and node roles hold the EKS, CNI, ECR read-only and Systems Manager policies their services need: "granting only the permissions required to perform a task"'),
      '1.10': met('no credential in the template: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('the app stores no credential, so nothing shows "ensure the encryption of any credentials at rest"'),

      '1.17': notMet('no bucket: nothing shows "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': notMet('no bucket: nothing shows "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('encrypted node volumes, ECR\'s encryption, the encrypted log group: "encrypted in transit and at rest"'),
      '1.23': met('the secrets key rotates and its policy is the account\'s: "access to use the keys is controlled"'),
      '1.24': notMet('no listener or endpoint the template shows carries data across a VPC boundary, so nothing shows "All data in transit across a VPC boundary is encrypted"; no attestation'),
      '2.1': notMet('the only way in is an internal load balancer reached from networks the template does not show, so nothing shows "Network connectivity to the solution must be highly available"; no attestation'),
      '2.2': notMet('the node group can grow from 3 to 9, but only an autoscaler inside the cluster makes it follow load, so nothing in the template shows "Implementing auto-scaling mechanisms at each layer of the architecture"; no attestation'),
      '2.6': notVerified('no rule of 2.6 reads the image repository: "You must perform regular backups to a durable storage service"'),
      '2.8': met('control plane, nodes, load balancer and NAT gateways span three zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
