import * as fs from 'fs';
import * as path from 'path';
import { CfnElement, CfnOutput, CfnResource, NestedStack, Stack, Stage, Token, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CfnTemplate, pathsFromTemplate, ResourceView, StackSource, TemplateAppView } from '../aws';
import { acknowledgementKey } from './acknowledgements';

/**
 * An app view built from a construct tree: every stack's template resolved once, and a map from
 * each `CfnResource` to the view of it. Built once per validation pass.
 */
export class TreeAppView extends TemplateAppView {
  /**
   * Builds the view of every stack under `root` (normally the app).
   *
   * @param synthesized read the templates the synthesis already wrote (during validation), instead of
   *   generating them again from the tree (direct `validateScope` calls, before any synth)
   */
  public static of(root: IConstruct, synthesized = false): TreeAppView {
    const stacks: Stack[] = [];
    const resources = new Map<Stack, Array<CfnResource | CfnOutput>>();
    // Resources and outputs in tree order (as a depth-first walk meets them) under each stack that is not nested.
    const elements = new Map<Stack, Array<CfnResource | CfnOutput>>();
    visit(root, undefined, undefined);
    function visit(c: IConstruct, stack: Stack | undefined, top: Stack | undefined): void {
      if (Stack.isStack(c)) {
        stacks.push(c);
        resources.set(c, []);
        stack = c;
        if (!NestedStack.isNestedStack(c)) elements.set(top = c, []);
      } else if (stack && (CfnResource.isCfnResource(c) || c instanceof CfnOutput)) {
        resources.get(stack)!.push(c);
        if (top) elements.get(top)!.push(c);
      }
      for (const child of c.node.children) visit(child, stack, top);
    }

    const sources: StackSource[] = [];
    const logicalIds = new Map<CfnResource | CfnOutput, [string, string]>();
    for (const stack of stacks) {
      const template = (synthesized && readSynthesizedTemplate(stack)) || (stack.resolve((stack as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as CfnTemplate);
      const written = idsByPathMetadata(template);
      const paths = new Map<string, string>();
      for (const r of resources.get(stack) ?? []) {
        const id = written.get(r.node.path);
        const logicalId = id !== undefined && CfnResource.isCfnResource(r) && template.Resources?.[id]?.Type === r.cfnResourceType ? id : logicalIdOf(stack, r);
        paths.set(logicalId, r.node.path);
        logicalIds.set(r, [stack.node.path, logicalId]);
      }
      const env = NestedStack.isNestedStack(stack) ? rootStackOf(stack) : stack;
      const parent = stack.nestedStackParent;
      const nestedIn = parent && NestedStack.isNestedStack(stack)
        ? { stack: parent.node.path, logicalId: logicalIdOf(parent, stack.nestedStackResource!) }
        : undefined;
      sources.push({
        nestedIn,
        path: stack.node.path,
        stage: Stage.of(stack)?.node.path ?? '',
        account: Token.isUnresolved(env.account) ? undefined : env.account,
        region: Token.isUnresolved(env.region) ? undefined : env.region,
        stackName: nestedIn || Token.isUnresolved(stack.stackName) ? undefined : stack.stackName,
        template,
        constructPaths: paths,
      });
    }
    return new TreeAppView(sources, logicalIds, stacks, elements);
  }

  private constructor(
    sources: StackSource[],
    private readonly logicalIds: Map<CfnResource | CfnOutput, [string, string]>,
    /** Every stack of the tree (nested stacks included), in tree order. */
    public readonly stackConstructs: readonly Stack[],
    private readonly elements: ReadonlyMap<Stack, ReadonlyArray<CfnResource | CfnOutput>>,
  ) {
    super(sources);
  }

  /**
   * The resources and stack outputs under `scope` (the scope itself included) in tree order, as a depth-first walk
   * meets them: read from the view for a stack that is not nested (what a validation pass checks), found by walking
   * the scope otherwise.
   */
  public elementsUnder(scope: IConstruct): ReadonlyArray<CfnResource | CfnOutput> {
    const known = Stack.isStack(scope) ? this.elements.get(scope) : undefined;
    if (known) return known;
    return scope.node.findAll().filter((c): c is CfnResource | CfnOutput => this.logicalIds.has(c as CfnResource));
  }

  /** The view of a resource of the tree. */
  public viewOf(node: CfnResource): ResourceView | undefined {
    const key = this.logicalIds.get(node);
    return key ? this.stack(key[0])?.resources.get(key[1]) : undefined;
  }

  /** The view of a stack output of the tree (type `STACK_OUTPUT_TYPE`). */
  public outputViewOf(node: CfnOutput): ResourceView | undefined {
    const key = this.logicalIds.get(node);
    return key ? this.stack(key[0])?.outputs.get(key[1]) : undefined;
  }
}

/**
 * Applies the app's aspects (`Tags.of(...)`, `requireImdsv2`-style aspects, partners' own) before anything reads the
 * tree, exactly as `cdk synth` does: by synthesizing the app with the CDK's own machinery. A synthesized app is not
 * synthesized again (the CDK keeps its assembly); an app whose tree changed since its last synthesis is synthesized
 * afresh. A synthesis that fails (a construct's validation, a validation plugin) has applied the aspects already: its
 * error is left to the app's own synthesis, and the checks report what they find.
 */
export function applyAspects(root: IConstruct): void {
  if (!Stage.isStage(root)) return;
  try {
    root.synth();
  } catch (e) {
    if ((e as Error).name !== 'ConstructTreeModifiedAfterSynth') return;
    try {
      root.synth({ force: true });
    } catch {
      // As above: the aspects ran before the failure.
    }
  }
}

/** The template synthesis wrote for a stack (nested stacks' templates sit beside their parent's), if any. */
function readSynthesizedTemplate(stack: Stack): CfnTemplate | undefined {
  const outdir = Stage.of(stack)?.outdir;
  if (!outdir) return undefined;
  const file = path.join(outdir, stack.templateFile);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf-8')) as CfnTemplate;
  } catch {
    return undefined;
  }
}

/**
 * The logical ids of a template's resources by construct path, from the `aws:cdk:path` metadata the CDK writes on each
 * resource when path metadata is on (the CDK CLI's default): no id needs computing for them. Empty when it is off. A
 * resource is given the id only when the resource there has its type (metadata copied with an included template, or
 * edited by hand, may name another construct's path).
 */
function idsByPathMetadata(template: CfnTemplate): Map<string, string> {
  return new Map(Object.entries(pathsFromTemplate(template)).map(([logicalId, path]) => [path, logicalId]));
}

/**
 * The logical id of an element, as its `logicalId` token resolves: the override given with `overrideLogicalId`, else the
 * id the stack allocates (renames applied), resolved when it is a token. Asked of the element directly when it can answer (aws-cdk-lib's
 * `_synthesizeLogicalId`, what the token's producer calls): resolving ten thousand tokens through the stack's token
 * machinery cost ≈ 30 ms of a validation pass at N = 100 (`bench/validate.ts`).
 */
function logicalIdOf(stack: Stack, element: CfnElement): string {
  const direct = (element as unknown as { _synthesizeLogicalId?: () => string })._synthesizeLogicalId;
  const id = typeof direct === 'function' ? direct.call(element) : element.logicalId;
  // An override may itself be a token (`ec2.Instance` overrides its id lazily with a hash of its user data).
  return Token.isUnresolved(id) ? (stack.resolve(id) as string) : id;
}

function rootStackOf(stack: Stack): Stack {
  let s = stack;
  while (s.nestedStackParent) s = s.nestedStackParent;
  return s;
}

/**
 * The acknowledgements recorded with `Validations.of(c).acknowledge(...)` on a construct and its
 * ancestors: rule id → reason (the nearest one wins).
 */
export function acknowledgementsInTree(node: IConstruct): Map<string, string> {
  const acks = new Map<string, string>();
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    for (const [ruleId, reason] of acknowledgementsOn(c)) if (!acks.has(ruleId)) acks.set(ruleId, reason);
  }
  return acks;
}

/** The acknowledgements recorded on one construct (not its ancestors): rule id → reason, in the order made. */
export function acknowledgementsOn(c: IConstruct): Array<[ruleId: string, reason: string]> {
  const out: Array<[string, string]> = [];
  for (const entry of c.node.metadata) {
    if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
    for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
      // `acknowledge({ id: 'Competency-1.14-X' })` is stored as `Annotation::Competency-1.14-X`; the CDK also
      // accepts the plugin-qualified form `Competency-networking-saas::Competency-1.14-X`.
      out.push([acknowledgementKey(id), reason]);
    }
  }
  return out;
}
