import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { applianceReason } from '../utils/appliances';
import { isEmptyUserData } from '../utils/user-data';

/**
 * Reads: `AWS::EC2::Instance`, `AWS::EC2::LaunchTemplate`, `AWS::AutoScaling::LaunchConfiguration` and,
 * across the stack, the `AWS::AutoScaling::AutoScalingGroup`s that launch from them.
 * Applies to network appliances only (see `utils/appliances.ts`): compute tagged `cdk-competency:appliance`
 * (an instance, a launch template's instances, the Auto Scaling group launching from it), an instance with
 * `SourceDestCheck: false`, or a group in a Gateway Load Balancer target group. Other compute is not applicable.
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
    const why = applianceReason(r, app);
    if (!why) return NOT_APPLICABLE;
    const location = r.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData/UserData' : 'UserData';
    const userData = r.type === 'AWS::EC2::LaunchTemplate' ? r.properties.LaunchTemplateData?.UserData : r.properties.UserData;
    const empty = isEmptyUserData(userData);
    if (empty === undefined) return unverifiable('the user data', userData, location);
    return empty ? nonCompliant(`${r.path} is an appliance (${why}) but its user data is ${userData === undefined ? 'missing' : 'an empty script'}, so nothing bootstraps it`, location) : COMPLIANT;
  },
});
