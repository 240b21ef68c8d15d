/** Shorthand for a category requirement only a person can attest. */
import { CategoryRequirement } from '../types';
import { RequirementDraft } from './numbering';

/** A draft verified by attestation alone. */
export function attested(
  title: string,
  requirement: string,
  level: CategoryRequirement['level'],
  evidence: string,
): RequirementDraft {
  return { title, requirement, level, verification: { attestation: { evidence } } };
}

/** The usual evidence for a solution feature: where it is documented and a demonstration. */
export function featureEvidence(feature: string): string {
  return `Product documentation of ${feature} and a demonstration (screenshots or recording) from a customer deployment.`;
}
