import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';
import { isSecretName, literalTexts } from '../utils/secrets';

/**
 * Reads: `AWS::SSM::Parameter` (its `Name`, or the literal parts of a name built with intrinsics, or the
 * logical id when CloudFormation generates the name; and its `Description`).
 * Fails when: the name or description looks secret (password, secret, token, credential, API key, private
 * key — names that designate a secret, such as `.../secret-arn`, do not count) and the type is `String` or
 * `StringList`. CloudFormation cannot create `SecureString` parameters, so the fix is a secret, not a type.
 * A type unknown at synth on such a parameter is unverifiable.
 * Fix: store the value in Secrets Manager (with a customer managed key), or keep only its ARN in the parameter.
 */
export const SecretParametersNotPlainText = defineRule({
  name: 'SecretParametersNotPlainText',
  description: 'Secret values are not stored in plain-text SSM String parameters',
  fix: 'Move the value to a Secrets Manager secret (CloudFormation cannot create SecureString parameters); keep only the secret ARN in Parameter Store if needed',
  resourceTypes: ['AWS::SSM::Parameter'],
  scope: 'resource',
  check(r): RuleVerdict {
    if (r.type !== 'AWS::SSM::Parameter') return NOT_APPLICABLE;
    const p = r.properties;
    const names = p.Name === undefined ? [r.logicalId] : literalTexts(p.Name).filter((t) => t !== '');
    const secretName = names.find(isSecretName);
    const description = typeof p.Description === 'string' && /(password|passwd|secret|token|credential|api[-_ ]?key|private key)/i.test(p.Description) ? p.Description : undefined;
    if (secretName === undefined && description === undefined) return COMPLIANT;
    const why = secretName !== undefined ? `its name ${secretName} looks secret` : `its description '${description}' looks secret`;
    if (isIntrinsic(p.Type)) return unverifiable(`the type of a parameter whose ${why.replace(/^its /, '')}`, p.Type, 'Type');
    if (p.Type === 'String' || p.Type === 'StringList') return nonCompliant(`the parameter is a plain-text ${p.Type} but ${why}`, 'Type');
    return COMPLIANT;
  },
});
