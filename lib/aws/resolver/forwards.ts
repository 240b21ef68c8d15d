/**
 * Resource types whose `Ref` returns the value of one of their own properties, so a reference to them leads
 * further: a rotation schedule whose `SecretId` is the `Ref` of a secret target attachment designates the
 * attachment's `SecretId`, the secret itself. From the "Return values" of each type in the CloudFormation
 * template reference.
 */
export const REF_FORWARDS: { readonly [type: string]: string } = {
  /** "Ref returns the ARN of the secret." */
  'AWS::SecretsManager::SecretTargetAttachment': 'SecretId',
  /** "Ref returns the ARN of the secret." */
  'AWS::SecretsManager::RotationSchedule': 'SecretId',
  /** "Ref returns the ARN of the secret." */
  'AWS::SecretsManager::ResourcePolicy': 'SecretId',
};
