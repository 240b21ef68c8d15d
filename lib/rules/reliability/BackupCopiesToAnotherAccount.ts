import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { arnFields, asList, DeployTimeValue, isIntrinsic, ResourceValue } from '../../aws';
import { planRules } from '../utils/backup';

/**
 * Reads: `AWS::Backup::BackupPlan` (`BackupPlanRule[].CopyActions[].DestinationBackupVaultArn`) and its stack's
 * account, read through the resolver (every `Fn::If` branch). A literal ARN, or an `Fn::Join`/`Fn::Sub` whose account
 * field is a literal, gives the destination account; a vault of the app (a `Ref`/`Fn::GetAtt`, followed through imports,
 * which never cross accounts, and nested stacks) or `${AWS::AccountId}` is the plan's own account.
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
        const verdict = copy?.DestinationBackupVaultArn === undefined ? unverifiable('the account of the destination vault', undefined, location) : judge(r, location, account, app);
        if (verdict === COMPLIANT) return COMPLIANT;
        firstProblem ??= verdict;
      }
    }
    if (firstProblem) return firstProblem;
    return nonCompliant(copies === 0 ? 'no rule of the backup plan copies recovery points to another vault' : 'no copy action targets another account', 'BackupPlan/BackupPlanRule');
  },
});

/** Every `Fn::If` branch of the destination must be a vault of another account. */
function judge(plan: ResourceView, location: string, account: string | undefined, app: AppView): RuleVerdict {
  const res = app.resolve(plan, location);
  if (!res.ok) return unverifiable('the account of the destination vault', res.unresolved, location);
  for (const { value } of res.values) {
    const verdict = judgeOne(plan, value, account, location);
    if (verdict !== COMPLIANT) return verdict;
  }
  return COMPLIANT;
}

function judgeOne(plan: ResourceView, value: unknown, account: string | undefined, location: string): RuleVerdict {
  if (value instanceof ResourceValue) {
    const vault = value.resource;
    return nonCompliant(`recovery points are copied to ${vault.path}, a vault of the plan's own ${vault.stack === plan.stack ? 'stack' : 'account (another stack of the app, reached through an import or a nested stack)'}`, location);
  }
  const fields = arnFields(value);
  if (fields?.account instanceof DeployTimeValue && fields.account.name === 'AWS::AccountId') {
    return nonCompliant(`recovery points are copied to ${(value as { render(): string }).render().replace('<AWS.AccountId>', '${AWS::AccountId}')}, in the plan's own account (AWS::AccountId)`, location);
  }
  const destination = typeof fields?.account === 'string' && /^\d{12}$/.test(fields.account) ? fields.account : undefined;
  if (destination === undefined) return unverifiable('the account of the destination vault', value, location);
  if (!account) return nonCompliant(`could not verify that ${destination} is another account: stack ${plan.stack.path} has no account at synth (give it an explicit env)`, location);
  if (destination === account) return nonCompliant(`recovery points are copied to a vault in account ${destination}, the plan's own account`, location);
  return COMPLIANT;
}
