import { AppView, ResourceView } from '../rule';
import { arnFields, ArnField, asList, DeployTimeValue, isIntrinsic, ResourceValue, Text } from '../../aws';
import { iamService } from './aws-data';
import { Statement } from './policy';

/** Identity-policy resource types (their documents say what their principal may do). */
export const IDENTITY_POLICY_TYPES = [
  'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy',
  'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group',
];

/** Resource-policy types whose statements IamNoWildcardPermissions reads (KMS key policies belong to 1.23). */
export const RESOURCE_POLICY_TYPES = ['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy'];

/** Whether an IAM action pattern (`s3:Get*`, `*`) matches an action (case-insensitive, as IAM does). */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/**
 * Whether an action (or pattern) can be limited to resources: one action it matches supports resource-level
 * permissions in AWS's service authorization data (`s3:GetObject` on objects; not `s3:ListAllMyBuckets` or
 * `ec2:DescribeInstances`, which take only `*`). An action or service the data does not know counts as scopable.
 */
export function supportsResourceScoping(action: string): boolean {
  const m = /^([^:]+):(.+)$/.exec(action);
  if (!m) return action === '*';
  const service = iamService(m[1]);
  if (!service) return true;
  const matched = [...service.actions.keys()].filter((name) => actionMatches(m[2], name));
  return matched.length === 0 || matched.some((name) => service.scopedActions.has(name));
}

/** Condition keys that narrow which resources a statement reaches (tags, accounts, organizations, key prefixes). */
const RESOURCE_NARROWING_KEYS = /^(aws:ResourceTag\/|aws:ResourceAccount$|aws:ResourceOrgID$|aws:ResourceOrgPaths$|iam:ResourceTag\/|s3:ExistingObjectTag\/|s3:prefix$|s3:ResourceAccount$|ec2:ResourceTag\/)/i;

/** Whether a statement has a positive condition on a key that narrows the resources it reaches (`aws:ResourceTag/...`, `aws:ResourceAccount`...). */
export function narrowsResources(s: Statement): boolean {
  return Object.entries(s.condition ?? {}).some(([op, block]) => !/Not|IfExists$/.test(op) && !!block && typeof block === 'object' && Object.keys(block as object).some((k) => RESOURCE_NARROWING_KEYS.test(k)));
}

/** Whether an action is every action (`*`) or every action of a service (`s3:*`). */
export function isWildcardAction(a: unknown): boolean {
  return a === '*' || (typeof a === 'string' && /^[A-Za-z0-9-]+:\*$/.test(a));
}

/** How much a `Resource` value (resolved) designates. */
export type ResourceBreadth =
  /** Every resource, or every resource of a service or of a type in every account: `shown` says which. */
  | { readonly kind: 'all'; readonly shown: string }
  | { readonly kind: 'specific' }
  /** Not known at synth (a parameter that could be `*`...): `value` is what `unverifiable` takes. */
  | { readonly kind: 'unknown'; readonly value: unknown };

const SPECIFIC: ResourceBreadth = { kind: 'specific' };

/** The literal text of an ARN field, or undefined when part of it is known only at deploy time. */
function fieldText(f: ArnField): string | undefined {
  return typeof f === 'string' ? f : undefined;
}

/** Whether an ARN field is (or may be, for a parameter) `*`. */
function fieldIsParameter(f: ArnField): boolean {
  if (f instanceof DeployTimeValue) return f.kind !== 'pseudo';
  if (f instanceof Text) return f.parts.some((p) => p instanceof DeployTimeValue && p.kind !== 'pseudo') && f.literals().every((t) => /^[\w.-]*[/:]?$/.test(t));
  return false;
}

/**
 * How much a resolved `Resource` value designates: `*`; an ARN whose resource is `*` (every resource of the service, in
 * an account or in all); an ARN of every resource of a type in every account (`arn:aws:dynamodb:*:*:table/*`, in any
 * partition, the partition often `${AWS::Partition}`); every bucket or every object of every bucket
 * (`arn:aws:s3:::*`, `arn:aws:s3:::*\/*`). A resource of the app, a pseudo parameter, or an ARN naming something is
 * specific; a parameter that could be `*` is unknown.
 */
export function resourceBreadth(v: unknown): ResourceBreadth {
  if (v === undefined || v === null) return SPECIFIC;
  if (v === '*') return { kind: 'all', shown: "'*'" };
  if (v instanceof ResourceValue) return SPECIFIC;
  if (v instanceof DeployTimeValue) return v.kind === 'pseudo' ? SPECIFIC : { kind: 'unknown', value: v };
  if (typeof v !== 'string' && !(v instanceof Text)) return { kind: 'unknown', value: v };
  const fields = arnFields(v);
  if (!fields) {
    if (v instanceof Text) return v.literals().some((t) => t !== '' && t !== '*') ? SPECIFIC : { kind: 'unknown', value: v };
    return SPECIFIC;
  }
  const shown = `'${typeof v === 'string' ? v : v.render((p) => (p instanceof DeployTimeValue ? `\${${p.name}}` : `<${p.resource.logicalId}>`))}'`;
  const service = fieldText(fields.service);
  const account = fieldText(fields.account);
  const resource = fieldText(fields.resource);
  if (resource === undefined) return fieldIsParameter(fields.resource) ? { kind: 'unknown', value: v } : SPECIFIC;
  if (resource === '*' || resource === '*/*') return { kind: 'all', shown };
  if (service === 's3') return resource.startsWith('*') ? { kind: 'all', shown } : SPECIFIC;
  if (/^[A-Za-z0-9_.-]+[/:]\*$/.test(resource)) {
    if (account === '*' || account === '') return { kind: 'all', shown };
    if (account === undefined && fieldIsParameter(fields.account)) return { kind: 'unknown', value: v };
  }
  return SPECIFIC;
}

/** Whether a resolved principal value is everyone: `'*'` yes; an ARN, a service, a resource of the app no; a parameter unknown. */
export function principalIsEveryone(v: unknown): 'yes' | 'no' | 'unknown' {
  if (v === '*') return 'yes';
  if (typeof v === 'string' || v instanceof ResourceValue || v instanceof Text) return 'no';
  if (v instanceof DeployTimeValue) return v.kind === 'pseudo' ? 'no' : 'unknown';
  return v === undefined ? 'no' : 'unknown';
}

/** Condition keys that tie a statement to an account, organization, source, network, principal or external id. */
const RESTRICTING_KEYS = [
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths',
  'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn',
  'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceip', 'aws:userid', 'kms:calleraccount', 'sts:externalid',
];

/**
 * Whether a statement has a condition that restricts who can use it: a positive operator (not `...Not...`, not
 * `...IfExists`, which matches when the key is absent, not `Null`) on one of the restricting keys (`aws:SourceArn`,
 * `aws:SourceAccount`, `aws:PrincipalOrgID`, `aws:PrincipalAccount`, `aws:SourceVpce`, `aws:SourceIp`,
 * `sts:ExternalId`, ...), whose values are not `*` or an all-addresses CIDR.
 */
export function hasRestrictingCondition(s: Statement): boolean {
  for (const [op, block] of Object.entries(s.condition ?? {})) {
    if (/Not|IfExists$/.test(op) || /^Null$/.test(op) || !block || typeof block !== 'object') continue;
    for (const [key, value] of Object.entries(block as object)) {
      if (!RESTRICTING_KEYS.includes(key.toLowerCase())) continue;
      const values = asList(value);
      if (values.length > 0 && values.every((x) => x !== '*' && x !== '0.0.0.0/0' && x !== '::/0')) return true;
    }
  }
  return false;
}

/** What an Allow statement grants everyone. */
export type PublicGrant =
  /** It applies to everyone (`*`, `{ AWS: '*' }`, or `NotPrincipal`) and no condition restricts the caller. */
  | { readonly kind: 'public'; readonly who: string }
  /** A principal is known only at deploy time and no condition restricts the caller: `value` is what `unverifiable` takes. */
  | { readonly kind: 'unknown'; readonly value: unknown }
  | { readonly kind: 'none' };

/** Whether an Allow statement grants to everyone without a condition that restricts the caller. */
export function publicGrant(s: Statement): PublicGrant {
  if (s.effect !== 'Allow') return { kind: 'none' };
  const everyone = s.notPrincipals.length > 0 || s.principals.some((p) => principalIsEveryone(p) === 'yes');
  const unknown = s.principals.find((p) => principalIsEveryone(p) === 'unknown');
  if (!everyone && unknown === undefined) return { kind: 'none' };
  if (hasRestrictingCondition(s)) return { kind: 'none' };
  if (everyone) return { kind: 'public', who: s.notPrincipals.length > 0 ? 'everyone but the NotPrincipal' : "principal '*'" };
  return { kind: 'unknown', value: unknown };
}

/** The actions of a statement, for messages: `s3:GetObject, s3:PutObject` or `every action but iam:*`. */
export function describeActions(s: Statement): string {
  return s.actions.length > 0 ? s.actions.map(String).join(', ') : `every action but ${s.notActions.map(String).join(', ')}`;
}

/** What an entry of `ManagedPolicyArns` designates. */
export type ManagedPolicyRef =
  | { readonly kind: 'aws'; readonly name: string }
  | { readonly kind: 'customer' }
  | { readonly kind: 'unresolved'; readonly value: unknown };

const AWS_MANAGED = /:iam::aws:policy\/(?:.*\/)?([^/]+)$/;

/**
 * Reads a managed policy ARN through the resolver, one answer per `Fn::If` branch: the name of an AWS managed policy
 * (from a literal, or the literal tail of a `Fn::Join`/`Fn::Sub` such as `arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess`),
 * a customer managed policy (another account's ARN, or a policy of the app), or unresolved.
 */
export function managedPolicyRefs(from: ResourceView, v: unknown, app: AppView): ManagedPolicyRef[] {
  // What the CDK writes (a literal, or a Join of literals and pseudo parameters) is read without the resolver.
  const join = isIntrinsic(v) ? v['Fn::Join'] : undefined;
  const simple = typeof v === 'string' ? v
    : Array.isArray(join) && join[0] === '' && Array.isArray(join[1]) && join[1].every((p: unknown) => typeof p === 'string' || (isIntrinsic(p) && typeof p.Ref === 'string' && p.Ref.startsWith('AWS::')))
      ? join[1].map((p: unknown) => (typeof p === 'string' ? p : '${?}')).join('') : undefined;
  if (simple !== undefined) return [readManagedPolicyArn(simple, v)];
  const res = app.resolveValue(from, v, 'ManagedPolicyArns');
  if (!res.ok) return [{ kind: 'unresolved', value: res.unresolved }];
  return res.values.map(({ value }) => managedPolicyRefOf(value));
}

/** What one resolved entry of `ManagedPolicyArns` designates. */
export function managedPolicyRefOf(value: unknown): ManagedPolicyRef {
  if (value instanceof ResourceValue) return { kind: 'customer' }; // a policy (or a policy ARN) of the app
  const text = typeof value === 'string' ? value : value instanceof Text ? value.render(() => '${?}') : undefined;
  return text === undefined ? { kind: 'unresolved', value } : readManagedPolicyArn(text, value);
}

/** Reads the text of a managed policy ARN (unknown parts as `${?}`). */
function readManagedPolicyArn(text: string, value: unknown): ManagedPolicyRef {
  const m = AWS_MANAGED.exec(text);
  if (m) return m[1].includes('${') ? { kind: 'unresolved', value } : { kind: 'aws', name: m[1] };
  if (text.includes(':iam::') && text.includes(':policy/')) return { kind: 'customer' };
  return { kind: 'unresolved', value };
}
