import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { CREDENTIAL_PROPERTIES, dynamicReference, isDeployTime, isEncryptedReference, Text } from '../../aws';
import { valuesAt } from '../utils/property-paths';
import { credentialInText, isSecretName, literalTexts, scanTexts, secretAttribute } from '../utils/secrets';

const CREDENTIAL_TYPES = Object.keys(CREDENTIAL_PROPERTIES);
const TYPES = ['AWS::SSM::Parameter', ...CREDENTIAL_TYPES];

/** Why the value of a String parameter is a credential (what it holds), or undefined. */
function heldCredential(app: AppView, value: unknown): string | undefined {
  const secret = secretAttribute(value);
  if (secret) return `its value is ${secret}`;
  const text = typeof value === 'string' ? value : value instanceof Text ? value.render() : undefined;
  const ref = text !== undefined ? dynamicReference(text) : undefined;
  if (ref?.service === 'secretsmanager') return `its value is copied from the secret ${ref.reference.split(':')[0]}`;
  for (const t of scanTexts(app, value)) {
    const found = credentialInText(t);
    if (found) return `its value contains ${found}`;
  }
  return undefined;
}

/** The dynamic reference a credential value is read through (`{{resolve:ssm:...}}`, `{{resolve:secretsmanager:...}}`...), if any. */
function dynamicReferenceIn(v: unknown): ReturnType<typeof dynamicReference> {
  const text = typeof v === 'string' ? v : v instanceof Text && typeof v.parts[0] === 'string' ? v.render() : undefined;
  return text !== undefined ? dynamicReference(text) : undefined;
}

function checkParameter(r: ResourceView, app: AppView): RuleVerdict {
  const p = r.properties;
  const names = p.Name === undefined ? [r.logicalId] : literalTexts(p.Name).filter((t) => t !== '');
  const secretName = names.find(isSecretName);
  const description = typeof p.Description === 'string' && /(password|passwd|secret|token|credential|api[-_ ]?key|private key)/i.test(p.Description) ? p.Description : undefined;
  let why = secretName !== undefined ? `its name ${secretName} looks secret` : description !== undefined ? `its description '${description}' looks secret` : undefined;
  if (why === undefined) {
    const res = app.resolve(r, 'Value');
    if (!res.ok) return unverifiable('Value', res.unresolved, 'Value');
    why = res.values.map((v) => heldCredential(app, v.value)).find((w) => w !== undefined);
  }
  // A parameter that holds no credential shows nothing about how credentials are stored.
  if (why === undefined) return NOT_APPLICABLE;
  const type = app.resolve(r, 'Type');
  if (!type.ok) return unverifiable('Type', type.unresolved, 'Type');
  for (const { value } of type.values) {
    if (isDeployTime(value)) return unverifiable(`the type of a parameter whose ${why.replace(/^its /, '')}`, value, 'Type');
    if (value === 'String' || value === 'StringList') return nonCompliant(`the parameter is a plain-text ${value} but ${why}`, 'Type');
  }
  return COMPLIANT;
}

/**
 * Reads: `AWS::SSM::Parameter` (its `Name`, or the literal parts of a name built with intrinsics, or the logical id
 * when CloudFormation generates the name; its `Description`; its `Value` through the resolver), and the credential
 * properties of every type that has them (`lib/aws/credentials.ts`: database master passwords, directory passwords,
 * auth tokens...).
 * Fails when: a `String` or `StringList` parameter holds a credential: its name or description looks secret
 * (password, secret, token, credential, API key, private key; names that designate a secret, such as
 * `.../secret-arn`, do not count), or its value holds one (an access key, a connection string password, an attribute
 * that returns a secret such as `SecretAccessKey`, a copy of a secret through `{{resolve:secretsmanager:...}}`); or a
 * credential property reads a plain-text parameter (`{{resolve:ssm:...}}`, where `{{resolve:ssm-secure:...}}` or
 * `{{resolve:secretsmanager:...}}` reads an encrypted one). CloudFormation cannot create `SecureString` parameters, so
 * the fix is a secret, not a type. A type unknown at synth on such a parameter is unverifiable.
 * Passes when a credential property is read from encrypted storage. A parameter that holds no credential, and a
 * resource whose credential properties are absent (a VPN connection whose keys AWS generates, a cache without AUTH) or
 * written in the template (NoHardcodedCredentials' and CredentialsEncryptedAtRest's findings), are not read: they show
 * nothing about where credentials are stored.
 * Fix: store the value in Secrets Manager (with a customer managed key), or keep only its ARN in the parameter; read
 * credentials with `{{resolve:secretsmanager:...}}` or `{{resolve:ssm-secure:...}}`.
 */
export const SecretParametersNotPlainText = defineRule({
  name: 'SecretParametersNotPlainText',
  description: 'Credentials are not stored in plain-text SSM String parameters',
  fix: 'Move the value to a Secrets Manager secret (CloudFormation cannot create SecureString parameters) and read it with {{resolve:secretsmanager:...}} (or {{resolve:ssm-secure:...}} for a SecureString created outside the template); keep only the secret ARN in Parameter Store if needed',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::SSM::Parameter') return checkParameter(r, app);
    let parameter = false;
    for (const pattern of CREDENTIAL_PROPERTIES[r.type]) {
      const read = valuesAt(app, r, pattern);
      if (!read.ok) return unverifiable(pattern, read.unresolved, pattern);
      for (const { value, location } of read.values) {
        const ref = dynamicReferenceIn(value);
        if (ref === undefined) continue;
        parameter = true;
        if (!isEncryptedReference(ref.service)) return nonCompliant(`${location} is read from the plain-text SSM parameter ${ref.reference} ({{resolve:ssm:...}}): the credential is stored unencrypted`, location);
      }
    }
    // Only a credential read from a store shows how it is stored; none (a VPN connection whose keys AWS generates, a
    // cache without AUTH) or a value written in the template (NoHardcodedCredentials, CredentialsEncryptedAtRest) does not.
    return parameter ? COMPLIANT : NOT_APPLICABLE;
  },
});
