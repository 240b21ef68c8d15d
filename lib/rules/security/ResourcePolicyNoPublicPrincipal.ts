import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isTrue, ResourceValue, Text } from '../../aws';
import { describeActions, principalIsEveryone, publicGrant } from '../utils/iam';
import { Statement } from '../utils/policy';
import { statementsIn } from '../utils/policy-documents';

/** Resource-policy types this rule reads (bucket and key policies have their own rules: BucketPolicyNoPublicPrincipal, KmsKeyPolicyNoWildcard). */
const DOCUMENT_TYPES = [
  'AWS::IAM::Role', 'AWS::SQS::QueuePolicy', 'AWS::SQS::QueueInlinePolicy', 'AWS::SNS::TopicPolicy', 'AWS::SNS::TopicInlinePolicy',
  'AWS::Backup::BackupVault', 'AWS::Logs::Destination', 'AWS::Logs::ResourcePolicy', 'AWS::ECR::Repository', 'AWS::SecretsManager::ResourcePolicy',
];
const TYPES = [...DOCUMENT_TYPES, 'AWS::Lambda::Permission'];

/**
 * Web identity providers whose tokens anyone can obtain, and the condition key that names who the token is for:
 * without a positive condition on it, every identity of the provider can assume the role.
 */
function subjectKeyOf(provider: string): string {
  if (provider === 'cognito-identity.amazonaws.com') return 'cognito-identity.amazonaws.com:aud';
  if (['accounts.google.com', 'graph.facebook.com', 'www.amazon.com'].includes(provider)) return `${provider}:${provider === 'accounts.google.com' ? 'aud' : 'app_id'}`;
  return `${provider}:sub`;
}

/** The host of an OIDC provider a `Federated` principal names (its ARN, a provider of the app, or a well-known name). */
function providerOf(p: unknown, app: AppView): string | undefined {
  if (p instanceof ResourceValue) {
    const url = app.resolve(p.resource as ResourceView, 'Url');
    const v = url.ok && url.values.length === 1 ? url.values[0].value : undefined;
    return typeof v === 'string' ? v.replace(/^https:\/\//, '').replace(/\/$/, '') : undefined;
  }
  const text = typeof p === 'string' ? p : p instanceof Text ? p.render() : undefined;
  if (text === undefined) return undefined;
  const m = /:oidc-provider\/(.+)$/.exec(text);
  if (m) return m[1];
  return text.startsWith('arn:') ? undefined : text;
}

/** Whether a positive condition names `key` with values that pick someone (not `*`, not `repo:*`). */
function conditionNames(s: Statement, key: string): boolean {
  for (const [op, block] of Object.entries(s.condition ?? {})) {
    if (/Not|IfExists$/.test(op) || !block || typeof block !== 'object') continue;
    for (const [k, value] of Object.entries(block as object)) {
      if (k.toLowerCase() !== key.toLowerCase()) continue;
      const values = asList(value);
      if (values.length > 0 && values.every((x) => typeof x !== 'string' || !/^([\w-]+:)?\*$/.test(x))) return true;
    }
  }
  return false;
}

/** A web identity trust statement that every identity of the provider can use, as a sentence; undefined when restricted. */
function openFederation(s: Statement, app: AppView): string | undefined {
  if (s.effect !== 'Allow') return undefined;
  if (!s.actions.some((a) => typeof a === 'string' && /^sts:AssumeRoleWith(WebIdentity|\*)$|^sts:\*$|^\*$/i.test(a))) return undefined;
  for (const p of s.principalsByKind.get('Federated') ?? []) {
    // SAML providers are the partner's own identity provider: only it issues their assertions.
    const provider = providerOf(p, app);
    if (provider === undefined) continue;
    const key = subjectKeyOf(provider);
    if (!conditionNames(s, key)) return `statement ${s.index} lets every identity of ${provider} assume the role (sts:AssumeRoleWithWebIdentity with no condition on ${key})`;
  }
  return undefined;
}

/** A Lambda permission: `Principal: '*'` with no source or organization, except a function URL meant to be public. */
function checkPermission(r: ResourceView, app: AppView): RuleVerdict {
  const res = app.resolve(r, 'Principal');
  if (!res.ok) return unverifiable('Principal', res.unresolved, 'Principal');
  for (const { value } of res.values) {
    const everyone = principalIsEveryone(value);
    if (everyone === 'no') continue;
    const restricted = ['SourceArn', 'SourceAccount', 'PrincipalOrgID'].some((k) => r.properties[k] !== undefined && r.properties[k] !== '*');
    if (restricted) continue;
    const p = r.properties;
    // A public function URL: InvokeFunctionUrl with AuthType NONE, and InvokeFunction only through the URL.
    const publicUrl = (p.Action === 'lambda:InvokeFunctionUrl' && p.FunctionUrlAuthType === 'NONE') || (p.Action === 'lambda:InvokeFunction' && isTrue(p.InvokedViaFunctionUrl));
    if (publicUrl) continue;
    if (everyone === 'unknown') return unverifiable('Principal', value, 'Principal');
    return nonCompliant(`the permission lets principal '*' call ${p.Action} with no SourceArn, SourceAccount or PrincipalOrgID`, 'Principal');
  }
  return COMPLIANT;
}

/**
 * Reads: the trust policies of `AWS::IAM::Role` and the resource policies of queues (`AWS::SQS::QueuePolicy`,
 * `QueueInlinePolicy`), topics (`AWS::SNS::TopicPolicy`, `TopicInlinePolicy`), backup vaults (`AccessPolicy`), CloudWatch
 * Logs destinations and resource policies, ECR repositories (`RepositoryPolicyText`) and Secrets Manager secrets
 * (`AWS::SecretsManager::ResourcePolicy`), and `AWS::Lambda::Permission`; every value read through the resolver (each
 * `Fn::If` branch, imports, nested-stack parameters). Bucket and key policies are BucketPolicyNoPublicPrincipal's and
 * KmsKeyPolicyNoWildcard's.
 * Fails when: an Allow statement names everyone (`*`, `{ AWS: '*' }`, or `NotPrincipal`) without a condition that
 * restricts the caller (`aws:PrincipalOrgID`, `aws:SourceAccount`, `aws:SourceArn`, `aws:PrincipalAccount`,
 * `aws:SourceVpce`, `sts:ExternalId`...; negated and `...IfExists` operators do not restrict); a trust policy lets every
 * identity of a web identity provider assume the role (GitHub Actions, EKS, any OIDC provider: no condition on its
 * `:sub`; Cognito identity pools: on `:aud`); a Lambda permission grants `*` with no `SourceArn`, `SourceAccount` or
 * `PrincipalOrgID`. A function URL with `AuthType: NONE` is a public endpoint by design and passes. A principal or
 * document unknown at synth, with no restricting condition, is unverifiable.
 * Fix: name the principals (accounts, roles, services), or add `aws:PrincipalOrgID` / `aws:SourceArn` /
 * `aws:SourceAccount` / `sts:ExternalId`; for GitHub Actions, a `token.actions.githubusercontent.com:sub` condition on
 * the repository.
 */
export const ResourcePolicyNoPublicPrincipal = defineRule({
  name: 'ResourcePolicyNoPublicPrincipal',
  description: 'Trust and resource policies grant nothing to everyone without a condition that restricts the caller',
  fix: "Replace Principal '*' with the accounts, roles or services that need access, or restrict the statement with aws:PrincipalOrgID, aws:SourceArn, aws:SourceAccount or sts:ExternalId; trust web identity providers only for a named subject (…:sub)",
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::Lambda::Permission') return checkPermission(r, app);
    const kinds = r.type === 'AWS::IAM::Role' ? ['trust' as const] : ['resource' as const];
    const { statements, unresolved } = statementsIn(r, app, kinds);
    if (unresolved) return unverifiable('the policy document', unresolved.unresolved, unresolved.location);
    for (const { s, where } of statements) {
      const grant = publicGrant(s);
      if (grant.kind === 'unknown') return unverifiable(`the principal of statement ${s.index}`, grant.value, `${where}/Principal`);
      if (grant.kind === 'public') return nonCompliant(`statement ${s.index} allows ${describeActions(s)} to ${grant.who} without a condition that restricts the caller`, where);
      const federation = r.type === 'AWS::IAM::Role' ? openFederation(s, app) : undefined;
      if (federation) return nonCompliant(federation, where);
    }
    return COMPLIANT;
  },
});
