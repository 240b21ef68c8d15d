import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, STACK_OUTPUT_TYPE, unverifiable } from '../rule';
import { asList, CREDENTIAL_PROPERTIES, DeployTimeValue, isDeployTime } from '../../aws';
import { valuesAt } from '../utils/property-paths';
import { credentialInText, hardCodedCredential, isSecretName, isSecretValue, mask, scanTexts, secretAttribute } from '../utils/secrets';

/** Where free text (environment variables, user data, values) is, by type: a path to resolve and how to list its entries. */
const TEXT_TYPES = [
  'AWS::Lambda::Function', 'AWS::ECS::TaskDefinition', 'AWS::Batch::JobDefinition', 'AWS::CodeBuild::Project',
  'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::SSM::Parameter',
  'AWS::SecretsManager::Secret', STACK_OUTPUT_TYPE,
];
const TYPES = [...new Set([...TEXT_TYPES, ...Object.keys(CREDENTIAL_PROPERTIES)])];

/** A named value to scan (resolved); `unknownType` marks a CodeBuild variable whose Type is not known at synth. */
interface Entry {
  readonly name: string;
  readonly value: unknown;
  readonly location: string;
  readonly base64?: boolean;
  readonly unknownType?: unknown;
  /** The whole value is the secret (a secret's `SecretString`): any literal is a finding. */
  readonly wholeIsSecret?: boolean;
}

/** `[{ Name, Value }]` lists (ECS, Batch) as entries. */
function nameValues(list: unknown, location: string): Entry[] {
  return asList<any>(list).map((e, j) => ({ name: String(e?.Name), value: e?.Value, location: `${location}/${j}` }));
}

/** The free-text entries of a resource, every `Fn::If` branch; or what could not be followed. */
function entriesOf(r: ResourceView, app: AppView): Entry[] | RuleVerdict {
  const at = (path: string) => {
    const res = app.resolve(r, path);
    return res.ok ? res.values.map((v) => v.value) : res.unresolved;
  };
  const read = (path: string, each: (value: unknown) => Entry[]): Entry[] | RuleVerdict => {
    const values = at(path);
    return Array.isArray(values) ? values.flatMap(each) : unverifiable(path, values, path);
  };
  switch (r.type) {
    case 'AWS::Lambda::Function':
      return read('Environment/Variables', (vars) => Object.entries(vars && typeof vars === 'object' && !isDeployTime(vars) ? vars : {})
        .map(([name, value]) => ({ name, value, location: `Environment/Variables/${name}` })));
    case 'AWS::ECS::TaskDefinition':
      return read('ContainerDefinitions', (list) => asList<any>(list).flatMap((c, i) => nameValues(c?.Environment, `ContainerDefinitions/${i}/Environment`)));
    case 'AWS::Batch::JobDefinition':
      return read('ContainerProperties/Environment', (list) => nameValues(list, 'ContainerProperties/Environment'));
    case 'AWS::CodeBuild::Project':
      return read('Environment/EnvironmentVariables', (list) => asList<any>(list)
        .map((e, i) => ({ e, i }))
        .filter(({ e }) => e?.Type === undefined || e.Type === 'PLAINTEXT' || isDeployTime(e.Type))
        .map(({ e, i }) => ({ name: String(e.Name), value: e.Value, location: `Environment/EnvironmentVariables/${i}`, unknownType: isDeployTime(e.Type) ? e.Type : undefined })));
    case 'AWS::SSM::Parameter':
      // CloudFormation creates String and StringList parameters only (never SecureString).
      return read('Value', (value) => [{ name: typeof r.properties.Name === 'string' ? r.properties.Name : r.logicalId, value, location: 'Value' }]);
    case 'AWS::SecretsManager::Secret':
      return read('SecretString', (value) => [{ name: 'SecretString', value, location: 'SecretString', wholeIsSecret: true }]);
    case STACK_OUTPUT_TYPE:
      // An output's value is shown in the console and returned by DescribeStacks to anyone who can read the stack.
      return read('Value', (value) => [{ name: r.logicalId, value, location: 'Value' }]);
    case 'AWS::EC2::LaunchTemplate':
      return read('LaunchTemplateData/UserData', (value) => [{ name: 'UserData', value, location: 'LaunchTemplateData/UserData', base64: true }]);
    case 'AWS::EC2::Instance':
    case 'AWS::AutoScaling::LaunchConfiguration':
      return read('UserData', (value) => [{ name: 'UserData', value, location: 'UserData', base64: true }]);
    default:
      return [];
  }
}

/** What is hard-coded in one entry, described without disclosing it. */
function finding(app: AppView, e: Entry): string | undefined {
  const v = e.value;
  // A secret's value is where a secret attribute belongs (Secrets Manager encrypts it, CloudFormation does not show it).
  if (e.wholeIsSecret) {
    if (typeof v === 'string' && v.trim() !== '') return `${e.name} is written in the template: ${mask(v)}`;
  } else {
    const secret = secretAttribute(v);
    if (secret) return `${e.name} is ${secret}`;
  }
  if (isSecretName(e.name) || e.wholeIsSecret) {
    if (typeof v === 'string' && isSecretValue(v)) return `${e.name} has a literal value ${mask(v)}`;
    if (v instanceof DeployTimeValue) {
      const h = hardCodedCredential(app, v);
      if (h.reason) return `${e.name} comes from ${h.reason}`;
    }
  }
  for (const t of scanTexts(app, v, e.base64, !e.wholeIsSecret)) {
    const found = credentialInText(t);
    if (found) return `${e.name} contains ${found}`;
  }
  return undefined;
}

/** The credential properties of the resource (database, directory, cache passwords...). */
function checkCredentialProperties(r: ResourceView, app: AppView): RuleVerdict | undefined {
  for (const pattern of CREDENTIAL_PROPERTIES[r.type] ?? []) {
    const read = valuesAt(app, r, pattern);
    if (!read.ok) return unverifiable(pattern, read.unresolved, pattern);
    for (const { value, location } of read.values) {
      const h = hardCodedCredential(app, value);
      if (h.reason) return nonCompliant(`${location} is ${h.reason}`, location);
      if (h.unverifiable !== undefined) return unverifiable(location, h.unverifiable, location);
    }
  }
  return undefined;
}

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
  resourceTypes: TYPES,
  scope: 'resource',
  check(r, app): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    const property = checkCredentialProperties(r, app);
    if (property) return property;
    const entries = entriesOf(r, app);
    if (!Array.isArray(entries)) return entries;
    for (const e of entries) {
      const found = finding(app, e);
      if (found === undefined) continue;
      if (e.unknownType !== undefined) return unverifiable(`whether ${e.name} is a plain-text variable`, e.unknownType, `${e.location}/Type`);
      return nonCompliant(found, e.location);
    }
    return COMPLIANT;
  },
});
