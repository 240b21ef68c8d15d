/** Reliability 2.1–2.13. */
import { configRule, required, service, SHARED_CONTROLS } from '../controls';
import { BY_ATTESTATION, BY_RUNTIME_OR_ATTESTATION, BY_TEMPLATE, BY_TEMPLATE_AND_ATTESTATION, BY_TEMPLATE_OR_ATTESTATION, BY_TEMPLATE_OR_RUNTIME_AND_ATTESTATION } from '../decision';
import { matrix, NO, YES } from '../matrix';
import { recommends, requires, touches } from '../rule-uses';
import { TechnicalItem } from '../types';

export const RELIABILITY_ITEMS: readonly TechnicalItem[] = [
  {
    kind: 'technical',
    id: '2.1',
    pillar: 'reliability',
    title: 'Highly available network connectivity',
    requirement: 'Connectivity to the solution is highly available; where customers connect over VPN or Direct Connect, the solution supports redundant connections even if a customer chooses not to use them.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.1',
        title: 'Network connectivity is highly available',
        text: 'Network connectivity to the solution must be highly available. If using VPN or AWS Direct Connect to connect to customer networks, the solution must support redundant connections, even if the customers do not always implement this.',
      },
      networking: {
        ref: '2.1',
        title: 'Network connectivity is highly available',
        text: 'Network connectivity to the solution must be highly available. If using VPN or AWS Direct Connect to connect to customer networks, the solution must support redundant connections, even if the customers do not always implement this.',
      },
    },
    appliesTo: matrix([YES, YES, YES, YES], [YES, YES]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        requires('VpnConnectionsRedundant', 'the solution must support redundant connections, even if the customers do not always implement this'),
        requires('EntryPointHighlyAvailable', 'Network connectivity to the solution must be highly available'),
        recommends('VpnBgpRouting', 'Network connectivity to the solution must be highly available',
          'BGP lets traffic fail over between tunnels and connections without anyone changing routes; the item asks for redundant connections, not for a routing protocol (the Network Connectivity category asks for BGP itself).'),
      ],
      runtimeControls: [
        configRule('VPC_VPN_2_TUNNELS_UP', 'Flags Site-to-Site VPN connections with fewer than two tunnels up.'),
        SHARED_CONTROLS.ELBV2_MULTIPLE_AZ,
      ],
      attestation: {
        evidence: 'How customers connect to the solution and how that connectivity is highly available: redundant VPN connections or Direct Connect connections the solution supports, and multi-AZ endpoints.',
      },
      decisionNote: 'The template decides it when it holds the ways in (VPN connections, internet-facing load balancers, CloudFront, APIs, public instances); connectivity it does not show is attested.',
    },
  },
  {
    kind: 'technical',
    id: '2.2',
    pillar: 'reliability',
    title: 'Scaling matches business needs',
    requirement: 'Every layer scales automatically, or else the business case for not auto scaling (cost, expected growth) is confirmed and the manual scaling procedure is documented and exercised often.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.2',
        title: 'Infrastructure scaling mechanisms align with business requirements',
        text: 'Infrastructure scaling mechanisms must align with business requirements, either by: 1. Implementing auto-scaling mechanisms at each layer of the architecture, by 2. Confirming that current business requirements, including cost requirements and anticipated user growth, do not require auto-scaling mechanisms and manual scaling procedures are fully documented and frequently tested.',
      },
      networking: {
        ref: '2.2',
        title: 'Infrastructure scaling mechanisms align with business requirements',
        text: 'Infrastructure scaling mechanisms must align with business requirements, either by: 1. Implementing auto-scaling mechanisms at each layer of the architecture, by 2. Confirming that current business requirements, including cost requirements and anticipated user growth, do not require auto-scaling mechanisms AND manual scaling procedures are fully documented and frequently tested.',
      },
    },
    appliesTo: matrix([YES, YES, NO, YES], [YES, YES]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        requires('AutoScalingGroupScalingPolicy', 'Implementing auto-scaling mechanisms at each layer of the architecture'),
        requires('CapacityScalesAutomatically', 'Implementing auto-scaling mechanisms at each layer of the architecture'),
        recommends('AutoScalingGroupElbHealthCheck', 'Implementing auto-scaling mechanisms at each layer of the architecture',
          'With the load balancer health check, the group replaces instances that stop serving, not only those whose hardware fails; the item asks for scaling mechanisms, not health checks.'),
      ],
      resourceClasses: [touches('capacity', 'Implementing auto-scaling mechanisms at each layer of the architecture')],
      runtimeControls: [
        configRule('AUTOSCALING_GROUP_ELB_HEALTHCHECK_REQUIRED', 'Flags Auto Scaling groups behind a load balancer that do not use its health checks.'),
        SHARED_CONTROLS.AUTOSCALING_MULTIPLE_AZ,
      ],
      attestation: {
        evidence: 'Only for a layer without automatic scaling: why the business does not need it, the documented manual scaling procedure, and when it was last exercised.',
      },
    },
  },
  {
    kind: 'technical',
    id: '2.3',
    pillar: 'reliability',
    title: 'Logs collected centrally',
    requirement: 'Application and AWS infrastructure logs are gathered into one central system.',
    level: 'should',
    modal: 'should',
    seed: {
      'microsoft-workloads': {
        ref: '2.3',
        title: 'AWS and Application logs are managed centrally',
        text: 'All log information from the application, and from the AWS infrastructure, should be consolidated into a single system.',
      },
      networking: {
        ref: '2.3',
        title: 'AWS and Application logs are managed centrally',
        text: 'All log information from the application, and from the AWS infrastructure, should be consolidated into a single system.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        recommends('LogGroupRetention', 'should be consolidated into a single system',
          'A deliberate retention keeps logs long enough to investigate and no longer than needed; the item asks where logs go, not how long they stay.'),
        requires('LogGroupShippedCentrally', 'should be consolidated into a single system'),
        requires('AccessLogsEnabled', 'All log information from the application, and from the AWS infrastructure'),
        requires('BucketAccessLogged', 'All log information from the application, and from the AWS infrastructure'),
        requires('ApplicationLogsCollected', 'All log information from the application'),
        recommends('VpcFlowLogsEnabled', 'should be consolidated into a single system',
          'Flow logs record the traffic of a VPC, which investigations need; the item asks that existing logs be consolidated, not which logs be produced.'),
      ],
      resourceClasses: [touches('traffic', 'All log information from the application, and from the AWS infrastructure')],
      runtimeControls: [
        configRule('VPC_FLOW_LOGS_ENABLED', 'Flags VPCs without flow logs.'),
        configRule('ELB_LOGGING_ENABLED', 'Flags load balancers without access logging.'),
        configRule('CW_LOGGROUP_RETENTION_PERIOD_CHECK', 'Flags log groups kept for less than the configured retention.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '2.4',
    pillar: 'reliability',
    title: 'Monitoring and alarms managed centrally',
    requirement: 'The application and the AWS infrastructure are monitored from one place, and alarms reach the right operations staff.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.4',
        title: 'AWS and Application monitoring and alarms are managed centrally',
        text: 'The application and the AWS infrastructure must be monitored centrally, with alarms generated and sent to the appropriate operations staff.',
      },
      networking: {
        ref: '2.4',
        title: 'AWS and Application monitoring and alarms are managed centrally',
        text: 'The application and the AWS infrastructure must be monitored centrally, with alarms generated and sent to the appropriate operations staff.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_OR_RUNTIME_AND_ATTESTATION,
      decisionNote: 'A template shows alarms generated and where they are sent: each alarm that notifies, or an EventBridge rule on alarm state changes, reaches a target the template shows delivering to people (a topic of the app with a subscription to people or a chat channel, an Incident Manager response plan, an OpsItem). A topic outside the app, such as a central operations account\'s, or one subscribed outside the template is no finding but is not shown: the results of CLOUDWATCH_ALARM_ACTION_CHECK in the account (every alarm acts on ALARM) show then that alarms are sent. That the application and the infrastructure are monitored centrally and that the recipients are the appropriate operations staff no template shows: a person attests it either way.',
      rules: [
        requires('AlarmNotifiesOperations', 'with alarms generated and sent to the appropriate operations staff'),
        recommends('AlarmHasAction', 'with alarms generated and sent to the appropriate operations staff',
          'An alarm with no action on ALARM notifies nobody by itself; the sentence is met when alarms reach the operations staff, which a composite alarm over it or an EventBridge rule on its state change can do, so one such alarm is no breach by itself.'),
      ],
      runtimeControls: [
        required(configRule('CLOUDWATCH_ALARM_ACTION_CHECK', 'Flags CloudWatch alarms without an action on the ALARM state.')),
      ],
      attestation: {
        evidence: 'Where the application and the AWS infrastructure are monitored centrally (the monitoring account, tool or dashboard), which alarms watch the application and which the infrastructure, and who receives them: the operations team or on-call rotation behind each alarm target (topic subscriptions, Incident Manager contacts, chat channels), dated.',
      },
    },
  },
  {
    kind: 'technical',
    id: '2.5',
    pillar: 'reliability',
    title: 'Infrastructure as code',
    requirement: 'AWS infrastructure is provisioned and changed through an automation tool such as CloudFormation or Terraform; the console is not used for routine production changes.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.5',
        title: 'Infrastructure provisioning and management is automated',
        text: 'The solution must use an automated tool such as CloudFormation or Terraform to provision and manage the AWS infrastructure. The AWS Console must not be used to make routine changes to the production AWS infrastructure.',
      },
      networking: {
        ref: '2.5',
        title: 'Infrastructure provisioning and management is automated',
        text: 'The solution must use an automated tool such as AWS CloudFormation or Terraform to provision and manage the AWS infrastructure. The AWS Management Console must not be used to make routine changes to the production AWS infrastructure.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_RUNTIME_OR_ATTESTATION,
      runtimeControls: [
        required(configRule('CLOUDFORMATION_STACK_DRIFT_DETECTION_CHECK', 'Flags CloudFormation stacks whose resources have drifted from the template, i.e. were changed by hand.')),
      ],
      attestation: {
        evidence: 'How production infrastructure changes are made (the infrastructure-as-code pipeline) and the latest drift detection result of the production stacks, dated.',
      },
    },
  },
  {
    kind: 'technical',
    id: '2.6',
    pillar: 'reliability',
    title: 'Regular backups',
    requirement: 'Data is backed up regularly to durable storage so it can be recovered after administrative, logical or physical failures.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.6',
        title: 'Regular data backups are being performed',
        text: 'You must perform regular backups to a durable storage service. Backups ensure that you have the ability to recover from administrative, logical, or physical error scenarios. Amazon S3 and Amazon Glacier are preferred services for backup and archival . Both are durable, low-cost storage platforms. Both offer unlimited capacity and require no volume or media management as backup data sets grow. The pay-for-what-you-use model and low cost per GB/month make these services a good fit for data protection use cases.',
      },
      networking: {
        ref: '2.6',
        title: 'Regular data backups are being performed',
        text: 'You must perform regular backups to a durable storage service. Backups ensure that you have the ability to recover from administrative, logical, or physical error scenarios. Amazon S3 and Amazon Simple Storage Service Glacier are ideal services for backup and archival . Both are durable, low-cost storage platforms. Both offer unlimited capacity and require no volume or media management as backup data sets grow. The pay-for-what-you-use model and low cost per GB/month make these services a good fit for data protection use cases.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('DataStoreBackedUp', 'You must perform regular backups to a durable storage service'),
      ],
      resourceClasses: [touches('data', 'You must perform regular backups to a durable storage service')],
      runtimeControls: [
        configRule('BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK', 'Flags backup plans with rules less frequent or shorter-lived than configured.'),
        configRule('EBS_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'Flags EBS volumes not covered by a backup plan.'),
        configRule('EC2_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'Flags EC2 instances not covered by a backup plan.'),
        configRule('RDS_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'Flags RDS DB instances not covered by a backup plan.'),
        configRule('DYNAMODB_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'Flags DynamoDB tables not covered by a backup plan.'),
        configRule('EFS_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'Flags EFS file systems not covered by a backup plan.'),
        configRule('S3_RESOURCES_PROTECTED_BY_BACKUP_PLAN', 'Flags S3 buckets not covered by a backup plan.'),
        configRule('BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED', 'Flags backup vaults whose recovery points can be deleted by hand.'),
        configRule('DB_INSTANCE_BACKUP_ENABLED', 'Flags RDS DB instances with automated backups off.'),
        service('BACKUP_JOBS', 'The backup plans of the app complete their backup jobs.', ['AWS::Backup::BackupPlan']),
      ],
    },
  },
  {
    kind: 'technical',
    id: '2.7',
    pillar: 'reliability',
    title: 'Recovery tested regularly and after big changes',
    requirement: 'Recovery mechanisms and procedures are tested on a schedule and again after each significant architecture change.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.7',
        title: 'Recovery mechanisms are being tested on a regular schedule and after significant architectural changes',
        text: 'You must test recovery mechanisms and procedures, both on a periodic basis and after making significant changes to your cloud environment. AWS provides substantial resources to help you manage backup and restore of your data .',
      },
      networking: {
        ref: '2.7',
        title: 'Recovery mechanisms are being tested on a regular schedule and after significant architectural changes',
        text: 'You must test recovery mechanisms and procedures, both on a periodic basis and after making significant changes to your cloud environment. AWS provides substantial resources to help you manage backup and restore of your data .',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_AND_ATTESTATION,
      rules: [
        requires('BackupRestoreTested', 'You must test recovery mechanisms and procedures, both on a periodic basis'),
      ],
      runtimeControls: [
        service('BACKUP_RESTORE_TESTING', 'AWS Backup restore testing jobs restore recovery points on a schedule and report the result.', ['AWS::Backup::RestoreTestingPlan']),
      ],
      attestation: {
        evidence: 'The recovery test run after the most recent significant architecture change: date, what was restored, result.',
      },
    },
  },
  {
    kind: 'technical',
    id: '2.8',
    pillar: 'reliability',
    title: 'Survives the loss of one Availability Zone',
    requirement: 'The solution keeps operating when every service in a single Availability Zone is disrupted.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.8',
        title: 'Solution is resilient to availability zone disruption',
        text: 'The solution must continue to operate in the case where all of the services within a single availability zone have been disrupted.',
      },
      networking: {
        ref: '2.8',
        title: 'Solution is resilient to availability zone disruption',
        text: 'The solution must continue to operate in the case where all of the services within a single AZ have been disrupted.',
      },
    },
    appliesTo: matrix([YES, YES, NO, YES], [YES, YES]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('LoadBalancerMultiAz', 'must continue to operate in the case where all of the services within a single'),
        requires('AutoScalingGroupMultiAz', 'must continue to operate in the case where all of the services within a single'),
        requires('NatGatewayPerAz', 'must continue to operate in the case where all of the services within a single'),
        requires('RdsMultiAz', 'must continue to operate in the case where all of the services within a single'),
        requires('ComputeMultiAz', 'must continue to operate in the case where all of the services within a single'),
        requires('DataStoreMultiAz', 'must continue to operate in the case where all of the services within a single'),
        requires('NetworkConnectionsMultiAz', 'must continue to operate in the case where all of the services within a single'),
      ],
      resourceClasses: [touches('capacity', 'must continue to operate in the case where all of the services within a single')],
      runtimeControls: [
        SHARED_CONTROLS.ELBV2_MULTIPLE_AZ,
        configRule('RDS_MULTI_AZ_SUPPORT', 'Flags RDS DB instances without a Multi-AZ deployment.'),
        SHARED_CONTROLS.AUTOSCALING_MULTIPLE_AZ,
        configRule('LAMBDA_VPC_MULTI_AZ_CHECK', 'Flags VPC-attached Lambda functions placed in fewer than two Availability Zones.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '2.9',
    pillar: 'reliability',
    title: 'AZ resilience tested',
    requirement: 'Within the last 12 months, production has been put through the loss of one Availability Zone (a game day, for instance) to prove it copes.',
    level: 'must',
    modal: 'none',
    levelReason: 'The seed states it as a fact ("has been tested in production ... within the last 12 months"), with no modal verb; a dated event the checklist asks to have happened is read as must.',
    seed: {
      'microsoft-workloads': {
        ref: '2.9',
        title: 'Resiliency of the solution has been tested',
        text: 'The resiliency of the infrastructure to disruption of a single availability zone has been tested in production, e.g. through a game day exercise, within the last 12 months.',
      },
      networking: {
        ref: '2.9',
        title: 'Resiliency of the solution has been tested',
        text: 'The resiliency of the infrastructure to disruption of a single AZ has been tested in production, e.g. through a game day exercise, within the last 12 months.',
      },
    },
    appliesTo: matrix([YES, YES, NO, YES], [YES, YES]),
    verification: {
      decidedBy: BY_ATTESTATION,
      runtimeControls: [
        service('FIS_AZ_EXPERIMENT', 'An AWS FIS experiment template that interrupts one Availability Zone, with its run history.'),
      ],
      attestation: {
        evidence: 'The game day or fault-injection run that took one Availability Zone away in production: date, scope, observed impact, follow-ups.',
        maxAgeMonths: 12,
      },
    },
  },
  {
    kind: 'technical',
    id: '2.10',
    pillar: 'reliability',
    title: 'Disaster recovery plan with RPO and RTO',
    requirement: 'A disaster recovery plan sets a recovery point objective and a recovery time objective for every in-scope service, consistent with the SLA offered to customers.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.10',
        title: 'Disaster Recovery (DR) plan has been defined',
        text: 'A well-defined Disaster Recovery plan includes a Recovery Point Objective (RPO) and a Recovery Time Objective (RTO). You must define an RPO and an RTO for all in-scope services, and the RPO and RTO must align with the SLA you offer to your customers',
      },
      networking: {
        ref: '2.10',
        title: 'Disaster Recovery (DR) plan has been defined',
        text: 'A well-defined disaster recovery (DR) plan includes a Recovery Point Objective (RPO) and a Recovery Time Objective (RTO). You must define an RPO and an RTO for all in-scope services, and the RPO and RTO must align with the SLA you offer to your customers',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_AND_ATTESTATION,
      rules: [
        requires('RecoveryObjectivesDeclared', 'You must define an RPO and an RTO for all in-scope services'),
        requires('RpoWithinBackupFrequency', 'plan includes a Recovery Point Objective (RPO) and a Recovery Time Objective (RTO)'),
      ],
      decisionNote: 'The template shows the declared RPO and RTO and that backups run often enough for the RPO; that they cover every in-scope service and align with the customer SLA is attested.',
      attestation: {
        evidence: 'The disaster recovery plan, listing RPO and RTO per in-scope service and the customer SLA they support.',
      },
    },
  },
  {
    kind: 'technical',
    id: '2.11',
    pillar: 'reliability',
    title: 'RTO under 24 hours',
    requirement: 'Core services can be recovered in less than 24 hours.',
    level: 'must',
    modal: 'none',
    levelReason: 'The seed calls it "The baseline requirement", without a modal verb; a stated requirement is read as must.',
    seed: {
      'microsoft-workloads': {
        ref: '2.11',
        title: 'Recovery Time Objective (RTO) is less than 24 hours',
        text: 'The baseline requirement is for the RTO to be less than 24 hours for core services.',
      },
      networking: {
        ref: '2.11',
        title: 'Recovery Time Objective (RTO) is less than 24 hours',
        text: 'The baseline requirement is for the RTO to be less than 24 hours for core services.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_AND_ATTESTATION,
      rules: [
        requires('RtoUnder24Hours', 'for the RTO to be less than 24 hours for core services'),
      ],
      attestation: {
        evidence: 'The RTO of each core service, and the recovery time measured in the latest DR test (2.12).',
      },
      decisionNote: 'A declared RTO is the partner\'s own statement; the measured recovery time is attested.',
    },
  },
  {
    kind: 'technical',
    id: '2.12',
    pillar: 'reliability',
    title: 'Disaster recovery plan tested',
    requirement: 'The DR plan is tested against its RPO and RTO periodically and after major updates; at least one DR test is completed before the Advanced Tier application is approved.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.12',
        title: 'Disaster Recovery (DR) plan is adequately tested',
        text: 'Your DR plan must be tested against your Recovery Point Objective (RPO) and Recovery Time Objective (RTO), both periodically and after major updates. At least one DR test must be completed prior to approval of your AWS APN Advanced Tier application.',
      },
      networking: {
        ref: '2.12',
        title: 'Disaster Recovery (DR) plan is adequately tested',
        text: 'Your DR plan must be tested against your RPO and RTO, both periodically and after major updates. At least one DR test must be completed prior to approval of your AWS APN Advanced Tier application.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_ATTESTATION,
      decisionNote: 'The DR tests against the RPO and RTO are attested; restore tests AWS Backup runs on a schedule are recommended alongside.',
      rules: [
        recommends('BackupRestoreTested', 'both periodically and after major updates',
          'Restore tests that AWS Backup runs on a schedule exercise the recovery points between DR tests; the item asks for DR tests against the RPO and RTO, which restore tests alone are not.'),
      ],
      attestation: {
        evidence: 'The DR tests run periodically and after major updates (the first one completed before the Advanced Tier application was approved): date, scenario, measured recovery point and time against the objectives.',
      },
    },
  },
  {
    kind: 'technical',
    id: '2.13',
    pillar: 'reliability',
    title: 'Disaster recovery into another account',
    requirement: 'The DR plan covers recovering into a different AWS account, and a full test including that recovery was completed within the last 12 months (restores into test environments or data exports do not count).',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '2.13',
        title: 'Disaster Recovery (DR) plan includes recovery to another AWS account',
        text: 'Your DR plan must include a strategy for recovering to another AWS account, and your periodic recovery testing must test this scenario. You must have completed at least one full test of the DR plan, including at least recovery to another AWS account, within the last 12 months. Note: Although processes restoring data into test environments or exporting data for users are useful ways to verify backups, these processes do not fulfill the requirement to perform a full restore test to another AWS account.',
      },
      networking: {
        ref: '2.13',
        title: 'Disaster Recovery (DR) plan includes recovery to another AWS account',
        text: 'Your DR plan must include a strategy for recovering to another AWS account, and your periodic recovery testing must test this scenario. You must have completed at least one full test of the DR plan, including at least recovery to another AWS account, within the last 12 months. Note: Although processes restoring data into test environments or exporting data for users are useful ways to verify backups, these processes do not fulfill the requirement to perform a full restore test to another AWS account.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE_AND_ATTESTATION,
      rules: [
        requires('BackupCopiesToAnotherAccount', 'Your DR plan must include a strategy for recovering to another AWS account'),
      ],
      runtimeControls: [
        service('BACKUP_CROSS_ACCOUNT_COPY', 'AWS Backup copy jobs into a vault in another account, with their results.'),
      ],
      attestation: {
        evidence: 'The full DR test that restored the workload into another AWS account: date, target account, result.',
        maxAgeMonths: 12,
      },
    },
  },
];
