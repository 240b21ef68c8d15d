import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isDeployTime, isTrue } from '../../aws';
import { requireTrue } from '../utils/checks';

const TYPES = ['AWS::EC2::Volume', 'AWS::EC2::LaunchTemplate', 'AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::AutoScaling::AutoScalingGroup'];

/** Every `Fn::If` branch of the block device mappings at `path` of `from` must map an encrypted EBS volume, and only encrypted ones. */
function checkMappings(from: ResourceView, path: string, location: string, app: AppView): RuleVerdict {
  const res = app.resolve(from, path);
  if (!res.ok) return unverifiable('the block device mappings', res.unresolved, location);
  for (const { value: list } of res.values) {
    if (isDeployTime(list)) return unverifiable('the block device mappings', list, location);
    const ebs = asList<any>(list).map((m, i) => ({ m, i })).filter(({ m }) => m && m.Ebs !== undefined);
    if (ebs.length === 0) return nonCompliant('no EBS block device mapping sets Encrypted, so the root volume depends on the AMI and the account default', location);
    for (const { m, i } of ebs) {
      const at = location === path ? `${location}/${i}/Ebs/Encrypted` : location;
      if (isDeployTime(m.Ebs?.Encrypted)) return unverifiable(`Encrypted of ${m.DeviceName}`, m.Ebs.Encrypted, at);
      if (!isTrue(m.Ebs?.Encrypted)) return nonCompliant(`EBS volume ${m.DeviceName ?? i} is not encrypted`, at);
    }
  }
  return COMPLIANT;
}

/**
 * Reads: `AWS::EC2::Volume`, and the block device mappings of `AWS::EC2::LaunchTemplate`,
 * `AWS::AutoScaling::LaunchConfiguration`, `AWS::EC2::Instance` (its own, else those of its launch template, in
 * any stack of the app) and `AWS::AutoScaling::AutoScalingGroup` (those of its launch template or configuration, every
 * mixed-instances override included), in every `Fn::If` branch.
 * Fails when: a volume is not encrypted, an EBS mapping does not set `Encrypted: true`, or an instance,
 * launch template or launch configuration maps no EBS volume at all (its root volume then depends on
 * the AMI and the account default).
 * Fix: set `Encrypted: true` on every EBS volume and block device mapping, including the root volume.
 */
export const EbsVolumeEncrypted = defineRule({
  name: 'EbsVolumeEncrypted',
  description: 'EBS volumes, including instance and launch template root volumes, are encrypted',
  fix: 'Set encrypted: true on the volume, or map the root device with BlockDeviceVolume.ebs(size, { encrypted: true })',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::Volume') {
      return requireTrue(r, 'Encrypted', 'the volume is not encrypted', app);
    }
    if (r.type === 'AWS::EC2::LaunchTemplate') return checkMappings(r, 'LaunchTemplateData/BlockDeviceMappings', 'LaunchTemplateData/BlockDeviceMappings', app);
    if (r.type === 'AWS::AutoScaling::LaunchConfiguration') return checkMappings(r, 'BlockDeviceMappings', 'BlockDeviceMappings', app);
    // An instance maps what it sets itself, else what its launch template maps; a group, what its template maps.
    const launches = app.launches(r);
    const at = r.type === 'AWS::EC2::Instance' ? 'LaunchTemplate' : r.properties.LaunchConfigurationName !== undefined ? 'LaunchConfigurationName' : r.properties.MixedInstancesPolicy !== undefined ? 'MixedInstancesPolicy' : 'LaunchTemplate';
    if (!launches.ok) return unverifiable('the block device mappings of the launch template', launches.unresolved, at);
    for (const launch of launches.launches) {
      const source = launch.settings.get('BlockDeviceMappings');
      const verdict = source
        ? checkMappings(source.from, source.path, source.from === r ? 'BlockDeviceMappings' : at, app)
        : nonCompliant(`no EBS block device mapping sets Encrypted${launch.template && launch.template !== r ? ` in ${launch.template.path}` : ''}, so the root volume depends on the AMI and the account default`, source === undefined && r.type !== 'AWS::EC2::Instance' ? at : 'BlockDeviceMappings');
      if (verdict.status !== 'compliant') return verdict;
    }
    return COMPLIANT;
  },
});
