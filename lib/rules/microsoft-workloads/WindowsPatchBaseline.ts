import { COMPLIANT, nonCompliant, RuleVerdict, unverifiable } from '../rule';
import { asList, isTrue } from '../../aws';
import { accountOf, defineWindowsRule, ssmInAccountOf } from '../utils/windows';

/** Tag keys Systems Manager reads for the patch group of an instance. */
const PATCH_GROUP_TAGS = ['Patch Group', 'PatchGroup'];

/**
 * Reads: Windows compute (`AWS::EC2::Instance`, `AWS::EC2::LaunchTemplate`,
 * `AWS::AutoScaling::LaunchConfiguration`; see `utils/windows.ts`: Windows AMI parameter or tag `OS: windows`)
 * and the `AWS::SSM::PatchBaseline`s deployed to the same account. Non-Windows compute is not applicable.
 * Covered means: a baseline with `OperatingSystem: WINDOWS` is the account's default (`DefaultBaseline: true`),
 * or lists in `PatchGroups` the value of the instances' `Patch Group` (or `PatchGroup`) tag.
 * Fails when: no Windows baseline is deployed to the account; the instances have no patch group tag and no
 * Windows baseline is default; their patch group is registered with no Windows baseline; the tag value is
 * unknown at synth.
 * Fix: create a WINDOWS patch baseline and register it for the instances' `Patch Group` tag (or make it default).
 */
export const WindowsPatchBaseline = defineWindowsRule({
  name: 'WindowsPatchBaseline',
  description: 'Windows instances are covered by a Windows patch baseline of Systems Manager Patch Manager',
  fix: 'Create an AWS::SSM::PatchBaseline with OperatingSystem WINDOWS and either DefaultBaseline true or PatchGroups listing the value of the instances\' Patch Group tag',
  checkWindows(r, app, compute): RuleVerdict {
    const baselines = ssmInAccountOf(r, app, 'AWS::SSM::PatchBaseline').filter((b) => b.properties.OperatingSystem === 'WINDOWS');
    if (baselines.length === 0) return nonCompliant(`no AWS::SSM::PatchBaseline with OperatingSystem WINDOWS is deployed to account ${accountOf(r)} of these Windows instances`);
    if (baselines.some((b) => isTrue(b.properties.DefaultBaseline))) return COMPLIANT;
    const key = PATCH_GROUP_TAGS.find((k) => compute.tags.has(k));
    if (!key) return nonCompliant(`the Windows instances have no 'Patch Group' tag and no Windows patch baseline (${baselines.map((b) => b.path).join(', ')}) is the default baseline`, 'Tags');
    const group = compute.tags.get(key);
    if (typeof group !== 'string') return unverifiable(`the '${key}' tag`, group, 'Tags');
    if (baselines.some((b) => asList(b.properties.PatchGroups).includes(group))) return COMPLIANT;
    return nonCompliant(`patch group '${group}' of the Windows instances is registered with no Windows patch baseline (${baselines.map((b) => b.path).join(', ')})`, 'Tags');
  },
});
