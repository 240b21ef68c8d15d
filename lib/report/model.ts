/**
 * The evidence report as data: what `collectEvidence` builds and every renderer reads.
 * `checklist.json` is this object serialized; its schema is documented in `SCHEMA.md`.
 */
import { CategoryId, ChecklistId, DeploymentModel, EvidenceKind, Modal, Pillar, RuntimeControl, SeedText, SubcategoryId } from '../checklist';
import type { PlannedRuleRef } from '../packs/evaluate';

/** Version of the `checklist.json` schema. Bump on any incompatible change (see SCHEMA.md). */
export const REPORT_SCHEMA_VERSION = 3;

/** The three verdicts an item can get. */
export type ItemStatus = 'met' | 'not-met' | 'not-applicable';

/** Labels of the verdicts, as printed in every rendering. */
export const STATUS_LABELS: { readonly [S in ItemStatus]: string } = {
  'met': 'Met',
  'not-met': 'Not met',
  'not-applicable': 'N/A',
};

/** The whole evidence report. */
export interface EvidenceReport {
  /** This schema's version (3: the stacks carry what the deployment guide reads: description, parameters with their definitions, prerequisites, retained resources, resource types; the assembly its `appDir` and integ assertions). */
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** ISO 8601 instant the report was generated. */
  readonly generatedAt: string;
  /** The generator, and the AWS data packages (managed policies, IAM actions and condition keys) the deployment-readiness checks read. */
  readonly tool: {
    readonly name: 'cdk-competency';
    readonly version: string;
    /** The AWS data packages behind the deployment-readiness checks, with their versions (`deploymentReadinessDataVersions()`). */
    readonly awsData?: readonly { readonly name: string; readonly version: string; readonly updatedAt?: string }[];
  };
  /** Where the pack comes from: source commit, assembly file hashes, versions, command line, synth errors. */
  readonly provenance?: Provenance;
  /** The live read of the runtime controls' results (`report --live`); absent without it. */
  readonly live?: LiveSummary;
  /** What the partner applies for, as checked once. */
  readonly selection: ReportSelection;
  /** The verdicts counted. */
  readonly summary: ReportSummary;
  /** The cloud assembly the report read. */
  readonly assembly: AssemblySummary;
  /** Every item of the checklist (technical, claimed categories, documentation, business) in checklist order. */
  readonly items: readonly ItemEvidence[];
  /** The table groups items are shown in, in order. */
  readonly groups: readonly ItemGroup[];
  /** Every acknowledgement the app made, with its reason and the findings of this report it suppresses. */
  readonly acknowledgements: readonly AcknowledgementEntry[];
  /** Acknowledgements aws-cdk-lib made itself, counted apart. */
  readonly toolAcknowledgements: ToolAcknowledgements;
  /** The attestations file read, when one was given. */
  readonly attestationsFile?: string;
  /** Attestations given for items that are not part of this report (other checklist or unclaimed category). */
  readonly unusedAttestations: readonly string[];
  /** Architecture diagrams in the pack, one per stage. */
  readonly diagrams: readonly DiagramRef[];
}

/** Where a pack comes from (see `lib/report/provenance.ts`). */
export interface Provenance {
  /** The command that generated the pack. */
  readonly commandLine: string;
  /** The source commit of the app's directory (the directory holding the assembly). */
  readonly source: SourceControl;
  /** Every file of the assembly the report read, with its SHA-256; paths relative to the top-level assembly. */
  readonly assemblyFiles: readonly ProvenanceFile[];
  /** Versions of this library, the CDK that synthesized the assembly, Node.js and every runtime dependency. */
  readonly versions: { readonly [name: string]: string };
  /** Errors the synth recorded (error annotations, failed validation plugins). */
  readonly synthErrors: readonly { readonly source: 'annotation' | 'validation'; readonly path: string; readonly message: string }[];
  /** Whether the report was generated despite synth errors (`--allow-synth-errors`). */
  readonly synthErrorsAllowed: boolean;
}

/** The git state of the app's directory, or why it is unknown. */
export interface SourceControl {
  /** The directory holding the top-level assembly, as given. */
  readonly dir: string;
  /** Its git commit. */
  readonly commit?: string;
  /** Changed or untracked files under the directory at generation time. */
  readonly dirty?: boolean;
  /** How many files under it were changed or untracked. */
  readonly changedFiles?: number;
  /** Why there is no commit (`not in a git repository`, `git is not installed`). */
  readonly unavailable?: string;
}

export interface ProvenanceFile {
  /** Relative to the top-level assembly directory, `/`-separated. */
  readonly file: string;
  /** The stack whose template it is. */
  readonly stack?: string;
  /** SHA-256 of the file (`cdk-competency verify` recomputes it). */
  readonly sha256: string;
  /** Its size. */
  readonly bytes: number;
}

export interface ReportSelection {
  /** The checklist applied for. */
  readonly checklist: ChecklistId;
  /** Its title, as the seed prints it. */
  readonly checklistTitle: string;
  /** One of the checklist's deployment models. */
  readonly deploymentModel: DeploymentModel;
  /** The categories claimed, directly or through a subcategory. */
  readonly categories: readonly CategoryId[];
  /** The subcategories claimed (`<category>.<subcategory>`). */
  readonly subcategories: readonly SubcategoryId[];
  /** Every technical item applies whatever the deployment model (`--strict`). */
  readonly strict: boolean;
}

export interface ReportSummary {
  /** Items in the report. */
  readonly total: number;
  /** Items Met (with or without exception). */
  readonly met: number;
  /** Applicable items Not met. */
  readonly notMet: number;
  /** Items that do not apply. */
  readonly notApplicable: number;
  /** Met items that rely on at least one acknowledged finding. */
  readonly metWithExceptions: number;
  /** Required findings that fail and are not acknowledged, across all applicable items. */
  readonly openFindings: number;
  /** Recommended findings (good practice beyond the checklist's text) that fail and are not acknowledged: never part of a verdict. */
  readonly openRecommendations: number;
  /** Findings (required and recommended) suppressed by an acknowledgement, across all applicable items. */
  readonly acknowledgedFindings: number;
  /** Whether every applicable item is Met (the CLI exits 0 exactly then). */
  readonly allMet: boolean;
}

export interface AssemblySummary {
  /** The assembly directory, as given. */
  readonly dir: string;
  /** The directory to give `cdk deploy --app`: the top-level `cdk.out` when the report read a stage's nested assembly. */
  readonly appDir: string;
  /** The assertions of an integ-runner test (`integ.json` in the assembly), one line each; absent when it is none. */
  readonly integAssertions?: readonly string[];
  /** The stages of the app (top-level stacks belong to none). */
  readonly stages: readonly string[];
  /** Every top-level stack, in assembly order. */
  readonly stacks: readonly StackSummary[];
  /** Accounts with the regions and stacks deployed into each; `unknown` for environment-agnostic stacks. */
  readonly accounts: readonly AccountSummary[];
}

export interface StackSummary {
  /** Display name = construct path, e.g. `Prod/Network`. */
  readonly name: string;
  /** The stack's artifact id in the cloud assembly. */
  readonly artifactId: string;
  /** The stage it belongs to (`''` for a top-level stack). */
  readonly stage: string;
  /** The 12-digit account; absent when the stack is environment-agnostic. */
  readonly account?: string;
  /** The region; absent when the stack is environment-agnostic. */
  readonly region?: string;
  /** Display names of the stacks this one depends on. */
  readonly dependsOn: readonly string[];
  /** How many resources its template declares. */
  readonly resourceCount: number;
  /** Declared recovery objectives (template metadata `cdk-competency:recovery-objectives`). */
  readonly recoveryObjectives?: { readonly rpoMinutes: number; readonly rtoMinutes: number };
  /** The template's `Description`. */
  readonly description?: string;
  /** The template's outputs. */
  readonly outputs: readonly StackOutput[];
  /** The template's parameters (`BootstrapVersion` left out). */
  readonly parameters: readonly StackParameter[];
  /** Steps to take in the stack's account before it deploys (template metadata `cdk-competency:deployment-prerequisites`). */
  readonly prerequisites: readonly string[];
  /** Resources a `cdk destroy` leaves in place (`DeletionPolicy` `Retain` or `RetainExceptOnCreate`). */
  readonly retainedResources: readonly { readonly logicalId: string; readonly type: string }[];
  /** How many resources of each CloudFormation type the stack creates, by type. */
  readonly resourceTypes: readonly { readonly type: string; readonly count: number }[];
}

export interface StackParameter {
  /** The parameter's logical name. */
  readonly name: string;
  /** Its CloudFormation type. */
  readonly type?: string;
  /** The default value, as text. */
  readonly default?: string;
  /** Its description. */
  readonly description?: string;
}

export interface StackOutput {
  /** The output's logical name. */
  readonly name: string;
  /** Its description. */
  readonly description?: string;
  /** The name other stacks import it by. */
  readonly exportName?: string;
}

export interface AccountSummary {
  /** 12-digit id, or `unknown`. */
  readonly account: string;
  /** The regions the app deploys into in this account. */
  readonly regions: readonly string[];
  /** The stacks deployed into it. */
  readonly stacks: readonly string[];
}

export interface ItemGroup {
  /** `security`, `reliability`, `operational-excellence`, a category id, `documentation` or `business`. */
  readonly id: string;
  /** The table's title. */
  readonly title: string;
  /** What kind of group it is. */
  readonly kind: 'pillar' | 'category' | 'documentation' | 'business';
}

/** The evidence for one checklist item, and its verdict. */
export interface ItemEvidence {
  /** The item id as the data names it (`1.14`, `load-balancers.4`, `doc.architecture-diagram`, `business.case-studies`). */
  readonly id: string;
  /** What kind of item: a technical item, a category requirement, a documentation or a business item. */
  readonly kind: 'technical' | 'category' | 'documentation' | 'business';
  /** The group (table) the item is shown in: see {@link ItemGroup}. */
  readonly group: string;
  /** Technical items: the pillar. */
  readonly pillar?: Pillar;
  /** Category requirements: the category. */
  readonly category?: CategoryId;
  /** Category requirements of a subcategory: the subcategory. */
  readonly subcategory?: string;
  /** Our short title. */
  readonly title: string;
  /** The requirement in our words. */
  readonly requirement: string;
  /** The seed's own number, title and words for this item, in the selected checklist. */
  readonly seed: SeedText;
  /** The level for the selection (a cell's own words can make it "should"). */
  readonly level: 'must' | 'should';
  /** The modal verb of the seed sentence the level rests on (`none` when the sentence has none). */
  readonly modal: Modal;
  /** Why the level is what it is, when there is no modal verb or the level differs from it. */
  readonly levelReason?: string;
  /** The verdict. */
  readonly status: ItemStatus;
  /** What can decide the item, what each kind of evidence showed, and which decided it. */
  readonly decision: Decision;
  /** Met only because findings were acknowledged (met with exception). */
  readonly withExceptions: boolean;
  /** One sentence: how the verdict was established. */
  readonly basis: string;
  /** Why the item is Not met (empty otherwise). */
  readonly problems: readonly string[];
  /** Whether the item applies to the selection, the cell's condition and why (the "Applies to" matrix, the claimed categories). */
  readonly applicability: { readonly applies: boolean; readonly condition?: string; readonly reason: string };
  /** What the synth rules found. */
  readonly rules: RuleEvidence;
  /** The runtime controls the checklist data names for the item, where the app deploys them and what AWS reported. */
  readonly runtimeControls: readonly ControlEvidence[];
  /** Present when the item calls for an attestation or one was given. */
  readonly attestation?: AttestationEvidence;
  /** Resources that declare they serve this item (metadata `cdk-competency:checklist-items`). */
  readonly supportingResources: readonly ResourceRef[];
  /** Files of this evidence pack that serve the item (diagrams, deployment guide, the checklist). */
  readonly generatedEvidence: readonly string[];
}

/** What one kind of evidence showed for an item. */
export interface EvidenceShown {
  /**
   * `shown`: it shows the requirement; `failed`: it shows a breach (a finding, a non-compliant result, a stale
   * attestation); `pending`: controls are deployed but their results were not read; `none`: nothing of this kind.
   */
  readonly state: 'shown' | 'failed' | 'pending' | 'none';
  /** One phrase: what it showed, or what is missing. */
  readonly summary: string;
}

/** How an item's verdict was decided. */
export interface Decision {
  /** The ways the checklist data says the item can be shown (any one suffices; within one, every kind is needed). */
  readonly paths: readonly (readonly EvidenceKind[])[];
  /** The way that decided a Met item; absent when Not met or not applicable. */
  readonly decidedBy?: readonly EvidenceKind[];
  /** Kinds of evidence that are on no path: shown as support, never enough on their own. */
  readonly supporting: readonly EvidenceKind[];
  /** What the templates showed (synth rules, mechanism controls deployed). */
  readonly template: EvidenceShown;
  /** What the runtime controls' results showed. */
  readonly runtime: EvidenceShown;
  /** What the attestation showed. */
  readonly attestation: EvidenceShown;
  /** Why some evidence is only supporting, when the data says. */
  readonly note?: string;
  /** For an item with alternatives ("one of the following feature lists"): the alternatives, and the one met. */
  readonly alternatives?: { readonly ids: readonly string[]; readonly metBy?: string };
}

export interface ResourceRef {
  /** Stack display name. */
  readonly stack: string;
  /** Construct path. */
  readonly path: string;
  /** Its logical id in the template. */
  readonly logicalId: string;
  /** The CloudFormation type (`CloudFormation::Output` for a stack output). */
  readonly type: string;
}

export type { PlannedRuleRef };

/** Outcomes of the recommended rules of an item: shown apart, never part of its verdict. */
export interface RecommendationEvidence {
  /** Compliant outcomes. */
  readonly passed: readonly Finding[];
  /** Non-compliant and not acknowledged. */
  readonly failed: readonly Finding[];
  /** Non-compliant and acknowledged, with the reason. */
  readonly acknowledged: readonly Finding[];
}

export interface RuleEvidence {
  /** The synth rules the checklist names for this item, required and recommended. */
  readonly planned: readonly PlannedRuleRef[];
  /** Rules the checklist names that did not run: not implemented in this version, or left out (no evidence from them). */
  readonly unavailable: readonly string[];
  /** Required rules that passed. */
  readonly passed: readonly Finding[];
  /** Required rules: non-compliant and not acknowledged. */
  readonly failed: readonly Finding[];
  /** Required rules: non-compliant and acknowledged, with the reason. */
  readonly acknowledged: readonly Finding[];
  /**
   * Required rules: what the template cannot show on a resource while the design may meet it elsewhere (`reason` says
   * what, and what shows it instead). No finding; while one stands the template does not show the item, and its other
   * evidence decides. Absent when there is none.
   */
  readonly notShown?: readonly Finding[];
  /** The recommended rules' outcomes, kept apart: they never decide the verdict. */
  readonly recommended: RecommendationEvidence;
}

export interface Finding extends ResourceRef {
  /** `Competency-<item>-<Rule>`. */
  readonly ruleId: string;
  /** The rule's name. */
  readonly rule: string;
  /** Of a required or a recommended rule use. */
  readonly kind: 'required' | 'recommended';
  /** `error` for required findings of "must" items (and recommended ones raised as errors), else `warning`. */
  readonly level: 'error' | 'warning';
  /** Why it failed (non-compliant findings). */
  readonly reason?: string;
  /** The property path of the offending value, when known (`SecurityGroupIngress/0/CidrIp`). */
  readonly location?: string;
  /** The reason of the acknowledgement that suppresses it. */
  readonly acknowledgement?: string;
}

export interface ControlEvidence {
  /** What kind of control (`config-rule`, `cloudwatch-alarm`, ...). */
  readonly kind: RuntimeControl['kind'];
  /** The control's id (a managed Config rule identifier, or ours). */
  readonly id: string;
  /** What the control watches. */
  readonly description: string;
  /** Its result decides the item's `runtime` path. */
  readonly required: boolean;
  /** It is the mechanism the seed asks for: the item's `template` path needs it deployed. */
  readonly mechanism: boolean;
  /** Where it is deployed (empty when absent). */
  readonly deployedIn: readonly (ResourceRef & { readonly via: 'config-rule' | 'organization-config-rule' | 'metadata' | 'resource-type' })[];
  /** What the control reported in AWS, read with `report --live`; absent without `--live` or when it is not deployed. */
  readonly live?: LiveControlEvidence;
}

/**
 * A runtime control's results as read from AWS (`report --live`):
 * - `verified`: it runs and its results show the requirement holds (Config rules COMPLIANT, the trail logging,
 *   the latest backup, copy or restore test completed, the alarm in place with its actions);
 * - `failing`: its results show the requirement does not hold (a rule NON_COMPLIANT, a trail not logging, the
 *   latest job failed, the configuration recorder stopped);
 * - `missing`: it is not running in AWS (its stack is not deployed, the resource is gone or was not created);
 * - `not-verified`: its results could not be read (no permission, another account, no evaluation yet).
 */
export interface LiveControlEvidence {
  /** What the results show (see above). */
  readonly state: 'verified' | 'failing' | 'missing' | 'not-verified';
  /** ISO 8601 instant the results were read. */
  readonly checkedAt: string;
  /** One line: `ROOT_ACCOUNT_MFA_ENABLED NON_COMPLIANT on AWS::::Account 111111111111`. */
  readonly summary: string;
  /** Each result read: per Config rule and resource, per alarm, trail, job, analyzer finding. */
  readonly results: readonly LiveResult[];
  /** The calls that could not be made, each naming the action (`access denied: config:GetComplianceDetailsByConfigRule in 111111111111/eu-west-1`). */
  readonly problems: readonly string[];
}

export interface LiveResult {
  /** `<account>/<region>` the result was read in. */
  readonly where: string;
  /** What reported it: the Config rule, alarm, trail, backup plan, analyzer (its name in AWS). */
  readonly source: string;
  /** The resource the result is about (`AWS::S3::Bucket my-bucket`), when it is not the source itself. */
  readonly resource?: string;
  /** As AWS states it: `COMPLIANT`, `NON_COMPLIANT`, `OK`, `ALARM`, `LOGGING`, `COMPLETED`, `FAILED`, ... */
  readonly state: string;
  /** ISO 8601 instant of the result (evaluation, state change, job completion, last delivery). */
  readonly at?: string;
  /** More of what AWS returned (an annotation, a failure reason). */
  readonly detail?: string;
}

/** The live read of a report (`report --live`). */
export interface LiveSummary {
  /** ISO 8601 instant the reading started. */
  readonly checkedAt: string;
  /** The account of the credentials used. */
  readonly account: string;
  /** The region used for environment-agnostic stacks. */
  readonly defaultRegion?: string;
  /** Controls read, and how many of them were verified, failing, missing, not verified. */
  readonly controls: { readonly verified: number; readonly failing: number; readonly missing: number; readonly notVerified: number };
  /** Every call that could not be made, naming the action and where (a missing permission, throttling that outlasted the retries). */
  readonly problems: readonly string[];
}

export interface AttestationEvidence {
  /** Whether the item cannot be Met without it (every decision path needs it); an optional one never blocks "Met". */
  readonly required: boolean;
  /** What the auditor expects. */
  readonly expected: string;
  /** How old an attestation may be (an event such as a rehearsal or a DR test). */
  readonly maxAgeMonths?: number;
  /** `valid`, `stale` (older than `maxAgeMonths`) or `missing`. */
  readonly state: 'valid' | 'stale' | 'missing';
  /** The attestation given. */
  readonly provided?: ProvidedAttestation;
  /** Last day the attestation counts (date + maxAgeMonths), when it has a maximum age. */
  readonly validUntil?: string;
}

export interface ProvidedAttestation {
  /** Who attests: name and role. */
  readonly attestedBy: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** A link, or a file path the auditor can open. */
  readonly evidence: string;
  /** Anything the auditor should know. */
  readonly notes?: string;
}

/** One acknowledgement made by the app (`Validations.of(x).acknowledge({ id, reason })`, or cdk-nag template metadata). */
export interface AcknowledgementEntry {
  /** The acknowledged rule id, whole, as written: `Competency-1.14-TrailBucketInAnotherAccount`, `AwsSolutions-IAM4[Policy::arn:...]`. */
  readonly ruleId: string;
  /** The tool whose rule it is: `Competency`, `AwsSolutions`, `CloudFormation-Validate`, ... */
  readonly tool: string;
  /** The checklist item, for Competency rule ids. */
  readonly itemId?: string;
  /** Stack display name. */
  readonly stack: string;
  /** Construct path it was made on: it covers that construct and everything below it. */
  readonly path: string;
  /** The reason given. */
  readonly reason: string;
  /** Where the report read it: the cloud assembly's stack metadata, or a template's `cdk_nag` resource metadata. */
  readonly source: 'assembly' | 'template';
  /**
   * Competency rule ids only: the findings of this report it suppresses (resources of applicable items). Absent
   * for other tools' rules, which this report does not evaluate.
   */
  readonly suppressed?: readonly ResourceRef[];
  /** Whether it suppresses at least one finding of this report (never, for other tools' rules). */
  readonly suppressesFinding: boolean;
}

/** The acknowledgements aws-cdk-lib makes itself (its built-in validation's W3010, W3045, ...): counted, not listed as exceptions. */
export interface ToolAcknowledgements {
  /** How many there are. */
  readonly count: number;
  /** The rules acknowledged, each with the reason aws-cdk-lib gives and how often. */
  readonly rules: readonly { readonly ruleId: string; readonly reason: string; readonly count: number }[];
}

export interface DiagramRef {
  /** The stage drawn (`''` for the app's top-level stacks, and for the overview). */
  readonly stage: string;
  /** A stage's diagram, or the overview of the whole app (accounts, stacks, the flows between them). */
  readonly kind: 'stage' | 'overview';
  /** The diagram's caption. */
  readonly title: string;
  /** Paths relative to the pack root. */
  readonly svgFile: string;
  /** The picture as PNG. */
  readonly pngFile: string;
  /** The Graphviz source of the drawing, to edit it. */
  readonly dotFile?: string;
}
