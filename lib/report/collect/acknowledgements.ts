/**
 * The acknowledgements an evidence report knows, and which findings each suppresses.
 *
 * aws-cdk-lib records every `Validations.of(x).acknowledge({ id, reason })` in the cloud assembly: the stack's
 * metadata, keyed by the construct path it was made on, covering that construct and everything below it. Those
 * are read first. A template's `cdk_nag.rules_to_suppress` resource metadata (cdk-nag v2's `NagSuppressions`, or
 * `writeSuppressionsToCloudFormation`) is read too, when the assembly does not already record the same
 * acknowledgement above the resource.
 */
import { ResourceView, StackView } from '../../aws';
import { acknowledgementKey, displayAcknowledgedId, isToolAcknowledgement, toolOfAcknowledgedId } from '../../packs/evaluate';
import { LoadedAssembly } from '../assembly';
import { AcknowledgementEntry, ResourceRef, ToolAcknowledgements } from '../model';

/** One acknowledgement as the report knows it. */
export interface KnownAcknowledgement {
  /** Stack display name. */
  readonly stack: string;
  /** Construct path it was made on; it covers that construct and everything below it. */
  readonly path: string;
  /** The id as the partner wrote it (whole: `AwsSolutions-IAM4[Policy::arn:...]`). */
  readonly ruleId: string;
  /** The id findings are matched against (without a plugin namespace). */
  readonly key: string;
  readonly reason: string;
  /** Made by aws-cdk-lib itself (its own validation's W3010, W3045, ...), not by the app. */
  readonly tool: boolean;
  /** Where the report read it. */
  readonly source: 'assembly' | 'template';
}

/**
 * Acknowledgements by construct path, looked up per resource (nearest construct wins). Construct paths are
 * unique in the app, so a nested stack's resources find the acknowledgements its parent's metadata records.
 */
export class AcknowledgementIndex {
  private readonly byPath = new Map<string, KnownAcknowledgement[]>();
  private readonly known: KnownAcknowledgement[] = [];
  private readonly cache = new Map<string, Map<string, KnownAcknowledgement>>();

  constructor(assembly: LoadedAssembly, stacks: readonly StackView[]) {
    for (const s of assembly.stacks) {
      for (const a of s.acknowledgements ?? []) {
        const ruleId = displayAcknowledgedId(a.id);
        this.add({ stack: s.displayName, path: a.path, ruleId, key: acknowledgementKey(a.id), reason: a.reason, tool: isToolAcknowledgement(ruleId, a.reason, a.trace), source: 'assembly' });
      }
    }
    for (const stack of stacks) {
      for (const r of [...stack.resources.values(), ...stack.outputs.values()]) {
        for (const { id, reason } of templateAcknowledgements(r)) {
          const key = acknowledgementKey(id);
          const recorded = this.lookup(r).get(key);
          if (recorded && recorded.reason === reason) continue; // cdk-nag's copy of an acknowledgement the assembly records
          const ruleId = displayAcknowledgedId(id);
          this.add({ stack: stack.path, path: r.path, ruleId, key, reason, tool: isToolAcknowledgement(ruleId, reason), source: 'template' });
        }
      }
    }
    this.cache.clear();
  }

  /** Every acknowledgement, in assembly order. */
  public get all(): readonly KnownAcknowledgement[] {
    return this.known;
  }

  /** The acknowledgements covering a resource or output, by rule key: the nearest construct's wins. */
  public lookup(r: ResourceView): Map<string, KnownAcknowledgement> {
    const cacheKey = `${r.stack.path}\u0000${r.type}\u0000${r.logicalId}`;
    let found = this.cache.get(cacheKey);
    if (found) return found;
    found = new Map();
    for (let p: string | undefined = r.path; p; p = parentOf(p)) {
      for (const a of this.byPath.get(p) ?? []) if (!found.has(a.key)) found.set(a.key, a);
    }
    this.cache.set(cacheKey, found);
    return found;
  }

  private add(a: KnownAcknowledgement): void {
    const list = this.byPath.get(a.path) ?? this.byPath.set(a.path, []).get(a.path)!;
    if (list.some((x) => x.key === a.key && x.reason === a.reason)) return;
    list.push(a);
    this.known.push(a);
  }
}

function parentOf(p: string): string | undefined {
  const i = p.lastIndexOf('/');
  return i > 0 ? p.slice(0, i) : undefined;
}

/** The `cdk_nag.rules_to_suppress` entries of a resource's template metadata. */
function templateAcknowledgements(r: ResourceView): { id: string; reason: string }[] {
  const rules = r.metadata?.cdk_nag?.rules_to_suppress;
  if (!Array.isArray(rules)) return [];
  return rules.filter((x) => x && typeof x.id === 'string').map((x) => ({ id: x.id, reason: typeof x.reason === 'string' ? x.reason : '' }));
}

/**
 * The report's acknowledgements: the app's own, each with the findings of this report it suppresses (Competency
 * rules; other tools' rules are not evaluated here), and aws-cdk-lib's own acknowledgements counted apart.
 */
export function reportAcknowledgements(
  index: AcknowledgementIndex, suppressed: ReadonlyMap<KnownAcknowledgement, readonly ResourceRef[]>,
): { acknowledgements: AcknowledgementEntry[]; toolAcknowledgements: ToolAcknowledgements } {
  const acknowledgements: AcknowledgementEntry[] = [];
  const tool = new Map<string, { ruleId: string; reason: string; count: number }>();
  for (const a of index.all) {
    if (a.tool) {
      const k = `${a.ruleId}\u0000${a.reason}`;
      const entry = tool.get(k) ?? tool.set(k, { ruleId: a.ruleId, reason: a.reason, count: 0 }).get(k)!;
      entry.count++;
      continue;
    }
    const toolName = toolOfAcknowledgedId(a.ruleId);
    const item = /^Competency-(.+)-([A-Z][A-Za-z0-9]*)$/.exec(a.key);
    const refs = suppressed.get(a) ?? [];
    acknowledgements.push({
      ruleId: a.ruleId,
      tool: toolName,
      ...(item ? { itemId: item[1] } : {}),
      stack: a.stack,
      path: a.path,
      reason: a.reason,
      source: a.source,
      ...(item ? { suppressed: refs } : {}),
      suppressesFinding: refs.length > 0,
    });
  }
  const rules = [...tool.values()];
  return { acknowledgements, toolAcknowledgements: { count: rules.reduce((n, r) => n + r.count, 0), rules } };
}
