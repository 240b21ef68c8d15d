import { met, notMet, passes, recommended, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const ASG = 'Edge/Appliances/ASG';
const TEMPLATE = 'Edge/ApplianceTemplate/Resource';

export const sdwanGwlb: CorpusApp = {
  name: 'sdwan-gwlb',
  description: 'SD-WAN appliances in an Auto Scaling group behind a Gateway Load Balancer, bootstrapped from user data and S3, three custom metrics alarmed, BGP VPN attachments to a transit gateway.',
  build,
  selections: [{
    name: 'networking/saas + network-connectivity',
    selection: { checklist: 'networking', deploymentModel: 'saas', categories: ['network-connectivity'] },
    findings: [
      recommended('2.2', 'AutoScalingGroupElbHealthCheck', ASG,
        'the group keeps EC2 health checks although the Gateway Load Balancer checks the appliances: goes beyond "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      required('2.3', 'AccessLogsEnabled', ['Edge/ApplianceAVpn', 'Edge/ApplianceBVpn'],
        'the VPN tunnels write no activity log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      required('2.3', 'BucketAccessLogged', 'Edge/ApplianceConfig/Resource',
        'the configuration bucket writes no server access log: "All log information from the application, and from the AWS infrastructure"'),
      required('2.3', 'ApplicationLogsCollected', TEMPLATE,
        'the appliances\' own logs stay on them: "All log information from the application ... should be consolidated into a single system"'),
      recommended('2.3', 'VpcFlowLogsEnabled', 'Edge/Edge/Resource',
        'no flow log: recording traffic goes beyond "should be consolidated into a single system"'),
    ],
    passes: [
      passes('network-connectivity.1', ASG, 'a target-tracking policy between 2 and 6 appliances: "The design must be able to auto-scale horizontally without manual intervention"', 'AutoScalingGroupScalingPolicy'),
      passes('network-connectivity.4', ASG, 'the Gateway Load Balancer\'s target group moves flows off a failed appliance: "resilient to a single AZ failure without manual intervention"', 'ApplianceFailoverPath'),
      passes('network-connectivity.4', ASG, 'the group spans two zones: "All components of the solution must be deployed across multiple availability zones"', 'AutoScalingGroupMultiAz'),
      passes('network-connectivity.7', 'Edge/ApplianceAVpn', 'BGP with the transit gateway VPN attachment: "Must support Border Gateway Protocol (BGP) with the virtual private gateway or transit gateway VPN attachment"', 'VpnBgpRouting'),
      passes('network-connectivity.8', TEMPLATE, 'the user data fetches the configuration from S3 and bootstraps: "Native bootstrapping using the user data field"', 'ApplianceUserDataBootstrap'),
      passes('network-connectivity.9', TEMPLATE, 'c6in is an ENA instance family: "Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver"', 'EnaInstanceType'),
      passes('1.16', 'Edge/ApplianceSg/Resource', 'GENEVE and health checks from the VPC, egress to HTTPS and IPsec only: "allow only the most restrictive possible settings"', 'SecurityGroupEgressRestricted'),
    ],
    verdicts: {
      '1.9': met('the appliance role reads its configuration bucket and puts metrics in its own namespace: "granting only the permissions required to perform a task"'),
      '1.10': met('user data and the function hold no credential: "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential in the template: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': met('the appliance group admits the VPC only and limits egress: "restrict access to the greatest degree possible"'),
      '1.17': met('the configuration bucket\'s policy denies plain HTTP and the role has read access only: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('the bucket blocks public access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('the bucket and the appliances\' volumes are encrypted at rest and the bucket refuses HTTP; the NOC topic carries alarm states only, not customer data: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '1.24': met('TLS-only bucket, branches connected over IPsec: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': met('two BGP VPN connections and a load balancer over two zones: "Network connectivity to the solution must be highly available"'),
      '2.2': met('the appliance group scales on CPU: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.4': notMet('three metric alarms notify the NOC topic, which has no subscription in the template, so the template does not show them "with alarms generated and sent to the appropriate operations staff" (no finding); no attestation'),
      '2.6': notMet('the configuration is versioned S3 and the appliances are stateless: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('appliances, load balancer and NAT gateways span two zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
      'network-connectivity.1': met('target tracking between 2 and 6 appliances: "The design must be able to auto-scale horizontally without manual intervention"'),
      'network-connectivity.2': met('the app is the CloudFormation template of the scaling deployment, with its load balancer and alarms: "Include an AWS CloudFormation template of the deployment, including any load balancing or monitoring dependencies"'),
      'network-connectivity.4': met('two zones and a Gateway Load Balancer failover path: "All components of the solution must be deployed across multiple availability zones"'),
      'network-connectivity.7': met('both VPN attachments run BGP: "Must support Border Gateway Protocol (BGP) with the virtual private gateway or transit gateway VPN attachment"'),
      'network-connectivity.8': met('user data bootstraps from S3: "Native bootstrapping using the user data field"'),
    },
  }],
};
