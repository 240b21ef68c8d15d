import { defineRule } from '../rule';
import { CREDENTIAL_HOLDER_TYPES, credentialsEncryptedVerdict } from '../utils/hardcoded-credentials';

/**
 * Reads: what NoHardcodedCredentials reads (every property CloudFormation documents as a credential, environment
 * variables, user data, `String` SSM parameters, a secret's value, stack outputs, through the resolver), and where the
 * template keeps a credential encrypted: Secrets Manager secrets, credential properties read with
 * `{{resolve:secretsmanager:...}}` or `{{resolve:ssm-secure:...}}`, container secrets read from Secrets Manager.
 * Fails when: a credential is written into the template (a literal password, a connection string, user data, a
 * container variable, an output, a parameter that is not NoEcho or has a default): the template, the stack's
 * description and the instance's user data keep it in clear, so it is not encrypted at rest.
 * Passes when the resource's credential is stored encrypted (a Secrets Manager secret, a `SecureString` parameter).
 * A resource that holds no credential is not read: it shows nothing about how credentials are stored. A value that
 * could be a credential and is not known at synth is unverifiable. Credentials read from plain-text `String`
 * parameters are SecretParametersNotPlainText's.
 * Fix: keep the credential in Secrets Manager (generated, `SecretValue.secretsManager`, `manageMasterUserPassword`) and
 * pass a reference: a dynamic reference, ECS `secrets`, or a read at run time.
 */
export const CredentialsEncryptedAtRest = defineRule({
  name: 'CredentialsEncryptedAtRest',
  description: 'Credentials are kept encrypted at rest (Secrets Manager, SecureString parameters), never written into the template',
  fix: 'Move the credential into Secrets Manager (a generated secret, SecretValue.secretsManager, manageMasterUserPassword) and reference it: a {{resolve:secretsmanager:...}} dynamic reference, ECS secrets, or a read at run time',
  resourceTypes: CREDENTIAL_HOLDER_TYPES,
  scope: 'resource',
  check: (r, app) => credentialsEncryptedVerdict(r, app, 'any'),
});
