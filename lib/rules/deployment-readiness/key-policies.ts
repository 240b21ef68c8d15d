import { AppView, ResourceView } from '../rule';
import { actionMatches } from '../utils/iam';
import { asList, isIntrinsic, literalString } from '../../aws';
import { Statement, statementsOf } from '../utils/policy';
import { textOf } from '../utils/policy-documents';
import { resolveResource } from '../utils/references';

/** Helpers shared by the deployment-readiness checks that read KMS key policies. */

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
  const text = literalString(value) ?? (isIntrinsic(value) ? undefined : undefined);
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

