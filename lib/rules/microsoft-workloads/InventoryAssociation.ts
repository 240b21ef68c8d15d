import { COMPLIANT, nonCompliant, RuleVerdict } from '../rule';
import { accountOf, associationSelects, defineWindowsRule, isDocument, ssmInAccountOf } from '../utils/windows';

/**
 * Reads: Windows compute (see `utils/windows.ts`) and the `AWS::SSM::Association`s deployed to its account.
 * Passes when an association of document `AWS-GatherSoftwareInventory` selects the instances: `Targets`
 * `InstanceIds` `*` (every managed instance), `tag:<key>` / `tag-key` matching their tags, or `InstanceId`
 * referencing the instance. Non-Windows compute is not applicable.
 * Fails when: the account has no inventory association; or its inventory associations select other instances.
 * Fix: associate AWS-GatherSoftwareInventory with every managed instance (`Targets: [{ Key: 'InstanceIds', Values: ['*'] }]`) or the instances' tag.
 */
export const InventoryAssociation = defineWindowsRule({
  name: 'InventoryAssociation',
  description: 'Windows instances report their software inventory to Systems Manager Inventory',
  fix: 'Create an AWS::SSM::Association with Name AWS-GatherSoftwareInventory targeting InstanceIds * or the Windows instances\' tag',
  checkWindows(r, app, compute): RuleVerdict {
    const inventory = ssmInAccountOf(r, app, 'AWS::SSM::Association').filter((a) => isDocument(a.properties.Name, 'AWS-GatherSoftwareInventory'));
    if (inventory.length === 0) return nonCompliant(`no AWS::SSM::Association runs AWS-GatherSoftwareInventory in account ${accountOf(r)} of these Windows instances`);
    if (inventory.some((a) => associationSelects(a, r, compute))) return COMPLIANT;
    return nonCompliant(`the inventory association${inventory.length > 1 ? 's' : ''} ${inventory.map((a) => a.path).join(', ')} select${inventory.length > 1 ? '' : 's'} other instances, not these Windows instances`);
  },
});
