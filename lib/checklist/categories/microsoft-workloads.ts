/**
 * Microsoft Workloads checklist: category-specific requirements ("Required Solution Features"),
 * by category and subcategory, in seed order. IDs: `<category>.<subcategory>.<n>`. Each subcategory is one
 * row of the seed's tables; a row that lists several features is split into one requirement per feature,
 * each carrying the row's lead-in and its own bullet.
 */
import { configRule } from '../controls';
import { recommends } from '../rule-uses';
import { CategoryId, CategoryRequirement } from '../types';
import { BY_ATTESTATION, PRODUCT_FEATURE_NOTE } from '../decision';
import { attested, featureEvidence, LevelBasis, MUST, SHOULD } from './attested';
import { numbered, passages, RequirementDraft } from './numbering';

function group(category: CategoryId, subcategory: string, rowTitle: string, drafts: readonly RequirementDraft[]): CategoryRequirement[] {
  return numbered({ checklist: 'microsoft-workloads', category, subcategory, line: { ref: rowTitle, title: rowTitle } }, drafts);
}

/** Features listed under "This can include:" after the row's one "must". */
const CAN_INCLUDE: LevelBasis = {
  modal: 'none',
  levelReason: 'Listed under "This can include:" after the row\'s one "must" sentence: a capability the seed names without a modal verb, read as should.',
};

/** Rows of the Data, Analytics and Machine Learning table that describe the category without a modal verb. */
const DESCRIBES_CATEGORY: LevelBasis = {
  modal: 'none',
  levelReason: 'The row describes what the subcategory covers ("This category includes", "Technical solutions that ...", "This includes:") without a modal verb; read as should, like the other rows of the Data, Analytics and Machine Learning table.',
};

// --- Microsoft Workloads Migration -------------------------------------------------------------

const MIGRATION_CAN_INCLUDE = 'The technology solution must use either agent or agentless technology to automatically migrate identified workloads to AWS, or data as part of workload migration. This can include:';

export const MS_MIGRATION: readonly CategoryRequirement[] = [
  ...group('ms-migration', 'pre-migration-assessment', 'Pre-Migration Assessment', [
    attested('Automatic discovery of workloads to migrate',
      'With or without agents, the solution automatically identifies the workloads to migrate to AWS, e.g. by assessing Windows servers and VMs on premises, Windows or .NET containers, .NET / .NET Core applications, data (SQL, files, blobs) or enterprise systems such as Active Directory, OneDrive, Dynamics or Exchange.',
      'The technology solution must use either agent or agentless technology to automatically identify workloads to be migrated to AWS. This can include: Microsoft Workload Pre-Migration assessment of one (or more) of the following: Assessment of servers and virtual machines running Microsoft Windows on premises Docker container assessment (either running on Windows Server or if container is running .NET/.NET Core application) .NET/.NET Core application assessment Data Migration Assessment (SQL, file system, blob, etc.) Enterprise solution migration assessment (Active Directory, OneDrive, Dynamics, Exchange, etc.).',
      'must', MUST, featureEvidence('automatic workload discovery')),
    attested('Pre-migration assessment report',
      'The solution produces a pre-migration assessment report.',
      'Pre-Migration assessment report should be generated.',
      'should', SHOULD, 'A sample pre-migration assessment report.'),
  ]),
  ...group('ms-migration', 'migration', 'Migration', [
    attested('Automated migration of workloads or data',
      'With or without agents, the solution automatically migrates the identified workloads (VMs, Windows or .NET containers, .NET applications, data, or enterprise systems) or their data to AWS.',
      `${MIGRATION_CAN_INCLUDE} Microsoft Workload Migration of one of the following: Virtual machines migration Docker containers migration (either running on Windows Server or if container is running .NET/.NET Core application) .NET/.NET Core application migration Data migration (SQL, file system, blob, etc.) Enterprise solution migration (Active Directory, OneDrive, Dynamics, Exchange, etc.).`,
      'must', MUST, featureEvidence('automated migration')),
    attested('Backup and rollback of any migration phase',
      'If any phase of a migration fails, the solution can back up and roll back at any point with little or no data loss.',
      passages(MIGRATION_CAN_INCLUDE, 'Ability to perform backup and rollback in case any phase of migration is unsuccessful, at any point in time with minimal or no data loss.'),
      'should', CAN_INCLUDE, featureEvidence('backup and rollback during migration')),
    attested('Hybrid configurations for disaster recovery',
      'The solution supports hybrid cloud setups used for disaster recovery.',
      passages(MIGRATION_CAN_INCLUDE, 'Enables hybrid cloud configurations for disaster recovery'),
      'should', CAN_INCLUDE, featureEvidence('hybrid disaster recovery configurations')),
    attested('Delta synchronization until cutover',
      'After the initial copy, the solution keeps syncing changes until cutover and the source is shut down.',
      passages(MIGRATION_CAN_INCLUDE, 'Difference delta synchronization to synchronize data after migration until cut over and source server/instance is shut down.'),
      'should', CAN_INCLUDE, featureEvidence('delta synchronization')),
    attested('Cutover into a customer-chosen resource group',
      'Each workload is cut over into an AWS resource group the customer designates.',
      passages(MIGRATION_CAN_INCLUDE, 'Cutover of each workload into customer designated AWS resource group'),
      'should', CAN_INCLUDE, featureEvidence('cutover into customer-designated resource groups')),
  ]),
  ...group('ms-migration', 'migration-health', 'Migration Health', ((lead) => [
    attested('Real-time data integrity checks', 'During migration the solution assesses data integrity in real time.',
      passages(lead, 'Data integrity'), 'should', SHOULD, featureEvidence('in-flight data integrity assessment')),
    attested('Real-time application health', 'During migration the solution assesses application health in real time.',
      passages(lead, 'Application health'), 'should', SHOULD, featureEvidence('in-flight application health assessment')),
    attested('Health of the connected architecture', 'During migration the solution assesses the health of the overall connected architecture in real time.',
      passages(lead, 'Overall connected architecture health assessment'), 'should', SHOULD, featureEvidence('connected-architecture health assessment')),
  ])('Technology solution should do an assessment during the migration to ascertain real time:')),
  ...group('ms-migration', 'migration-monitoring', 'Monitoring and reporting', ((lead) => [
    attested('Migration progress monitoring', 'The solution tracks migration progress.',
      passages(lead, 'Monitoring migration progress'), 'should', SHOULD, featureEvidence('migration progress monitoring')),
    attested('Notifications, warnings and errors', 'The solution notifies users and reports warnings and errors during migration.',
      passages(lead, 'Notifications, warnings and error reporting'), 'should', SHOULD, featureEvidence('migration notifications and error reporting')),
    attested('Overall migration reporting', 'The solution reports on the migration as a whole.',
      passages(lead, 'Overall Migration Reporting'), 'should', SHOULD, 'A sample overall migration report.'),
  ])('Technology solution should:')),
];

// --- Operational Optimization ------------------------------------------------------------------

/** The lead-in of the three Operational Optimization rows. */
const PERFORM = 'Technology Solution should perform the following:';

export const MS_OPERATIONAL_OPTIMIZATION: readonly CategoryRequirement[] = [
  ...group('ms-operational-optimization', 'security', 'Security', [
    attested('Security posture configuration', 'The solution configures security posture: role-based access and IAM, proxy and firewall settings, routing, encryption and similar.',
      passages(PERFORM, 'Security posture configuration (Role based access, identity access and management, proxy/firewall configuration, routing, encryption etc.)'), 'should', SHOULD, featureEvidence('security posture configuration')),
    attested('Data loss prevention analysis', 'The solution analyses data loss prevention (DLP).',
      passages(PERFORM, 'Providing analysis for DLP (Data Loss Prevention)'), 'should', SHOULD, featureEvidence('DLP analysis')),
    attested('Network and instance posture', 'The solution assesses network and instance security posture: open ports, certificates, security settings.',
      passages(PERFORM, 'Network and instance security posture (ports, certificates, security configuration)'), 'should', SHOULD, featureEvidence('network and instance posture assessment')),
    attested('Threat modelling and alerting on traffic', 'The solution models threats in network traffic (possible attack vectors) and alerts on them.',
      passages(PERFORM, 'Threat modelling for network traffic (possible attack vectors) and alerting.'), 'should', SHOULD, featureEvidence('network threat modelling and alerting')),
    attested('Compliance frameworks', 'The solution assesses compliance with frameworks such as HIPAA, PCI or SOX.',
      passages(PERFORM, 'Compliance (HIPAA, PCI, SOX etc)'), 'should', SHOULD, featureEvidence('compliance assessment')),
    attested('Security improvement recommendations', 'The solution recommends how to improve the security posture.',
      passages(PERFORM, 'Ability to recommend improvements in security posture'), 'should', SHOULD, featureEvidence('security recommendations')),
    attested('Source code checks', 'The solution scans source code for poor practices, leaked memory, data-hygiene problems and security flaws.',
      passages(PERFORM, 'Source code check bad practices, memory leaks, data hygiene, and security issues.'), 'should', SHOULD, featureEvidence('source code analysis')),
  ]),
  ...group('ms-operational-optimization', 'availability', 'Availability', [
    {
      title: 'Continuous disaster recovery checks',
      requirement: 'The solution continuously exercises disaster recovery (chaos engineering) to check scalability, availability, and data integrity and resilience.',
      words: passages(PERFORM, 'Continuous Disaster Recovery check. (Chaos Engineering) Scalability Availability Data integrity and resilience'),
      level: 'should',
      modal: 'should',
      verification: {
        decidedBy: BY_ATTESTATION,
        rules: [
          recommends('DataStoreBackedUp', 'Continuous Disaster Recovery check. (Chaos Engineering)',
            'Backups are where any recovery starts; the item asks the product to check disaster recovery continuously (chaos engineering), which backups alone do not show.'),
        ],
        decisionNote: 'The seed asks the partner\'s technology to check disaster recovery continuously (chaos engineering); backups of the customer\'s data stores in the template do not show that.',
        attestation: { evidence: featureEvidence('continuous DR / chaos checks') },
      },
    },
    attested('Analysis of high-availability issues', 'The solution analyses resources to find high-availability weaknesses.',
      passages(PERFORM, 'Resource analysis for to determine high availability issues.'), 'should', SHOULD, featureEvidence('high-availability analysis')),
    {
      title: 'Auto scaling in and out with the workload',
      requirement: 'The solution scales in and out as the workload changes.',
      words: passages(PERFORM, 'Ability to auto scale (scale in and scale out) as workload varies'),
      level: 'should',
      modal: 'should',
      verification: {
        decidedBy: BY_ATTESTATION,
        rules: [
          recommends('AutoScalingGroupScalingPolicy', 'Ability to auto scale (scale in and scale out) as workload varies',
            'A scaling policy on the groups this app deploys is auto scaling in and out in plain sight; the seed asks what the partner\'s technology can do, which a person shows, so a group without one does not fail it.'),
        ],
        decisionNote: PRODUCT_FEATURE_NOTE,
        attestation: { evidence: featureEvidence('auto scaling in and out with the workload') },
      },
    },
  ]),
  ...group('ms-operational-optimization', 'management', 'Management', [
    {
      title: 'Inventory of Microsoft workloads',
      requirement: 'The solution lists and analyses Microsoft workload assets, their configuration and the Microsoft infrastructure configuration, on EC2 instances, containers and serverless.',
      words: passages(PERFORM, 'Inventory listing and analysis (in Amazon EC2 instances, containers, serverless) of: Microsoft Workload assets Microsoft Workload configuration Microsoft infrastructure configuration.'),
      level: 'should',
      modal: 'should',
      verification: {
        decidedBy: BY_ATTESTATION,
        rules: [
          recommends('InventoryAssociation', 'Inventory listing and analysis (in Amazon EC2 instances, containers, serverless) of:',
            'Systems Manager Inventory on the Windows instances is one way to list their assets and configuration; the seed asks what the partner\'s technology lists and analyses, which a person shows, so a product with its own discovery does not fail it.'),
        ],
        decisionNote: PRODUCT_FEATURE_NOTE,
        attestation: { evidence: featureEvidence('inventory listing and analysis of Microsoft workload assets and configuration') },
      },
    },
    attested('Automatic resource discovery', 'The solution discovers network configuration, compute (servers, clusters), storage (LUNs, iSCSI targets) and databases (engine, configuration, version, compatibility) automatically.',
      passages(PERFORM, 'Automatic discovery of: Network configuration Compute resources (servers, clusters) Storage resources (LUNs, iSCSI targets, etc.) Databases (engine, configuration, version, compatibility)'), 'should', SHOULD, featureEvidence('automatic discovery')),
    attested('History of inventory changes', 'The solution analyses how the inventory changed over a chosen period.',
      passages(PERFORM, 'Historical analysis of inventory changes (over a selected period of time).'), 'should', SHOULD, featureEvidence('inventory change history')),
    attested('Capacity and allocation analysis', 'The solution analyses resource allocation and capacity utilization.',
      passages(PERFORM, 'Resource allocation, capacity utilization analysis.'), 'should', SHOULD, featureEvidence('capacity utilization analysis')),
    attested('Continuous cost analysis and alerting', 'The solution continuously analyses cost, for both resource use and licensing, and alerts on it.',
      passages(PERFORM, 'Continuous cost analysis and alerting (both resource utilization and licensing).'), 'should', SHOULD, featureEvidence('cost and licensing analysis')),
    attested('Right-sizing recommendations', 'The solution recommends smaller provisioning from observed utilization and workload patterns.',
      passages(PERFORM, 'Ability to recommend reduced provisioning based on utilization and workload patterns'), 'should', SHOULD, featureEvidence('right-sizing recommendations')),
    {
      title: 'Continuous performance analysis and alerting',
      requirement: 'The solution continuously analyses performance and raises alerts.',
      words: passages(PERFORM, 'Continuous performance analysis and alerting.'),
      level: 'should',
      modal: 'should',
      verification: {
        decidedBy: BY_ATTESTATION,
        rules: [
          recommends('CloudWatchAgentConfigured', 'Continuous performance analysis and alerting.',
            'The CloudWatch agent on the Windows instances publishes the performance counters an analysis starts from; the seed asks what the partner\'s technology analyses and alerts on, which a person shows, so a product with its own collector does not fail it.'),
        ],
        decisionNote: PRODUCT_FEATURE_NOTE,
        attestation: { evidence: featureEvidence('continuous performance analysis and alerting') },
      },
    },
    {
      title: 'Automated patching',
      requirement: 'The solution automates patching of Microsoft workloads.',
      words: passages(PERFORM, 'Common Microsoft Workload specific automation operational tasks such as:', 'Patching'),
      level: 'should',
      modal: 'should',
      verification: {
        decidedBy: BY_ATTESTATION,
        rules: [
          recommends('WindowsPatchBaseline', 'Patching',
            'A patch baseline of the partner\'s own states which updates are approved, and when, for the instances\' patch group; without one, AWS-RunPatchBaseline applies the predefined AWS Windows baseline, which patches too.'),
          recommends('WindowsMaintenanceWindow', 'Patching',
            'Patching the Windows instances on a schedule with AWS-RunPatchBaseline is one way to automate it; the seed asks whether the partner\'s technology automates patching, which a person shows, so a product that patches with its own agent does not fail it.'),
        ],
        decisionNote: PRODUCT_FEATURE_NOTE,
        runtimeControls: [configRule('EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK', 'Flags managed instances whose patch compliance is NON_COMPLIANT after patching.')],
        attestation: { evidence: featureEvidence('automated patching of Microsoft workloads') },
      },
    },
    attested('Automated backup, state and configuration management', 'The solution automates common Microsoft workload tasks: backup and restore, workload state management and configuration management.',
      passages(PERFORM, 'Common Microsoft Workload specific automation operational tasks such as: Backup and restore', 'Workload state management Configuration management'), 'should', SHOULD, featureEvidence('operational task automation')),
    attested('On-premises performance benchmarking', 'The solution benchmarks the required and average performance of applications on premises.',
      passages(PERFORM, 'Benchmark required/average performance of solutions/applications on premise.'), 'should', SHOULD, featureEvidence('on-premises benchmarking')),
    attested('AWS resource matching from benchmarks', 'From the benchmarks the solution matches and recommends instances and resources on AWS.',
      passages(PERFORM, 'Provide instance, resource matching and recommendations on AWS based on benchmarking.'), 'should', SHOULD, featureEvidence('instance and resource matching')),
    attested('Proof of concept and benchmarks on AWS', 'The solution runs proofs of concept and benchmarks of the applications on AWS.',
      passages(PERFORM, 'POC and benchmark solutions/applications in AWS.'), 'should', SHOULD, featureEvidence('AWS proof-of-concept benchmarking')),
    attested('Estimated TCO and utilization', 'From the benchmarks the solution estimates total cost of ownership and resource utilization.',
      passages(PERFORM, 'Provide estimated TCO and resource utilization based on benchmarking.'), 'should', SHOULD, 'A sample TCO and utilization estimate.'),
    attested('Reports with delivery and alerting', 'The solution reports on performance, infrastructure, workload configuration and health, and patching, and delivers and alerts on those reports.',
      passages(PERFORM, 'Reporting: Performance reporting, delivery and alerting (for reports). Infrastructure reporting, delivery and alerting (for reports). Workload configuration and health reporting, delivery and alerting (for reports). Patching reporting, delivery and alerting (for reports).'),
      'should', SHOULD, 'Sample performance, infrastructure, configuration/health and patching reports and their delivery settings.'),
  ]),
];

// --- Data, Analytics and Machine Learning ------------------------------------------------------

const ABLE_TO = 'Technical solution should be able to:';
const GOVERNANCE = 'Technical solutions to discover, categorize, and control data. This includes:';

export const MS_DATA_ANALYTICS_ML: readonly CategoryRequirement[] = [
  ...group('ms-data-analytics-ml', 'data-integration-and-preparation', 'Data Integration and Preparation', [
    attested('Ingest workload data and propose actions', 'The solution ingests workload data and suggests what to do with it.',
      passages(ABLE_TO, 'Ingest workload data and propose action'), 'should', SHOULD, featureEvidence('data ingestion')),
    attested('Metadata annotation', 'The solution annotates descriptive, structural, administrative, reference and statistical metadata, e.g. syntax trees and co-reference, named entities and sentiment, language and speaker demographics, media type, business unit, protection level, object type.',
      passages(ABLE_TO, 'Annotate descriptive, structural, administrative, reference and statistical data: Syntactic and dependency tree-banking, including the identification of co-reference Semantic annotation of text, including named-entity identification for search, sentiment analysis, and data-mining applications Identification of language, dialect, and speaker demographics Video, picture, word file, pdf, etc. Department, business unit, process Security protection level (Confidential, Public, Private, etc.) Object type (Building, Person, Animal... etc.)'),
      'should', SHOULD, featureEvidence('data annotation')),
    attested('Consolidation from disparate sources', 'The solution moves and consolidates data from disparate sources.',
      passages(ABLE_TO, 'Move and consolidate data from disparate sources.'), 'should', SHOULD, featureEvidence('data consolidation')),
    attested('Transformation for analytics', 'The solution transforms and prepares data for analytics.',
      passages(ABLE_TO, 'Transform and prepare data a for analytics.'), 'should', SHOULD, featureEvidence('data transformation')),
    attested('Data quality checks', 'The solution checks data quality.',
      passages(ABLE_TO, 'Data quality checking.'), 'should', SHOULD, featureEvidence('data quality checks')),
    attested('Data replication', 'The solution replicates data.',
      passages(ABLE_TO, 'Data replication.'), 'should', SHOULD, featureEvidence('data replication')),
    attested('Data profiling', 'The solution profiles data.',
      passages(ABLE_TO, 'Data profiling.'), 'should', SHOULD, featureEvidence('data profiling')),
    attested('Feature engineering', 'The solution derives new input features from existing ones.',
      passages(ABLE_TO, 'Feature Engineering - creating new input features from your existing ones.'), 'should', SHOULD, featureEvidence('feature engineering')),
  ]),
  ...group('ms-data-analytics-ml', 'platform-solutions', 'Platform Solutions', [
    attested('Integrated analytics platform', 'The solution is a set of tightly integrated tools within a standard framework for analytics problems, covering e.g. storage, processing, scheduling, security and analytic facilities.',
      'Technical solution should be: Tightly integrated tools designed to work together and resolve analytic challenges within standardized framework, components may include: Storage Processing Scheduling Security Analytic facilities',
      'should', SHOULD, featureEvidence('the integrated platform')),
    attested('Model training and prediction', 'The solution lets data scientists and ML practitioners train predictive models on their data and predict on new data.',
      passages('Technical solution should be:', 'Enabling data scientists and machine learning practitioners with tools to take their data, train predictive models and make predictions on new data.'),
      'should', SHOULD, featureEvidence('model training and inference')),
  ]),
  ...group('ms-data-analytics-ml', 'saas-and-api-solutions', 'SaaS and API Solutions', [
    attested('Predictive capabilities in customer applications', 'The solution brings predictive (AI/ML) capabilities into customer applications through web, client or framework integrations.',
      'This category includes solutions that enable predictive (AI/ML) capabilities within customer applications: Web Client Frameworks',
      'should', DESCRIBES_CATEGORY, featureEvidence('the AI/ML APIs or SDKs')),
  ]),
  ...group('ms-data-analytics-ml', 'business-intelligence-and-visualization', 'Business Intelligence and Visualization', [
    attested('Reporting, dashboards and visualization', 'The solution turns raw data into actionable business information through reporting, dashboards and data visualization.',
      'Technical solutions that turn raw data into actionable business information using analytic processing technologies such as: Reporting Dashboarding Data Visualization',
      'should', DESCRIBES_CATEGORY, featureEvidence('reports and dashboards')),
  ]),
  ...group('ms-data-analytics-ml', 'data-governance-and-security', 'Data Governance and Security', [
    attested('Policy definition and enforcement', 'The solution defines and enforces data policies.',
      passages(GOVERNANCE, 'Defining and enforcing policies.'), 'should', DESCRIBES_CATEGORY, featureEvidence('data policy enforcement')),
    attested('Protection of personal information', 'The solution secures and manages personal information.',
      passages(GOVERNANCE, 'Security and management of personal information.'), 'should', DESCRIBES_CATEGORY, featureEvidence('personal data protection')),
    attested('Data catalogs and glossaries', 'The solution builds data catalogs and business glossaries.',
      passages(GOVERNANCE, 'Creating data catalogs and glossaries.'), 'should', DESCRIBES_CATEGORY, featureEvidence('data cataloguing')),
    attested('Data lineage', 'The solution tracks data lineage.',
      passages(GOVERNANCE, 'Data lineage.'), 'should', DESCRIBES_CATEGORY, featureEvidence('data lineage')),
    attested('Data masking', 'The solution masks data.',
      passages(GOVERNANCE, 'Data masking.'), 'should', DESCRIBES_CATEGORY, featureEvidence('data masking')),
  ]),
];

/** All Microsoft Workloads category requirements, in seed order. */
export const MICROSOFT_WORKLOADS_CATEGORY_REQUIREMENTS: readonly CategoryRequirement[] = [
  ...MS_MIGRATION,
  ...MS_OPERATIONAL_OPTIMIZATION,
  ...MS_DATA_ANALYTICS_ML,
];
