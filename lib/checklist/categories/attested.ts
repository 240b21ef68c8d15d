/** Shorthand for a category requirement only a person can attest. */
import { BY_ATTESTATION } from '../decision';
import { Level, Modal } from '../types';
import { RequirementDraft } from './numbering';

/** What the seed says about the level: its modal verb, and the reason when there is none. */
export type LevelBasis = { readonly modal: 'must' | 'should' } | { readonly modal: Modal; readonly levelReason: string };

/** A draft verified by attestation alone. */
export function attested(
  title: string,
  requirement: string,
  words: string,
  level: Level,
  basis: LevelBasis,
  evidence: string,
): RequirementDraft {
  return { title, requirement, words, level, ...basis, verification: { decidedBy: BY_ATTESTATION, attestation: { evidence } } };
}

/** The usual evidence for a solution feature: where it is documented and a demonstration. */
export function featureEvidence(feature: string): string {
  return `Product documentation of ${feature} and a demonstration (screenshots or recording) from a customer deployment.`;
}

/** The seed says "must". */
export const MUST: LevelBasis = { modal: 'must' };
/** The seed says "should". */
export const SHOULD: LevelBasis = { modal: 'should' };
