import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic, isTrue } from '../../aws';

const TYPES = ['AWS::EC2::Volume', 'AWS::EC2::LaunchTemplate', 'AWS::EC2::Instance', 'AWS::AutoScaling::LaunchConfiguration'];

function mappingsOf(r: ResourceView): { list: unknown; prefix: string } {
  if (r.type === 'AWS::EC2::LaunchTemplate') return { list: r.properties.LaunchTemplateData?.BlockDeviceMappings, prefix: 'LaunchTemplateData/BlockDeviceMappings' };
  return { list: r.properties.BlockDeviceMappings, prefix: 'BlockDeviceMappings' };
}

/**
 * Reads: `AWS::EC2::Volume`, and the block device mappings of `AWS::EC2::LaunchTemplate`,
 * `AWS::EC2::Instance` and `AWS::AutoScaling::LaunchConfiguration`.
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
  scope: 'resource',
  check(r): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::EC2::Volume') {
      const enc = r.properties.Encrypted;
      if (isIntrinsic(enc)) return unverifiable('Encrypted', enc, 'Encrypted');
      return isTrue(enc) ? COMPLIANT : nonCompliant('the volume is not encrypted', 'Encrypted');
    }
    const { list, prefix } = mappingsOf(r);
    if (isIntrinsic(list)) return unverifiable('the block device mappings', list, prefix);
    const ebs = asList<any>(list).map((m, i) => ({ m, i })).filter(({ m }) => m && m.Ebs !== undefined);
    if (ebs.length === 0) return nonCompliant('no EBS block device mapping sets Encrypted, so the root volume depends on the AMI and the account default', prefix);
    for (const { m, i } of ebs) {
      if (isIntrinsic(m.Ebs.Encrypted)) return unverifiable(`Encrypted of ${m.DeviceName}`, m.Ebs.Encrypted, `${prefix}/${i}/Ebs/Encrypted`);
      if (!isTrue(m.Ebs.Encrypted)) return nonCompliant(`EBS volume ${m.DeviceName ?? i} is not encrypted`, `${prefix}/${i}/Ebs/Encrypted`);
    }
    return COMPLIANT;
  },
});
