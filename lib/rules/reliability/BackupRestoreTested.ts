import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE } from '../rule';
import { accountKeyOf, resolveResource } from '../utils/references';
import { literalString } from '../../aws';

/**
 * Reads: `AWS::Backup::BackupPlan` and, across the app, `AWS::Backup::RestoreTestingPlan`s and the
 * `AWS::Backup::RestoreTestingSelection`s naming them (`RestoreTestingPlanName`: a `Ref`, an import, or the
 * plan's literal name in the same account).
 * Fails when: the plan's account (its stack's account, or the stack itself when environment-agnostic) has no
 * restore testing plan with at least one restore testing selection: recovery points nobody restores are
 * not known to work. Which vaults the testing plan draws from is not compared with the plan's vaults.
 * Fix: add an AWS::Backup::RestoreTestingPlan and a RestoreTestingSelection for the protected resource types.
 */
export const BackupRestoreTested = defineRule({
  name: 'BackupRestoreTested',
  description: 'Backups are restored regularly by an AWS Backup restore testing plan in the same account',
  fix: 'Add an AWS::Backup::RestoreTestingPlan (e.g. weekly, IncludeVaults of the backup vaults) with a RestoreTestingSelection per protected resource type',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    if (testedAccounts(app).has(accountKeyOf(r.stack))) return COMPLIANT;
    const plans = app.ofType('AWS::Backup::RestoreTestingPlan').filter((p) => accountKeyOf(p.stack) === accountKeyOf(r.stack));
    const where = r.stack.account ? `account ${r.stack.account}` : `stack ${r.stack.path}`;
    return nonCompliant(plans.length > 0
      ? `the restore testing plan ${plans[0].path} of ${where} has no RestoreTestingSelection, so it restores nothing`
      : `${where} has no AWS::Backup::RestoreTestingPlan to restore this plan's recovery points`);
  },
});

/** Account keys holding a restore testing plan with a selection, built once per pass. */
function testedAccounts(app: AppView): ReadonlySet<string> {
  return app.memo('restore-tested-accounts', () => {
    const byName = new Map<string, string>();
    for (const p of app.ofType('AWS::Backup::RestoreTestingPlan')) {
      const name = literalString(p.properties.RestoreTestingPlanName);
      if (name !== undefined) byName.set(`${accountKeyOf(p.stack)}|${name}`, accountKeyOf(p.stack));
    }
    const tested = new Set<string>();
    for (const s of app.ofType('AWS::Backup::RestoreTestingSelection')) {
      const value = s.properties.RestoreTestingPlanName;
      const name = literalString(value);
      const plan = name === undefined ? resolveResource(s, value, app) : undefined;
      if (plan?.type === 'AWS::Backup::RestoreTestingPlan') tested.add(accountKeyOf(plan.stack));
      else if (name !== undefined && byName.has(`${accountKeyOf(s.stack)}|${name}`)) tested.add(accountKeyOf(s.stack));
    }
    return tested;
  });
}
