/**
 * The JSON of a CloudFormation template, as synthesized: the one template type of the library (rules,
 * constructs, packs and report read templates through it). Any value may be an intrinsic function; read
 * values through the resolver ({@link AssemblyResolver}) or the helpers of `intrinsics.ts`.
 */

/** One resource of a template. */
export interface CfnResourceJson {
  readonly Type: string;
  readonly Properties?: { readonly [key: string]: any };
  readonly Metadata?: { readonly [key: string]: any };
  readonly Condition?: string;
  readonly DependsOn?: string | readonly string[];
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
  readonly [key: string]: unknown;
}

/** One output of a template. */
export interface CfnOutputJson {
  readonly Value?: unknown;
  readonly Description?: unknown;
  /** `{ Name }`: the export other stacks read with `Fn::ImportValue`. */
  readonly Export?: { readonly Name?: unknown };
  readonly Condition?: string;
  readonly [key: string]: unknown;
}

/** One parameter of a template. */
export interface CfnParameterJson {
  readonly Type?: string;
  readonly Default?: unknown;
  readonly Description?: string;
  readonly AllowedValues?: readonly unknown[];
  readonly NoEcho?: unknown;
  readonly [key: string]: unknown;
}

/** A CloudFormation template (the parsed `*.template.json`). */
export interface CfnTemplate {
  readonly AWSTemplateFormatVersion?: string;
  readonly Description?: string;
  readonly Resources?: { readonly [logicalId: string]: CfnResourceJson };
  readonly Outputs?: { readonly [logicalId: string]: CfnOutputJson };
  readonly Parameters?: { readonly [name: string]: CfnParameterJson };
  readonly Conditions?: { readonly [name: string]: unknown };
  readonly Mappings?: { readonly [name: string]: { readonly [key: string]: { readonly [key: string]: unknown } } };
  readonly Metadata?: { readonly [key: string]: any };
  readonly Rules?: { readonly [name: string]: unknown };
  readonly Transform?: unknown;
  readonly [section: string]: unknown;
}

/** The type of a nested stack resource: its `TemplateURL` names a template, its `Parameters` feed the nested stack. */
export const NESTED_STACK_TYPE = 'AWS::CloudFormation::Stack';

/** Metadata key of a resource's construct path (written when path metadata is on, as the CDK CLI turns it on). */
export const CDK_PATH_METADATA = 'aws:cdk:path';

/** A construct path as the tree names it: without the leading `/` some writers add. */
export function constructPath(path: string): string {
  return path.startsWith('/') ? path.slice(1) : path;
}

/** Logical id → construct path, from the resources' `Metadata['aws:cdk:path']` (empty when path metadata is off). */
export function pathsFromTemplate(template: CfnTemplate): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [id, res] of Object.entries(template.Resources ?? {})) {
    const p = res?.Metadata?.[CDK_PATH_METADATA];
    if (typeof p === 'string') paths[id] = constructPath(p);
  }
  return paths;
}
