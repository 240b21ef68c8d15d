/**
 * The AWS Competency Technology Partner Validation Checklists as typed data.
 *
 * Everything else in this project (the cdk-nag packs, RULES.md, the evidence
 * report, the attestations template) is generated from records of these types.
 */

/** The two validation checklists this library encodes. */
export type ChecklistId = 'networking' | 'microsoft-workloads';

/** The competency each checklist is for, as the seeds name it ("AWS <name> Competency"). */
export const CHECKLIST_NAMES: { readonly [C in ChecklistId]: string } = {
  'networking': 'Networking',
  'microsoft-workloads': 'Microsoft Workloads',
};

/** Deployment models of the Microsoft Workloads checklist. */
export type MicrosoftWorkloadsDeploymentModel =
  | 'multi-tenant-saas'
  | 'single-tenant-saas'
  | 'customer-deployed-on-premises'
  | 'customer-deployed-on-aws';

/** Deployment models of the Networking checklist. */
export type NetworkingDeploymentModel = 'saas' | 'customer-deployed-on-aws';

/** Any deployment model of any checklist. */
export type DeploymentModel = MicrosoftWorkloadsDeploymentModel | NetworkingDeploymentModel;

/** The deployment models of each checklist, in the order the seeds print them. */
export const DEPLOYMENT_MODELS: { readonly [C in ChecklistId]: readonly DeploymentModel[] } = {
  'microsoft-workloads': ['multi-tenant-saas', 'single-tenant-saas', 'customer-deployed-on-premises', 'customer-deployed-on-aws'],
  'networking': ['saas', 'customer-deployed-on-aws'],
};

/** Pillars of the technical validation checklist. */
export type Pillar = 'security' | 'reliability' | 'operational-excellence';

/** Category (segment) identifiers of both checklists. */
export type CategoryId =
  // networking
  | 'network-connectivity'
  | 'direct-connect-integrated'
  | 'direct-connect-infrastructure'
  | 'load-balancers'
  | 'network-management'
  // microsoft workloads
  | 'ms-migration'
  | 'ms-operational-optimization'
  | 'ms-data-analytics-ml';

/** The categories each checklist offers. */
export const CATEGORIES: { readonly [C in ChecklistId]: readonly CategoryId[] } = {
  'networking': ['network-connectivity', 'direct-connect-integrated', 'direct-connect-infrastructure', 'load-balancers', 'network-management'],
  'microsoft-workloads': ['ms-migration', 'ms-operational-optimization', 'ms-data-analytics-ml'],
};

/** Subcategories, `<category>.<subcategory>`: the Microsoft Workloads categories are claimed by subcategory. */
export type SubcategoryId =
  // Microsoft Workloads Migration
  | 'ms-migration.pre-migration-assessment'
  | 'ms-migration.migration'
  | 'ms-migration.migration-health'
  | 'ms-migration.migration-monitoring'
  // Operational Optimization
  | 'ms-operational-optimization.security'
  | 'ms-operational-optimization.availability'
  | 'ms-operational-optimization.management'
  // Data, Analytics and Machine Learning
  | 'ms-data-analytics-ml.data-integration-and-preparation'
  | 'ms-data-analytics-ml.platform-solutions'
  | 'ms-data-analytics-ml.saas-and-api-solutions'
  | 'ms-data-analytics-ml.business-intelligence-and-visualization'
  | 'ms-data-analytics-ml.data-governance-and-security';

/** A subcategory a partner can claim. */
export interface Subcategory {
  readonly id: SubcategoryId;
  /** The box as the seed's "Solution Category" prerequisite prints it (Microsoft Workloads 1.3). */
  readonly choice: string;
  /** The title of its row in the category's table of required solution features. */
  readonly rowTitle: string;
}

/**
 * The subcategories each category offers, in seed order; a category with subcategories is claimed by
 * subcategory ("APN Partners must identify the segment category and subcategory").
 */
export const SUBCATEGORIES: { readonly [C in CategoryId]: readonly Subcategory[] } = {
  'network-connectivity': [],
  'direct-connect-integrated': [],
  'direct-connect-infrastructure': [],
  'load-balancers': [],
  'network-management': [],
  'ms-migration': [
    { id: 'ms-migration.pre-migration-assessment', choice: 'Pre-Migration Assessment', rowTitle: 'Pre-Migration Assessment' },
    { id: 'ms-migration.migration', choice: 'Application and Data Migration', rowTitle: 'Migration' },
    { id: 'ms-migration.migration-health', choice: 'Migration Health', rowTitle: 'Migration Health' },
    { id: 'ms-migration.migration-monitoring', choice: 'Monitoring and Reporting', rowTitle: 'Monitoring and reporting' },
  ],
  'ms-operational-optimization': [
    { id: 'ms-operational-optimization.security', choice: 'Security and Threat Management', rowTitle: 'Security' },
    { id: 'ms-operational-optimization.availability', choice: 'Availability and Disaster Recovery', rowTitle: 'Availability' },
    { id: 'ms-operational-optimization.management', choice: 'Resource Management, Inventory/Health/Cost Monitoring and Reporting', rowTitle: 'Management' },
  ],
  'ms-data-analytics-ml': [
    { id: 'ms-data-analytics-ml.data-integration-and-preparation', choice: 'Data integration and preparation', rowTitle: 'Data Integration and Preparation' },
    { id: 'ms-data-analytics-ml.platform-solutions', choice: 'Platform Solutions', rowTitle: 'Platform Solutions' },
    { id: 'ms-data-analytics-ml.saas-and-api-solutions', choice: 'SaaS and API Solutions', rowTitle: 'SaaS and API Solutions' },
    { id: 'ms-data-analytics-ml.business-intelligence-and-visualization', choice: 'Business Intelligence and Visualization', rowTitle: 'Business Intelligence and Visualization' },
    { id: 'ms-data-analytics-ml.data-governance-and-security', choice: 'Data Governance, Compliance, and Security', rowTitle: 'Data Governance and Security' },
  ],
};

/**
 * One cell of an "Applies to" matrix.
 * A conditional cell ("Yes (for credentials used to integrate with AWS)") applies, with its condition.
 */
export interface Applicability {
  /** Whether the item applies to this deployment model. */
  readonly applies: boolean;
  /**
   * The condition printed in the cell, in our words, when the item applies only in some cases
   * (or, for a "No (unless ...)" cell, when it would apply).
   * @default - unconditional
   */
  readonly condition?: string;
  /**
   * The cell as the seed prints it, when it says more than a plain "Yes" or "No"
   * (e.g. `Yes (for credentials used to integrate with AWS)`, `Yes – one for each Case Study`).
   * @default - a plain "Yes" or "No"
   */
  readonly printed?: string;
  /**
   * The level in this column, when the cell's own words set one: `Yes (credentials ... should be encrypted)`
   * makes the item a "should" for that deployment model although its text says "must".
   * @default - the item's level
   */
  readonly level?: Level;
  /**
   * For a cell that depends on what the solution uses ("No (unless partner solution running on AWS requires
   * the S3 service)"): the CloudFormation resource types whose presence in the app means the condition holds,
   * so the item applies. The pack and the evidence report decide it from the app's resources.
   * @default - the selection alone decides
   */
  readonly appliesWhenAppHas?: readonly string[];
}

/** The "Applies to" matrix of a technical item, per checklist and deployment model. */
export interface ApplicabilityMatrix {
  readonly 'microsoft-workloads': { readonly [M in MicrosoftWorkloadsDeploymentModel]: Applicability };
  readonly 'networking': { readonly [M in NetworkingDeploymentModel]: Applicability };
}

/** A runtime control that watches an item once deployed (an AWS Config managed rule, an alarm, ...). */
export interface RuntimeControl {
  /** What kind of control. */
  readonly kind: 'config-rule' | 'cloudwatch-alarm' | 'eventbridge-rule' | 'service';
  /**
   * The identifier the evidence report looks for in the assembly: the AWS Config managed rule
   * `SourceIdentifier` (e.g. `ROOT_ACCOUNT_MFA_ENABLED`), or for alarms / services a stable name
   * that `RuntimeControls` writes into the template.
   */
  readonly id: string;
  /** What the control checks, in one sentence. */
  readonly description: string;
  /**
   * Whether the control's result decides the item's `runtime` path: every required control's result must be
   * compliant (when an item marks none, all its controls' results count). Other controls are supporting.
   * @default false
   */
  readonly required?: boolean;
  /**
   * CloudFormation resource types that are this control wherever they appear (a trail, a backup plan, an
   * analyzer): the evidence report finds the control by type as well as by metadata, and `report --live`
   * reads the state of each such resource.
   * @default - found by its AWS Config identifier (config rules) or by metadata only
   */
  readonly resourceTypes?: readonly string[];
  /**
   * Whether the control is the mechanism the seed asks for ("You must have monitoring or alerting in place"),
   * so a `template` path needs the template to deploy it.
   * @default false
   */
  readonly mechanism?: boolean;
}

/** An attestation a person signs for an item that no template can show. */
export interface AttestationRequirement {
  /** The evidence the auditor expects (what to write, link or attach). */
  readonly evidence: string;
  /**
   * Maximum age of the attested event in months (the seeds: rehearsals, game days and DR tests
   * within the last 12 months). An older attestation is stale and counts as Not met.
   * @default - no maximum age
   */
  readonly maxAgeMonths?: number;
}

/**
 * The kind of a finding. `required`: the checklist's own words demand it (an error for a "must" item, a
 * warning for a "should" item); it can decide the item's verdict. `recommended`: good practice beyond the
 * text (customer managed keys, IMDSv2, Parquet flow logs, ...); a warning by default, never part of the verdict.
 */
export type FindingKind = 'required' | 'recommended';

/** A rule the checklist's own words demand: the seed sentence it rests on. */
export interface RequiredRuleUse {
  /** The rule's name (one file in `lib/rules/`). */
  readonly rule: string;
  readonly kind: 'required';
  /** The sentence of the seed (verbatim, possibly a part of one) that demands what the rule checks. */
  readonly seedSentence: string;
  /**
   * The condition of an "Applies to" cell (as the item's matrix writes it) that this use checks: where a column limits
   * the item ("Yes (credentials used to integration with AWS ...)"), the uses written for its condition check the item
   * there, and only they; elsewhere they do not run.
   * @default - every column, except those whose condition has uses of its own
   */
  readonly onlyWhere?: string;
}

/** Good practice beyond the text: the seed sentence it goes beyond, and why it is still worth doing. */
export interface RecommendedRuleUse {
  /** The rule's name (one file in `lib/rules/`). */
  readonly rule: string;
  readonly kind: 'recommended';
  /** The sentence of the seed (verbatim, possibly a part of one) that the rule asks more than. */
  readonly beyond: string;
  /** Why it is good practice, and what the sentence itself accepts, in one or two sentences. */
  readonly why: string;
  /**
   * The condition of an "Applies to" cell this use checks, as for a required use.
   * @default - every column, except those whose condition has uses of its own
   */
  readonly onlyWhere?: string;
}

/** One use of a synth-time rule by an item: which rule, what kind of finding, and the seed sentence behind it. */
export type RuleUse = RequiredRuleUse | RecommendedRuleUse;

/**
 * A kind of evidence that can show a requirement:
 * - `template`: synth rules that find resources in scope and pass, and the mechanism controls deployed in the
 *   template (where the seed asks for a mechanism, the deployed mechanism shows it);
 * - `runtime`: the result of a required runtime control, read from the running account;
 * - `attestation`: a person's signed, current attestation.
 */
export type EvidenceKind = 'template' | 'runtime' | 'attestation';

/** One way to show an item: the kinds of evidence that together show its requirement (each shows part). */
export type DecisionPath = readonly EvidenceKind[];

/**
 * A class of CloudFormation resource types (the AWS facts' resource-type classes): those that store customer data,
 * carry traffic across a VPC boundary (`protocol`: those of them where the protocol carrying it is chosen), or provide
 * capacity.
 */
export type ResourceClassName = 'data' | 'traffic' | 'capacity' | 'protocol';

/**
 * One part of what a sentence asks of every type of a class, when it asks several things that no one rule shows
 * ("encrypted in transit and at rest"): its name, in the seed's words, and the rules of the item that show it.
 */
export interface ResourceClassPart {
  /** The part in the seed's words, e.g. `in transit`; shown in the coverage table and the "not verified" finding. */
  readonly name: string;
  /** The item's rules that verify this part of a type: one of them, required and planned for the cell, must read the type. */
  readonly rules: readonly string[];
}

/** A class of resource types an item is about, and the seed sentence that makes it so. */
export interface ResourceClassUse {
  readonly resourceClass: ResourceClassName;
  /** The sentence of the seed (verbatim, possibly a part of one) that makes the item touch every type of the class. */
  readonly seedSentence: string;
  /**
   * The parts of the sentence that each need their own reader: a type is verified by the item only when every part
   * has a required rule of the item, planned for the cell, that reads it.
   * @default - one part: any required rule of the item that reads the type verifies it
   */
  readonly parts?: readonly ResourceClassPart[];
}

/** How an item is verified. An item always has at least one path. */
export interface Verification {
  /**
   * The synth-time rules (each one file in `lib/rules/`) that check the item in a template, each with
   * the kind of finding it raises and the seed sentence it rests on (or goes beyond).
   * @default - none
   */
  readonly rules?: readonly RuleUse[];
  /**
   * Runtime controls that watch the item once deployed.
   * @default - none
   */
  readonly runtimeControls?: readonly RuntimeControl[];
  /**
   * What a person attests. Required when every decision path needs it; otherwise an alternative path, or
   * optional evidence that never blocks "Met".
   * @default - no attestation
   */
  readonly attestation?: AttestationRequirement;
  /**
   * What can decide the item: the ways to show its requirement, any one of which suffices (e.g.
   * `[['runtime'], ['attestation']]`: the control's result or a person). Evidence of a kind that is on no path
   * is supporting: shown in the report, never enough to make the item Met; its failures still count.
   */
  readonly decidedBy: readonly DecisionPath[];
  /**
   * Why some evidence the item lists is only supporting, when that is not obvious: e.g. "the seed asks what the
   * partner's product does; the customer template's flow logs show the customer's own setup".
   * @default - none
   */
  readonly decisionNote?: string;
  /**
   * The classes of resource types the item is about: every type of such a class present in an app must be read by
   * a required rule of the item, else the item shows "Not verified: <type> is not read by <item>" (a finding at the
   * item's level, and the item cannot be Met).
   * @default - none
   */
  readonly resourceClasses?: readonly ResourceClassUse[];
}

/** "must" items are errors when a required rule fails, "should" items warnings. */
export type Level = 'must' | 'should';

/** The modal verb of the seed sentence an item's level rests on; `none` when the seed states a fact ("All data is classified"). */
export type Modal = 'must' | 'should' | 'none';

/**
 * The seed's own words for one line of a checklist, as printed in `lib/checklist/seeds/` (whitespace, HTML
 * markup and list glyphs of the flattened tables aside). A test compares them with the seed files.
 */
export interface SeedText {
  /**
   * The seed's own number or label of the line: `1.14` (technical), `4.1` (business), `Architecture Diagram`
   * (documentation), the row title of a category table (`Pre-Migration Assessment`, `Network Management`),
   * or `2.)` for a category described in the introduction.
   */
  readonly ref: string;
  /** The line's title, verbatim. */
  readonly title: string;
  /**
   * The seed's words this item rests on, verbatim. A line that holds several requirements is split: each
   * item carries its own passage; passages of one line that are not adjacent are joined by ` … `.
   */
  readonly text: string;
}

/** The seed's words per checklist that prints the line (technical, documentation and business lines are in both seeds). */
export type SeedWords = { readonly [C in ChecklistId]?: SeedText };

/** Fields every checklist item has. */
interface ItemBase {
  /** Stable identifier: `'1.14'` for technical items, `'network-connectivity.1'` for category requirements. */
  readonly id: string;
  /** Short title, in our words. */
  readonly title: string;
  /** The requirement in one or two sentences, in our words. */
  readonly requirement: string;
  /** The seed's own title and words for this item, per checklist. */
  readonly seed: SeedWords;
  /** "must" items are errors when a rule fails, "should" items warnings. */
  readonly level: Level;
  /** The modal verb of the seed sentence the level rests on. */
  readonly modal: Modal;
  /**
   * Why the level is what it is, when the seed sentence has no modal verb (`modal: 'none'`) or the level
   * differs from it.
   * @default - the level is the modal verb
   */
  readonly levelReason?: string;
  /** How the item is verified. */
  readonly verification: Verification;
}

/** One of the 40 technical items (Security 1.1–1.25 without 1.6, Reliability 2.1–2.13, Operational Excellence 3.1–3.3). */
export interface TechnicalItem extends ItemBase {
  readonly kind: 'technical';
  readonly pillar: Pillar;
  readonly appliesTo: ApplicabilityMatrix;
}

/** A category-specific requirement of one checklist. It applies when the partner claims the category. */
export interface CategoryRequirement extends ItemBase {
  readonly kind: 'category';
  readonly checklist: ChecklistId;
  readonly category: CategoryId;
  /**
   * The sub-category, where the seed has one (e.g. `management` of Operational Optimization).
   * @default - none
   */
  readonly subcategory?: string;
  /**
   * Requirements that are alternatives to this one: the seed asks for one of them ("all of the AWS
   * capabilities from one of the following feature lists"). When one of them is Met, the others do not apply.
   * @default - none
   */
  readonly alternativeTo?: readonly string[];
}

/** Required documentation (architecture diagram, deployment guide, completed checklist). */
export interface DocumentationItem extends ItemBase {
  readonly kind: 'documentation';
  /** Per checklist and model; the seeds give a matrix here too. */
  readonly appliesTo: ApplicabilityMatrix;
}

/** A business prerequisite (case studies, web presence, support, marketplace, self-assessment): attested only. */
export interface BusinessItem extends ItemBase {
  readonly kind: 'business';
  /** The checklists that list this prerequisite. */
  readonly checklists: readonly ChecklistId[];
  /**
   * Applies only when at least this many categories are claimed ("If more than one category is under review").
   * @default - whatever the categories
   */
  readonly minimumCategories?: number;
}

/** Any checklist item. */
export type ChecklistItem = TechnicalItem | CategoryRequirement | DocumentationItem | BusinessItem;
