import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isFalse, isIntrinsic, isTrue } from '../../aws';

/**
 * Reads: `AWS::CloudTrail::Trail`.
 * Fails when: `IsMultiRegionTrail` is not true, or `IncludeGlobalServiceEvents` is false. A recommendation for item
 * 1.13: whether every account and region is recorded is `TrailCoversEveryAccount`'s question, which another trail
 * (an organization trail) can answer for this one's account.
 * Fix: make the trail multi-region (an organization trail also covers every account).
 */
export const TrailMultiRegion = defineRule({
  name: 'TrailMultiRegion',
  description: 'CloudTrail trails log every region, including global service events',
  fix: 'Set IsMultiRegionTrail: true and leave IncludeGlobalServiceEvents on (OrganizationTrail does both, for every account of the organization)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::CloudTrail::Trail') return NOT_APPLICABLE;
    const { IsMultiRegionTrail: multi, IncludeGlobalServiceEvents: global } = r.properties;
    if (isIntrinsic(multi)) return unverifiable('IsMultiRegionTrail', multi, 'IsMultiRegionTrail');
    if (!isTrue(multi)) return nonCompliant('the trail logs only the region it is deployed in (IsMultiRegionTrail is not true)', 'IsMultiRegionTrail');
    if (isIntrinsic(global)) return unverifiable('IncludeGlobalServiceEvents', global, 'IncludeGlobalServiceEvents');
    if (isFalse(global)) return nonCompliant('the trail excludes global service events such as IAM and STS', 'IncludeGlobalServiceEvents');
    return COMPLIANT;
  },
});
