/**
 * Collects the evidence for every checklist item from a cloud assembly and an attestations file, and
 * decides each item's verdict. The synth rules run through `evaluateApp` over the whole assembly: the
 * same rule code the `CompetencyChecks` pack runs at synth, so assembly-wide checks (the trail's bucket
 * in another account, no overlapping VPC CIDRs across stacks) come out exactly as the pack sees them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CfnTemplate, StackSource, TemplateAppView } from '../../aws';
import { CHECKLIST_ITEMS, ChecklistItem, ChecklistSelection, parseSelection, Selection } from '../../checklist';
import { METADATA } from '../../conventions';
import { AppEvaluation, deploymentReadinessDataVersions, evaluateApp, ItemEvaluation, RuleEvaluation } from '../../packs/evaluate';
import { LoadedAssembly } from '../assembly';
import { addMonths, dayOf } from '../attestations/dates';
import { AttestationSet } from '../attestations/parse';
import { groupOf } from '../attestations/template';
import { CHECKLIST_TITLES, groupTitle } from '../labels';
import {
  AccountSummary, AttestationEvidence, ControlEvidence, DiagramRef, EvidenceReport, Finding, ItemEvidence,
  ItemGroup, LiveControlEvidence, LiveSummary, Provenance, REPORT_SCHEMA_VERSION, ResourceRef, RuleEvidence, StackParameter, StackSummary,
} from '../model';
import { TOOL_VERSION } from '../version';
import { AcknowledgementIndex, KnownAcknowledgement, reportAcknowledgements } from './acknowledgements';
import { deployedControls, supportingResources } from './resources';
import { attestationRequired, decide, notApplicableDecision } from './status';

export { attestationRequired } from './status';

/** Inputs of {@link collectEvidence}. */
export interface CollectOptions {
  readonly assembly: LoadedAssembly;
  /** The selection, checked once here unless it was parsed (`parseSelection`) before. */
  readonly selection: ChecklistSelection | Selection;
  /** @default - no attestations */
  readonly attestations?: AttestationSet;
  /** The generation time (inject a fixed clock in tests). */
  readonly now: Date;
  /**
   * The assembly directory as shown in the report.
   * @default - the assembly's directory name
   */
  readonly assemblyDir?: string;
  /** @default - this library's version */
  readonly toolVersion?: string;
  /** @default - none */
  readonly diagrams?: readonly DiagramRef[];
  /**
   * Pack files that serve the documentation items, by item id.
   * @default - none
   */
  readonly generatedEvidence?: { readonly [itemId: string]: readonly string[] };
  /**
   * Run only these synth rules (by name); the others count as not run. For tests that must not change
   * when the library gains a rule.
   * @default - every implemented rule of every applicable item
   */
  readonly rules?: readonly string[];
  /**
   * Where the pack comes from (`collectProvenance`).
   * @default - none recorded
   */
  readonly provenance?: Provenance;
  /**
   * The controls' results read from AWS (`readLive`), by control id.
   * @default - none: deployed controls read "deployed, not verified"
   */
  readonly live?: { readonly summary: LiveSummary; readonly controls: ReadonlyMap<string, LiveControlEvidence> };
  /**
   * The directory to give `cdk deploy --app`, as shown in the deployment guide.
   * @default - the top-level assembly directory of `assemblyDir`
   */
  readonly appDir?: string;
  /**
   * The assembly already evaluated for this selection (`evaluateAssembly`), e.g. to find the live targets first.
   * @default - evaluated here
   */
  readonly evaluated?: AssemblyEvaluation;
}

/** An assembly evaluated for a selection: the rules' outcomes and the acknowledgement each finding was matched with. */
export interface AssemblyEvaluation {
  readonly selection: Selection;
  readonly app: TemplateAppView;
  readonly evaluation: AppEvaluation;
  readonly acknowledgements: AcknowledgementIndex;
  /** Which acknowledgement suppressed each acknowledged finding (the nearest one covering the resource). */
  readonly suppressedBy: ReadonlyMap<string, KnownAcknowledgement>;
}

/** The key of one finding, for {@link AssemblyEvaluation.suppressedBy}. */
function findingKey(stack: string, type: string, logicalId: string, ruleId: string): string {
  return `${stack}\u0000${type}\u0000${logicalId}\u0000${ruleId}`;
}

/**
 * Evaluates an assembly for a selection through the packs' evaluation door, with the acknowledgements the assembly
 * records. Throws (one line) for an invalid selection.
 */
export function evaluateAssembly(assembly: LoadedAssembly, selection: ChecklistSelection | Selection, options: { readonly rules?: readonly string[] } = {}): AssemblyEvaluation {
  const sel = parseSelection(selection);
  const app = appViewOf(assembly);
  const acknowledgements = new AcknowledgementIndex(assembly, app.stacks);
  const suppressedBy = new Map<string, KnownAcknowledgement>();
  const evaluation = evaluateApp(app, sel, {
    rules: options.rules,
    coverage: !options.rules,
    acknowledgements: (r) => (id) => {
      const a = acknowledgements.lookup(r).get(id);
      if (a) suppressedBy.set(findingKey(r.stack.path, r.type, r.logicalId, id), a);
      return a?.reason;
    },
  });
  return { selection: sel, app, evaluation, acknowledgements, suppressedBy };
}

/**
 * The runtime controls of the selection's applicable items (the checklist data) that the assembly deploys,
 * with where: what `report --live` reads.
 */
export function liveTargets(evaluated: AssemblyEvaluation): { control: { id: string; kind: ControlEvidence['kind'] }; deployments: { stack: string; logicalId: string; type: string }[] }[] {
  const deployed = deployedControls(evaluated.app.stacks);
  const out = new Map<string, { control: { id: string; kind: ControlEvidence['kind'] }; deployments: { stack: string; logicalId: string; type: string }[] }>();
  for (const { item } of evaluated.evaluation.items.filter((i) => i.applicability.applies)) {
    for (const c of item.verification.runtimeControls ?? []) {
      const where = deployed.get(c.id);
      if (!where?.length || out.has(c.id)) continue;
      out.set(c.id, { control: { id: c.id, kind: c.kind }, deployments: where.map((d) => ({ stack: d.stack, logicalId: d.logicalId, type: d.type })) });
    }
  }
  return [...out.values()];
}

/** The stage of a stack; a stack read from a nested assembly directory gets it from its display name. */
export function stageOf(stack: { readonly stage: string; readonly displayName: string }): string {
  if (stack.stage) return stack.stage;
  const i = stack.displayName.lastIndexOf('/');
  return i > 0 ? stack.displayName.slice(0, i) : '';
}

/** Builds the app view the rules read: one stack source per assembly stack, path = display name. */
export function appViewOf(assembly: LoadedAssembly): TemplateAppView {
  const all = [...assembly.stacks, ...(assembly.nestedStacks ?? [])];
  const byArtifact = new Map(all.map((s) => [s.artifactId, s]));
  const sources: StackSource[] = all.map((s) => {
    const parent = s.nestedIn ? byArtifact.get(s.nestedIn.artifactId) : undefined;
    return {
      path: s.displayName,
      stage: stageOf(s),
      account: s.account,
      region: s.region,
      ...(s.nestedIn || s.stackName === undefined ? {} : { stackName: s.stackName }),
      template: s.template as CfnTemplate,
      constructPaths: new Map(Object.entries(s.constructPaths ?? {})),
      nestedIn: parent && s.nestedIn ? { stack: parent.displayName, logicalId: s.nestedIn.logicalId } : undefined,
    };
  });
  return new TemplateAppView(sources);
}

/** Collects the evidence report. Throws (one line) for an invalid selection. */
export function collectEvidence(opts: CollectOptions): EvidenceReport {
  const evaluated = opts.evaluated ?? evaluateAssembly(opts.assembly, opts.selection, { rules: opts.rules });
  const { selection: sel, app, evaluation } = evaluated;
  const controls = deployedControls(app.stacks);
  const supporting = supportingResources(app.stacks);
  const today = dayOf(opts.now);

  const items: ItemEvidence[] = evaluation.items.map((listed) => {
    const { item, applicability } = listed;
    const rules = ruleEvidence(listed);
    const runtimeControls: ControlEvidence[] = (item.verification.runtimeControls ?? []).map((c) => ({
      kind: c.kind,
      id: c.id,
      description: c.description,
      required: c.required ?? false,
      mechanism: c.mechanism ?? false,
      deployedIn: controls.get(c.id) ?? [],
      ...(controls.get(c.id)?.length && opts.live?.controls.get(c.id) ? { live: opts.live.controls.get(c.id)! } : {}),
    }));
    const attestation = attestationEvidence(item, opts.attestations, today);
    const base = {
      id: item.id,
      kind: item.kind,
      group: groupOf(item),
      ...(item.kind === 'technical' ? { pillar: item.pillar } : {}),
      ...(item.kind === 'category' ? { category: item.category, ...(item.subcategory ? { subcategory: item.subcategory } : {}) } : {}),
      title: item.title,
      requirement: item.requirement,
      seed: item.seed[sel.checklist]!,
      level: applicability.level,
      modal: applicability.modal,
      ...(applicability.levelReason ? { levelReason: applicability.levelReason } : {}),
      applicability: { applies: applicability.applies, ...(applicability.condition ? { condition: applicability.condition } : {}), reason: applicability.reason },
      rules,
      runtimeControls,
      ...(attestation ? { attestation } : {}),
      supportingResources: supporting.get(item.id) ?? [],
      generatedEvidence: opts.generatedEvidence?.[item.id] ?? [],
    };
    if (!applicability.applies) {
      return { ...base, status: 'not-applicable' as const, withExceptions: false, basis: `Not applicable: ${applicability.reason}.`, problems: [], decision: notApplicableDecision(item) };
    }
    const verdict = decide(item, rules, runtimeControls, attestation);
    return { ...base, ...verdict };
  }).map((evidence, _i, all) => withAlternatives(evidence, all));

  const groups: ItemGroup[] = [];
  for (const item of items) {
    if (groups.some((g) => g.id === item.group)) continue;
    groups.push({
      id: item.group,
      title: groupTitle(item.group),
      kind: item.kind === 'technical' ? 'pillar' : item.kind,
    });
  }

  const applicableIds = new Set(items.filter((i) => i.status !== 'not-applicable').map((i) => i.id));
  const suppressed = new Map<KnownAcknowledgement, ResourceRef[]>();
  for (const e of evaluation.evaluations) {
    if (!e.acknowledgement || !applicableIds.has(e.itemId)) continue;
    const a = evaluated.suppressedBy.get(findingKey(e.stack, e.resourceType, e.logicalId, e.ruleId));
    if (a) suppressed.set(a, [...(suppressed.get(a) ?? []), { stack: e.stack, path: e.path, logicalId: e.logicalId, type: e.resourceType }]);
  }
  const { acknowledgements, toolAcknowledgements } = reportAcknowledgements(evaluated.acknowledgements, suppressed);
  const applicable = items.filter((i) => i.status !== 'not-applicable');
  const met = applicable.filter((i) => i.status === 'met').length;
  const reportItemIds = new Set(items.map((i) => i.id));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: opts.now.toISOString(),
    tool: { name: 'cdk-competency', version: opts.toolVersion ?? TOOL_VERSION, awsData: deploymentReadinessDataVersions() },
    ...(opts.provenance ? { provenance: opts.provenance } : {}),
    ...(opts.live ? { live: opts.live.summary } : {}),
    selection: {
      checklist: sel.checklist,
      checklistTitle: CHECKLIST_TITLES[sel.checklist],
      deploymentModel: sel.deploymentModel,
      categories: [...sel.categories],
      subcategories: [...sel.subcategories],
      strict: sel.strict,
    },
    summary: {
      total: items.length,
      met,
      notMet: applicable.length - met,
      notApplicable: items.length - applicable.length,
      metWithExceptions: applicable.filter((i) => i.withExceptions).length,
      openFindings: applicable.reduce((n, i) => n + i.rules.failed.length, 0),
      openRecommendations: applicable.reduce((n, i) => n + i.rules.recommended.failed.length, 0),
      acknowledgedFindings: applicable.reduce((n, i) => n + i.rules.acknowledged.length + i.rules.recommended.acknowledged.length, 0),
      allMet: met === applicable.length,
    },
    assembly: assemblySummary(opts.assembly, opts.assemblyDir ?? path.basename(opts.assembly.dir), opts.appDir),
    items,
    groups,
    acknowledgements,
    toolAcknowledgements,
    ...(opts.attestations ? { attestationsFile: opts.attestations.file } : {}),
    unusedAttestations: [...(opts.attestations?.entries.keys() ?? [])].filter((id) => !reportItemIds.has(id)),
    diagrams: opts.diagrams ?? [],
  };
}

/**
 * An item whose seed asks for "one of the following" lists: when an alternative is Met, it does not apply;
 * when none is, its basis says so.
 */
function withAlternatives(item: ItemEvidence, all: readonly ItemEvidence[]): ItemEvidence {
  const data = CHECKLIST_ITEMS.find((i) => i.id === item.id);
  const ids = data?.kind === 'category' ? data.alternativeTo ?? [] : [];
  if (ids.length === 0 || item.status === 'not-applicable') return item;
  const met = all.find((a) => ids.includes(a.id) && a.status === 'met');
  const decision = { ...item.decision, alternatives: { ids, ...(met ? { metBy: met.id } : {}) } };
  if (item.status === 'met') return { ...item, decision };
  if (met) {
    return {
      ...item,
      status: 'not-applicable',
      withExceptions: false,
      problems: [],
      decision,
      basis: `Not applicable: the seed asks for one of the alternatives ${[item.id, ...ids].join(', ')}, and ${met.id} is met.`,
    };
  }
  return { ...item, decision, basis: `${item.basis} Its alternative${ids.length === 1 ? '' : 's'} ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} not met either: one of them is enough.` };
}

/** What an item's rules found, as the report shows it. */
function ruleEvidence(listed: ItemEvaluation): RuleEvidence {
  const finding = (e: RuleEvaluation): Finding => ({
    stack: e.stack,
    path: e.path,
    logicalId: e.logicalId,
    type: e.resourceType,
    ruleId: e.ruleId,
    rule: e.rule,
    kind: e.kind,
    level: e.level,
    ...(e.reason !== undefined ? { reason: e.reason } : {}),
    ...(e.location !== undefined ? { location: e.location } : {}),
    ...(e.acknowledgement ? { acknowledgement: e.acknowledgement.reason } : {}),
  });
  const outcomes = (list: readonly RuleEvaluation[]) => ({
    passed: list.filter((e) => e.status === 'compliant').map(finding),
    failed: list.filter((e) => e.status === 'non-compliant' && !e.acknowledgement).map(finding),
    acknowledged: list.filter((e) => e.status === 'non-compliant' && e.acknowledgement).map(finding),
  });
  return {
    planned: listed.planned.map((p) => ({
      ruleId: p.ruleId,
      rule: p.rule,
      description: p.description,
      fix: p.fix,
      scope: p.scope,
      kind: p.kind,
      seedSentence: p.seedSentence,
      ...(p.why !== undefined ? { why: p.why } : {}),
    })),
    unavailable: listed.unavailable.map((u) => u.rule),
    ...outcomes(listed.evaluations.filter((e) => e.kind === 'required')),
    ...notShownOf(listed.evaluations.filter((e) => e.kind === 'required' && e.status === 'not-shown').map(finding)),
    recommended: outcomes(listed.evaluations.filter((e) => e.kind === 'recommended')),
  };
}

/** What the template cannot show, listed only when there is some (the report's JSON stays as it was otherwise). */
function notShownOf(list: readonly Finding[]): { notShown?: readonly Finding[] } {
  return list.length > 0 ? { notShown: list } : {};
}

function attestationEvidence(item: ChecklistItem, set: AttestationSet | undefined, today: string): AttestationEvidence | undefined {
  const req = item.verification.attestation;
  const given = set?.entries.get(item.id);
  if (!req && !given) return undefined;
  const expected = req?.evidence ?? 'Not required by the checklist data; attested as additional evidence.';
  const common = { required: attestationRequired(item), expected, ...(req?.maxAgeMonths !== undefined ? { maxAgeMonths: req.maxAgeMonths } : {}) };
  if (!given) return { ...common, state: 'missing' };
  const provided = { attestedBy: given.attestedBy, date: given.date, evidence: given.evidence, ...(given.notes ? { notes: given.notes } : {}) };
  if (req?.maxAgeMonths === undefined) return { ...common, state: 'valid', provided };
  const validUntil = addMonths(given.date, req.maxAgeMonths);
  return { ...common, state: today > validUntil ? 'stale' : 'valid', provided, validUntil };
}

/** The parameters of a template, `BootstrapVersion` left out. */
function parametersOf(template: CfnTemplate): StackParameter[] {
  return Object.entries(template.Parameters ?? {}).filter(([name]) => name !== 'BootstrapVersion').map(([name, p]) => ({
    name,
    ...(typeof p?.Type === 'string' ? { type: p.Type } : {}),
    ...(p?.Default !== undefined ? { default: typeof p.Default === 'string' ? p.Default : JSON.stringify(p.Default) } : {}),
    ...(typeof p?.Description === 'string' ? { description: p.Description } : {}),
  }));
}

/** Resources of a template by type, sorted. */
function resourceTypesOf(template: CfnTemplate): StackSummary['resourceTypes'] {
  const counts = new Map<string, number>();
  for (const r of Object.values(template.Resources ?? {})) if (typeof r?.Type === 'string') counts.set(r.Type, (counts.get(r.Type) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, count]) => ({ type, count }));
}

/** The assertions of an integ-runner test in the assembly (`integ.json` present), as one line each. */
function integAssertionsOf(assembly: LoadedAssembly): string[] | undefined {
  if (!fs.existsSync(path.join(assembly.dir, 'integ.json'))) return undefined;
  const out: string[] = [];
  for (const s of assembly.stacks) {
    for (const [id, r] of Object.entries(s.template.Resources ?? {})) {
      if (typeof r?.Type !== 'string' || !r.Type.startsWith('Custom::DeployAssert@')) continue;
      const p = r.Properties ?? {};
      const call = typeof p.service === 'string' && typeof p.api === 'string' ? `${p.service}.${p.api}` : r.Type.replace('Custom::DeployAssert@', '');
      const expected = typeof p.expected === 'string' ? ` expects ${p.expected}` : '';
      out.push(`${s.displayName}: ${id}: ${call}${expected}`);
    }
  }
  return out;
}

function assemblySummary(assembly: LoadedAssembly, dir: string, appDir = dir): EvidenceReport['assembly'] {
  const nameOf = new Map(assembly.stacks.map((s) => [s.artifactId, s.displayName]));
  const stacks: StackSummary[] = assembly.stacks.map((s) => {
    const ro = s.template.Metadata?.[METADATA.RECOVERY_OBJECTIVES];
    const outputs = Object.entries(s.template.Outputs ?? {}).map(([name, o]) => ({
      name,
      ...(typeof o?.Description === 'string' ? { description: o.Description } : {}),
      ...(typeof o?.Export?.Name === 'string' ? { exportName: o.Export.Name } : {}),
    }));
    return {
      name: s.displayName,
      artifactId: s.artifactId,
      stage: stageOf(s),
      ...(s.account ? { account: s.account } : {}),
      ...(s.region ? { region: s.region } : {}),
      dependsOn: s.dependencies.map((d) => nameOf.get(d) ?? d),
      resourceCount: Object.keys(s.template.Resources ?? {}).length,
      ...(ro && typeof ro.rpoMinutes === 'number' && typeof ro.rtoMinutes === 'number'
        ? { recoveryObjectives: { rpoMinutes: ro.rpoMinutes, rtoMinutes: ro.rtoMinutes } } : {}),
      ...(typeof s.template.Description === 'string' ? { description: s.template.Description } : {}),
      outputs,
      parameters: parametersOf(s.template as CfnTemplate),
      prerequisites: stringsOf(s.template.Metadata?.[METADATA.DEPLOYMENT_PREREQUISITES]),
      retainedResources: Object.entries(s.template.Resources ?? {})
        .filter(([, r]) => r?.DeletionPolicy === 'Retain' || r?.DeletionPolicy === 'RetainExceptOnCreate')
        .map(([logicalId, r]) => ({ logicalId, type: String(r.Type) })),
      resourceTypes: resourceTypesOf(s.template as CfnTemplate),
    };
  });
  const accounts = new Map<string, { regions: Set<string>; stacks: string[] }>();
  for (const s of stacks) {
    const key = s.account ?? 'unknown';
    const a = accounts.get(key) ?? { regions: new Set<string>(), stacks: [] };
    a.regions.add(s.region ?? 'unknown');
    a.stacks.push(s.name);
    accounts.set(key, a);
  }
  const accountList: AccountSummary[] = [...accounts.entries()]
    .sort(([a], [b]) => (a === 'unknown' ? 1 : b === 'unknown' ? -1 : a.localeCompare(b)))
    .map(([account, a]) => ({ account, regions: [...a.regions].sort(), stacks: a.stacks }));
  const integAssertions = integAssertionsOf(assembly);
  return {
    dir,
    appDir,
    ...(integAssertions ? { integAssertions } : {}),
    stages: [...new Set(stacks.map((s) => s.stage))].filter((s) => s !== ''),
    stacks,
    accounts: accountList,
  };
}

/** The strings of a metadata value that should be a list of them. */
function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
