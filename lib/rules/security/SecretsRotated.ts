import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { parseArn } from '../../aws';
import { byLiteralProperty, referrers, referrersOf, unresolvedIn } from '../utils/references';

/**
 * Rotation schedules by the secret they rotate: a reference followed by the resolver (through a secret target
 * attachment, an import or a nested-stack parameter), or the secret's literal `Name` / an ARN ending in it.
 */
function schedules(app: AppView) {
  return referrers(app, {
    key: 'rotation-schedules-by-secret',
    fromType: 'AWS::SecretsManager::RotationSchedule',
    targetType: 'AWS::SecretsManager::Secret',
    path: 'SecretId',
    byLiteral: (from, id) => {
      // An ARN ends with the name and a 6-character suffix: arn:aws:secretsmanager:<region>:<account>:secret:<name>-AbCdEf
      const arn = parseArn(id);
      const name = arn ? arn.resource.replace(/^secret:/, '') : id;
      return byLiteralProperty(app, 'AWS::SecretsManager::Secret', 'Name', from, name)
        ?? byLiteralProperty(app, 'AWS::SecretsManager::Secret', 'Name', from, name.replace(/-[A-Za-z0-9]{6}$/, ''));
    },
  });
}

/**
 * Reads: `AWS::SecretsManager::Secret` and every `AWS::SecretsManager::RotationSchedule` of the app, whose `SecretId`
 * is followed to the secret (`Ref` of the secret or of its `SecretTargetAttachment`, as `addRotationSingleUser()`
 * writes; an import; a nested-stack parameter; the secret's name or ARN).
 * Fails when: no rotation schedule targets the secret. When a schedule of the stack targets a secret id unknown at
 * synth (or one that cannot be followed), an unmatched secret is reported as unverifiable.
 * Fix: `secret.addRotationSchedule(...)` (hosted rotation or a rotation Lambda), or `addRotationSingleUser()`
 * on an RDS/DocumentDB secret.
 */
export const SecretsRotated = defineRule({
  name: 'SecretsRotated',
  description: 'Secrets Manager secrets are rotated automatically on a schedule',
  fix: 'Add a rotation schedule to the secret: secret.addRotationSchedule(id, { hostedRotation | rotationLambda }), or cluster.addRotationSingleUser() for database secrets',
  resourceTypes: ['AWS::SecretsManager::Secret'],
  scope: 'app',
  check(r: ResourceView, app: AppView): RuleVerdict {
    if (r.type !== 'AWS::SecretsManager::Secret') return NOT_APPLICABLE;
    const index = schedules(app);
    if (referrersOf(r, index).length > 0) return COMPLIANT;
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`whether rotation schedule ${unknown.from.path} rotates this secret`, unknown.value, 'SecretId');
    return nonCompliant('no AWS::SecretsManager::RotationSchedule in the stack rotates this secret');
  },
});
