import { COMPLIANT, defineRule, notShown, NOT_APPLICABLE, unverifiable } from '../rule';
import { trailCoverage } from '../utils/trail-coverage';

/** At most this many uncovered targets are named in one reason; the rest are counted. */
const NAMED = 3;

/**
 * Reads: `AWS::CloudTrail::Trail` and, across the whole app, every account it deploys to: the account of each stack,
 * each environment-agnostic stack on its own, and the targets of each `AWS::CloudFormation::StackSet` (accounts, OUs).
 * An account is covered by a trail of the app deployed in it that logs (`IsLogging`), records every region
 * (`IsMultiRegionTrail`) and global service events, or by such a trail with `IsOrganizationTrail` (created in the
 * organization's management or delegated administrator account, it records every member account: StackSet OUs
 * included), or by a StackSet whose inline template deploys such a trail to its targets.
 * An environment-agnostic stack's account is known only at deploy time: a trail of its own or an organization trail
 * covers it, a trail of another stack cannot be shown to.
 * Not shown (no finding; the item's runtime control MULTI_REGION_CLOUD_TRAIL_ENABLED in each account decides): an
 * account no trail of the app covers, since a trail managed outside the app (AWS Control Tower's organization trail)
 * meets the seed as well. A trail value the resolver cannot follow is a finding on that trail.
 * Fix: one `OrganizationTrail` in the management account, or a multi-region trail in every account the app deploys to.
 */
export const TrailCoversEveryAccount = defineRule({
  name: 'TrailCoversEveryAccount',
  description: 'CloudTrail records every region of every account the app deploys to',
  fix: 'Deploy an organization trail (OrganizationTrail, IsOrganizationTrail) in the management account, or a logging multi-region trail in each account the app deploys to; for accounts whose trail is managed outside the app, deploy MULTI_REGION_CLOUD_TRAIL_ENABLED there (RuntimeControls)',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::CloudTrail::Trail') return NOT_APPLICABLE;
    const coverage = trailCoverage(app);
    const own = coverage.trails.get(r);
    if (own?.unresolved) return unverifiable('whether the trail records every account and region', own.unresolved, own.unresolved.property);
    if (coverage.uncovered.length === 0) return COMPLIANT;
    const named = coverage.uncovered.slice(0, NAMED).map((t) => t.label).join('; ');
    const more = coverage.uncovered.length > NAMED ? `; and ${coverage.uncovered.length - NAMED} more` : '';
    const notCounting = [...coverage.trails.values()].filter((t) => t.why && !t.unresolved).map((t) => t.why);
    const trails = notCounting.length ? `, while ${notCounting.join(', and ')}` : '';
    return notShown(`no trail of the app is shown recording ${named}${more}${trails}: a trail managed outside the app may, and MULTI_REGION_CLOUD_TRAIL_ENABLED in each such account shows it`);
  },
});
