/**
 * How an item's verdict follows from its evidence. One function, so every renderer, the CLI exit code
 * and the docs agree. No item is Met on evidence that cannot show its requirement:
 *
 * - The checklist data says what can decide each item (`verification.decidedBy`): one or more ways, each a
 *   set of evidence kinds that together show the requirement (`template`, `runtime`, `attestation`).
 * - **template** shows the requirement when its synth rules found resources in scope and all of them passed,
 *   and every mechanism control (the seed asks for monitoring "in place") is deployed. A rule that found
 *   nothing in scope shows nothing; nor does a template where a rule says what it cannot show (a trail of the
 *   organization managed outside the app): no finding, the item's other ways decide.
 * - **runtime** shows it when the required controls' results, read from the account (`report --live`), are
 *   verified; a control that is deployed but whose result was not read shows nothing yet ("deployed, not
 *   verified"), and one that is not running in AWS counts as not deployed.
 * - **attestation** shows it when a person's attestation is present and current.
 * - **Met** when one way is fully shown and nothing fails; **met with exception** when it relies on
 *   acknowledged findings. Evidence of a kind on no way is supporting: listed, never enough on its own, but its
 *   failures (an open finding, a failing live result of any of the item's controls) still make the item Not met.
 *   An attestation on no way is optional and never blocks.
 * - **Not met** otherwise, with what each way still needs.
 * - **Not applicable** (decided by the caller) when the selection's "Applies to" cell says No, the category or
 *   subcategory is not claimed, or an alternative of the item is met.
 */
import { ChecklistItem, EvidenceKind } from '../../checklist';
import { AttestationEvidence, ControlEvidence, Decision, EvidenceShown, ItemStatus, RuleEvidence } from '../model';

/** Whether an item cannot be Met without a (fresh) attestation: every way of deciding it needs one. */
export function attestationRequired(item: ChecklistItem): boolean {
  const v = item.verification;
  return v.attestation !== undefined && v.decidedBy.length > 0 && v.decidedBy.every((path) => path.includes('attestation'));
}

/** The verdict of an applicable item. */
export interface Verdict {
  readonly status: Exclude<ItemStatus, 'not-applicable'>;
  readonly withExceptions: boolean;
  readonly basis: string;
  readonly problems: readonly string[];
  readonly decision: Decision;
}

const KIND_LABELS: { readonly [K in EvidenceKind]: string } = { template: 'template', runtime: 'runtime', attestation: 'attestation' };

/** `template`, `template + attestation`. */
export function pathLabel(path: readonly EvidenceKind[]): string {
  return path.map((k) => KIND_LABELS[k]).join(' + ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function templateShown(item: ChecklistItem, rules: RuleEvidence, controls: readonly ControlEvidence[]): EvidenceShown {
  const failed = rules.failed.length;
  if (failed > 0) {
    return { state: 'failed', summary: `${plural(failed, 'synth finding')} not acknowledged: ${rules.failed.slice(0, 3).map((f) => `${f.rule} on ${f.path}`).join(', ')}${failed > 3 ? `, and ${failed - 3} more` : ''}` };
  }
  const checks = rules.passed.length + rules.acknowledged.length;
  const resources = new Set([...rules.passed, ...rules.acknowledged].map((f) => `${f.stack}/${f.logicalId}`)).size;
  const mechanisms = controls.filter((c) => c.mechanism);
  const missing = mechanisms.filter((c) => c.deployedIn.length === 0);
  const deployed = mechanisms.filter((c) => c.deployedIn.length > 0);
  // Only required rule uses show a requirement; recommended findings never decide (they are kept apart in `rules.recommended`).
  const requiredNames = requiredRules(item);
  const hasRules = requiredNames.length > 0;
  const planned = rules.planned.filter((p) => p.kind === 'required');
  const unavailable = rules.unavailable.filter((n) => requiredNames.includes(n));
  const parts: string[] = [];
  if (checks > 0) parts.push(`${plural(checks, 'synth check')} passed on ${plural(resources, 'resource')}${rules.acknowledged.length ? ` (${rules.acknowledged.length} acknowledged)` : ''}`);
  if (deployed.length > 0) parts.push(`mechanism${deployed.length === 1 ? '' : 's'} ${deployed.map((c) => c.id).join(', ')} deployed`);
  // What the template cannot show leaves the item to its other evidence: no finding, and no template evidence either.
  const notShown = [...new Set((rules.notShown ?? []).map((f) => f.reason ?? `${f.rule} on ${f.path}`))];
  const gaps: string[] = [];
  if (hasRules && checks === 0 && notShown.length === 0) {
    gaps.push(planned.length > 0
      ? `its synth rule${planned.length === 1 ? '' : 's'} ${planned.map((p) => p.rule).join(', ')} found nothing in scope in the assembly`
      : `its synth rule${unavailable.length === 1 ? '' : 's'} ${unavailable.join(', ')} did not run`);
  }
  if (notShown.length > 0) gaps.push(`the template cannot show it: ${notShown.slice(0, 3).join('; ')}${notShown.length > 3 ? `; and ${notShown.length - 3} more` : ''}`);
  if (missing.length > 0) gaps.push(`the mechanism${missing.length === 1 ? '' : 's'} ${missing.map((c) => c.id).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not deployed`);
  if (gaps.length > 0 || parts.length === 0) {
    return { state: 'none', summary: gaps.length > 0 ? gaps.join(', and ') : 'nothing in the template shows it' };
  }
  return { state: 'shown', summary: parts.join('; ') };
}

function runtimeShown(controls: readonly ControlEvidence[]): EvidenceShown {
  if (controls.length === 0) return { state: 'none', summary: 'no runtime control watches it' };
  const deciding = controls.some((c) => c.required) ? controls.filter((c) => c.required) : controls;
  // A failing result of any control listed for the item is evidence against it (`report --live`).
  const failing = controls.filter((c) => c.live?.state === 'failing');
  if (failing.length > 0) return { state: 'failed', summary: failing.map((c) => c.live!.summary).join('; ') };
  if (deciding.every((c) => c.live?.state === 'verified')) {
    const at = deciding[0].live!.checkedAt;
    return { state: 'shown', summary: `verified live ${at.slice(0, 10)} ${at.slice(11, 16)} UTC: ${deciding.map((c) => c.live!.summary).join('; ')}` };
  }
  const notRunning = deciding.filter((c) => c.deployedIn.length === 0 || c.live?.state === 'missing');
  if (notRunning.length > 0) {
    return {
      state: 'none',
      summary: notRunning.map((c) => (c.live?.state === 'missing' ? `runtime control ${c.live.summary}` : `runtime control ${c.id} not deployed`)).join('; '),
    };
  }
  const unverified = deciding.filter((c) => c.live?.state !== 'verified');
  return {
    state: 'pending',
    summary: `control${unverified.length === 1 ? '' : 's'} ${unverified.map((c) => c.id).join(', ')} deployed, not verified (read its result with report --live)`,
  };
}

/** What the deployed controls show as supporting evidence: verified ones, and deployed ones not (yet) verified. */
function runtimeSupport(controls: readonly ControlEvidence[]): string | undefined {
  const deployed = controls.filter((c) => c.deployedIn.length > 0 && c.live?.state !== 'missing' && c.live?.state !== 'failing');
  const verified = deployed.filter((c) => c.live?.state === 'verified');
  const unverified = deployed.filter((c) => c.live?.state !== 'verified');
  const parts = [
    ...(verified.length ? [`verified live ${verified[0].live!.checkedAt.slice(0, 10)} ${verified[0].live!.checkedAt.slice(11, 16)} UTC: ${verified.map((c) => c.live!.summary).join('; ')}`] : []),
    ...(unverified.length ? [`control${unverified.length === 1 ? '' : 's'} ${unverified.map((c) => c.id).join(', ')} deployed, not verified`] : []),
  ];
  return parts.length ? parts.join('; ') : undefined;
}

function attestationShown(attestation: AttestationEvidence | undefined): EvidenceShown {
  if (!attestation) return { state: 'none', summary: 'no attestation is asked' };
  switch (attestation.state) {
    case 'valid':
      return { state: 'shown', summary: `attested by ${attestation.provided!.attestedBy} on ${attestation.provided!.date}${attestation.validUntil ? ` (valid until ${attestation.validUntil})` : ''}` };
    case 'stale':
      return { state: 'failed', summary: `stale attestation: dated ${attestation.provided!.date}, older than ${attestation.maxAgeMonths} months (valid until ${attestation.validUntil})` };
    default:
      return { state: 'none', summary: 'awaiting attestation' };
  }
}

/**
 * Decides an applicable item's verdict from its evidence. `item` supplies what can decide it; the evidence is
 * what the assembly, the account and the attestations showed.
 */
export function decide(
  item: ChecklistItem,
  rules: RuleEvidence,
  controls: readonly ControlEvidence[],
  attestation: AttestationEvidence | undefined,
): Verdict {
  const paths = item.verification.decidedBy;
  const shown: { readonly [K in EvidenceKind]: EvidenceShown } = {
    template: templateShown(item, rules, controls),
    runtime: runtimeShown(controls),
    attestation: attestationShown(attestation),
  };
  const onPaths = new Set(paths.flat());
  const present: { readonly [K in EvidenceKind]: boolean } = {
    template: requiredRules(item).length > 0 || controls.some((c) => c.mechanism),
    runtime: controls.length > 0,
    attestation: attestation !== undefined,
  };
  const supporting = (['template', 'runtime', 'attestation'] as const).filter((k) => !onPaths.has(k) && present[k]);
  const base: Omit<Decision, 'decidedBy'> = {
    paths,
    supporting,
    template: shown.template,
    runtime: shown.runtime,
    attestation: shown.attestation,
    ...(item.verification.decisionNote ? { note: item.verification.decisionNote } : {}),
  };

  // Failures block whatever way decides: an open finding (supporting rules included), a non-compliant result,
  // a stale attestation the item needs.
  const problems: string[] = [];
  if (shown.template.state === 'failed') problems.push(shown.template.summary);
  if (shown.runtime.state === 'failed') problems.push(shown.runtime.summary);
  if (shown.attestation.state === 'failed' && attestationRequiredBy(paths)) problems.push(shown.attestation.summary);

  const decidedBy = paths.find((path) => path.every((k) => shown[k].state === 'shown'));
  const supportText = supporting.map((k) => (k === 'runtime' ? runtimeSupport(controls) : shown[k].state === 'shown' ? shown[k].summary : undefined))
    .map((text, n) => (text ? `${KIND_LABELS[supporting[n]]}: ${text}` : undefined))
    .filter((t): t is string => t !== undefined);
  const support = supportText.length > 0 ? ` Supporting evidence, ${supportText.join('; ')}.` : '';

  if (problems.length === 0 && decidedBy) {
    const withExceptions = rules.acknowledged.length > 0;
    return {
      status: 'met',
      withExceptions,
      problems,
      decision: { ...base, decidedBy },
      basis: `${withExceptions ? 'Met with exception' : 'Met'}, decided by ${pathLabel(decidedBy)}: ${decidedBy.map((k) => shown[k].summary).join('; ')}.${support}`,
    };
  }
  if (problems.length === 0) {
    // What each way still needs, the nearest first.
    const needs = [...paths]
      .map((path) => ({ path, missing: path.filter((k) => shown[k].state !== 'shown') }))
      .sort((a, b) => a.missing.length - b.missing.length)
      .map(({ path, missing }) => `${paths.length > 1 ? `by ${pathLabel(path)}, ` : ''}${missing.map((k) => shown[k].summary).join(', and ')}`);
    problems.push(needs.length > 1 ? `${needs[0]}; or ${needs.slice(1).join('; or ')}` : needs[0]);
  }
  return {
    status: 'not-met',
    withExceptions: false,
    problems,
    decision: base,
    basis: `Not met: ${problems.join('; ')}.${support}`,
  };
}

/** The rules whose findings the item's verdict rests on: its required rule uses. */
function requiredRules(item: ChecklistItem): string[] {
  return (item.verification.rules ?? []).filter((u) => u.kind === 'required').map((u) => u.rule);
}

function attestationRequiredBy(paths: readonly (readonly EvidenceKind[])[]): boolean {
  return paths.length > 0 && paths.every((p) => p.includes('attestation'));
}

/** The decision shown for an item that does not apply. */
export function notApplicableDecision(item: ChecklistItem): Decision {
  const none: EvidenceShown = { state: 'none', summary: 'not read: the item does not apply' };
  return {
    paths: item.verification.decidedBy,
    supporting: [],
    template: none,
    runtime: none,
    attestation: none,
    ...(item.verification.decisionNote ? { note: item.verification.decisionNote } : {}),
  };
}
