/**
 * The one door into evaluation, for a construct tree: a stack, stage or app and a selection in, the same
 * {@link AppEvaluation} as for a cloud assembly out. The test helpers read nothing else of the rules. It loads
 * aws-cdk-lib (to read the tree) but not cdk-nag.
 */
import { CfnOutput, CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ResourceView } from '../aws';
import { ChecklistSelection, parseSelection, Selection } from '../checklist';
import { AcknowledgementLookup, AppEvaluation, EvaluateOptions, evaluatePlan } from './evaluate';
import { planRules } from './plan';
import { acknowledgementsInTree, applyAspects, TreeAppView } from './tree-view';

/** Options of {@link evaluateTree}. */
export type EvaluateTreeOptions = Omit<EvaluateOptions, 'acknowledgements'>;

/**
 * Evaluates the resources and stack outputs under `scope` as a synthesis would, looking across the whole app for
 * cross-resource facts: the app's aspects are applied first (`Tags.of(...)`, `requireImdsv2`-style aspects), and the
 * acknowledgements are those made with `Validations.of(construct).acknowledge(...)` on a resource or a construct above it.
 */
export function evaluateTree(scope: IConstruct, selection: ChecklistSelection | Selection, options: EvaluateTreeOptions = {}): AppEvaluation {
  const parsed = parseSelection(selection);
  const root = scope.node.root;
  applyAspects(root);
  const view = TreeAppView.of(root);
  const plan = planRules(parsed, { ...options, app: { resourcesOfType: (type) => view.ofType(type).map((r) => r.path) } });
  // As a cdk-nag pack visits them: every resource under the scope in tree order, then every output.
  const nodes = new Map<ResourceView, IConstruct>();
  const all = scope.node.findAll();
  for (const node of all) {
    const resource = CfnResource.isCfnResource(node) ? view.viewOf(node) : undefined;
    if (resource) nodes.set(resource, node);
  }
  for (const node of all) {
    const output = node instanceof CfnOutput ? view.outputViewOf(node) : undefined;
    if (output) nodes.set(output, node);
  }
  const none: AcknowledgementLookup = () => undefined;
  return evaluatePlan(plan, view, nodes.keys(), (r) => {
    const node = nodes.get(r);
    if (!node) return none;
    let acks: Map<string, string> | undefined;
    return (ruleId) => (acks ??= acknowledgementsInTree(node)).get(ruleId);
  });
}
