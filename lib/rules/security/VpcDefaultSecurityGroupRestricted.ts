import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { referrers, referrersOf, unresolvedIn } from '../utils/references';

/** The CDK's restrict-default-SG custom resources by the VPC whose `DefaultSecurityGroup` they target. */
function restrictions(app: AppView) {
  return referrers(app, {
    key: 'restrict-default-sg-by-vpc',
    fromType: 'Custom::VpcRestrictDefaultSG',
    targetType: 'AWS::EC2::VPC',
    path: 'DefaultSecurityGroupId',
  });
}

/**
 * Reads: `AWS::EC2::VPC` and, anywhere in the app, the CDK's `Custom::VpcRestrictDefaultSG` resources (written by
 * `new ec2.Vpc(..., { restrictDefaultSecurityGroup: true })`, the default under the
 * `@aws-cdk/aws-ec2:restrictDefaultSecurityGroup` feature flag) whose `DefaultSecurityGroupId` is
 * `Fn::GetAtt [<vpc>, DefaultSecurityGroup]`.
 * Fails when: nothing removes the rules of the VPC's default security group (CloudFormation cannot edit that
 * group itself). A restriction of the stack targeting a group id unknown at synth makes an unmatched VPC
 * unverifiable.
 * Fix: `restrictDefaultSecurityGroup: true` on the VPC (L1 VPCs: use the L2, or a custom resource that
 * revokes the default group's rules).
 */
export const VpcDefaultSecurityGroupRestricted = defineRule({
  name: 'VpcDefaultSecurityGroupRestricted',
  description: "Each VPC's default security group has its allow-all rules removed",
  fix: 'Create the VPC with restrictDefaultSecurityGroup: true (ec2.Vpc), which revokes the default group rules with a custom resource',
  resourceTypes: ['AWS::EC2::VPC'],
  scope: 'app',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::EC2::VPC') return NOT_APPLICABLE;
    const index = restrictions(app);
    if (referrersOf(r, index).length > 0) return COMPLIANT;
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`whether ${unknown.from.path} restricts this VPC's default security group`, unknown.value, 'DefaultSecurityGroup');
    return nonCompliant("no Custom::VpcRestrictDefaultSG removes the rules of the VPC's default security group, which allows all traffic between its members and all egress");
  },
});
