import { Text } from '../../aws';
import { AppView, ResourceView } from '../rule';
import { asList, isIntrinsic } from '../../aws';
import { Statement, statementsOf } from './policy';

/** Where each resource type keeps its policy documents (identity, trust, key, bucket, vault, topic, queue, logs). */
const DOCUMENTS: { readonly [type: string]: readonly string[] } = {
  'AWS::IAM::Role': ['AssumeRolePolicyDocument', 'Policies'],
  'AWS::IAM::User': ['Policies'],
  'AWS::IAM::Group': ['Policies'],
  'AWS::IAM::Policy': ['PolicyDocument'],
  'AWS::IAM::ManagedPolicy': ['PolicyDocument'],
  'AWS::IAM::RolePolicy': ['PolicyDocument'],
  'AWS::IAM::UserPolicy': ['PolicyDocument'],
  'AWS::IAM::GroupPolicy': ['PolicyDocument'],
  'AWS::KMS::Key': ['KeyPolicy'],
  'AWS::S3::BucketPolicy': ['PolicyDocument'],
  'AWS::SNS::TopicPolicy': ['PolicyDocument'],
  'AWS::SQS::QueuePolicy': ['PolicyDocument'],
  'AWS::Backup::BackupVault': ['AccessPolicy'],
  'AWS::Logs::Destination': ['DestinationPolicy'],
  'AWS::Logs::ResourcePolicy': ['PolicyDocument'],
};

/** The resource types that carry policy documents. */
export const POLICY_DOCUMENT_TYPES: readonly string[] = Object.keys(DOCUMENTS);

/** One policy document of a resource: its statements, or why it could not be read. */
export interface ReadPolicyDocument {
  readonly location: string;
  readonly statements: readonly Statement[];
  /** Set when the document is not known at synth (a parameter, an import, text that is not JSON). */
  readonly unresolved?: unknown;
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

/** A document given as JSON text (logs destination and resource policies), possibly built with `Fn::Join`/`Fn::Sub`. */
function parseText(value: unknown, r: ResourceView, app: AppView, path: string): { doc?: unknown; unresolved?: unknown } {
  const text = textOf(app, r, value, path);
  if (text === undefined) return { unresolved: value };
  try {
    return { doc: JSON.parse(text) };
  } catch {
    return { unresolved: value };
  }
}

/** Every policy document a resource declares, with its statements. */
export function policyDocumentsIn(r: ResourceView, app: AppView): readonly ReadPolicyDocument[] {
  const out: ReadPolicyDocument[] = [];
  for (const prop of DOCUMENTS[r.type] ?? []) {
    const value = r.properties[prop];
    if (value === undefined) continue;
    if (prop === 'Policies') {
      asList<any>(value).forEach((p, i) => {
        const doc = p?.PolicyDocument;
        out.push(isIntrinsic(doc) || isIntrinsic(p) ? { location: `Policies/${i}/PolicyDocument`, statements: [], unresolved: p } : { location: `Policies/${i}/PolicyDocument`, statements: statementsOf(doc) });
      });
      continue;
    }
    let doc: unknown = value;
    if (typeof value === 'string' || isIntrinsic(value)) {
      const parsed = parseText(value, r, app, prop);
      if (parsed.unresolved !== undefined) {
        out.push({ location: prop, statements: [], unresolved: parsed.unresolved });
        continue;
      }
      doc = parsed.doc;
    }
    out.push({ location: prop, statements: statementsOf(doc) });
  }
  return out;
}
