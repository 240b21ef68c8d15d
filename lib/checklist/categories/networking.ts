/**
 * Networking checklist: category-specific technical requirements, in seed order.
 * A seed row that lists several distinct demands is split into several requirements.
 */
import { configRule } from '../controls';
import { CategoryRequirement } from '../types';
import { numbered } from './numbering';

const NET = 'networking' as const;

export const NETWORK_CONNECTIVITY: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'network-connectivity' }, [
  {
    title: 'Horizontal auto scaling without manual steps',
    requirement: 'The solution scales out with AWS Auto Scaling (possibly fronted by Route 53 or Elastic Load Balancing) to carry more connectivity, with no manual intervention.',
    level: 'must',
    verification: { rules: ['AutoScalingGroupScalingPolicy'] },
  },
  {
    title: 'CloudFormation template of the scaling deployment',
    requirement: 'The auto scaling use case ships as a CloudFormation template, including load-balancing and monitoring dependencies, for a new or an existing VPC.',
    level: 'must',
    verification: { attestation: { evidence: 'Link to the published CloudFormation template (or the synthesized template of this app) for the auto scaling deployment.' } },
  },
  {
    title: 'Public step-by-step deployment documentation',
    requirement: 'Public documentation walks through every step of deploying the environment, kept as simple as possible.',
    level: 'must',
    verification: { attestation: { evidence: 'Link to the public deployment documentation.' } },
  },
  {
    title: 'All components across several AZs',
    requirement: 'Every component is spread over multiple Availability Zones so that losing one AZ needs no manual intervention.',
    level: 'must',
    verification: { rules: ['AutoScalingGroupMultiAz'] },
  },
  {
    title: 'Automated failover',
    requirement: 'Failover is automated, e.g. through Elastic Load Balancing, moving an elastic network interface, or repointing routes or subnet associations.',
    level: 'must',
    verification: { rules: ['ApplianceFailoverPath'] },
  },
  {
    title: 'Native VGW / TGW VPN support',
    requirement: 'The solution natively terminates VPNs from a virtual private gateway or a transit gateway VPN attachment, with a current device configuration downloadable from the console.',
    level: 'must',
    verification: { attestation: { evidence: 'The vendor entry in the Site-to-Site VPN configuration download list, or the published VPN configuration template.' } },
  },
  {
    title: 'BGP with the VPN attachment',
    requirement: 'The solution exchanges routes by BGP over its VPN to a VGW or a TGW VPN attachment.',
    level: 'must',
    verification: { rules: ['VpnBgpRouting'] },
  },
  {
    title: 'Bootstrapping from user data',
    requirement: 'Instances configure themselves at launch from the user data field, optionally pulling more from sources such as Amazon S3.',
    level: 'must',
    verification: { rules: ['ApplianceUserDataBootstrap'] },
  },
  {
    title: 'Enhanced networking (ENA, ixgbevf)',
    requirement: 'The solution supports enhanced networking through the ENA and ixgbevf drivers.',
    level: 'must',
    verification: { rules: ['EnaInstanceType'] },
  },
]);

const DX_BUSINESS_DATA_EVIDENCE = 'The latest monthly or quarterly Direct Connect business report sent to AWS, and its schedule.';

export const DIRECT_CONNECT_INTEGRATED: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'direct-connect-integrated' }, [
  {
    title: 'Six customer references',
    requirement: 'The partner has six AWS customer references for completed networking projects.',
    level: 'must',
    verification: { attestation: { evidence: 'The six customer references (customer, project, completion date).' } },
  },
  {
    title: 'Regular Direct Connect business data to AWS',
    requirement: 'Monthly or quarterly, the partner reports its Direct Connect business to AWS: unique customers, customer- and AWS-facing ports and speeds (AWS-facing for the dedicated model only), by geography, packet loss peaks and averages, provisioning time against SLA and breaches, and other AWS revenue.',
    level: 'must',
    verification: { attestation: { evidence: DX_BUSINESS_DATA_EVIDENCE } },
  },
  {
    title: 'Customer portal for connections and capacity',
    requirement: 'A portal lets customers order hosted connections or hosted VIFs and, where supported, change the capacity of a circuit.',
    level: 'must',
    verification: { attestation: { evidence: 'Portal screenshots or a demo recording showing provisioning and capacity change.' } },
  },
  {
    title: 'Network health visible to customers',
    requirement: 'Customers can see the health of their network in the portal, ideally with real-time metrics.',
    level: 'should',
    verification: { attestation: { evidence: 'Portal screenshots of the network health view and its metrics.' } },
  },
  {
    title: 'Self-service with no partner operator in the loop',
    requirement: 'Customers provision and manage connections and virtual interfaces themselves, without any manual step by partner operations staff.',
    level: 'must',
    verification: { attestation: { evidence: 'Description or recording of the end-to-end self-service flow, showing no manual operator step.' } },
  },
  {
    title: 'AWS landing page for the Direct Connect offering',
    requirement: 'An AWS landing page lists the supported Direct Connect models, the resiliency offering (linking to the AWS resiliency recommendations), the provisioning steps and who owns each per model, circuit types, and supported Direct Connect locations.',
    level: 'must',
    verification: { attestation: { evidence: 'Link to the landing page.' } },
  },
  {
    title: 'Enterprise references when resiliency is offered',
    requirement: 'Where the offering includes resiliency, the six customer references are completed networking projects with mid-market or enterprise customers.',
    level: 'must',
    verification: { attestation: { evidence: 'For a resiliency offering: the six references showing customer size (mid-market or enterprise).' } },
  },
  {
    title: 'Hosted VIF integrations also support dedicated connections',
    requirement: 'A partner integrated with the hosted virtual interface model stays eligible only if that integration predates AWS closing the model to new partners and it also supports the dedicated connection model.',
    level: 'must',
    verification: { attestation: { evidence: 'Only for hosted VIF integrations: the date the integration went live and evidence of dedicated-connection support.' } },
  },
]);

export const DIRECT_CONNECT_INFRASTRUCTURE: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'direct-connect-infrastructure' }, [
  {
    title: 'Six customer references',
    requirement: 'The partner has six AWS customer references for completed networking projects.',
    level: 'must',
    verification: { attestation: { evidence: 'The six customer references (customer, project, completion date).' } },
  },
  {
    title: 'Regular Direct Connect business data to AWS',
    requirement: 'Monthly or quarterly, the partner reports its Direct Connect business to AWS: unique customers, customer- and AWS-facing ports and speeds (AWS-facing for the dedicated model only), by geography, provisioning time against SLA and breaches, and other AWS revenue.',
    level: 'must',
    verification: { attestation: { evidence: DX_BUSINESS_DATA_EVIDENCE } },
  },
  {
    title: 'Integration shown for every reference',
    requirement: 'For each of the six references the partner demonstrates a successful integration of its offering with the customer deployment.',
    level: 'must',
    verification: { attestation: { evidence: 'Per reference: architecture or circuit diagram and proof the connection is in service.' } },
  },
  {
    title: 'AWS landing page for the infrastructure offering',
    requirement: 'An AWS landing page lists the supported Direct Connect models, the resiliency offering (linking to the AWS resiliency recommendations), the dedicated-connection provisioning steps and who owns each, circuit types, and supported Direct Connect locations.',
    level: 'must',
    verification: { attestation: { evidence: 'Link to the landing page.' } },
  },
]);

export const LOAD_BALANCERS: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'load-balancers' }, [
  {
    title: 'Integration shown for every reference',
    requirement: 'For each of the four customer references the partner demonstrates a successful integration of its software into the customer deployment.',
    level: 'must',
    verification: { attestation: { evidence: 'Per reference: architecture diagram and proof the load balancer is in production.' } },
  },
  {
    title: 'One reference runs load balancers in an Auto Scaling group',
    requirement: 'At least one customer reference places the load balancer instances in an Auto Scaling group.',
    level: 'must',
    verification: { attestation: { evidence: 'The reference (customer, architecture) whose load balancer instances run in an Auto Scaling group.' } },
  },
  {
    title: 'Horizontal auto scaling, no on-premises parts',
    requirement: 'The solution scales out on its own (possibly with Route 53 or Elastic Load Balancing) to carry more connections, and AWS Auto Scaling works without any on-premises component.',
    level: 'must',
    verification: { rules: ['AutoScalingGroupScalingPolicy'] },
  },
  {
    title: 'Highly available deployment option',
    requirement: 'The load balancer can be deployed in a highly available configuration.',
    level: 'must',
    verification: { attestation: { evidence: 'Link to the documented highly available deployment option (its template is checked under load-balancers.5).' } },
  },
  {
    title: 'Inbound traffic spread over instances in several AZs',
    requirement: 'In the highly available configuration, DNS or Elastic Load Balancing spreads inbound requests over several partner load balancer instances in multiple Availability Zones.',
    level: 'must',
    verification: { rules: ['ApplianceBehindLoadBalancer', 'AutoScalingGroupMultiAz'] },
  },
  {
    title: 'Downstream traffic to Elastic Load Balancing',
    requirement: 'In the highly available configuration, the load balancer can pass traffic on to an Elastic Load Balancing load balancer behind it.',
    level: 'must',
    verification: { attestation: { evidence: 'A deployment or documentation showing the partner load balancer targeting an ELB load balancer downstream.' } },
  },
  {
    title: 'Bootstrapping from user data',
    requirement: 'Instances configure themselves at launch from the user data field, optionally pulling more from sources such as Amazon S3.',
    level: 'must',
    verification: { rules: ['ApplianceUserDataBootstrap'] },
  },
  {
    title: 'At least three custom CloudWatch metrics',
    requirement: 'The load balancer publishes at least three custom CloudWatch metrics, such as 3xx/4xx/5xx responses, connections per second and open sessions.',
    level: 'must',
    verification: { rules: ['ApplianceCustomMetricsAlarmed'] },
  },
  {
    title: 'Enhanced networking (ENA, ixgbevf)',
    requirement: 'The solution supports enhanced networking through the ENA and ixgbevf drivers.',
    level: 'must',
    verification: { rules: ['EnaInstanceType'] },
  },
]);

export const NETWORK_MANAGEMENT: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'network-management' }, [
  {
    title: 'Integration shown for every reference',
    requirement: 'For each of the four customer references the partner demonstrates a successful integration of its software into the customer deployment.',
    level: 'must',
    verification: { attestation: { evidence: 'Per reference: architecture diagram and proof the management solution is in production.' } },
  },
  {
    title: 'One complete AWS feature set',
    requirement: 'The solution delivers every capability of one of two sets: (a) ingesting flow logs with visualization or reporting on them, visualizing the customer\'s VPCs, ingesting CloudWatch metrics, and alerting on metrics, traffic patterns, usage or events such as VPCs with overlapping address ranges; or (b) forwarding raw packets to another AWS location or instance, accounting for packet replication performance, supporting Amazon Linux, auditing automatically the resources running the software, and publishing automation (e.g. a CloudFormation template) to deploy it.',
    level: 'must',
    verification: {
      rules: ['FlowLogsQueryable', 'NoOverlappingVpcCidrs', 'AlarmHasAction'],
      runtimeControls: [configRule('VPC_FLOW_LOGS_ENABLED', 'Flags VPCs without flow logs (the input of feature set a).')],
      attestation: { evidence: 'Which feature set (a or b) the solution implements, with a screenshot, report or link proving each of its capabilities.' },
    },
  },
  {
    title: 'Multi-AZ portal in the customer account',
    requirement: 'If the management portal runs in the customer\'s account, a public reference design or automation keeps it highly available across several Availability Zones.',
    level: 'must',
    verification: { attestation: { evidence: 'Only when the portal runs in the customer account: link to the public multi-AZ reference design or automation.' } },
  },
]);

/** All Networking category requirements, in seed order. */
export const NETWORKING_CATEGORY_REQUIREMENTS: readonly CategoryRequirement[] = [
  ...NETWORK_CONNECTIVITY,
  ...DIRECT_CONNECT_INTEGRATED,
  ...DIRECT_CONNECT_INFRASTRUCTURE,
  ...LOAD_BALANCERS,
  ...NETWORK_MANAGEMENT,
];
