import { AppView, ResourceView } from '../rule';
import { asList, DeployTimeValue, isIntrinsic, ResourceValue, Text } from '../../aws';
import { Statement } from './policy';

/** Identity-policy resource types and where their documents are. */
export const IDENTITY_POLICY_TYPES = [
  'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::RolePolicy', 'AWS::IAM::UserPolicy', 'AWS::IAM::GroupPolicy',
  'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group',
];

/** Resource-policy types whose `PolicyDocument` the IAM rules read (KMS key policies belong to 1.23). */
export const RESOURCE_POLICY_TYPES = ['AWS::S3::BucketPolicy', 'AWS::SNS::TopicPolicy', 'AWS::SQS::QueuePolicy'];

/** One policy document of a resource and its property path. */
export interface PolicyDocument {
  readonly doc: unknown;
  readonly location: string;
}

/** The policy documents a resource declares: `PolicyDocument`, or the inline `Policies` of a role, user or group. */
export function policyDocumentsOf(r: ResourceView): readonly PolicyDocument[] {
  if (['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'].includes(r.type)) {
    const policies = r.properties.Policies;
    if (isIntrinsic(policies)) return [{ doc: policies, location: 'Policies' }];
    return asList<any>(policies).map((p, i) => ({ doc: isIntrinsic(p) ? p : p?.PolicyDocument, location: `Policies/${i}/PolicyDocument` }));
  }
  if (IDENTITY_POLICY_TYPES.includes(r.type) || RESOURCE_POLICY_TYPES.includes(r.type)) {
    return [{ doc: r.properties.PolicyDocument, location: 'PolicyDocument' }];
  }
  return [];
}

/** Whether an IAM action pattern (`s3:Get*`, `*`) matches an action (case-insensitive, as IAM does). */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/** Whether an action is every action (`*`) or every action of a service (`s3:*`). */
export function isWildcardAction(a: unknown): boolean {
  return a === '*' || (typeof a === 'string' && /^[A-Za-z0-9-]+:\*$/.test(a));
}

/**
 * Whether a value (a resource, a principal, an action) is `*`, read through the resolver (every `Fn::If` branch):
 * 'yes' when a branch is the literal `*`; 'no' when every branch is another literal or cannot be `*` (a resource's
 * Ref/GetAtt, a pseudo parameter, an ARN built around literal text); 'unknown' for parameters, values that could not
 * be followed, and text with no literal part.
 */
export function isWildcardValue(from: ResourceView, v: unknown, app: AppView): 'yes' | 'no' | 'unknown' {
  if (typeof v === 'string') return v === '*' ? 'yes' : 'no';
  if (!isIntrinsic(v)) return 'no';
  // What cannot be `*` whatever its references resolve to: an attribute, or text with a literal part.
  if ('Fn::GetAtt' in v) return 'no';
  const join = v['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1]) && join[1].some((p: unknown) => typeof p === 'string' && p !== '' && p !== '*')) return 'no';
  const sub = Array.isArray(v['Fn::Sub']) ? v['Fn::Sub'][0] : v['Fn::Sub'];
  if (typeof sub === 'string' && sub.replace(/\$\{[^}]*\}/g, '') !== '' && sub !== '*') return 'no';
  const res = app.resolveValue(from, v, '');
  if (!res.ok) return 'unknown';
  const verdicts = res.values.flatMap((alt) => asList(alt.value)).map((x): 'yes' | 'no' | 'unknown' => {
    if (typeof x === 'string') return x === '*' ? 'yes' : 'no';
    if (x instanceof ResourceValue) return 'no';
    if (x instanceof DeployTimeValue) return x.kind === 'pseudo' ? 'no' : 'unknown';
    if (x instanceof Text) return x.literals().some((t) => t !== '' && t !== '*') ? 'no' : 'unknown';
    return x === undefined ? 'no' : 'unknown';
  });
  return verdicts.includes('yes') ? 'yes' : verdicts.includes('unknown') ? 'unknown' : 'no';
}

/** Condition keys that tie a statement to an account, organization, source, network or principal. */
const RESTRICTING_KEYS = [
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths',
  'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn',
  'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceip', 'aws:userid', 'kms:calleraccount',
];

/**
 * Whether a statement has a condition that restricts who can use it: a positive operator (not `...Not...`,
 * not `Null`) on one of the restricting keys, whose values are not `*` or an all-addresses CIDR.
 */
export function hasRestrictingCondition(s: Statement): boolean {
  for (const [op, block] of Object.entries(s.condition ?? {})) {
    if (/Not/.test(op) || /^Null$/.test(op) || !block || typeof block !== 'object') continue;
    for (const [key, value] of Object.entries(block as object)) {
      if (!RESTRICTING_KEYS.includes(key.toLowerCase())) continue;
      const values = asList(value);
      if (values.length > 0 && values.every((x) => x !== '*' && x !== '0.0.0.0/0' && x !== '::/0')) return true;
    }
  }
  return false;
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
  return res.values.map(({ value }): ManagedPolicyRef => {
    if (value instanceof ResourceValue) return { kind: 'customer' }; // a policy (or a policy ARN) of the app
    const text = typeof value === 'string' ? value : value instanceof Text ? value.render(() => '${?}') : undefined;
    return text === undefined ? { kind: 'unresolved', value } : readManagedPolicyArn(text, value);
  });
}

/** Reads the text of a managed policy ARN (unknown parts as `${?}`). */
function readManagedPolicyArn(text: string, value: unknown): ManagedPolicyRef {
  const m = AWS_MANAGED.exec(text);
  if (m) return m[1].includes('${') ? { kind: 'unresolved', value } : { kind: 'aws', name: m[1] };
  if (text.includes(':iam::') && text.includes(':policy/')) return { kind: 'customer' };
  return { kind: 'unresolved', value };
}
