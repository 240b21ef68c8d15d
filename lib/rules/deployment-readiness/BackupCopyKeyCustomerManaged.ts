import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, unverifiable } from '../rule';
import { backupCoverage, planRules } from '../utils/backup';
import { resolveResource } from '../utils/references';
import { arnFields, asList, isTrue } from '../../aws';
import { ebsMappings, locateKey } from '../utils/key-policies';

const TYPES = ['AWS::EC2::Volume', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'];

/** The accounts other than the resource's own that the covering plan copies into, or undefined when unknown. */
function copyAccounts(selection: ResourceView, r: ResourceView, app: AppView): string[] | undefined {
  const plan = resolveResource(selection, selection.properties.BackupPlanId, app);
  if (!plan) return undefined;
  const rules = planRules(plan);
  if (!rules) return undefined;
  const accounts: string[] = [];
  for (const [i, rule] of rules.entries()) {
    for (const [j] of asList(rule.CopyActions).entries()) {
      const res = app.resolve(plan, `BackupPlan/BackupPlanRule/${i}/CopyActions/${j}/DestinationBackupVaultArn`);
      if (!res.ok) return undefined;
      for (const { value } of res.values) {
        const account = arnFields(value)?.account;
        if (typeof account !== 'string' || !/^\d{12}$/.test(account)) return undefined;
        if (account !== r.stack.account) accounts.push(account);
      }
    }
  }
  return accounts;
}

/** Why the resource's data sits on an AWS managed key, or undefined. */
function awsManagedKey(r: ResourceView, app: AppView): string | undefined | { unresolved: unknown } {
  const check = (from: ResourceView, encrypted: unknown, keyId: unknown, fallback: string): string | undefined | { unresolved: unknown } => {
    if (!isTrue(encrypted)) return undefined;
    if (keyId === undefined) return `${from.path} is encrypted with the AWS managed key ${fallback}`;
    const loc = locateKey(from, keyId, app);
    if (loc.kind === 'aws-managed') return `${from.path} is encrypted with the AWS managed key ${loc.alias}`;
    if (loc.kind === 'unresolved') return { unresolved: loc.value };
    return undefined;
  };
  switch (r.type) {
    case 'AWS::EC2::Volume': return check(r, r.properties.Encrypted, r.properties.KmsKeyId, 'aws/ebs');
    case 'AWS::RDS::DBInstance':
    case 'AWS::RDS::DBCluster': return check(r, r.properties.StorageEncrypted, r.properties.KmsKeyId, 'aws/rds');
    default: {
      const launches = app.launches(r);
      if (!launches.ok) return { unresolved: launches.unresolved };
      for (const source of new Set(launches.launches.flatMap((l) => l.sources))) {
        for (const ebs of ebsMappings(source)) {
          const found = check(source, ebs.Encrypted, ebs.KmsKeyId, 'aws/ebs');
          if (found) return found;
        }
      }
      return undefined;
    }
  }
}

/**
 * Reads: EBS volumes, Auto Scaling groups (their launch template's volumes), RDS instances and clusters, the AWS
 * Backup selections covering them and their plans' copy actions, across the app.
 * Fails when: a resource that AWS Backup copies into another account is encrypted with an AWS managed key
 * (`aws/ebs`, `aws/rds`, or encryption without a key, which means the AWS managed key). AWS Backup cannot copy such
 * snapshots across accounts: the destination cannot be given access to an AWS managed key ("Creating backup copies
 * across AWS accounts", AWS Backup developer guide). Every copy job fails while the backups themselves succeed.
 * Fix: encrypt with a customer managed key whose policy admits the destination account (`backupCopyKeyStatements`).
 */
export const BackupCopyKeyCustomerManaged = defineRule({
  name: 'BackupCopyKeyCustomerManaged',
  description: 'Resources whose backups are copied into another account are encrypted with a customer managed key',
  fix: 'Encrypt the volumes (launch template KmsKeyId), instances or databases with a customer managed key shared with the copy destination account (kms:ViaService backup/ec2, kms:GrantIsForAWSResource)',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const coverage = backupCoverage(r, app);
    if (!coverage.covered) return NOT_APPLICABLE;
    const accounts = copyAccounts(coverage.by, r, app);
    if (accounts === undefined) return unverifiable(`the copy destinations of ${coverage.by.path}`, coverage.by.properties.BackupPlanId);
    if (accounts.length === 0) return NOT_APPLICABLE;
    const managed = awsManagedKey(r, app);
    if (managed && typeof managed === 'object') return unverifiable('the encryption key', managed.unresolved);
    return managed ? nonCompliant(`${managed}, but ${coverage.by.path} copies its recovery points into account ${accounts.join(', ')}: cross-account copies of AWS managed keys fail`) : COMPLIANT;
  },
});
