import { COMPLIANT, defineRule, NOT_APPLICABLE } from '../rule';
import { AWS_CREDENTIAL_HOLDER_TYPES, hardCodedCredentialIn } from '../utils/hardcoded-credentials';

/**
 * The check of NoHardcodedCredentials limited to the credentials used with AWS itself, for the customer-deployed
 * columns of item 1.10, whose cells limit it to "credentials used to integration with AWS should be easily changed and
 * not hard coded": a database, directory, cache or VPN password is not one of them.
 * Reads: the free text NoHardcodedCredentials reads (Lambda, ECS and Batch environment variables, CodeBuild PLAINTEXT
 * variables, instance / launch template / launch configuration `UserData`, `String` SSM parameters, a secret's
 * `SecretString`, stack outputs), through the resolver; and `AWS::IAM::User` `LoginProfile/Password`.
 * Fails when: the text holds an access key id (`AKIA`/`ASIA` + 16) or a secret access key, an attribute that returns a
 * secret an AWS service issues (`Fn::GetAtt <AccessKey>.SecretAccessKey`, a Cognito client secret, an AppSync API key),
 * or gives a literal (or a parameter that is not NoEcho) to a name that holds a credential for calling AWS
 * (`AWS_SECRET_ACCESS_KEY`, `aws_access_key_id`, `AWS_SESSION_TOKEN`, `secretAccessKey`); an IAM user's password is a
 * literal or such a parameter. Other passwords are not read. Findings show only the first four characters of a value.
 * Fix: give the software that calls AWS a role (an instance profile, a task role, an execution role, IAM Roles Anywhere
 * outside AWS) instead of keys, or read keys at run time from Secrets Manager, where they can be rotated.
 */
export const NoHardcodedAwsCredentials = defineRule({
  name: 'NoHardcodedAwsCredentials',
  description: 'No credential used to call AWS is hard-coded in the template: access keys, session tokens, secrets AWS services issue, IAM user passwords',
  fix: 'Let the software that calls AWS assume a role (instance profile, task role, execution role, IAM Roles Anywhere) instead of holding access keys, or read them at run time from Secrets Manager so they can be changed without a deployment',
  resourceTypes: AWS_CREDENTIAL_HOLDER_TYPES,
  scope: 'resource',
  check: (r, app) => (AWS_CREDENTIAL_HOLDER_TYPES.includes(r.type) ? hardCodedCredentialIn(r, app, 'aws') ?? COMPLIANT : NOT_APPLICABLE),
});
