/**
 * The usual answers to "what can decide this item" (see `Verification.decidedBy`), so the data reads as
 * what it means.
 */
import { DecisionPath } from './types';

/** Synth rules (and the mechanisms the template deploys) show the requirement itself. */
export const BY_TEMPLATE: readonly DecisionPath[] = [['template']];
/** Only a person can show it. */
export const BY_ATTESTATION: readonly DecisionPath[] = [['attestation']];
/** The template shows part, a person the rest. */
export const BY_TEMPLATE_AND_ATTESTATION: readonly DecisionPath[] = [['template', 'attestation']];
/** The template, or the result of its controls in the running account, shows part; a person the rest. */
export const BY_TEMPLATE_OR_RUNTIME_AND_ATTESTATION: readonly DecisionPath[] = [['template', 'attestation'], ['runtime', 'attestation']];
/** The template shows it where it holds the resources; otherwise a person. */
export const BY_TEMPLATE_OR_ATTESTATION: readonly DecisionPath[] = [['template'], ['attestation']];
/** The template where it holds the resources; the account-wide result of its controls; or a person. */
export const BY_TEMPLATE_RUNTIME_OR_ATTESTATION: readonly DecisionPath[] = [['template'], ['runtime'], ['attestation']];
/** The template, or the account-wide result of its controls (e.g. a trail managed outside the app). */
export const BY_TEMPLATE_OR_RUNTIME: readonly DecisionPath[] = [['template'], ['runtime']];
/** An account setting: the result of its control in the running account, or a person with a screenshot. */
export const BY_RUNTIME_OR_ATTESTATION: readonly DecisionPath[] = [['runtime'], ['attestation']];

/** Where the seed asks what the partner's product does. */
export const PRODUCT_FEATURE_NOTE = 'The seed asks what the partner\'s technology does, which a person attests; rules on the customer template are recommendations here: they show how this deployment is set up, never decide the item, and a deployment set up otherwise does not fail it.';
