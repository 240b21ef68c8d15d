import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { byLiteralProperty, referrers, referrersOf, unresolvedIn } from '../utils/references';

/** Rotation schedules by the secret they rotate (Ref, or the secret's literal `Name` / an ARN ending in it). */
function schedules(app: AppView) {
  return referrers(app, {
    key: 'rotation-schedules-by-secret',
    fromType: 'AWS::SecretsManager::RotationSchedule',
    targetType: 'AWS::SecretsManager::Secret',
    values: (s) => s.properties.SecretId,
    byLiteral: (from, id) => {
      // An ARN ends with the name and a 6-character suffix: arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf
      const name = id.startsWith('arn:') ? id.replace(/^.*:secret:/, '') : id;
      return byLiteralProperty(app, 'AWS::SecretsManager::Secret', 'Name', from, name)
        ?? byLiteralProperty(app, 'AWS::SecretsManager::Secret', 'Name', from, name.replace(/-[A-Za-z0-9]{6}$/, ''));
    },
  });
}

/**
 * Reads: `AWS::SecretsManager::Secret` and, in its stack, every `AWS::SecretsManager::RotationSchedule`.
 * Fails when: no rotation schedule of the stack targets the secret (by `SecretId` Ref, name or ARN). When a
 * schedule of the stack targets a secret id unknown at synth, an unmatched secret is reported as unverifiable.
 * Fix: `secret.addRotationSchedule(...)` (hosted rotation or a rotation Lambda), or `addRotationSingleUser()`
 * on an RDS/DocumentDB secret.
 */
export const SecretsRotated = defineRule({
  name: 'SecretsRotated',
  description: 'Secrets Manager secrets are rotated automatically on a schedule',
  fix: 'Add a rotation schedule to the secret: secret.addRotationSchedule(id, { hostedRotation | rotationLambda }), or cluster.addRotationSingleUser() for database secrets',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  scope: 'stack',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (r.type !== 'AWS::SecretsManager::Secret') return NOT_APPLICABLE;
    const index = schedules(app);
    if (referrersOf(r, index).length > 0) return COMPLIANT;
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`whether rotation schedule ${unknown.from.path} rotates this secret`, unknown.value, 'SecretId');
    return nonCompliant('no AWS::SecretsManager::RotationSchedule in the stack rotates this secret');
  },
});
