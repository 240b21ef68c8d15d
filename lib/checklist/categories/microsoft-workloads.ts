/**
 * Microsoft Workloads checklist: category-specific requirements ("Required Solution Features"),
 * by category and subcategory, in seed order. IDs: `<category>.<subcategory>.<n>`.
 */
import { configRule } from '../controls';
import { CategoryId, CategoryRequirement } from '../types';
import { attested, featureEvidence } from './attested';
import { numbered, RequirementDraft } from './numbering';

function group(category: CategoryId, subcategory: string, drafts: readonly RequirementDraft[]): CategoryRequirement[] {
  return numbered({ checklist: 'microsoft-workloads', category, subcategory }, drafts);
}

// --- Microsoft Workloads Migration -------------------------------------------------------------

export const MS_MIGRATION: readonly CategoryRequirement[] = [
  ...group('ms-migration', 'pre-migration-assessment', [
    attested('Automatic discovery of workloads to migrate',
      'With or without agents, the solution automatically finds the Microsoft workloads to move to AWS: Windows servers and VMs on premises, Windows or .NET containers, .NET / .NET Core applications, data (SQL, files, blobs) or enterprise systems such as Active Directory, OneDrive, Dynamics or Exchange.',
      'must', featureEvidence('automatic workload discovery')),
    attested('Pre-migration assessment report',
      'The solution produces a pre-migration assessment report.',
      'should', 'A sample pre-migration assessment report.'),
  ]),
  ...group('ms-migration', 'migration', [
    attested('Automated migration of workloads or data',
      'With or without agents, the solution automatically migrates the identified workloads (VMs, Windows or .NET containers, .NET applications, data, or enterprise systems) or their data to AWS.',
      'must', featureEvidence('automated migration')),
    attested('Backup and rollback of any migration phase',
      'If any phase of a migration fails, the solution can back up and roll back at any point with little or no data loss.',
      'should', featureEvidence('backup and rollback during migration')),
    attested('Hybrid configurations for disaster recovery',
      'The solution supports hybrid cloud setups used for disaster recovery.',
      'should', featureEvidence('hybrid disaster recovery configurations')),
    attested('Delta synchronization until cutover',
      'After the initial copy, the solution keeps syncing changes until cutover and the source is shut down.',
      'should', featureEvidence('delta synchronization')),
    attested('Cutover into a customer-chosen resource group',
      'Each workload is cut over into an AWS resource group the customer designates.',
      'should', featureEvidence('cutover into customer-designated resource groups')),
  ]),
  ...group('ms-migration', 'migration-health', [
    attested('Real-time data integrity checks', 'During migration the solution assesses data integrity in real time.', 'should', featureEvidence('in-flight data integrity assessment')),
    attested('Real-time application health', 'During migration the solution assesses application health in real time.', 'should', featureEvidence('in-flight application health assessment')),
    attested('Health of the connected architecture', 'During migration the solution assesses the health of the overall connected architecture in real time.', 'should', featureEvidence('connected-architecture health assessment')),
  ]),
  ...group('ms-migration', 'migration-monitoring', [
    attested('Migration progress monitoring', 'The solution tracks migration progress.', 'should', featureEvidence('migration progress monitoring')),
    attested('Notifications, warnings and errors', 'The solution notifies users and reports warnings and errors during migration.', 'should', featureEvidence('migration notifications and error reporting')),
    attested('Overall migration reporting', 'The solution reports on the migration as a whole.', 'should', 'A sample overall migration report.'),
  ]),
];

// --- Operational Optimization ------------------------------------------------------------------

export const MS_OPERATIONAL_OPTIMIZATION: readonly CategoryRequirement[] = [
  ...group('ms-operational-optimization', 'security', [
    attested('Security posture configuration', 'The solution configures security posture: role-based access and IAM, proxy and firewall settings, routing, encryption and similar.', 'should', featureEvidence('security posture configuration')),
    attested('Data loss prevention analysis', 'The solution analyses data loss prevention (DLP).', 'should', featureEvidence('DLP analysis')),
    attested('Network and instance posture', 'The solution assesses network and instance security posture: open ports, certificates, security settings.', 'should', featureEvidence('network and instance posture assessment')),
    attested('Threat modelling and alerting on traffic', 'The solution models threats in network traffic (possible attack vectors) and alerts on them.', 'should', featureEvidence('network threat modelling and alerting')),
    attested('Compliance frameworks', 'The solution assesses compliance with frameworks such as HIPAA, PCI or SOX.', 'should', featureEvidence('compliance assessment')),
    attested('Security improvement recommendations', 'The solution recommends how to improve the security posture.', 'should', featureEvidence('security recommendations')),
    attested('Source code checks', 'The solution scans source code for poor practices, leaked memory, data-hygiene problems and security flaws.', 'should', featureEvidence('source code analysis')),
  ]),
  ...group('ms-operational-optimization', 'availability', [
    {
      title: 'Continuous disaster recovery checks',
      requirement: 'The solution continuously exercises disaster recovery (chaos engineering) to check scalability, availability, and data integrity and resilience.',
      level: 'should',
      verification: {
        rules: ['DataStoreBackedUp'],
        attestation: { evidence: featureEvidence('continuous DR / chaos checks') },
      },
    },
    attested('Analysis of high-availability issues', 'The solution analyses resources to find high-availability weaknesses.', 'should', featureEvidence('high-availability analysis')),
    {
      title: 'Auto scaling in and out with the workload',
      requirement: 'The solution scales in and out as the workload changes.',
      level: 'should',
      verification: { rules: ['AutoScalingGroupScalingPolicy'] },
    },
  ]),
  ...group('ms-operational-optimization', 'management', [
    {
      title: 'Inventory of Microsoft workloads',
      requirement: 'The solution lists and analyses Microsoft workload assets, their configuration and the Microsoft infrastructure configuration, on EC2 instances, containers and serverless.',
      level: 'should',
      verification: { rules: ['InventoryAssociation'] },
    },
    attested('Automatic resource discovery', 'The solution discovers network configuration, compute (servers, clusters), storage (LUNs, iSCSI targets) and databases (engine, configuration, version, compatibility) automatically.', 'should', featureEvidence('automatic discovery')),
    attested('History of inventory changes', 'The solution analyses how the inventory changed over a chosen period.', 'should', featureEvidence('inventory change history')),
    attested('Capacity and allocation analysis', 'The solution analyses resource allocation and capacity utilization.', 'should', featureEvidence('capacity utilization analysis')),
    attested('Continuous cost analysis and alerting', 'The solution continuously analyses cost, for both resource use and licensing, and alerts on it.', 'should', featureEvidence('cost and licensing analysis')),
    attested('Right-sizing recommendations', 'The solution recommends smaller provisioning from observed utilization and workload patterns.', 'should', featureEvidence('right-sizing recommendations')),
    {
      title: 'Continuous performance analysis and alerting',
      requirement: 'The solution continuously analyses performance and raises alerts.',
      level: 'should',
      verification: { rules: ['CloudWatchAgentConfigured'] },
    },
    {
      title: 'Automated patching',
      requirement: 'The solution automates patching of Microsoft workloads.',
      level: 'should',
      verification: {
        rules: ['WindowsPatchBaseline', 'WindowsMaintenanceWindow'],
        runtimeControls: [configRule('EC2_MANAGEDINSTANCE_PATCH_COMPLIANCE_STATUS_CHECK', 'Flags managed instances whose patch compliance is NON_COMPLIANT after patching.')],
      },
    },
    attested('Automated backup, state and configuration management', 'The solution automates common Microsoft workload tasks: backup and restore, workload state management and configuration management.', 'should', featureEvidence('operational task automation')),
    attested('On-premises performance benchmarking', 'The solution benchmarks the required and average performance of applications on premises.', 'should', featureEvidence('on-premises benchmarking')),
    attested('AWS resource matching from benchmarks', 'From the benchmarks the solution matches and recommends instances and resources on AWS.', 'should', featureEvidence('instance and resource matching')),
    attested('Proof of concept and benchmarks on AWS', 'The solution runs proofs of concept and benchmarks of the applications on AWS.', 'should', featureEvidence('AWS proof-of-concept benchmarking')),
    attested('Estimated TCO and utilization', 'From the benchmarks the solution estimates total cost of ownership and resource utilization.', 'should', 'A sample TCO and utilization estimate.'),
    attested('Reports with delivery and alerting', 'The solution reports on performance, infrastructure, workload configuration and health, and patching, and delivers and alerts on those reports.', 'should', 'Sample performance, infrastructure, configuration/health and patching reports and their delivery settings.'),
  ]),
];

// --- Data, Analytics and Machine Learning ------------------------------------------------------

export const MS_DATA_ANALYTICS_ML: readonly CategoryRequirement[] = [
  ...group('ms-data-analytics-ml', 'data-integration-and-preparation', [
    attested('Ingest workload data and propose actions', 'The solution ingests workload data and suggests what to do with it.', 'should', featureEvidence('data ingestion')),
    attested('Metadata annotation', 'The solution annotates descriptive, structural, administrative, reference and statistical metadata, e.g. syntax trees and co-reference, named entities and sentiment, language and speaker demographics, media type, business unit, protection level, object type.', 'should', featureEvidence('data annotation')),
    attested('Consolidation from disparate sources', 'The solution moves and consolidates data from disparate sources.', 'should', featureEvidence('data consolidation')),
    attested('Transformation for analytics', 'The solution transforms and prepares data for analytics.', 'should', featureEvidence('data transformation')),
    attested('Data quality checks', 'The solution checks data quality.', 'should', featureEvidence('data quality checks')),
    attested('Data replication', 'The solution replicates data.', 'should', featureEvidence('data replication')),
    attested('Data profiling', 'The solution profiles data.', 'should', featureEvidence('data profiling')),
    attested('Feature engineering', 'The solution derives new input features from existing ones.', 'should', featureEvidence('feature engineering')),
  ]),
  ...group('ms-data-analytics-ml', 'platform-solutions', [
    attested('Integrated analytics platform', 'The solution is a set of tightly integrated tools within a standard framework for analytics problems, covering e.g. storage, processing, scheduling, security and analytic facilities.', 'should', featureEvidence('the integrated platform')),
    attested('Model training and prediction', 'The solution lets data scientists and ML practitioners train predictive models on their data and predict on new data.', 'should', featureEvidence('model training and inference')),
  ]),
  ...group('ms-data-analytics-ml', 'saas-and-api-solutions', [
    attested('Predictive capabilities in customer applications', 'The solution brings predictive (AI/ML) capabilities into customer applications through web, client or framework integrations.', 'should', featureEvidence('the AI/ML APIs or SDKs')),
  ]),
  ...group('ms-data-analytics-ml', 'business-intelligence-and-visualization', [
    attested('Reporting, dashboards and visualization', 'The solution turns raw data into actionable business information through reporting, dashboards and data visualization.', 'should', featureEvidence('reports and dashboards')),
  ]),
  ...group('ms-data-analytics-ml', 'data-governance-and-security', [
    attested('Policy definition and enforcement', 'The solution defines and enforces data policies.', 'should', featureEvidence('data policy enforcement')),
    attested('Protection of personal information', 'The solution secures and manages personal information.', 'should', featureEvidence('personal data protection')),
    attested('Data catalogs and glossaries', 'The solution builds data catalogs and business glossaries.', 'should', featureEvidence('data cataloguing')),
    attested('Data lineage', 'The solution tracks data lineage.', 'should', featureEvidence('data lineage')),
    attested('Data masking', 'The solution masks data.', 'should', featureEvidence('data masking')),
  ]),
];

/** All Microsoft Workloads category requirements, in seed order. */
export const MICROSOFT_WORKLOADS_CATEGORY_REQUIREMENTS: readonly CategoryRequirement[] = [
  ...MS_MIGRATION,
  ...MS_OPERATIONAL_OPTIMIZATION,
  ...MS_DATA_ANALYTICS_ML,
];
