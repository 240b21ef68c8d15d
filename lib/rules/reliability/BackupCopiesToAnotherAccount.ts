import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { arnAccount, planRules, stringTemplate } from '../utils/backup';
import { resolveResource } from '../utils/cross-stack';
import { asList, isIntrinsic } from '../../aws';

/**
 * Reads: `AWS::Backup::BackupPlan` (`BackupPlanRule[].CopyActions[].DestinationBackupVaultArn`) and its stack's
 * account. A literal ARN, or an `Fn::Join`/`Fn::Sub` whose account field is a literal, gives the destination
 * account; a `Ref`/`Fn::GetAtt` to a vault of the plan's stack, `${AWS::AccountId}` or an `Fn::ImportValue`
 * (imports never cross accounts) are the plan's own account.
 * Fails when: no copy action targets a vault in another account than the plan's, or the plan's stack has no
 * account at synth (give it an explicit env). A destination that cannot be read makes the plan unverifiable
 * when no other copy action already proves a cross-account copy.
 * Fix: copy every recovery point to a vault in the backup / DR account (CDK: `CrossAccountBackup`, or
 * `copyActions: [{ destinationBackupVault: BackupVault.fromBackupVaultArn(...) }]`).
 */
export const BackupCopiesToAnotherAccount = defineRule({
  name: 'BackupCopiesToAnotherAccount',
  description: 'Backup plans copy recovery points to a vault in another AWS account',
  fix: 'Add a copy action to a backup vault of the DR / backup account (DestinationBackupVaultArn with that account id), e.g. with CrossAccountBackup',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Backup::BackupPlan') return NOT_APPLICABLE;
    const rules = planRules(r);
    if (!rules) return unverifiable('the backup plan rules', r.properties.BackupPlan, 'BackupPlan');
    const account = r.stack.account;
    let firstProblem: RuleVerdict | undefined;
    let copies = 0;
    for (const [i, rule] of rules.entries()) {
      if (isIntrinsic(rule.CopyActions)) { firstProblem ??= unverifiable('the copy actions', rule.CopyActions, `BackupPlan/BackupPlanRule/${i}/CopyActions`); continue; }
      for (const [j, copy] of asList<any>(rule.CopyActions).entries()) {
        copies++;
        const location = `BackupPlan/BackupPlanRule/${i}/CopyActions/${j}/DestinationBackupVaultArn`;
        const verdict = judge(r, copy?.DestinationBackupVaultArn, account, location, app);
        if (verdict === COMPLIANT) return COMPLIANT;
        firstProblem ??= verdict;
      }
    }
    if (firstProblem) return firstProblem;
    return nonCompliant(copies === 0 ? 'no rule of the backup plan copies recovery points to another vault' : 'no copy action targets another account', 'BackupPlan/BackupPlanRule');
  },
});

function judge(plan: ResourceView, value: unknown, account: string | undefined, location: string, app: AppView): RuleVerdict {
  const local = resolveResource(plan, value, app);
  if (local) return nonCompliant(`recovery points are copied to ${local.path}, a vault of the plan's own ${local.stack === plan.stack ? 'stack' : 'account (imported)'}`, location);
  if (isIntrinsic(value) && 'Fn::ImportValue' in value) return nonCompliant('the destination vault is imported with Fn::ImportValue, which only works within the plan\'s own account', location);
  const t = stringTemplate(value, plan.stack);
  if (t.text.split(':')[4] === '<AWS.AccountId>') return nonCompliant(`recovery points are copied to ${t.text.replace('<AWS.AccountId>', '${AWS::AccountId}')}, in the plan's own account (AWS::AccountId)`, location);
  const destination = arnAccount(t);
  if (destination === undefined) return unverifiable('the account of the destination vault', value, location);
  if (!account) return nonCompliant(`could not verify that ${destination} is another account: stack ${plan.stack.path} has no account at synth (give it an explicit env)`, location);
  if (destination === account) return nonCompliant(`recovery points are copied to a vault in account ${destination}, the plan's own account`, location);
  return COMPLIANT;
}
