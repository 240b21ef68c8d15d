import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asgsUsing, isBehindLoadBalancer } from '../utils/autoscaling';
import { isFalse } from '../../aws';
import { isEmptyUserData } from '../utils/user-data';

/**
 * Reads: `AWS::EC2::Instance`, `AWS::EC2::LaunchTemplate`, `AWS::AutoScaling::LaunchConfiguration` and,
 * across the stack, the `AWS::AutoScaling::AutoScalingGroup`s that launch from them.
 * Applies to appliance-like compute only: an instance with `SourceDestCheck: false` (it forwards
 * traffic), or a launch template / configuration used by an Auto Scaling group registered with a load
 * balancer (`TargetGroupARNs` or `LoadBalancerNames`). Other compute is not applicable.
 * Fails when: its `UserData` is missing or does nothing (blank, or only CDK's default `#!/bin/bash` /
 * `<powershell></powershell>`), or is empty but for parts unknown at synth (a parameter).
 * Fix: bootstrap the appliance from user data (e.g. `ec2.UserData.forLinux()` fetching its configuration from S3).
 */
export const ApplianceUserDataBootstrap = defineRule({
  name: 'ApplianceUserDataBootstrap',
  description: 'Appliance instances bootstrap themselves from the user data field',
  fix: 'Give the appliance launch template or instance a UserData script that installs and configures it at boot, optionally pulling its configuration from Amazon S3',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
  scope: 'stack',
  check(r, app): RuleVerdict {
    if (!this.resourceTypes.includes(r.type)) return NOT_APPLICABLE;
    const why = applianceReason(r, asgsUsing(r, app));
    if (!why) return NOT_APPLICABLE;
    const location = r.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData/UserData' : 'UserData';
    const userData = r.type === 'AWS::EC2::LaunchTemplate' ? r.properties.LaunchTemplateData?.UserData : r.properties.UserData;
    const empty = isEmptyUserData(userData);
    if (empty === undefined) return unverifiable('the user data', userData, location);
    return empty ? nonCompliant(`${r.path} is appliance-like (${why}) but its user data is ${userData === undefined ? 'missing' : 'an empty script'}, so nothing bootstraps it`, location) : COMPLIANT;
  },
});

/** Why a resource counts as an appliance, or undefined. */
function applianceReason(r: ResourceView, asgs: readonly ResourceView[]): string | undefined {
  if (r.type === 'AWS::EC2::Instance' && isFalse(r.properties.SourceDestCheck)) return 'SourceDestCheck is false';
  const behind = asgs.find(isBehindLoadBalancer);
  return behind ? `launched by Auto Scaling group ${behind.path}, which is behind a load balancer` : undefined;
}
