import { Duration, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Names shared by the constructs (which write them), the rules (which read them) and the
 * evidence report (which reads them back from a cloud assembly). One place, so they cannot drift.
 */
export const TAGS = {
  /** Data classification of a data store (checklist item 1.21). Values: {@link DATA_CLASSIFICATIONS}. */
  DATA_CLASSIFICATION: 'DataClassification',
  /** Marks an S3 bucket (or any store) whose data is critical and must be backed up (2.6): value `critical`. */
  DATA_CRITICALITY: 'DataCriticality',
  /** Backup selection tag written by `CrossAccountBackup` (default key; value `true`). */
  BACKUP: 'Backup',
} as const;

/** Accepted values of the data classification tag. */
export const DATA_CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

/** CloudFormation metadata keys this library writes. */
export const METADATA = {
  /** Template-level metadata: the stack's declared recovery objectives (2.10, 2.11). Value: {@link RecoveryObjectives}. */
  RECOVERY_OBJECTIVES: 'cdk-competency:recovery-objectives',
  /** Resource-level metadata: the runtime-control id a resource implements (e.g. `ROOT_ACTIVITY_ALARM`). */
  RUNTIME_CONTROL: 'cdk-competency:runtime-control',
  /** Resource-level metadata: the checklist items a resource provides evidence for. */
  CHECKLIST_ITEMS: 'cdk-competency:checklist-items',
  /**
   * Template-level metadata: the metadata of stack outputs, which CloudFormation outputs cannot carry themselves.
   * Value: `{ [outputLogicalId]: { cdk_nag: { rules_to_suppress: [{ id, reason }] } } }` (the acknowledgements
   * of findings on that output, in cdk-nag's format).
   */
  OUTPUT_METADATA: 'cdk-competency:output-metadata',
} as const;

/** Recovery objectives as written into a template's metadata. */
export interface RecoveryObjectives {
  /** Recovery point objective in minutes. */
  readonly rpoMinutes: number;
  /** Recovery time objective in minutes. */
  readonly rtoMinutes: number;
}

/**
 * Declares a stack's recovery objectives in its template metadata, where the 2.10/2.11 rules and the
 * evidence report read them.
 */
export function declareRecoveryObjectives(scope: IConstruct, objectives: { readonly rpo: Duration; readonly rto: Duration }): void {
  const stack = Stack.of(scope);
  const rpoMinutes = objectives.rpo.toMinutes({ integral: false });
  const rtoMinutes = objectives.rto.toMinutes({ integral: false });
  if (Token.isUnresolved(rpoMinutes) || Token.isUnresolved(rtoMinutes)) {
    throw new Error(`declareRecoveryObjectives: 'rpo' and 'rto' must be concrete durations, got a token in stack ${stack.node.path}`);
  }
  const value: RecoveryObjectives = { rpoMinutes, rtoMinutes };
  stack.templateOptions.metadata = { ...(stack.templateOptions.metadata ?? {}), [METADATA.RECOVERY_OBJECTIVES]: value };
}
