/**
 * What a partner's app declares for the checks to read, written where the rules and the evidence report find it (the
 * tag and metadata names of `conventions.ts`): deployment prerequisites, appliances, a customer's single VPN
 * connection, recovery objectives. These write into the construct tree, so they load aws-cdk-lib; the names they
 * write stay plain data in `conventions.ts`, which the rules and the report read alone.
 */
import { AspectPriority, Aspects, CfnResource, Duration, IAspect, Stack, Stage, Tags, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { METADATA, RecoveryObjectives, TAGS } from './conventions';

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
