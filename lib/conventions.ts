/**
 * Names shared by the constructs (which write them), the rules (which read them) and the
 * evidence report (which reads them back from a cloud assembly). One place, so they cannot drift. Plain data: the
 * rules and the report read it without loading aws-cdk-lib (the helpers that write it into a template are in
 * `declarations.ts`).
 */
export const TAGS = {
  /** Data classification of a data store (checklist item 1.21). Values: {@link DATA_CLASSIFICATIONS}. */
  DATA_CLASSIFICATION: 'DataClassification',
  /** Marks an S3 bucket (or any store) whose data is critical and must be backed up (2.6): value `critical`. */
  DATA_CRITICALITY: 'DataCriticality',
  /** Backup selection tag written by `CrossAccountBackup` (default key; value `true`). */
  BACKUP: 'Backup',
  /**
   * Marks compute as a network appliance of the partner's solution (a router, firewall, VPN head end or partner
   * load balancer): value `true`. The Network Connectivity and Load Balancers rules (failover path, load
   * balancer or DNS distribution, user-data bootstrap, custom metrics) read marked compute, and compute the
   * template shows forwarding traffic (source/destination check off, a Gateway Load Balancer target group);
   * everything else is ordinary compute. Set it with `markAsAppliance` (`declarations.ts`); `NetworkApplianceGroup` sets it.
   */
  APPLIANCE: 'cdk-competency:appliance',
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
   * Resource-level metadata of an `AWS::EC2::VPNConnection`: why one connection is enough, the customer's
   * documented choice (item 2.1 asks the solution to support redundant connections "even if the customers do
   * not always implement this"). Value: `{ customerChoice: string }`. Written by `declareSingleVpnConnection` (`declarations.ts`).
   */
  VPN_REDUNDANCY: 'cdk-competency:vpn-redundancy',
  /**
   * Template-level metadata: what must be true in the stack's account before it is deployed (a service-linked role a
   * key policy names, one AWS Config recorder per region, an organization setting). Value: string[], one step each;
   * the generated deployment guide lists them under its prerequisites.
   */
  DEPLOYMENT_PREREQUISITES: 'cdk-competency:deployment-prerequisites',
} as const;

/** Recovery objectives as written into a template's metadata. */
export interface RecoveryObjectives {
  /** Recovery point objective in minutes. */
  readonly rpoMinutes: number;
  /** Recovery time objective in minutes. */
  readonly rtoMinutes: number;
}
