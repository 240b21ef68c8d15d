import { AspectPriority, Aspects, CfnResource, Duration, IAspect, Stack, Stage, Tags, Token } from 'aws-cdk-lib';
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
  /**
   * Marks compute as a network appliance of the partner's solution (a router, firewall, VPN head end or partner
   * load balancer): value `true`. The Network Connectivity and Load Balancers rules (failover path, load
   * balancer or DNS distribution, user-data bootstrap, custom metrics) read marked compute, and compute the
   * template shows forwarding traffic (source/destination check off, a Gateway Load Balancer target group);
   * everything else is ordinary compute. Set it with {@link markAsAppliance}; `NetworkApplianceGroup` sets it.
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
   * not always implement this"). Value: `{ customerChoice: string }`. Written by {@link declareSingleVpnConnection}.
   */
  VPN_REDUNDANCY: 'cdk-competency:vpn-redundancy',
  /**
   * Template-level metadata: what must be true in the stack's account before it is deployed (a service-linked role a
   * key policy names, one AWS Config recorder per region, an organization setting). Value: string[], one step each;
   * the generated deployment guide lists them under its prerequisites.
   */
  DEPLOYMENT_PREREQUISITES: 'cdk-competency:deployment-prerequisites',
} as const;

/** Records a step to take before the scope's stack is deployed (once per stack, in the order declared). */
export function declareDeploymentPrerequisite(scope: IConstruct, step: string): void {
  const stack = Stack.of(scope);
  const metadata = stack.templateOptions.metadata ?? {};
  const steps: string[] = metadata[METADATA.DEPLOYMENT_PREREQUISITES] ?? [];
  if (steps.includes(step)) return;
  stack.templateOptions.metadata = { ...metadata, [METADATA.DEPLOYMENT_PREREQUISITES]: [...steps, step] };
}

/**
 * Marks an Auto Scaling group, an instance or a launch template (and every resource below `scope` that takes
 * tags) as a network appliance of the partner's solution: the tag {@link TAGS.APPLIANCE} `true`, propagated to
 * the instances an Auto Scaling group launches.
 */
export function markAsAppliance(scope: IConstruct): void {
  Tags.of(scope).add(TAGS.APPLIANCE, 'true', { applyToLaunchedInstances: true });
}

/**
 * Records on a VPN connection that the customer chose a single connection: the solution supports a second one
 * (item 2.1), the customer did not implement it. `connection` is the `CfnVPNConnection`, or an L2
 * `VpnConnection` (its default child is used). The reason names the customer's decision and where it is documented.
 */
export function declareSingleVpnConnection(connection: IConstruct, reason: string): void {
  const resource = CfnResource.isCfnResource(connection) ? connection : connection.node.defaultChild;
  if (!resource || !CfnResource.isCfnResource(resource) || resource.cfnResourceType !== 'AWS::EC2::VPNConnection') {
    throw new Error(`declareSingleVpnConnection: 'connection' must be an AWS::EC2::VPNConnection (or an L2 VpnConnection), got ${connection.node.path}`);
  }
  if (Token.isUnresolved(reason) || typeof reason !== 'string' || reason.trim() === '') {
    throw new Error(`declareSingleVpnConnection: 'reason' must be a non-empty string naming the customer's decision, got '${String(reason)}'`);
  }
  resource.addMetadata(METADATA.VPN_REDUNDANCY, { customerChoice: reason });
}

/** Recovery objectives as written into a template's metadata. */
export interface RecoveryObjectives {
  /** Recovery point objective in minutes. */
  readonly rpoMinutes: number;
  /** Recovery time objective in minutes. */
  readonly rtoMinutes: number;
}

/**
 * Declares recovery objectives in template metadata (key {@link METADATA.RECOVERY_OBJECTIVES}, value
 * {@link RecoveryObjectives}), where the 2.10/2.11 rules and the evidence report read them.
 *
 * - On a construct inside a stack: that stack's objectives.
 * - On a Stage or the App: the objectives of every stack under it that declares none of its own.
 *
 * Without this function, write the same metadata into any template: in CDK,
 * `stack.templateOptions.metadata = { 'cdk-competency:recovery-objectives': { rpoMinutes: 60, rtoMinutes: 240 } }`;
 * in a hand-written template, the same key under the template's top-level `Metadata`. A backup plan whose stack
 * declares none uses the declaration of the other stacks of its stage (or app) when they agree.
 */
export function declareRecoveryObjectives(scope: IConstruct, objectives: { readonly rpo: Duration; readonly rto: Duration }): void {
  const rpoMinutes = objectives.rpo.toMinutes({ integral: false });
  const rtoMinutes = objectives.rto.toMinutes({ integral: false });
  if (Token.isUnresolved(rpoMinutes) || Token.isUnresolved(rtoMinutes)) {
    throw new Error(`declareRecoveryObjectives: 'rpo' and 'rto' must be concrete durations, got a token in ${scope.node.path || 'the app'}`);
  }
  const value: RecoveryObjectives = { rpoMinutes, rtoMinutes };
  if (Stage.isStage(scope)) {
    Aspects.of(scope).add(new DeclareRecoveryObjectivesAspect(value), { priority: AspectPriority.MUTATING });
    return;
  }
  writeRecoveryObjectives(Stack.of(scope), value);
}

function writeRecoveryObjectives(stack: Stack, value: RecoveryObjectives): void {
  stack.templateOptions.metadata = { ...(stack.templateOptions.metadata ?? {}), [METADATA.RECOVERY_OBJECTIVES]: value };
}

/** Gives every stack under a Stage or the App the stage's objectives, unless the stack declares its own. */
class DeclareRecoveryObjectivesAspect implements IAspect {
  constructor(private readonly value: RecoveryObjectives) {}

  public visit(node: IConstruct): void {
    if (!Stack.isStack(node)) return;
    if (node.templateOptions.metadata?.[METADATA.RECOVERY_OBJECTIVES] !== undefined) return;
    writeRecoveryObjectives(node, this.value);
  }
}
