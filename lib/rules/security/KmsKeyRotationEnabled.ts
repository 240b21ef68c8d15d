import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic, isTrue } from '../../aws';

/** Key origins whose material KMS cannot rotate automatically: imported (BYOK), CloudHSM and external key stores. */
const NOT_ROTATABLE_ORIGINS = ['EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE'];

/**
 * Reads: `AWS::KMS::Key`.
 * Fails when: a symmetric encryption key (`KeySpec` absent or `SYMMETRIC_DEFAULT`) whose material KMS creates
 * (`Origin` absent or `AWS_KMS`) does not set `EnableKeyRotation: true`. Asymmetric and HMAC keys, and keys
 * whose material is imported (`EXTERNAL`, bring your own key) or kept in a CloudHSM or external key store
 * (`AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`, e.g. a partner key manager behind an XKS proxy), cannot rotate
 * automatically: not applicable. Item 1.23 uses this rule as a recommendation (it asks that keys be protected
 * and their use controlled, not rotated). A key spec, origin or rotation flag unknown at synth is unverifiable.
 * Fix: `new kms.Key(this, 'K', { enableKeyRotation: true })`.
 */
export const KmsKeyRotationEnabled = defineRule({
  name: 'KmsKeyRotationEnabled',
  description: 'Symmetric KMS keys whose material KMS generates rotate automatically',
  fix: 'Set enableKeyRotation: true on the key (optionally rotationPeriod)',
  resourceTypes: ['AWS::KMS::Key'],
  scope: 'resource',
  check(r): RuleVerdict {
    if (r.type !== 'AWS::KMS::Key') return NOT_APPLICABLE;
    const spec = r.properties.KeySpec;
    if (isIntrinsic(spec)) return unverifiable('KeySpec', spec, 'KeySpec');
    if (spec !== undefined && spec !== 'SYMMETRIC_DEFAULT') return NOT_APPLICABLE;
    const origin = r.properties.Origin;
    if (isIntrinsic(origin)) return unverifiable('Origin', origin, 'Origin');
    if (typeof origin === 'string' && NOT_ROTATABLE_ORIGINS.includes(origin)) return NOT_APPLICABLE;
    const rotation = r.properties.EnableKeyRotation;
    if (isIntrinsic(rotation)) return unverifiable('EnableKeyRotation', rotation, 'EnableKeyRotation');
    return isTrue(rotation) ? COMPLIANT : nonCompliant('the symmetric key does not set EnableKeyRotation: true', 'EnableKeyRotation');
  },
});
