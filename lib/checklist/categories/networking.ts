/**
 * Networking checklist: category-specific technical requirements, in seed order. A seed row that lists
 * several distinct demands is split into several requirements, each carrying its own passage of the row.
 */
import { configRule } from '../controls';
import { recommends, requires } from '../rule-uses';
import { BY_ATTESTATION, BY_TEMPLATE, BY_TEMPLATE_AND_ATTESTATION, BY_TEMPLATE_OR_ATTESTATION, PRODUCT_FEATURE_NOTE } from '../decision';
import { CategoryRequirement, Modal } from '../types';
import { numbered, passages, retired } from './numbering';

const NET = 'networking' as const;

/** A feature row of the "Required Solution Features" table stated without a modal verb. */
const FEATURE_ROW: { readonly modal: Modal; readonly levelReason: string } = {
  modal: 'none',
  levelReason: 'A row of the category\'s "Required Solution Features" table, stated as a feature ("Support for ...", "Native bootstrapping ...") without a modal verb: the table\'s heading makes it required, read as must.',
};

/** "APN Partner has 6 AWS customer references": a fact the partner must show, stated without a modal verb. */
const STATED_FACT: { readonly modal: Modal; readonly levelReason: string } = {
  modal: 'none',
  levelReason: 'Stated as a fact about the partner ("APN Partner has ...") without a modal verb, in the table of required features: read as must.',
};

/** The two Direct Connect categories' eligibility, stated in the introduction. */
const ELIGIBILITY: { readonly modal: Modal; readonly levelReason: string } = {
  modal: 'none',
  levelReason: 'The introduction states who "are eligible" for the category, without a modal verb; a partner outside it cannot hold the category: read as must.',
};

const ENA_DRIVERS_EVIDENCE = 'The product\'s support of both enhanced networking drivers: the AMI or image has the ixgbevf (Intel 82599 VF) driver and the ENA driver (e.g. `modinfo ixgbevf` and `modinfo ena`, or the vendor\'s documentation), so it runs on either instance family.';

const INTEGRATION = 'AWS Integration - The routing solution must have these AWS capabilities:';
const USE_CASE = 'The AWS Auto Scaling use case must:';

export const NETWORK_CONNECTIVITY: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'network-connectivity', line: { ref: 'Network Connectivity', title: 'Network Connectivity' } }, [
  {
    title: 'Horizontal auto scaling without manual steps',
    requirement: 'The solution scales out with AWS Auto Scaling (possibly fronted by Route 53 or Elastic Load Balancing) to carry more connectivity, with no manual intervention.',
    words: 'The APM Partner solution must support AWS Auto Scaling for handling additional network connectivity. This design can include Amazon Route 53 or Elastic Load Balancing. The design must be able to auto-scale horizontally without manual intervention.',
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('AutoScalingGroupScalingPolicy', 'The design must be able to auto-scale horizontally without manual intervention'),
      ],
    },
  },
  {
    title: 'CloudFormation template of the scaling deployment',
    requirement: 'The auto scaling use case ships as a CloudFormation template, including load-balancing and monitoring dependencies, for a new or an existing VPC.',
    words: `${USE_CASE} Include an AWS CloudFormation template of the deployment, including any load balancing or monitoring dependencies. This can be for a new or existing VPC.`,
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      decisionNote: 'This app\'s templates are the CloudFormation template of the deployment when they include the load balancing its Auto Scaling groups depend on; a template published elsewhere is attested.',
      rules: [
        requires('ScalingDeploymentInTemplate', 'Include an AWS CloudFormation template of the deployment, including any load balancing or monitoring dependencies.'),
      ],
      attestation: { evidence: 'Link to the published CloudFormation template for the auto scaling deployment, when it is not this app.' },
    },
  },
  {
    title: 'Public step-by-step deployment documentation',
    requirement: 'Public documentation walks through every step of deploying the environment, kept as simple as possible.',
    words: passages(USE_CASE, 'Public documentation must provide all steps for deploying the environment, focusing on simplicity whenever possible.'),
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Link to the public deployment documentation.' } },
  },
  {
    title: 'All components across several AZs, failing over automatically',
    requirement: 'Every component is deployed across multiple Availability Zones so that the solution survives the loss of one AZ without manual intervention; the seed names examples of automated failover (Elastic Load Balancing, moving an elastic network interface, changing a route table entry or subnet association).',
    words: `${INTEGRATION} All components of the solution must be deployed across multiple availability zones such that the solution is resilient to a single AZ failure without manual intervention. Examples of automated failover mechanisms include: Leveraging Elastic Load Balancing Moving a elastic network interface on failure Altering a route table entry or subnet association on failure`,
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('AutoScalingGroupMultiAz', 'All components of the solution must be deployed across multiple availability zones'),
        requires('ApplianceFailoverPath', 'resilient to a single AZ failure without manual intervention'),
      ],
    },
  },
  retired('"Examples of automated failover mechanisms include" names examples of network-connectivity.4 (failing over without manual intervention), not a requirement of its own.'),
  {
    title: 'Native VGW / TGW VPN support',
    requirement: 'The solution natively terminates VPNs from a virtual private gateway or a transit gateway VPN attachment, with a current device configuration downloadable from the console.',
    words: passages(INTEGRATION, 'Native support for the virtual private gateway (or transit gateway via VPN attachment) and providing an up to date VPN template download for the AWS Management Console The solution must provide native support for the virtual private gateway or transit gateway via VPN attachment.'),
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_ATTESTATION,
      decisionNote: 'A VPN connection of the template terminating on an attached virtual private gateway or a transit gateway supports it; the up-to-date configuration download in the console is attested.',
      rules: [
        requires('VpnTerminatesOnAttachedGateway', 'The solution must provide native support for the virtual private gateway or transit gateway via VPN attachment.'),
      ],
      attestation: { evidence: 'The vendor entry in the Site-to-Site VPN configuration download list, or the published VPN configuration template.' },
    },
  },
  {
    title: 'BGP with the VPN attachment',
    requirement: 'The solution exchanges routes by BGP over its VPN to a VGW or a TGW VPN attachment.',
    words: 'Must support Border Gateway Protocol (BGP) with the virtual private gateway or transit gateway VPN attachment',
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('VpnBgpRouting', 'Must support Border Gateway Protocol (BGP) with the virtual private gateway or transit gateway VPN attachment'),
      ],
    },
  },
  {
    title: 'Bootstrapping from user data',
    requirement: 'Instances configure themselves at launch from the user data field, optionally pulling more from sources such as Amazon S3.',
    words: passages(INTEGRATION, 'Native bootstrapping using the user data field May involve secondary data sources such as Amazon Simple Storage Service (Amazon S3)'),
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('ApplianceUserDataBootstrap', 'Native bootstrapping using the user data field'),
      ],
    },
  },
  {
    title: 'Enhanced networking (ENA, ixgbevf)',
    requirement: 'The solution supports enhanced networking through both the ixgbevf (Intel 82599 VF) and the ENA drivers.',
    words: passages(INTEGRATION, 'Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver.'),
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE_AND_ATTESTATION,
      rules: [
        requires('EnaInstanceType', 'Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver'),
      ],
      attestation: { evidence: ENA_DRIVERS_EVIDENCE },
    },
  },
]);

const DX_BUSINESS_DATA_EVIDENCE = 'The latest monthly or quarterly Direct Connect business report sent to AWS, and its schedule.';
const DX_INTRO_INTEGRATED = { ref: '2.)', title: 'AWS Direct Connect Integrated Partners' };
const DX_INTRO_INFRASTRUCTURE = { ref: '3.)', title: 'AWS Direct Connect Infrastructure Partners' };
const SIX_REFERENCES = 'APN Partner has 6 AWS customer references of completed networking projects.';
const DX_DATA_LEAD = 'APN Partner must provide regular (monthly or quarterly) business data for their AWS Direct Connect business to AWS. This will enable AWS to provide better services to AWS customers. It should include: Quantity of unique customers Quantity of customer facing ports and interface speeds Quantity of ports and interface speeds facing AWS for the dedicated connection model only Data should be broken out by geography';
const DX_DATA_TAIL = 'The time to provision the circuit when requested by the customer, the SLA time, and SLA breaches. Other AWS revenue, e.g. reseller revenue';
const PORTAL = 'APN Partner must have a user portal accessible to users. This portal must be able to:';

export const DIRECT_CONNECT_INTEGRATED: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'direct-connect-integrated', line: { ref: 'Direct Connect for Integrated Partners', title: 'Direct Connect for Integrated Partners' } }, [
  {
    title: 'Six customer references',
    requirement: 'The partner has six AWS customer references for completed networking projects.',
    words: SIX_REFERENCES,
    level: 'must',
    ...STATED_FACT,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The six customer references (customer, project, completion date).' } },
  },
  {
    title: 'Regular Direct Connect business data to AWS',
    requirement: 'Monthly or quarterly, the partner reports its Direct Connect business to AWS, which should include: unique customers, customer- and AWS-facing ports and speeds (AWS-facing for the dedicated model only), by geography, packet loss peaks and averages, provisioning time against SLA and breaches, and other AWS revenue.',
    words: `${DX_DATA_LEAD} Packet loss percentages peaks and averages per port or location. ${DX_DATA_TAIL}`,
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: DX_BUSINESS_DATA_EVIDENCE } },
  },
  {
    title: 'Customer portal for connections and capacity',
    requirement: 'A portal lets customers order hosted connections or hosted VIFs and, where supported, change the capacity of a circuit.',
    words: `${PORTAL} Allow customers to provision hosted connections and/or hosted virtual interfaces Adjust network capacity allocated to a circuit, if the capability exists`,
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Portal screenshots or a demo recording showing provisioning and capacity change.' } },
  },
  {
    title: 'Network health visible to customers',
    requirement: 'The portal gives customers visibility of their network health; real-time metrics are a should.',
    words: passages(PORTAL, 'Provide user-facing visibility of network health. This should involve real-time metrics.'),
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Portal screenshots of the network health view, and its metrics (real-time where offered).' } },
  },
  {
    title: 'Self-service with no partner operator in the loop',
    requirement: 'Customers provision and manage connections and virtual interfaces themselves, without any manual step by partner operations staff.',
    words: 'Customers must have a self-service mechanism for provisioning and managing connections and VIFs. This must require no manual intervention from partner operations staff.',
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Description or recording of the end-to-end self-service flow, showing no manual operator step.' } },
  },
  {
    title: 'AWS landing page for the Direct Connect offering',
    requirement: 'An AWS landing page details the network infrastructure and services offered; it should state the supported Direct Connect models, the resiliency offering (linking to the AWS resiliency recommendations), the provisioning steps and who owns each per model, circuit types, and supported Direct Connect locations.',
    words: 'APN Partner must detail what network infrastructure and services they offer to customers on an AWS landing page (e.g. www.awspartner.com/aws). This landing page should state: What models of AWS Direct Connect they support Describe their resiliency offerings and link to AWS Resiliency Recommendations web page (https://aws.amazon.com/directconnect/resiliency-recommendation/) For each supported model: the end to end provisioning process and responsible party for each step What circuit types are available (e.g. Layer 2 - VPLS, Dedicated Fiber, Layer 3 - MPLS, etc) Which AWS Direct Connect locations are supported',
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Link to the landing page.' } },
  },
  {
    title: 'Enterprise references when resiliency is offered',
    requirement: 'Where the offering includes resiliency, the six customer references are completed networking projects with mid-market or enterprise customers.',
    words: 'If resiliency is included in the offering APN Partner has 6 AWS customer references of completed networking projects mid- market or enterprise customers.',
    level: 'must',
    ...STATED_FACT,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'For a resiliency offering: the six references showing customer size (mid-market or enterprise).' } },
  },
  {
    title: 'Hosted VIF integrations also support dedicated connections',
    requirement: 'A partner integrated with the hosted virtual interface model stays eligible only if that integration predates AWS closing the model to new partners and it also supports the dedicated connection model.',
    words: 'If you directly integrate with the hosted virtual interface (VIF) model, you are still eligible to renew this competency as long as you meet all of the following criteria: You must have implemented the hosted VIF model prior to AWS closing this model to new APN partner integrations You must also support the dedicated connection model',
    line: DX_INTRO_INTEGRATED,
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Only for hosted VIF integrations: the date the integration went live and evidence of dedicated-connection support.' } },
  },
  {
    title: 'Eligible: hosted and dedicated connection models',
    requirement: 'The partner integrates directly with the hosted connection model and also supports customers in accessing the dedicated connection model.',
    words: 'APN Partners that help AWS customers establish network connectivity between AWS Direct Connect locations and the customer. APN Partners who directly integrate with the hosted connection model in addition to supporting customers to access the dedicated connection model are eligible.',
    line: DX_INTRO_INTEGRATED,
    level: 'must',
    ...ELIGIBILITY,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The Direct Connect hosted-connection integration (AWS Direct Connect Delivery Partner listing or equivalent) and how customers are supported on dedicated connections.' } },
  },
]);

export const DIRECT_CONNECT_INFRASTRUCTURE: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'direct-connect-infrastructure', line: { ref: 'Direct Connect Infrastructure Partners', title: 'Direct Connect Infrastructure Partners' } }, [
  {
    title: 'Six customer references',
    requirement: 'The partner has six AWS customer references for completed networking projects.',
    words: SIX_REFERENCES,
    level: 'must',
    ...STATED_FACT,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The six customer references (customer, project, completion date).' } },
  },
  {
    title: 'Regular Direct Connect business data to AWS',
    requirement: 'Monthly or quarterly, the partner reports its Direct Connect business to AWS, which should include: unique customers, customer- and AWS-facing ports and speeds (AWS-facing for the dedicated model only), by geography, provisioning time against SLA and breaches, and other AWS revenue.',
    words: `${DX_DATA_LEAD} ${DX_DATA_TAIL}`,
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: DX_BUSINESS_DATA_EVIDENCE } },
  },
  {
    title: 'Integration shown for every reference',
    requirement: 'For each of the six references the partner demonstrates a successful integration of its offering with the customer deployment.',
    words: 'For each of the 6 customer references provided in Section 1, APN Partner must demonstrate a successful integration of their offering with a customer deployment.',
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Per reference: architecture or circuit diagram and proof the connection is in service.' } },
  },
  {
    title: 'AWS landing page for the infrastructure offering',
    requirement: 'An AWS landing page details the network infrastructure offered; it should state the supported Direct Connect models, the resiliency offering (linking to the AWS resiliency recommendations), the dedicated-connection provisioning steps and who owns each, circuit types, and supported Direct Connect locations.',
    words: 'APN Partner must detail what network infrastructure they offer to customers on an AWS landing page (e.g. www.awspartner.com/aws). This landing page should state: What models of AWS Direct Connect they support Describe their resiliency offerings and link to AWS Resiliency Recommendations web page (https://aws.amazon.com/directconnect/resiliency-recommendation/) For the dedicated connection model: the end to end provisioning process and responsible party for each step What circuit types are available (e.g. Layer 2 - VPLS, Dedicated Fiber, Layer 3 - MPLS, etc) Which AWS Direct Connect locations are supported',
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Link to the landing page.' } },
  },
  {
    title: 'Eligible: dedicated connection model',
    requirement: 'The partner supports the Direct Connect dedicated connection model.',
    words: 'APN Partners that help AWS customers establish network connectivity between AWS Direct Connect locations and the customer. APN Partners who support the dedicated connection model are eligible.',
    line: DX_INTRO_INFRASTRUCTURE,
    level: 'must',
    ...ELIGIBILITY,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'How the partner supports dedicated connections (locations, cross-connects or fiber offered).' } },
  },
]);

const HA_CONFIGURATION = 'In the high availability configuration';

export const LOAD_BALANCERS: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'load-balancers', line: { ref: 'Load Balancers', title: 'Load Balancers' } }, [
  {
    title: 'Integration shown for every reference',
    requirement: 'For each of the four customer references the partner demonstrates a successful integration of its software into the customer deployment.',
    words: 'For each of the 4 customer references provided in Section 1, APN Partner must demonstrate a successful integration of their software into a customer deployment.',
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Per reference: architecture diagram and proof the load balancer is in production.' } },
  },
  {
    title: 'One reference runs load balancers in an Auto Scaling group',
    requirement: 'At least one customer reference places the load balancer instances in an Auto Scaling group.',
    words: 'At least 1 customer reference must be utilizing an auto-scaling design where the load balancer instances are in an auto-scaling group',
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The reference (customer, architecture) whose load balancer instances run in an Auto Scaling group.' } },
  },
  {
    title: 'Horizontal auto scaling, no on-premises parts',
    requirement: 'The solution scales out on its own (possibly with Route 53 or Elastic Load Balancing) to carry more connections, and AWS Auto Scaling works without any on-premises component.',
    words: 'The solution must be able to auto scale for handling additional network connectivity. This design can include Amazon Route 53 or Elastic Load Balancing. The design must be able to auto-scale horizontally without manual intervention. AWS Auto Scaling must be supported without on-premises components.',
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('AutoScalingGroupScalingPolicy', 'The design must be able to auto-scale horizontally without manual intervention'),
      ],
    },
  },
  {
    title: 'Highly available deployment option',
    requirement: 'The load balancer can be deployed in a highly available configuration.',
    words: 'The load balancing solution must provide a highly available deployment option.',
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        requires('ApplianceBehindLoadBalancer', 'The load balancing solution must provide a highly available deployment option'),
        requires('AutoScalingGroupMultiAz', 'The load balancing solution must provide a highly available deployment option'),
      ],
      attestation: { evidence: 'Link to the documented highly available deployment option, when this app does not deploy it.' },
      decisionNote: 'The template decides it when it deploys the load balancer instances behind DNS or Elastic Load Balancing in several Availability Zones; a documented option it does not deploy is attested.',
    },
  },
  {
    title: 'Inbound traffic spread over instances in several AZs',
    requirement: 'In the highly available configuration, DNS or Elastic Load Balancing spreads inbound requests over several partner load balancer instances in multiple Availability Zones.',
    words: `${HA_CONFIGURATION} the solution must use DNS or Elastic Load Balancing to distribute inbound requests to multiple partner load balancer instances deployed in multiple availability zones.`,
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('ApplianceBehindLoadBalancer', 'the solution must use DNS or Elastic Load Balancing to distribute inbound requests to multiple partner load balancer instances deployed in multiple availability zones'),
        requires('AutoScalingGroupMultiAz', 'the solution must use DNS or Elastic Load Balancing to distribute inbound requests to multiple partner load balancer instances deployed in multiple availability zones'),
      ],
    },
  },
  {
    title: 'Downstream traffic to Elastic Load Balancing',
    requirement: 'In the highly available configuration, the load balancer can pass traffic on to an Elastic Load Balancing load balancer behind it.',
    words: `${HA_CONFIGURATION} the load balancing solution must be able to send downstream traffic to an Elastic Load Balancing load balancer.`,
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      decisionNote: 'The template decides it when it deploys an internal load balancer downstream of the appliances and lets them reach it; otherwise the capability is attested.',
      rules: [
        requires('ApplianceReachesDownstreamElb', 'the load balancing solution must be able to send downstream traffic to an Elastic Load Balancing load balancer'),
      ],
      attestation: { evidence: 'A deployment or documentation showing the partner load balancer targeting an ELB load balancer downstream.' },
    },
  },
  {
    title: 'Bootstrapping from user data',
    requirement: 'Instances configure themselves at launch from the user data field, optionally pulling more from sources such as Amazon S3.',
    words: 'Native bootstrapping using the user data field May involve secondary data sources such as Amazon S3',
    level: 'must',
    ...FEATURE_ROW,
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('ApplianceUserDataBootstrap', 'Native bootstrapping using the user data field'),
      ],
    },
  },
  {
    title: 'At least three custom CloudWatch metrics',
    requirement: 'The load balancer publishes at least three custom CloudWatch metrics, such as 3xx/4xx/5xx responses, connections per second and open sessions.',
    words: 'Support for at least 3 custom Amazon CloudWatch metrics, such as 3/4/5xx error messages, connections per second, and open sessions',
    level: 'must',
    ...FEATURE_ROW,
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('ApplianceCustomMetricsAlarmed', 'Support for at least 3 custom Amazon CloudWatch metrics'),
      ],
    },
  },
  {
    title: 'Enhanced networking (ENA, ixgbevf)',
    requirement: 'The solution supports enhanced networking through both the ixgbevf (Intel 82599 VF) and the ENA drivers.',
    words: 'Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver',
    level: 'must',
    ...FEATURE_ROW,
    verification: {
      decidedBy: BY_TEMPLATE_AND_ATTESTATION,
      rules: [
        requires('EnaInstanceType', 'Support for enhanced networking with the ixgbevf driver and elastic network adapter (ENA) driver'),
      ],
      attestation: { evidence: ENA_DRIVERS_EVIDENCE },
    },
  },
]);

/** Why the multi-AZ rules are recommendations for the Network Management portal. */
const MULTI_AZ_PORTAL = 'A portal this app deploys behind load balancers and Auto Scaling groups spanning several AZs is automation that keeps it highly available; the sentence asks that a public reference design or automation exist, not that every resource of the template be multi-AZ, and a template cannot tell the portal from the rest.';

const ONE_OF_TWO_LISTS = 'The network management solution must provide all of the AWS capabilities from one of the following feature lists.';

export const NETWORK_MANAGEMENT: readonly CategoryRequirement[] = numbered({ checklist: NET, category: 'network-management', line: { ref: 'Network Management', title: 'Network Management' } }, [
  {
    title: 'Integration shown for every reference',
    requirement: 'For each of the four customer references the partner demonstrates a successful integration of its software into the customer deployment.',
    words: 'For each of the 4 customer references provided in Section 1, APN Partner must demonstrate a successful integration of their software into a customer deployment.',
    level: 'must',
    modal: 'must',
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Per reference: architecture diagram and proof the management solution is in production.' } },
  },
  {
    title: 'Feature list 1: flow logs, VPC view, metrics and alerts',
    requirement: 'Either the solution has every capability of the first feature list: it ingests flow logs and visualizes or reports on them, visualizes the customer\'s VPCs, ingests CloudWatch metrics, and alerts on metrics, traffic patterns, usage or events such as VPCs created with overlapping addresses.',
    words: `${ONE_OF_TWO_LISTS} Either the network management solution must have all of the following AWS capabilities: Support for ingesting flow logs. The solution must provide visualization or reporting on the Flow Logs data. Provide visualization of customer’s VPCs Support for ingesting Amazon CloudWatch metrics Provide alerts on Amazon Cloudwatch metrics, traffic patterns, usage, or events such as VPCs created with overlapping addresses`,
    level: 'must',
    modal: 'must',
    alternativeTo: ['network-management.4'],
    verification: {
      decidedBy: BY_ATTESTATION,
      decisionNote: PRODUCT_FEATURE_NOTE,
      rules: [
        recommends('FlowLogsQueryable', 'Support for ingesting flow logs',
          'Parquet with Hive-compatible partitions in S3, or a rich format in a retained log group, keeps flow logs cheap to query; the product may ingest them from any destination (S3, CloudWatch Logs, Kinesis Data Firehose).'),
        recommends('NoOverlappingVpcCidrs', 'events such as VPCs created with overlapping addresses',
          'Distinct VPC ranges keep peering and transit routing possible; the item asks the product to alert on VPCs created with overlapping addresses, not the template to have none.'),
        recommends('AlarmHasAction', 'Provide alerts on Amazon Cloudwatch metrics',
          'CloudWatch alarms of the template that notify someone are alerts on CloudWatch metrics in plain sight; the item asks the product to provide alerts, which a person shows, so an alarm of the customer\'s own without an action does not fail it.'),
      ],
      runtimeControls: [configRule('VPC_FLOW_LOGS_ENABLED', 'Flags VPCs without flow logs (the input of feature list 1).')],
      attestation: { evidence: 'For each capability of feature list 1, a screenshot, report or link from the product: flow-log ingestion with its visualization or report, the VPC view, CloudWatch metric ingestion, and an alert (e.g. on VPCs with overlapping addresses).' },
    },
  },
  {
    title: 'Multi-AZ portal in the customer account',
    requirement: 'If the management portal runs in the customer\'s account, a public reference design or automation keeps it highly available across several Availability Zones.',
    words: 'If the management portal runs in the user’s account, it must have a public reference designs or automation to maintain high availability in multiple AZs.',
    level: 'must',
    modal: 'must',
    verification: {
      decidedBy: BY_ATTESTATION,
      decisionNote: 'When this app deploys the portal into the customer\'s account, its load balancers, Auto Scaling groups and compute spread over several AZs are such automation, shown as recommendations; whether the portal runs in the user\'s account, and the public design or automation, are attested.',
      rules: [
        recommends('LoadBalancerMultiAz', 'automation to maintain high availability in multiple AZs', MULTI_AZ_PORTAL),
        recommends('AutoScalingGroupMultiAz', 'automation to maintain high availability in multiple AZs', MULTI_AZ_PORTAL),
        recommends('ComputeMultiAz', 'automation to maintain high availability in multiple AZs', MULTI_AZ_PORTAL),
      ],
      attestation: { evidence: 'Only when the portal runs in the customer account: link to the public multi-AZ reference design or automation (this app, when it deploys the portal, with where it is published).' },
    },
  },
  {
    title: 'Feature list 2: packet replication, Amazon Linux, audit, automation',
    requirement: 'Or the solution has every capability of the second feature list: it delivers raw network packets to another AWS location or instance, accounts for packet replication performance, supports Amazon Linux, automatically audits the instances or resources running its software, and publishes automation (e.g. a CloudFormation template) to deploy it.',
    words: passages(ONE_OF_TWO_LISTS, 'OR The network management solution must have all of the following AWS capabilities: Ability to provide raw network packets to another AWS location or instance Ability to account for the performance of packet replication Support for Amazon Linux Ability to automatically audit the instances or resources in the AWS account that are running the relevant software Publicly available automation (e.g. AWS CloudFormation template) to deploy the solution.'),
    level: 'must',
    modal: 'must',
    alternativeTo: ['network-management.2'],
    verification: {
      decidedBy: BY_ATTESTATION,
      attestation: { evidence: 'For each capability of feature list 2, a screenshot, report or link from the product: packet delivery to another AWS location or instance, replication performance accounting, Amazon Linux support, the automatic audit, and the public deployment automation.' },
    },
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
