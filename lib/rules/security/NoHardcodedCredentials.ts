import { COMPLIANT, defineRule, NOT_APPLICABLE, RuleVerdict } from '../rule';
import { CREDENTIAL_HOLDER_TYPES, hardCodedCredentialIn } from '../utils/hardcoded-credentials';

/**
 * Reads: every property CloudFormation documents as holding a credential (`lib/aws/credentials.ts`: RDS, Aurora,
 * Redshift, DocumentDB master passwords, Managed Microsoft AD and Simple AD passwords, FSx self-managed Active
 * Directory and ONTAP admin passwords, ElastiCache `AuthToken` and users, MemoryDB users, OpenSearch master users,
 * Amazon MQ users, DMS endpoints, VPN pre-shared keys, EMR Kerberos, Glue connections, EventBridge connections,
 * DataSync locations, Amplify and CodeBuild tokens, IAM login profiles...); and free text: Lambda, ECS and Batch
 * environment variables, CodeBuild PLAINTEXT variables, EC2 instance / launch template / launch configuration
 * `UserData` (built with `Fn::Base64`, `Fn::Join`, `Fn::Sub`, or a base64 literal, decoded), `String` SSM parameters,
 * a secret's `SecretString`, and stack outputs. Every value is read through the resolver (each `Fn::If` branch,
 * imports, nested-stack parameters, parameter defaults).
 * Fails when: a credential property is a literal, a text built around literal parts, or a template parameter that is
 * not NoEcho or has a default; free text contains an access key id (`AKIA`/`ASIA` + 16), a secret access key, a PEM
 * private key, a connection string password (`...;Password=...;`, `PWD=`), a password in a URL (`user:pass@host`), a
 * `PASSWORD=literal` assignment, or an attribute that returns a secret (`Fn::GetAtt <AccessKey>.SecretAccessKey`); a
 * variable named like a password / secret / token / API key has a literal value or a non-NoEcho parameter; a secret's
 * `SecretString` is a literal. Dynamic references (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`),
 * NoEcho parameters without default, resources' attributes and ARNs are references, not credentials: they pass.
 * Findings show only the first four characters of a value.
 * Fix: keep the value in Secrets Manager and pass a reference (ECS `secrets`, CodeBuild SECRETS_MANAGER variables,
 * `SecretValue.secretsManager` / dynamic references, `manageMasterUserPassword`, generated secrets, or fetch it at run time).
 */
export const NoHardcodedCredentials = defineRule({
  name: 'NoHardcodedCredentials',
  description: 'No credentials are hard-coded in the template: passwords, keys, tokens, connection strings, user data, parameters or stack outputs',
  fix: 'Store the credential in Secrets Manager and pass a reference: a {{resolve:secretsmanager:...}} dynamic reference (SecretValue.secretsManager, Credentials.fromGeneratedSecret, manageMasterUserPassword), ECS secrets, CodeBuild SECRETS_MANAGER variables, a NoEcho parameter without default, or read it at run time',
  resourceTypes: CREDENTIAL_HOLDER_TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!CREDENTIAL_HOLDER_TYPES.includes(r.type)) return NOT_APPLICABLE;
    return hardCodedCredentialIn(r, app) ?? COMPLIANT;
  },
});
