import { defineRule } from '../rule';
import { AWS_CREDENTIAL_HOLDER_TYPES, credentialsEncryptedVerdict } from '../utils/hardcoded-credentials';

/**
 * The check of CredentialsEncryptedAtRest limited to the credentials used with AWS itself, for the customer-deployed
 * columns of item 1.11, whose cells limit it to "credentials stored in APN Partner solution used to integrate with AWS
 * should be encrypted": a database, directory or VPN password is not one of them.
 * Reads: the free text CredentialsEncryptedAtRest reads (environment variables, user data, `String` SSM parameters, a
 * secret's value, stack outputs) and `AWS::IAM::User` `LoginProfile/Password`, through the resolver; and where the
 * template keeps such a credential encrypted: a Secrets Manager secret whose value holds an access key's secret, an
 * IAM user's password read with `{{resolve:secretsmanager:...}}` or `{{resolve:ssm-secure:...}}`, a container secret
 * named as an AWS credential (`AWS_SECRET_ACCESS_KEY`) read from Secrets Manager.
 * Fails when: an access key id or secret access key, a secret an AWS service issues (an access key's `SecretAccessKey`,
 * a Cognito client secret, an AppSync API key), a literal given to a name that holds a credential for calling AWS, or
 * an IAM user's literal password is written into the template, which keeps it in clear, not encrypted at rest.
 * A resource holding no credential used with AWS is not read. Findings show only the first four characters of a value.
 * Fix: keep access keys in Secrets Manager (or give the software a role and hold no key at all) and read them at run time.
 */
export const AwsCredentialsEncryptedAtRest = defineRule({
  name: 'AwsCredentialsEncryptedAtRest',
  description: 'Credentials used to call AWS (access keys, secrets AWS services issue, IAM user passwords) are kept encrypted at rest, never written into the template',
  fix: 'Keep access keys and IAM user passwords in Secrets Manager and read them at run time (or let the software assume a role and hold no key), never in a template, a variable, user data or an output',
  resourceTypes: AWS_CREDENTIAL_HOLDER_TYPES,
  scope: 'resource',
  check: (r, app) => credentialsEncryptedVerdict(r, app, 'aws'),
});
