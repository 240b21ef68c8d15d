import { AppView, COMPLIANT, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, STACK_OUTPUT_TYPE, unverifiable } from '../rule';
import { asList, AWS_CREDENTIAL_PROPERTIES, CREDENTIAL_PROPERTIES, DeployTimeValue, dynamicReference, isDeployTime, isEncryptedReference, ResourceValue, resourcesWithin, Text } from '../../aws';
import { valuesAt } from './property-paths';
import { credentialInText, hardCodedCredential, isAwsCredentialName, isSecretName, isSecretValue, mask, scanTexts, secretAttribute } from './secrets';

/**
 * Credentials written into a template, wherever CloudFormation lets one be written: the properties documented as
 * credentials (`lib/aws/credentials.ts`) and free text (environment variables, user data, parameter values, a
 * secret's value, outputs). One reading for the items that ask about them (1.10 hard-coded, 1.11 encrypted at rest).
 */

/**
 * Which credentials are read: `any` credential, or only those used with AWS itself (`aws`: access keys, session tokens,
 * secrets AWS services issue, IAM users' passwords), for the "Applies to" cells that limit 1.10 and 1.11 to
 * "credentials used to integration with AWS".
 */
export type CredentialScope = 'any' | 'aws';

/** The credential properties each scope reads, by type. */
const PROPERTIES: { readonly [S in CredentialScope]: { readonly [type: string]: readonly string[] } } = { any: CREDENTIAL_PROPERTIES, aws: AWS_CREDENTIAL_PROPERTIES };

/** Where free text (environment variables, user data, values) is, by type: a path to resolve and how to list its entries. */
const TEXT_TYPES = [
  'AWS::Lambda::Function', 'AWS::ECS::TaskDefinition', 'AWS::Batch::JobDefinition', 'AWS::CodeBuild::Project',
  'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::SSM::Parameter',
  'AWS::SecretsManager::Secret', STACK_OUTPUT_TYPE,
];
/** Every type a credential can be written into: the credential properties' types and the free-text types. */
export const CREDENTIAL_HOLDER_TYPES: readonly string[] = [...new Set([...TEXT_TYPES, ...Object.keys(CREDENTIAL_PROPERTIES)])];

/** Every type a credential used with AWS can be written into. */
export const AWS_CREDENTIAL_HOLDER_TYPES: readonly string[] = [...new Set([...TEXT_TYPES, ...Object.keys(AWS_CREDENTIAL_PROPERTIES)])];

/** The types a scope reads. */
export function credentialHolderTypes(scope: CredentialScope): readonly string[] {
  return scope === 'aws' ? AWS_CREDENTIAL_HOLDER_TYPES : CREDENTIAL_HOLDER_TYPES;
}

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

/** What is hard-coded in one entry (of the scope), described without disclosing it. */
function finding(app: AppView, e: Entry, scope: CredentialScope): string | undefined {
  const v = e.value;
  // A secret's value is where a secret attribute belongs (Secrets Manager encrypts it, CloudFormation does not show it).
  if (e.wholeIsSecret) {
    if (scope === 'any' && typeof v === 'string' && v.trim() !== '') return `${e.name} is written in the template: ${mask(v)}`;
  } else {
    const secret = secretAttribute(v);
    if (secret) return `${e.name} is ${secret}`;
  }
  if (scope === 'aws' ? isAwsCredentialName(e.name) : isSecretName(e.name) || e.wholeIsSecret) {
    if (typeof v === 'string' && isSecretValue(v)) return `${e.name} has a literal value ${mask(v)}`;
    if (v instanceof DeployTimeValue) {
      const h = hardCodedCredential(app, v);
      if (h.reason) return `${e.name} comes from ${h.reason}`;
    }
  }
  for (const t of scanTexts(app, v, e.base64, !e.wholeIsSecret)) {
    const found = credentialInText(t, scope === 'aws');
    if (found) return `${e.name} contains ${found}`;
  }
  return undefined;
}

/** The credential properties of the resource (database, directory, cache passwords...; for `aws`, IAM users' passwords). */
function checkCredentialProperties(r: ResourceView, app: AppView, scope: CredentialScope): RuleVerdict | undefined {
  for (const pattern of PROPERTIES[scope][r.type] ?? []) {
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
 * The first credential written into a resource, as a finding (`nonCompliant`, its reason naming what and where without
 * disclosing it), or `unverifiable` for a value that could be one and is not known at synth; undefined when none is.
 */
export function hardCodedCredentialIn(r: ResourceView, app: AppView, scope: CredentialScope = 'any'): RuleVerdict | undefined {
  const property = checkCredentialProperties(r, app, scope);
  if (property) return property;
  const entries = entriesOf(r, app);
  if (!Array.isArray(entries)) return entries;
  for (const e of entries) {
    const found = finding(app, e, scope);
    if (found === undefined) continue;
    if (e.unknownType !== undefined) return unverifiable(`whether ${e.name} is a plain-text variable`, e.unknownType, `${e.location}/Type`);
    return nonCompliant(found, e.location);
  }
  return undefined;
}

/** Whether a credential value is read from storage that keeps it encrypted: a Secrets Manager secret or a `SecureString` parameter. */
function encryptedReference(v: unknown): boolean {
  const text = typeof v === 'string' ? v : v instanceof Text && typeof v.parts[0] === 'string' ? v.render(() => 'x') : undefined;
  const ref = text !== undefined ? dynamicReference(text) : undefined;
  if (ref) return isEncryptedReference(ref.service);
  return v instanceof ResourceValue && v.resource.type === 'AWS::SecretsManager::Secret';
}

/**
 * Where a resource holds a credential that is stored encrypted at rest: a credential property read from Secrets Manager
 * or a `SecureString` parameter (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), a container secret
 * read from Secrets Manager, or a Secrets Manager secret whose value is not written in the template. Undefined when the
 * resource holds no credential the template shows stored encrypted.
 */
export function encryptedCredentialIn(r: ResourceView, app: AppView, scope: CredentialScope = 'any'): string | undefined {
  if (r.type === 'AWS::SecretsManager::Secret') {
    if (scope === 'aws') return awsSecretHeld(r, app);
    return r.properties.SecretString === undefined ? `${r.path} is a Secrets Manager secret, which Secrets Manager encrypts at rest with a KMS key` : undefined;
  }
  for (const pattern of PROPERTIES[scope][r.type] ?? []) {
    const read = valuesAt(app, r, pattern);
    if (!read.ok) continue;
    const held = read.values.find(({ value }) => encryptedReference(value));
    if (held) return `${held.location} is read from encrypted storage`;
  }
  if (r.type === 'AWS::ECS::TaskDefinition') {
    const res = app.resolve(r, 'ContainerDefinitions');
    const fromSecretsManager = (from: unknown) => resourcesWithin(from).some((v) => v.resource.type === 'AWS::SecretsManager::Secret') || (typeof from === 'string' && from.includes(':secretsmanager:'));
    const counts = (s: any) => fromSecretsManager(s?.ValueFrom) && (scope === 'any' || isAwsCredentialName(String(s?.Name)));
    if (res.ok && res.values.some((alt) => asList<any>(alt.value).some((c) => asList<any>(c?.Secrets).some(counts)))) {
      return 'a container reads a secret from Secrets Manager';
    }
  }
  return undefined;
}

/** A Secrets Manager secret whose value the template builds from a secret an AWS service issues (an access key's `SecretAccessKey`). */
function awsSecretHeld(r: ResourceView, app: AppView): string | undefined {
  const res = app.resolve(r, 'SecretString');
  if (!res.ok) return undefined;
  for (const alt of res.values) {
    const held = scanTexts(app, alt.value).map((t) => /\u0002([^\u0002]+)\u0002/.exec(t)?.[1]).find((x) => x !== undefined);
    if (held) return `${r.path} is a Secrets Manager secret holding ${held.replace(/, a secret CloudFormation then shows in plain text$/, '')}, which Secrets Manager encrypts at rest with a KMS key`;
  }
  return undefined;
}

/**
 * 1.11's verdict on a resource, for a scope: a credential written into the template is kept in clear (a finding); one
 * the template keeps in encrypted storage passes; a resource holding no credential of the scope is not read.
 */
export function credentialsEncryptedVerdict(r: ResourceView, app: AppView, scope: CredentialScope): RuleVerdict {
  if (!credentialHolderTypes(scope).includes(r.type)) return NOT_APPLICABLE;
  const written = hardCodedCredentialIn(r, app, scope);
  if (written) {
    return written.status === 'non-compliant' && !written.reason.startsWith('could not verify')
      ? nonCompliant(`${written.reason}: written into the template, the credential is kept in clear (the template, the stack, user data), not encrypted at rest`, written.location)
      : written;
  }
  return encryptedCredentialIn(r, app, scope) !== undefined ? COMPLIANT : NOT_APPLICABLE;
}
