import { AppView, ResourceView } from '../rule';
import { actionMatches } from './iam';
import { asList, literalString } from '../../aws';
import { Statement, statementsOf } from './policy';
import { textOf } from './policy-documents';
import { resolveResource } from './references';

/** KMS key policies as the rules read them: the deployment-readiness checks, and item 2.4's alarm deliveries. */

/** Where a `KmsKeyId`-like value points: a key of the app, an AWS managed key, another key, or unknown. */
export type KeyLocation =
  | { readonly kind: 'key'; readonly key: ResourceView }
  | { readonly kind: 'aws-managed'; readonly alias: string }
  | { readonly kind: 'external'; readonly id: string }
  | { readonly kind: 'unresolved'; readonly value: unknown };

/** Resolves a key reference (Ref/GetAtt of a key, a key ARN of a key in the app, or an alias/ARN). */
export function locateKey(from: ResourceView, value: unknown, app: AppView): KeyLocation {
  const target = resolveResource(from, value, app);
  if (target?.type === 'AWS::KMS::Key') return { kind: 'key', key: target };
  if (target?.type === 'AWS::KMS::Alias') return locateKey(target, target.properties.TargetKeyId, app);
  const text = literalString(value);
  if (text === undefined) return { kind: 'unresolved', value };
  const alias = /(?:^|:)(alias\/aws\/[a-z0-9-]+)$/.exec(text);
  if (alias) return { kind: 'aws-managed', alias: alias[1] };
  return { kind: 'external', id: text };
}

/** The statements of a key's policy. */
export function keyStatements(key: ResourceView): readonly Statement[] {
  return statementsOf(key.properties.KeyPolicy);
}

/**
 * Whether an Allow statement of the key policy names the principal (a service name, or an ARN compared after
 * flattening pseudo parameters) for every one of the actions. Conditions are not evaluated (the access proofs do that).
 */
export function keyAllows(key: ResourceView, principal: string, actions: readonly string[], app: AppView): boolean {
  const statements = keyStatements(key).filter((s) => s.effect === 'Allow' && s.principals.some((p) => principalText(p, key, app) === principal));
  return actions.every((a) => statements.some((s) => s.actions.some((pattern) => typeof pattern === 'string' && actionMatches(pattern, a))));
}

function principalText(p: unknown, key: ResourceView, app: AppView): string | undefined {
  return typeof p === 'string' ? p : textOf(app, key, p, 'KeyPolicy');
}

/** The `BlockDeviceMappings[].Ebs` of a launch template (or launch configuration). */
export function ebsMappings(source: ResourceView): readonly { readonly [key: string]: any }[] {
  const mappings = source.type === 'AWS::EC2::LaunchTemplate' ? source.properties.LaunchTemplateData?.BlockDeviceMappings : source.properties.BlockDeviceMappings;
  return asList<any>(mappings).map((m) => m?.Ebs).filter((e) => e && typeof e === 'object');
}

/**
 * What an AWS service needs on the key of an encrypted topic or queue to publish or send to it:
 * - Amazon SNS Developer Guide, "Enable compatibility between event sources from AWS services and encrypted topics"
 *   (docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services): "Use a customer
 *   managed key" ... "Add the following statement to the KMS key policy" (the service principal, with
 *   `kms:GenerateDataKey*` and `kms:Decrypt`); CloudWatch, EventBridge and Amazon S3 are among the services it lists.
 * - Amazon SQS Developer Guide, "Amazon SQS key management", "Configuring KMS permissions for AWS services"
 *   (#compatibility-with-aws-services): the event sources that send to an encrypted queue (EventBridge, Amazon S3
 *   event notifications, Amazon SNS) need a customer managed key whose key policy gives the service principal
 *   `kms:GenerateDataKey` and `kms:Decrypt`; "you can't modify the key policy of an AWS managed KMS key for Amazon SQS".
 * The AWS managed keys `alias/aws/sns` and `alias/aws/sqs` therefore never admit them: their key policies cannot change.
 */
export const PUBLISH_KEY_ACTIONS: readonly string[] = ['kms:GenerateDataKey', 'kms:Decrypt'];

/** The encrypted destinations a service publishes or sends to, and the property naming each one's key. */
const DESTINATION_KEYS: { readonly [type: string]: { readonly key: string; readonly noun: string } } = {
  'AWS::SNS::Topic': { key: 'KmsMasterKeyId', noun: 'topic' },
  'AWS::SQS::Queue': { key: 'KmsMasterKeyId', noun: 'queue' },
};

/** Why a service may not use the key of a topic or queue of the app it publishes or sends to. */
export type KeyRefusal =
  | { readonly kind: 'refused'; readonly why: string }
  | { readonly kind: 'unresolved'; readonly what: string; readonly value: unknown };

/**
 * Whether `service` (a service principal, e.g. `cloudwatch.amazonaws.com`) may use the key of `destination` (an SNS
 * topic or SQS queue of the app) to deliver to it: undefined when the destination has no KMS key, a key outside the
 * app (whose policy the template does not hold), or a key of the app whose policy lets the service use it.
 */
export function keyRefusal(destination: ResourceView, service: string, app: AppView): KeyRefusal | undefined {
  const facts = DESTINATION_KEYS[destination.type];
  const keyId = facts ? destination.properties[facts.key] : undefined;
  if (!facts || keyId === undefined) return undefined;
  const loc = locateKey(destination, keyId, app);
  if (loc.kind === 'unresolved') return { kind: 'unresolved', what: `the key of ${facts.noun} ${destination.path}`, value: loc.value };
  if (loc.kind === 'aws-managed') {
    return { kind: 'refused', why: `${facts.noun} ${destination.path} is encrypted with the AWS managed key ${loc.alias}, whose key policy cannot admit ${service}` };
  }
  if (loc.kind === 'key' && !keyAllows(loc.key, service, PUBLISH_KEY_ACTIONS, app)) {
    return { kind: 'refused', why: `${facts.noun} ${destination.path} is encrypted with key ${loc.key.path}, whose key policy does not let ${service} use it (kms:GenerateDataKey*, kms:Decrypt)` };
  }
  return undefined;
}
