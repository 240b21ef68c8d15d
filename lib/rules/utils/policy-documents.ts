import { Alternative, Text } from '../../aws';
import { AppView, ResourceView } from '../rule';
import { Statement, statementsOf } from './policy';

/**
 * What a policy document governs: what its principal may do (`identity`), who may assume a role (`trust`), or who may
 * use a resource (`resource`: key, bucket, topic, queue, vault, destination, repository, secret policies).
 */
export type PolicyKind = 'identity' | 'trust' | 'resource';

/** Where each resource type keeps its policy documents, and their kind. One table for every rule that reads policies. */
const DOCUMENTS: { readonly [type: string]: readonly { readonly property: string; readonly kind: PolicyKind }[] } = {
  'AWS::IAM::Role': [{ property: 'AssumeRolePolicyDocument', kind: 'trust' }, { property: 'Policies', kind: 'identity' }],
  'AWS::IAM::User': [{ property: 'Policies', kind: 'identity' }],
  'AWS::IAM::Group': [{ property: 'Policies', kind: 'identity' }],
  'AWS::IAM::Policy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::ManagedPolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::RolePolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::UserPolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::IAM::GroupPolicy': [{ property: 'PolicyDocument', kind: 'identity' }],
  'AWS::KMS::Key': [{ property: 'KeyPolicy', kind: 'resource' }],
  'AWS::S3::BucketPolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::SNS::TopicPolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::SNS::TopicInlinePolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::SQS::QueuePolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::SQS::QueueInlinePolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::Backup::BackupVault': [{ property: 'AccessPolicy', kind: 'resource' }],
  'AWS::Logs::Destination': [{ property: 'DestinationPolicy', kind: 'resource' }],
  'AWS::Logs::ResourcePolicy': [{ property: 'PolicyDocument', kind: 'resource' }],
  'AWS::ECR::Repository': [{ property: 'RepositoryPolicyText', kind: 'resource' }],
  'AWS::SecretsManager::ResourcePolicy': [{ property: 'ResourcePolicy', kind: 'resource' }],
};

/** The resource types that carry policy documents. */
export const POLICY_DOCUMENT_TYPES: readonly string[] = Object.keys(DOCUMENTS);

/** The resource types that carry policy documents of one of `kinds`. */
export function policyDocumentTypes(...kinds: PolicyKind[]): readonly string[] {
  return POLICY_DOCUMENT_TYPES.filter((t) => DOCUMENTS[t].some((d) => kinds.includes(d.kind)));
}

/** One policy document of a resource: its statements, or why it could not be read. */
export interface ReadPolicyDocument {
  /** Property path, e.g. `PolicyDocument` or `Policies/0/PolicyDocument`. */
  readonly location: string;
  readonly kind: PolicyKind;
  /** Its statements, every value read through the resolver (literals, or the resolver's deploy-time values). */
  readonly statements: readonly Statement[];
  /** Set when the document is not known at synth (a parameter, an import, text that is not JSON): what `unverifiable` takes. */
  readonly unresolved?: unknown;
  /** The `Fn::If` branches this reading assumes, as `condition=true|false` (none when the document has one value). */
  readonly branch?: string;
}

/**
 * A string value as text, through the app's resolver: the literal, or a joined text whose deploy-time parts are
 * `<...>` placeholders (no quotes, no colons); undefined when it is not one string (several `Fn::If` branches, a
 * resource's value, something the resolver could not follow).
 */
export function textOf(app: AppView, r: ResourceView, value: unknown, path: string): string | undefined {
  const res = app.resolveValue(r, value, path);
  if (!res.ok || res.values.length !== 1) return undefined;
  const v = res.values[0].value;
  if (typeof v === 'string') return v;
  return v instanceof Text ? v.render() : undefined;
}

function branchOf(alt: Alternative): string | undefined {
  if (alt.conditions.size === 0) return undefined;
  return [...alt.conditions].map(([k, v]) => `${k.slice(k.lastIndexOf('|') + 1)}=${v}`).join(', ');
}

/** A resolved document value: an object, or JSON text (logs destination and resource policies, repository policies). */
function documentOf(value: unknown): { doc?: unknown; unresolved?: unknown } {
  if (value instanceof Text) {
    try {
      return { doc: JSON.parse(value.render()) };
    } catch {
      return { unresolved: value };
    }
  }
  if (typeof value === 'string') {
    try {
      return { doc: JSON.parse(value) };
    } catch {
      return { unresolved: value };
    }
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return { doc: value };
  return { unresolved: value };
}

/**
 * Every policy document a resource declares (of the given kinds; all by default), each read through the app's
 * resolver: one reading per combination of `Fn::If` branches, so that every branch is checked.
 */
export function policyDocumentsIn(r: ResourceView, app: AppView, kinds?: readonly PolicyKind[]): readonly ReadPolicyDocument[] {
  return app.memo(`policy-documents:${r.stack.path}|${r.logicalId}`, () => readAll(r, app)).filter((d) => !kinds || kinds.includes(d.kind));
}

function readAll(r: ResourceView, app: AppView): ReadPolicyDocument[] {
  const out: ReadPolicyDocument[] = [];
  for (const { property, kind } of DOCUMENTS[r.type] ?? []) {
    if (r.properties[property] === undefined) continue;
    const res = app.resolve(r, property);
    if (!res.ok) {
      out.push({ location: property, kind, statements: [], unresolved: res.unresolved });
      continue;
    }
    for (const alt of res.values) {
      const branch = branchOf(alt);
      if (property === 'Policies') {
        if (alt.value === undefined) continue;
        if (!Array.isArray(alt.value)) {
          out.push({ location: property, kind, statements: [], unresolved: alt.value, branch });
          continue;
        }
        alt.value.forEach((p: any, i: number) => {
          const location = `Policies/${i}/PolicyDocument`;
          const read = documentOf(p?.PolicyDocument);
          out.push(read.unresolved !== undefined ? { location, kind, statements: [], unresolved: read.unresolved, branch } : { location, kind, statements: statementsOf(read.doc), branch });
        });
        continue;
      }
      if (alt.value === undefined) continue;
      const read = documentOf(alt.value);
      out.push(read.unresolved !== undefined ? { location: property, kind, statements: [], unresolved: read.unresolved, branch } : { location: property, kind, statements: statementsOf(read.doc), branch });
    }
  }
  return out;
}

/** Every statement of a resource's documents of the given kinds, with where it is (for messages and locations). */
export function statementsIn(r: ResourceView, app: AppView, kinds?: readonly PolicyKind[]): { readonly statements: readonly { readonly s: Statement; readonly where: string; readonly doc: ReadPolicyDocument }[]; readonly unresolved?: ReadPolicyDocument } {
  const docs = policyDocumentsIn(r, app, kinds);
  const unresolved = docs.find((d) => d.unresolved !== undefined);
  return {
    unresolved,
    statements: docs.flatMap((doc) => doc.statements.map((s) => ({ s, doc, where: `${doc.location}/Statement/${s.index}` }))),
  };
}
