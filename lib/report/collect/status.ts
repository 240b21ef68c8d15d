/**
 * How an item's verdict follows from its evidence. One function, so every renderer, the CLI exit code
 * and the docs agree:
 *
 * - **Not applicable** when the selection's "Applies to" cell says No (or the category is not claimed).
 * - **Not met** when any of these holds:
 *   a synth finding fails and is not acknowledged; a `required` runtime control is not deployed;
 *   the attestation is stale (older than `maxAgeMonths`); the attestation is required and missing
 *   ("awaiting attestation"); or nothing at all shows the item (no rule checked a resource, no
 *   control is deployed, nothing is attested).
 * - **Met** otherwise; **met with exception** when it relies on acknowledged findings.
 *
 * With live results (`report --live`), a control whose results show the requirement does not hold (a Config
 * rule NON_COMPLIANT, a trail not logging, the latest backup failed) makes the item Not met, and a required
 * control that is not running in AWS counts as not deployed. A deployed control without live results reads
 * "deployed, not verified".
 *
 * An attestation is *required* when it is the item's only path, or when the item has a maximum age
 * (an event such as a rehearsal or a DR test, which no template can show happened).
 */
import { ChecklistItem } from '../../checklist';
import { AttestationEvidence, ControlEvidence, ItemStatus, RuleEvidence } from '../model';

/** Whether an item cannot be Met without a (fresh) attestation. */
export function attestationRequired(item: ChecklistItem): boolean {
  const v = item.verification;
  if (!v.attestation) return false;
  const otherPaths = (v.rules?.length ?? 0) + (v.runtimeControls?.length ?? 0);
  return otherPaths === 0 || v.attestation.maxAgeMonths !== undefined;
}

/** The verdict of an applicable item. */
export interface Verdict {
  readonly status: Exclude<ItemStatus, 'not-applicable'>;
  readonly withExceptions: boolean;
  readonly basis: string;
  readonly problems: readonly string[];
}

/** Decides an applicable item's verdict from its evidence. */
export function decide(rules: RuleEvidence, controls: readonly ControlEvidence[], attestation: AttestationEvidence | undefined): Verdict {
  const problems: string[] = [];
  const shown: string[] = [];

  if (rules.failed.length > 0) {
    const n = rules.failed.length;
    problems.push(`${n} synth finding${n === 1 ? '' : 's'} not acknowledged: ${rules.failed.slice(0, 3).map((f) => `${f.rule} on ${f.path}`).join(', ')}${n > 3 ? `, and ${n - 3} more` : ''}`);
  }
  for (const c of controls) {
    if (c.required && c.deployedIn.length === 0) problems.push(`required runtime control ${c.id} is not deployed`);
    // Live results (`report --live`): a failing result decides against the item; a required control that is
    // not running in AWS counts as not deployed.
    else if (c.live?.state === 'failing') problems.push(c.live.summary);
    else if (c.required && c.live?.state === 'missing') problems.push(`required runtime control ${c.live.summary}`);
  }
  if (attestation?.state === 'stale') {
    problems.push(`stale attestation: dated ${attestation.provided!.date}, older than ${attestation.maxAgeMonths} months (valid until ${attestation.validUntil})`);
  } else if (attestation?.state === 'missing' && attestation.required) {
    problems.push('awaiting attestation');
  }

  const resources = new Set([...rules.passed, ...rules.acknowledged].map((f) => `${f.stack}/${f.logicalId}`));
  if (rules.passed.length > 0 || rules.acknowledged.length > 0) {
    const checks = rules.passed.length + rules.acknowledged.length;
    shown.push(`${checks} synth check${checks === 1 ? '' : 's'} on ${resources.size} resource${resources.size === 1 ? '' : 's'}${rules.acknowledged.length ? ` (${rules.acknowledged.length} acknowledged)` : ''}`);
  }
  const deployed = controls.filter((c) => c.deployedIn.length > 0);
  const verified = deployed.filter((c) => c.live?.state === 'verified');
  if (verified.length > 0) {
    const at = verified[0].live!.checkedAt;
    shown.push(`verified live ${at.slice(0, 10)} ${at.slice(11, 16)} UTC: ${verified.map((c) => c.live!.summary).join('; ')}`);
  }
  const unverified = deployed.filter((c) => !c.live || c.live.state === 'not-verified');
  if (unverified.length > 0) {
    shown.push(`control${unverified.length === 1 ? '' : 's'} ${unverified.map((c) => c.id).join(', ')} deployed, not verified`);
  }
  if (attestation?.state === 'valid') {
    shown.push(`attested by ${attestation.provided!.attestedBy} on ${attestation.provided!.date}`);
  }
  if (problems.length === 0 && shown.length === 0) {
    problems.push(`no evidence: ${[
      rules.planned.length > 0 ? 'no resource in the assembly is in scope of its synth rules' : undefined,
      rules.planned.length === 0 && rules.unavailable.length > 0 ? `its synth rule${rules.unavailable.length === 1 ? '' : 's'} ${rules.unavailable.join(', ')} did not run` : undefined,
      controls.length > 0 ? 'none of its runtime controls is deployed' : undefined,
      attestation ? 'it is not attested' : undefined,
    ].filter(Boolean).join(', ') || 'nothing verifies it'}`);
  }
  if (problems.length > 0) {
    return { status: 'not-met', withExceptions: false, basis: `Not met: ${problems.join('; ')}.`, problems };
  }
  const withExceptions = rules.acknowledged.length > 0;
  return {
    status: 'met',
    withExceptions,
    basis: `${withExceptions ? 'Met with exception' : 'Met'}: ${shown.join('; ')}.`,
    problems,
  };
}
