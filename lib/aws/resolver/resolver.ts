import { parseArn } from '../arn';
import { intrinsicName, isObject } from '../intrinsics';
import { pseudoParameterValue } from '../partitions';
import { CfnOutputJson, NESTED_STACK_TYPE } from '../template';
import { REF_FORWARDS } from './forwards';
import { Alternative, DeployTimeValue, isDeployTime, ResolvableResource, ResolvableStack, Resolution, ResourceValue, Text, Unresolved } from './values';

/** At most this many combinations of `Fn::If` branches are followed for one value; more is reported, never cut short silently. */
export const MAX_ALTERNATIVES = 64;

/** Functions CloudFormation evaluates at deploy time that the resolver keeps as {@link DeployTimeValue}s. */
const DEPLOY_TIME_FUNCTIONS = new Set(['Fn::GetAZs', 'Fn::Cidr', 'Fn::Transform', 'Fn::ToJsonString', 'Fn::Length', 'Fn::ForEach']);

/** `AWS::NoValue`: the property is removed. */
const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** Thrown inside the resolver when a value cannot be followed; turned into an {@link Unresolved} at the entry point. */
class CannotFollow extends Error {}

/** One alternative while resolving: the value and the conditions it assumes. */
interface Alt {
  readonly v: unknown;
  readonly c?: ReadonlyMap<string, boolean>;
}

interface Context {
  readonly stack: ResolvableStack;
  /** Condition values assumed on this branch, by `<stack path>|<name>`. */
  readonly assumed?: ReadonlyMap<string, boolean>;
  /** What is being followed (for cycle detection and messages). */
  readonly chain: readonly string[];
}

/**
 * Follows CloudFormation intrinsics over a whole app (every stack of every stage): `Ref`, `Fn::GetAtt`, `Fn::If` (every
 * branch whose condition is not known at synth), `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`,
 * `Fn::Base64` (transparent: the text before encoding), `Fn::ImportValue` (against the exports of every stack),
 * `Fn::GetStackOutput` (the output of the stack of the app deployed under that name, in that region and account),
 * nested-stack parameters (what the parent passes in `Parameters`) and outputs (`Fn::GetAtt [Stack, Outputs.X]`),
 * `Ref` of types that return one of their properties ({@link REF_FORWARDS}), and pseudo parameters from the stack's
 * environment. Build one per app view: results are memoized.
 *
 * What it cannot follow (a missing export, a circular reference, an unknown function, a reference to nothing) is an
 * {@link Unresolved} naming the resource, the property and the step that failed: never a throw.
 */
export class AssemblyResolver<R extends ResolvableResource = ResolvableResource> {
  private readonly byPath = new Map<string, ResolvableStack>();
  private readonly children = new Map<string, ResolvableStack>();
  private exportIndex?: Map<string, { stack: ResolvableStack; output: CfnOutputJson }[]>;
  private readonly memo = new WeakMap<ResolvableResource, Map<string, Resolution>>();
  /** Resolutions of raw values by the value object (a template's JSON nodes are read where they are). */
  private readonly valueMemo = new WeakMap<object, { readonly resource: R; readonly path: string; readonly result: Resolution }>();
  private readonly conditionMemo = new Map<string, boolean | undefined>();

  constructor(readonly stacks: readonly ResolvableStack[]) {
    for (const s of stacks) this.byPath.set(s.path, s);
    for (const s of stacks) if (s.nestedIn) this.children.set(`${s.nestedIn.stack}|${s.nestedIn.logicalId}`, s);
  }

  /** The stack with this path. */
  public stack(path: string): ResolvableStack | undefined {
    return this.byPath.get(path);
  }

  /** The nested stack a `AWS::CloudFormation::Stack` resource creates, when its template is part of the app. */
  public nestedStackOf(resource: R): ResolvableStack | undefined {
    return this.children.get(`${resource.stack.path}|${resource.logicalId}`);
  }

  /**
   * The value at a property path of a resource (`SecretId`, `LaunchTemplateData/MetadataOptions`, `Tags/0/Value`;
   * '' for all of `Properties`), every intrinsic on the way followed.
   */
  public resolve(resource: R, path: string): Resolution {
    let byPath = this.memo.get(resource);
    if (!byPath) this.memo.set(resource, byPath = new Map());
    let result = byPath.get(path);
    if (!result) byPath.set(path, result = directAt(resource, path) ?? this.attempt(resource, path, () => this.walk(resource, path)));
    return result;
  }

  /** Resolves a raw value read from a resource (at `path`, named in messages). */
  public resolveValue(resource: R, value: unknown, path: string): Resolution {
    if (value === null || typeof value !== 'object') return { ok: true, values: [{ value, conditions: EMPTY }] };
    const direct = directValue(resource.stack, value);
    if (direct) return direct;
    const known = this.valueMemo.get(value);
    if (known && known.resource === resource && known.path === path) return known.result;
    const result = this.attempt(resource, path, () => this.node(value, { stack: resource.stack, chain: [] }), value);
    this.valueMemo.set(value, { resource, path, result });
    return result;
  }

  /** The resources of the app a resolved value designates: a `ResourceValue`, or every one in a list. */
  public resourcesIn(value: unknown): R[] {
    if (value instanceof ResourceValue) return [value.resource as R];
    if (Array.isArray(value)) return value.flatMap((v) => this.resourcesIn(v));
    return [];
  }

  /** The resource of the same stack with a literal `property` equal to `value` (a name given instead of a reference). */
  public byName(stack: ResolvableStack, type: string, property: string, value: string): R | undefined {
    for (const r of stack.resources.values()) if (r.type === type && r.properties[property] === value) return r as R;
    return undefined;
  }

  // ---- entry points ------------------------------------------------------------------------------------------

  private attempt(resource: R, path: string, run: () => Alt[], raw?: unknown): Resolution {
    try {
      const alts = run();
      return { ok: true, values: alts.map((a): Alternative => ({ value: a.v === NO_VALUE ? undefined : a.v, conditions: a.c ?? EMPTY })) };
    } catch (e) {
      if (!(e instanceof CannotFollow)) throw e;
      const property = path === '' ? 'Properties' : path;
      const unresolved: Unresolved = {
        stack: resource.stack.path,
        logicalId: resource.logicalId,
        resource: resource.path,
        property,
        reason: e.message,
        value: raw !== undefined ? raw : rawAt(resource.properties, path),
        message: `${resource.path} ${property}: ${e.message}`,
      };
      return { ok: false, unresolved };
    }
  }

  /** Walks a property path, resolving each container met on the way. */
  private walk(resource: R, path: string): Alt[] {
    const ctx: Context = { stack: resource.stack, chain: [] };
    let alts: { raw: boolean; alt: Alt }[] = [{ raw: true, alt: { v: resource.properties } }];
    for (const segment of path === '' ? [] : path.split('/')) {
      const next: { raw: boolean; alt: Alt }[] = [];
      for (const { raw, alt } of alts) {
        const containers = raw && intrinsicName(alt.v) ? this.node(alt.v, withAssumed(ctx, alt.c)).map((a) => ({ raw: false, alt: { v: a.v, c: merge(alt.c, a.c) } })) : [{ raw, alt }];
        for (const c of containers) {
          const v = c.alt.v;
          if (isDeployTime(v)) next.push({ raw: false, alt: c.alt });
          else if (v === undefined || v === null || v === NO_VALUE || typeof v !== 'object') next.push({ raw: false, alt: { v: undefined, c: c.alt.c } });
          else next.push({ raw: c.raw, alt: { v: (v as any)[segment], c: c.alt.c } });
        }
      }
      alts = next;
    }
    const out: Alt[] = [];
    for (const { raw, alt } of alts) {
      if (!raw) out.push(alt);
      else for (const a of this.node(alt.v, withAssumed(ctx, alt.c))) out.push({ v: a.v, c: merge(alt.c, a.c) });
    }
    return capped(dedupe(out));
  }

  // ---- values ------------------------------------------------------------------------------------------------

  /** Resolves any JSON value: every alternative it can take. */
  private node(value: unknown, ctx: Context): Alt[] {
    if (value === null || typeof value !== 'object' || isDeployTime(value)) return [{ v: value }];
    const array = Array.isArray(value);
    const fn = array ? undefined : intrinsicName(value);
    if (fn && fn !== 'Condition') return this.intrinsic(fn, (value as any)[fn], ctx);
    // A container: its members are resolved, and when none of them changes (no intrinsic anywhere below, the common
    // case) the container itself is the value, with nothing built and no second walk to find out.
    const keys = array ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    const member = (i: number): unknown => (keys ? (value as any)[keys[i]] : (value as unknown[])[i]);
    let changed: (Alt[] | undefined)[] | undefined;
    for (let i = 0; i < size; i++) {
      const m = member(i);
      if (m === null || typeof m !== 'object') continue;
      const alts = this.node(m, ctx);
      if (alts.length === 1 && !alts[0].c && alts[0].v === m) continue;
      (changed ??= new Array(size))[i] = alts;
    }
    if (!changed) return [{ v: value }];
    const parts: Alt[][] = new Array(size);
    for (let i = 0; i < size; i++) parts[i] = changed[i] ?? [{ v: member(i) }];
    if (!keys) {
      return combine(parts, (items) => {
        const kept: unknown[] = [];
        for (const item of items) if (item !== NO_VALUE) kept.push(item);
        return kept;
      });
    }
    return combine(parts, (items) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < items.length; i++) if (items[i] !== NO_VALUE) out[keys[i]] = items[i];
      return out;
    });
  }

  private intrinsic(fn: string, arg: any, ctx: Context): Alt[] {
    switch (fn) {
      case 'Ref': return this.ref(arg, ctx);
      case 'Fn::GetAtt': return this.getAtt(arg, ctx);
      case 'Fn::If': return this.fnIf(arg, ctx);
      case 'Fn::Join': return this.join(arg, ctx);
      case 'Fn::Sub': return this.sub(arg, ctx);
      case 'Fn::Select': return this.select(arg, ctx);
      case 'Fn::Split': return this.split(arg, ctx);
      case 'Fn::ImportValue': return this.importValue(arg, ctx);
      case 'Fn::GetStackOutput': return this.stackOutput(arg, ctx);
      case 'Fn::FindInMap': return this.findInMap(arg, ctx);
      case 'Fn::Base64': return this.node(arg, ctx);
      default:
        if (DEPLOY_TIME_FUNCTIONS.has(fn)) {
          return this.node(arg, ctx).map((a) => ({ v: new DeployTimeValue('intrinsic', fn, ctx.stack.path, { [fn]: a.v }), c: a.c }));
        }
        throw new CannotFollow(`unknown intrinsic function ${fn}`);
    }
  }

  private ref(name: unknown, ctx: Context): Alt[] {
    if (typeof name !== 'string') throw new CannotFollow(`Ref of ${JSON.stringify(name)}: a Ref names a resource or parameter`);
    const stack = ctx.stack;
    if (name === 'AWS::NoValue') return [{ v: NO_VALUE }];
    if (name.startsWith('AWS::')) {
      const known = pseudoParameterValue(name, stack);
      return [{ v: known ?? new DeployTimeValue('pseudo', name, stack.path, { Ref: name }) }];
    }
    const resource = stack.resources.get(name);
    if (resource) {
      const forward = REF_FORWARDS[resource.type];
      if (forward === undefined) return [{ v: new ResourceValue(resource) }];
      return this.follow(`ref:${stack.path}|${name}`, ctx, (chain) => this.node(resource.properties[forward], { ...ctx, chain }));
    }
    const parameter = stack.template.Parameters?.[name];
    if (parameter) return this.parameter(name, parameter, ctx);
    throw new CannotFollow(`Ref ${name} names no resource or parameter of stack ${stack.path}`);
  }

  /** A parameter: what the parent stack passes (nested stacks), else a deploy-time value with its default. */
  private parameter(name: string, parameter: { readonly Default?: unknown; readonly Type?: string }, ctx: Context): Alt[] {
    const stack = ctx.stack;
    const parentInfo = stack.nestedIn;
    if (parentInfo) {
      const parent = this.byPath.get(parentInfo.stack);
      const nested = parent?.resources.get(parentInfo.logicalId);
      if (!parent || !nested) throw new CannotFollow(`parameter ${name} of nested stack ${stack.path}: its parent stack resource ${parentInfo.stack}/${parentInfo.logicalId} is not in the app`);
      const passed = nested.properties.Parameters;
      if (isObject(passed) && !intrinsicName(passed) && name in passed) {
        return this.follow(`param:${stack.path}|${name}`, ctx, (chain) => this.node(passed[name], { stack: parent, chain }));
      }
      if (isObject(passed) && intrinsicName(passed)) throw new CannotFollow(`parameter ${name} of nested stack ${stack.path}: the Parameters of ${nested.path} are not known at synth`);
      if (parameter.Default !== undefined) return this.node(parameter.Default, ctx);
      throw new CannotFollow(`parameter ${name} of nested stack ${stack.path}: ${nested.path} passes no value and it has no default`);
    }
    return [{ v: new DeployTimeValue('parameter', name, stack.path, { Ref: name }, parameter.Default) }];
  }

  private getAtt(arg: unknown, ctx: Context): Alt[] {
    let id: unknown;
    let attrRaw: unknown;
    if (typeof arg === 'string') [id, attrRaw] = [arg.slice(0, arg.indexOf('.') < 0 ? arg.length : arg.indexOf('.')), arg.indexOf('.') < 0 ? undefined : arg.slice(arg.indexOf('.') + 1)];
    else if (Array.isArray(arg)) [id, attrRaw] = arg;
    if (typeof id !== 'string' || attrRaw === undefined) throw new CannotFollow(`Fn::GetAtt ${JSON.stringify(arg)}: expected [logicalId, attribute]`);
    const resource = ctx.stack.resources.get(id);
    if (!resource) throw new CannotFollow(`Fn::GetAtt ${id}: no resource ${id} in stack ${ctx.stack.path}`);
    return this.node(attrRaw, ctx).flatMap((a) => {
      if (typeof a.v !== 'string') throw new CannotFollow(`Fn::GetAtt ${id}: the attribute name is not known at synth`);
      const attribute = a.v;
      if (resource.type === NESTED_STACK_TYPE && attribute.startsWith('Outputs.')) {
        return this.nestedOutput(resource, attribute.slice('Outputs.'.length), ctx).map((o) => ({ v: o.v, c: merge(a.c, o.c) }));
      }
      return [{ v: new ResourceValue(resource, attribute), c: a.c }];
    });
  }

  private nestedOutput(resource: ResolvableResource, output: string, ctx: Context): Alt[] {
    const child = this.children.get(`${resource.stack.path}|${resource.logicalId}`);
    if (!child) throw new CannotFollow(`Fn::GetAtt ${resource.logicalId}.Outputs.${output}: the template of nested stack ${resource.path} is not part of the app`);
    const out = child.template.Outputs?.[output];
    if (!out) throw new CannotFollow(`Fn::GetAtt ${resource.logicalId}.Outputs.${output}: nested stack ${child.path} has no output ${output}`);
    return this.follow(`output:${child.path}|${output}`, ctx, (chain) => this.node(out.Value, { stack: child, chain }));
  }

  private importValue(arg: unknown, ctx: Context): Alt[] {
    return this.node(arg, ctx).flatMap((a) => {
      if (typeof a.v !== 'string') throw new CannotFollow(`Fn::ImportValue of ${describe(a.v)}: the export name is not known at synth`);
      const name = a.v;
      const candidates = this.exports().get(name) ?? [];
      if (candidates.length === 0) throw new CannotFollow(`Fn::ImportValue '${name}': no stack of the app exports it`);
      // An import reads an export of the same account and region only.
      const reachable = candidates.filter((c) => sameEnvironment(c.stack, ctx.stack));
      const chosen = reachable.length > 1 ? reachable.filter((c) => c.stack.account === ctx.stack.account && c.stack.region === ctx.stack.region) : reachable;
      if (chosen.length === 0) throw new CannotFollow(`Fn::ImportValue '${name}': only ${candidates.map((c) => c.stack.path).join(', ')} export${candidates.length === 1 ? 's' : ''} it, in another account or region (an import reads exports of its own account and region)`);
      if (chosen.length > 1) throw new CannotFollow(`Fn::ImportValue '${name}': stacks ${chosen.map((c) => c.stack.path).join(', ')} all export it`);
      const { stack, output } = chosen[0];
      return this.follow(`export:${stack.path}|${name}`, ctx, (chain) => this.node(output.Value, { stack, chain })).map((o) => ({ v: o.v, c: merge(a.c, o.c) }));
    });
  }

  /**
   * `Fn::GetStackOutput { StackName, OutputName, Region?, RoleArn? }` (aws-cdk-lib's weak cross-stack references): the
   * output of the top-level stack of the app deployed under that name, in `Region` (default: the reading stack's) and
   * in the account of `RoleArn` (default: the reading stack's).
   */
  private stackOutput(arg: unknown, ctx: Context): Alt[] {
    if (!isObject(arg) || intrinsicName(arg)) throw new CannotFollow(`Fn::GetStackOutput ${JSON.stringify(arg)}: expected { StackName, OutputName, Region?, RoleArn? }`);
    return this.node(arg, ctx).flatMap((a) => {
      const { StackName: name, OutputName: output, Region: regionArg, RoleArn: roleArn } = a.v as { [key: string]: unknown };
      if (typeof name !== 'string') throw new CannotFollow(`Fn::GetStackOutput of ${describe(name)}: the stack name is not known at synth`);
      if (typeof output !== 'string') throw new CannotFollow(`Fn::GetStackOutput '${name}': the output name is not known at synth`);
      if (regionArg !== undefined && typeof regionArg !== 'string') throw new CannotFollow(`Fn::GetStackOutput '${name}': the region is not known at synth`);
      if (roleArn !== undefined && typeof roleArn !== 'string') throw new CannotFollow(`Fn::GetStackOutput '${name}': the role ARN is not known at synth`);
      const region = regionArg ?? ctx.stack.region;
      const account = roleArn === undefined ? ctx.stack.account : parseArn(roleArn)?.account;
      const named = this.stacks.filter((s) => !s.nestedIn && s.stackName === name);
      if (named.length === 0) throw new CannotFollow(`Fn::GetStackOutput '${name}': no stack of the app is deployed under that name`);
      const matches = (want: string | undefined, have: string | undefined) => want === undefined || have === undefined || want === have;
      const chosen = named.filter((s) => matches(region, s.region) && matches(account, s.account));
      if (chosen.length === 0) throw new CannotFollow(`Fn::GetStackOutput '${name}': only ${named.map((s) => s.path).join(', ')} ${named.length === 1 ? 'is' : 'are'} deployed under that name, in another account or region than ${[account, region].filter(Boolean).join('/')}`);
      if (chosen.length > 1) throw new CannotFollow(`Fn::GetStackOutput '${name}': stacks ${chosen.map((s) => s.path).join(', ')} are all deployed under that name`);
      const stack = chosen[0];
      const out = stack.template.Outputs?.[output];
      if (!out) throw new CannotFollow(`Fn::GetStackOutput '${name}': stack ${stack.path} has no output ${output}`);
      return this.follow(`stack-output:${stack.path}|${output}`, ctx, (chain) => this.node(out.Value, { stack, chain })).map((o) => ({ v: o.v, c: merge(a.c, o.c) }));
    });
  }

  private exports(): Map<string, { stack: ResolvableStack; output: CfnOutputJson }[]> {
    if (!this.exportIndex) {
      this.exportIndex = new Map();
      for (const stack of this.stacks) {
        for (const output of Object.values(stack.template.Outputs ?? {})) {
          const name = output?.Export?.Name;
          // Export names are literal in CDK output; a computed one is resolved in its own stack.
          const names = typeof name === 'string' ? [name] : name === undefined ? [] : this.node(name, { stack, chain: [] }).map((a) => a.v).filter((n): n is string => typeof n === 'string');
          for (const n of names) {
            const list = this.exportIndex.get(n);
            if (list) list.push({ stack, output }); else this.exportIndex.set(n, [{ stack, output }]);
          }
        }
      }
    }
    return this.exportIndex;
  }

  private fnIf(arg: unknown, ctx: Context): Alt[] {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') throw new CannotFollow(`Fn::If ${JSON.stringify(arg)}: expected [condition, value if true, value if false]`);
    const [name, whenTrue, whenFalse] = arg;
    const value = this.condition(name, ctx);
    if (value !== undefined) return this.node(value ? whenTrue : whenFalse, ctx);
    const key = `${ctx.stack.path}|${name}`;
    const branch = (b: boolean, v: unknown) => this.node(v, withAssumed(ctx, new Map([[key, b]]))).map((a) => ({ v: a.v, c: merge(new Map([[key, b]]), a.c) }));
    return capped([...branch(true, whenTrue), ...branch(false, whenFalse)]);
  }

  /** A condition's value: assumed on this branch, or evaluated from the template when its inputs are known; else undefined. */
  private condition(name: string, ctx: Context): boolean | undefined {
    const key = `${ctx.stack.path}|${name}`;
    const assumed = ctx.assumed?.get(key);
    if (assumed !== undefined) return assumed;
    const definition = ctx.stack.template.Conditions?.[name];
    if (definition === undefined) throw new CannotFollow(`Fn::If ${name}: stack ${ctx.stack.path} has no condition ${name}`);
    if (!ctx.assumed && this.conditionMemo.has(key)) return this.conditionMemo.get(key);
    const value = this.follow(`condition:${key}`, ctx, (chain) => [{ v: this.evaluate(definition, { ...ctx, chain }) }])[0].v as boolean | undefined;
    if (!ctx.assumed) this.conditionMemo.set(key, value);
    return value;
  }

  /** Evaluates a condition expression: true, false, or undefined when it depends on a value known only at deploy time. */
  private evaluate(expr: unknown, ctx: Context): boolean | undefined {
    const fn = intrinsicName(expr);
    const arg = fn ? (expr as any)[fn] : undefined;
    switch (fn) {
      case 'Condition':
        if (typeof arg !== 'string') throw new CannotFollow(`Condition ${JSON.stringify(arg)}: expected a condition name`);
        return this.condition(arg, ctx);
      case 'Fn::Not': {
        const v = this.evaluate(Array.isArray(arg) ? arg[0] : arg, ctx);
        return v === undefined ? undefined : !v;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(arg)) throw new CannotFollow(`${fn}: expected a list of conditions`);
        const values = arg.map((x) => this.evaluate(x, ctx));
        if (fn === 'Fn::And') return values.includes(false) ? false : values.includes(undefined) ? undefined : true;
        return values.includes(true) ? true : values.includes(undefined) ? undefined : false;
      }
      case 'Fn::Equals': {
        if (!Array.isArray(arg) || arg.length !== 2) throw new CannotFollow('Fn::Equals: expected two values');
        const [a, b] = arg.map((x) => this.node(x, ctx));
        if (a.length !== 1 || b.length !== 1 || !isLiteral(a[0].v) || !isLiteral(b[0].v)) return undefined;
        return String(a[0].v) === String(b[0].v);
      }
      default:
        if (typeof expr === 'boolean') return expr;
        if (expr === 'true' || expr === 'false') return expr === 'true';
        throw new CannotFollow(`condition ${JSON.stringify(expr)}: expected Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition`);
    }
  }

  private join(arg: unknown, ctx: Context): Alt[] {
    if (!Array.isArray(arg) || arg.length !== 2) throw new CannotFollow('Fn::Join: expected [delimiter, list]');
    const [delimiter, list] = arg;
    if (typeof delimiter !== 'string') throw new CannotFollow('Fn::Join: the delimiter must be a literal string');
    return this.node(list, ctx).map((a) => {
      if (isDeployTime(a.v)) return { v: new DeployTimeValue('intrinsic', 'Fn::Join', ctx.stack.path, { 'Fn::Join': [delimiter, a.v] }), c: a.c };
      if (!Array.isArray(a.v)) throw new CannotFollow(`Fn::Join: the list is ${describe(a.v)}`);
      const parts: TextPart[] = [];
      a.v.forEach((p, i) => {
        if (i > 0 && delimiter !== '') parts.push(delimiter);
        parts.push(...textParts(p, 'Fn::Join'));
      });
      return { v: textOf(parts), c: a.c };
    });
  }

  private sub(arg: unknown, ctx: Context): Alt[] {
    const [template, vars] = Array.isArray(arg) ? arg : [arg, undefined];
    if (typeof template !== 'string') throw new CannotFollow('Fn::Sub: the template must be a literal string');
    if (vars !== undefined && (!isObject(vars) || intrinsicName(vars))) throw new CannotFollow('Fn::Sub: the variables must be a literal map');
    const pieces: (string | { name: string })[] = [];
    let last = 0;
    for (const m of template.matchAll(/\$\{([^}]*)\}/g)) {
      pieces.push(template.slice(last, m.index));
      const name = m[1].trim();
      if (name.startsWith('!')) pieces.push(`\${${m[1].slice(1)}}`);
      else pieces.push({ name });
      last = m.index! + m[0].length;
    }
    pieces.push(template.slice(last));
    const resolved = pieces.map((p) => {
      if (typeof p === 'string') return [{ v: p }] as Alt[];
      if (vars && p.name in vars) return this.node(vars[p.name], ctx);
      if (p.name.includes('.') && !p.name.startsWith('AWS::')) {
        const dot = p.name.indexOf('.');
        return this.getAtt([p.name.slice(0, dot), p.name.slice(dot + 1)], ctx);
      }
      return this.ref(p.name, ctx);
    });
    return combine(resolved, (items) => textOf(items.flatMap((x) => textParts(x, 'Fn::Sub'))));
  }

  private select(arg: unknown, ctx: Context): Alt[] {
    if (!Array.isArray(arg) || arg.length !== 2) throw new CannotFollow('Fn::Select: expected [index, list]');
    return combine([this.node(arg[0], ctx), this.node(arg[1], ctx)], ([index, list]) => {
      const i = typeof index === 'number' ? index : typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : undefined;
      if (isDeployTime(list) || isDeployTime(index)) return new DeployTimeValue('intrinsic', 'Fn::Select', ctx.stack.path, { 'Fn::Select': [index, isDeployTime(list) && list instanceof DeployTimeValue ? list.source : list] });
      if (i === undefined) throw new CannotFollow(`Fn::Select: the index ${describe(index)} is not a number`);
      if (!Array.isArray(list)) throw new CannotFollow(`Fn::Select: the list is ${describe(list)}`);
      if (i >= list.length) throw new CannotFollow(`Fn::Select: index ${i} is out of range (the list has ${list.length} items)`);
      return list[i];
    });
  }

  private split(arg: unknown, ctx: Context): Alt[] {
    if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') throw new CannotFollow('Fn::Split: expected [delimiter, string]');
    const delimiter = arg[0];
    return this.node(arg[1], ctx).map((a) => {
      if (typeof a.v === 'string') return { v: a.v.split(delimiter), c: a.c };
      if (isDeployTime(a.v)) return { v: new DeployTimeValue('intrinsic', 'Fn::Split', ctx.stack.path, { 'Fn::Split': [delimiter, a.v] }), c: a.c };
      throw new CannotFollow(`Fn::Split: the value is ${describe(a.v)}`);
    });
  }

  private findInMap(arg: unknown, ctx: Context): Alt[] {
    if (!Array.isArray(arg) || arg.length < 3) throw new CannotFollow('Fn::FindInMap: expected [map, top-level key, second-level key]');
    const [mapName, top, second, options] = arg;
    return combine([this.node(mapName, ctx), this.node(top, ctx), this.node(second, ctx)], ([m, k1, k2]) => {
      if ([m, k1, k2].some(isDeployTime)) return new DeployTimeValue('intrinsic', 'Fn::FindInMap', ctx.stack.path, { 'Fn::FindInMap': [m, k1, k2] });
      const map = typeof m === 'string' ? ctx.stack.template.Mappings?.[m] : undefined;
      if (!map) throw new CannotFollow(`Fn::FindInMap: stack ${ctx.stack.path} has no mapping ${describe(m)}`);
      const found = map[String(k1)]?.[String(k2)];
      if (found !== undefined) return found;
      if (isObject(options) && 'DefaultValue' in options) return options.DefaultValue;
      throw new CannotFollow(`Fn::FindInMap: mapping ${m} has no ${describe(k1)} / ${describe(k2)}`);
    }).flatMap((a) => this.node(a.v, ctx).map((b) => ({ v: b.v, c: merge(a.c, b.c) })));
  }

  /** Follows one step of a chain (`key` names it), refusing to go round in circles. */
  private follow(key: string, ctx: Context, run: (chain: readonly string[]) => Alt[]): Alt[] {
    if (ctx.chain.includes(key)) throw new CannotFollow(`circular reference: ${[...ctx.chain, key].map(label).join(' → ')}`);
    return run([...ctx.chain, key]);
  }
}

const EMPTY: ReadonlyMap<string, boolean> = new Map();

/**
 * Whether a JSON value holds no intrinsic function anywhere. The answer is cached for the value asked about (templates
 * are read, never changed), not for every object below it: most values are asked about once, and caching the hundreds
 * of thousands of objects of an app's templates cost more than walking a subtree again.
 */
const PLAIN = new WeakMap<object, boolean>();
function isPlain(value: object): boolean {
  let plain = PLAIN.get(value);
  if (plain === undefined) PLAIN.set(value, plain = holdsNoIntrinsic(value));
  return plain;
}

function holdsNoIntrinsic(value: object): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (v !== null && typeof v === 'object' && !holdsNoIntrinsic(v)) return false;
    }
    return true;
  }
  const fn = intrinsicName(value);
  if (fn !== undefined && fn !== 'Condition') return false;
  for (const key in value) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== null && typeof v === 'object' && !holdsNoIntrinsic(v)) return false;
  }
  return true;
}

type TextPart = string | ResourceValue | DeployTimeValue;

/** A step of a chain as shown in messages: `ref:S|Id` → `Ref Id (S)`. */
function label(key: string): string {
  const [, kind, stack, name] = /^([a-z]+):(.*)\|([^|]*)$/.exec(key) ?? [];
  switch (kind) {
    case 'ref': return `Ref ${name} (${stack})`;
    case 'param': return `parameter ${name} of ${stack}`;
    case 'output': return `output ${name} of ${stack}`;
    case 'export': return `export '${name}' of ${stack}`;
    case 'condition': return `condition ${name} (${stack})`;
    default: return key;
  }
}

/** The parts of a string built from `value`. */
function textParts(value: unknown, fn: string): TextPart[] {
  if (value === NO_VALUE) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (value instanceof Text) return [...value.parts];
  if (value instanceof ResourceValue || value instanceof DeployTimeValue) return [value];
  throw new CannotFollow(`${fn}: cannot make a string of ${describe(value)}`);
}

/** A literal string when every part is literal, else a {@link Text} (adjacent literals merged). */
function textOf(parts: readonly TextPart[]): string | Text {
  const merged: TextPart[] = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += p;
    else if (p !== '') merged.push(p);
  }
  if (merged.every((p) => typeof p === 'string')) return merged.join('');
  return new Text(merged);
}

function isLiteral(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function describe(v: unknown): string {
  if (v instanceof ResourceValue || v instanceof DeployTimeValue || v instanceof Text) return String(v);
  if (v === NO_VALUE) return 'AWS::NoValue';
  return JSON.stringify(v) ?? String(v);
}

/** Whether two stacks can be in one account and region (an unknown account or region can be any). */
function sameEnvironment(a: ResolvableStack, b: ResolvableStack): boolean {
  const same = (x?: string, y?: string) => x === undefined || y === undefined || x === y;
  return same(a.account, b.account) && same(a.region, b.region);
}

function withAssumed(ctx: Context, conditions: ReadonlyMap<string, boolean> | undefined): Context {
  if (!conditions || conditions.size === 0) return ctx;
  return { ...ctx, assumed: merge(ctx.assumed, conditions) };
}

/** Merges two sets of assumptions; undefined when they contradict each other. */
function tryMerge(a: ReadonlyMap<string, boolean> | undefined, b: ReadonlyMap<string, boolean> | undefined): ReadonlyMap<string, boolean> | undefined | null {
  if (!a || a.size === 0) return b;
  if (!b || b.size === 0) return a;
  const out = new Map(a);
  for (const [k, v] of b) {
    if (out.has(k) && out.get(k) !== v) return null;
    out.set(k, v);
  }
  return out;
}

function merge(a: ReadonlyMap<string, boolean> | undefined, b: ReadonlyMap<string, boolean> | undefined): ReadonlyMap<string, boolean> | undefined {
  const m = tryMerge(a, b);
  return m === null ? a : m;
}

/** Every consistent combination of the parts' alternatives, built into one value each. */
function combine(parts: readonly Alt[][], build: (values: unknown[]) => unknown): Alt[] {
  let single = true;
  for (let i = 0; i < parts.length && single; i++) single = parts[i].length === 1 && !parts[i][0].c;
  if (single) {
    const values: unknown[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) values[i] = parts[i][0].v;
    return [{ v: build(values) }];
  }
  let acc: { values: unknown[]; c?: ReadonlyMap<string, boolean> }[] = [{ values: [] }];
  for (const part of parts) {
    const next: typeof acc = [];
    for (const a of acc) {
      for (const p of part) {
        const c = tryMerge(a.c, p.c);
        if (c === null) continue;
        next.push({ values: [...a.values, p.v], c });
      }
    }
    acc = capped(next);
  }
  return acc.map((a) => ({ v: build(a.values), c: a.c }));
}

function capped<T>(alts: T[]): T[] {
  if (alts.length > MAX_ALTERNATIVES) throw new CannotFollow(`more than ${MAX_ALTERNATIVES} combinations of Fn::If branches`);
  return alts;
}

/** Drops repeated alternatives (same value, same assumptions). */
function dedupe(alts: Alt[]): Alt[] {
  if (alts.length < 2) return alts;
  const seen = new Set<string>();
  return alts.filter((a) => {
    const key = `${JSON.stringify(a.v, (_k, v) => (isDeployTime(v) ? String(v) : v))}|${[...(a.c ?? EMPTY)].map(([k, v]) => `${k}=${v}`).sort().join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The value at a property path when the general walk is not needed (the common cases, answered cheaply): no intrinsic
 * on the way, and at the end a plain value or a direct reference ({@link directValue}).
 */
function directAt(resource: ResolvableResource, path: string): Resolution | undefined {
  let v: any = resource.properties;
  if (path !== '') {
    for (const segment of path.split('/')) {
      if (v === null || v === undefined || typeof v !== 'object') { v = undefined; break; }
      if (intrinsicName(v) !== undefined && intrinsicName(v) !== 'Condition') return undefined;
      v = v[segment];
    }
  }
  if (v === null || typeof v !== 'object') return { ok: true, values: [{ value: v, conditions: EMPTY }] };
  return directValue(resource.stack, v);
}

/**
 * A plain value as it is, or a `Ref` / `Fn::GetAtt` of a resource of the same stack that leads nowhere further (its
 * type returns no property on `Ref`, and it is not a nested stack's output): what most values are. Undefined otherwise.
 */
function directValue(stack: ResolvableStack, v: object): Resolution | undefined {
  const fn = intrinsicName(v);
  if (fn === undefined || fn === 'Condition') return isPlain(v) ? { ok: true, values: [{ value: v, conditions: EMPTY }] } : undefined;
  const arg = (v as any)[fn];
  if (fn === 'Ref' && typeof arg === 'string') {
    const target = stack.resources.get(arg);
    if (target && REF_FORWARDS[target.type] === undefined) return { ok: true, values: [{ value: new ResourceValue(target), conditions: EMPTY }] };
  } else if (fn === 'Fn::GetAtt' && Array.isArray(arg) && typeof arg[0] === 'string' && typeof arg[1] === 'string') {
    const target = stack.resources.get(arg[0]);
    if (target && target.type !== NESTED_STACK_TYPE) return { ok: true, values: [{ value: new ResourceValue(target, arg[1]), conditions: EMPTY }] };
  }
  return undefined;
}

/** The raw value at a property path (for messages). */
function rawAt(properties: unknown, path: string): unknown {
  let v: any = properties;
  for (const segment of path === '' ? [] : path.split('/')) {
    if (v === null || typeof v !== 'object' || intrinsicName(v)) return v;
    v = v[segment];
  }
  return v;
}
