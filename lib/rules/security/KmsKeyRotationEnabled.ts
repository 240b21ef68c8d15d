import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic, isTrue } from '../../aws';

/**
 * Reads: `AWS::KMS::Key`.
 * Fails when: a symmetric encryption key (`KeySpec` absent or `SYMMETRIC_DEFAULT`) does not set
 * `EnableKeyRotation: true`. Asymmetric and HMAC keys cannot rotate automatically: not applicable.
 * A key spec or rotation flag unknown at synth is unverifiable.
 * Fix: `new kms.Key(this, 'K', { enableKeyRotation: true })`.
 */
export const KmsKeyRotationEnabled = defineRule({
  name: 'KmsKeyRotationEnabled',
  description: 'Symmetric customer managed KMS keys rotate automatically',
  fix: 'Set enableKeyRotation: true on the key (optionally rotationPeriod)',
  resourceTypes: ['AWS::KMS::Key'],
  scope: 'resource',
  check(r): RuleVerdict {
    if (r.type !== 'AWS::KMS::Key') return NOT_APPLICABLE;
    const spec = r.properties.KeySpec;
    if (isIntrinsic(spec)) return unverifiable('KeySpec', spec, 'KeySpec');
    if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return NOT_APPLICABLE;
    const rotation = r.properties.EnableKeyRotation;
    if (isIntrinsic(rotation)) return unverifiable('EnableKeyRotation', rotation, 'EnableKeyRotation');
    return isTrue(rotation) ? COMPLIANT : nonCompliant('the symmetric key does not set EnableKeyRotation: true', 'EnableKeyRotation');
  },
});
