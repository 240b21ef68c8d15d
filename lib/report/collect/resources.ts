/**
 * Facts read once from every resource of the assembly: deployed runtime controls and resources that declare the checklist items they serve.
 */
import { CHECKLIST_ITEMS } from '../../checklist';
import { METADATA } from '../../conventions';
import { ResourceView, StackView } from '../../aws';
import { ControlEvidence, ResourceRef } from '../model';

/** A resource as the report shows it. */
export function refOf(r: ResourceView): ResourceRef {
  return { stack: r.stack.path, path: r.path, logicalId: r.logicalId, type: r.type };
}

type Deployment = ControlEvidence['deployedIn'][number];

/** Control ids by the resource types that are those controls (the checklist data's `resourceTypes`). */
const CONTROLS_BY_TYPE: ReadonlyMap<string, readonly string[]> = (() => {
  const byType = new Map<string, string[]>();
  for (const item of CHECKLIST_ITEMS) {
    for (const c of item.verification.runtimeControls ?? []) {
      for (const t of c.resourceTypes ?? []) {
        const ids = byType.get(t) ?? [];
        if (!ids.includes(c.id)) ids.push(c.id);
        byType.set(t, ids);
      }
    }
  }
  return byType;
})();

/** Every runtime control the assembly deploys, by control id. */
export function deployedControls(stacks: readonly StackView[]): Map<string, Deployment[]> {
  const byId = new Map<string, Deployment[]>();
  const add = (id: unknown, r: ResourceView, via: Deployment['via']) => {
    if (typeof id !== 'string' || id === '') return;
    const list = byId.get(id) ?? [];
    if (!list.some((d) => d.stack === r.stack.path && d.logicalId === r.logicalId)) list.push({ ...refOf(r), via });
    byId.set(id, list);
  };
  for (const stack of stacks) {
    for (const r of stack.resources.values()) {
      if (r.type === 'AWS::Config::ConfigRule' && r.properties.Source?.Owner === 'AWS') {
        add(r.properties.Source?.SourceIdentifier, r, 'config-rule');
      } else if (r.type === 'AWS::Config::OrganizationConfigRule') {
        add(r.properties.OrganizationManagedRuleMetadata?.RuleIdentifier, r, 'organization-config-rule');
      }
      const marked = r.metadata[METADATA.RUNTIME_CONTROL];
      for (const id of Array.isArray(marked) ? marked : [marked]) add(id, r, 'metadata');
      for (const id of CONTROLS_BY_TYPE.get(r.type) ?? []) add(id, r, 'resource-type');
    }
  }
  return byId;
}

/** Resources that declare the checklist items they serve (`cdk-competency:checklist-items`), by item id. */
export function supportingResources(stacks: readonly StackView[]): Map<string, ResourceRef[]> {
  const byItem = new Map<string, ResourceRef[]>();
  for (const stack of stacks) {
    for (const r of stack.resources.values()) {
      const items = r.metadata[METADATA.CHECKLIST_ITEMS];
      if (!Array.isArray(items)) continue;
      for (const id of items) {
        if (typeof id !== 'string') continue;
        const list = byItem.get(id) ?? [];
        list.push(refOf(r));
        byItem.set(id, list);
      }
    }
  }
  return byItem;
}
