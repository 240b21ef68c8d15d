import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, STACK_OUTPUT_TYPE, unverifiable } from '../rule';
import { asList, isIntrinsic } from '../../aws';
import { credentialInText, isSecretName, isSecretValue, literalTexts, mask } from '../utils/secrets';

const TYPES = [
  'AWS::Lambda::Function', 'AWS::ECS::TaskDefinition', 'AWS::CodeBuild::Project',
  'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::SSM::Parameter',
  STACK_OUTPUT_TYPE,
];

/** A named value to scan; `unknownType` marks a CodeBuild variable whose Type is not known at synth. */
interface Entry { readonly name: string; readonly value: unknown; readonly location: string; readonly unknownType?: unknown }

function entriesOf(r: ResourceView): Entry[] {
  const p = r.properties;
  switch (r.type) {
    case 'AWS::Lambda::Function':
      return Object.entries(p.Environment?.Variables ?? {}).map(([name, value]) => ({ name, value, location: `Environment/Variables/${name}` }));
    case 'AWS::ECS::TaskDefinition':
      return asList<any>(p.ContainerDefinitions).flatMap((c, i) => asList<any>(c?.Environment)
        .map((e, j) => ({ name: String(e?.Name), value: e?.Value, location: `ContainerDefinitions/${i}/Environment/${j}` })));
    case 'AWS::CodeBuild::Project':
      return asList<any>(p.Environment?.EnvironmentVariables)
        .filter((e) => e?.Type === undefined || e.Type === 'PLAINTEXT' || isIntrinsic(e.Type))
        .map((e, i) => ({ name: String(e.Name), value: e.Value, location: `Environment/EnvironmentVariables/${i}`, unknownType: isIntrinsic(e.Type) ? e.Type : undefined }));
    case 'AWS::SSM::Parameter':
      if (p.Type !== 'String' && p.Type !== 'StringList') return [];
      return [{ name: typeof p.Name === 'string' ? p.Name : r.logicalId, value: p.Value, location: 'Value' }];
    case STACK_OUTPUT_TYPE:
      // An output's value is shown in the console and returned by DescribeStacks to anyone who can read the stack.
      return [{ name: r.logicalId, value: p.Value, location: 'Value' }];
    case 'AWS::EC2::LaunchTemplate':
      return [{ name: 'UserData', value: p.LaunchTemplateData?.UserData, location: 'LaunchTemplateData/UserData' }];
    default:
      return [{ name: 'UserData', value: p.UserData, location: 'UserData' }];
  }
}

/** What is hard-coded in one entry, described without disclosing it. */
function finding(e: Entry): string | undefined {
  const texts = literalTexts(e.value, e.name === 'UserData');
  if (isSecretName(e.name) && typeof e.value === 'string' && isSecretValue(e.value)) return `${e.name} has a literal value ${mask(e.value)}`;
  for (const t of texts) {
    const found = credentialInText(t);
    if (found) return `${e.name} contains ${found}`;
  }
  return undefined;
}

/**
 * Reads: Lambda environment variables, ECS container `Environment`, CodeBuild PLAINTEXT environment
 * variables, EC2 instance / launch template / launch configuration `UserData` (literal parts of `Fn::Base64`,
 * `Fn::Join`, `Fn::Sub`, and base64 literals decoded), `String` SSM parameters, and stack outputs' values.
 * Fails when: a value contains an access key id (`AKIA`/`ASIA` + 16), a 40-character secret-key-shaped string
 * after a secret-ish name, a PEM private key or a `PASSWORD=literal` assignment, or a variable named like a
 * password / secret / token / API key / private key has a literal value. Dynamic references
 * (`{{resolve:secretsmanager:...}}`), `Ref`s and ARNs are references, not credentials: they pass. Findings
 * show only the first four characters of the value.
 * Fix: keep the value in Secrets Manager and pass a reference (ECS `secrets`, CodeBuild SECRETS_MANAGER
 * variables, `SecretValue` / dynamic references, or fetch it at run time).
 */
export const NoHardcodedCredentials = defineRule({
  name: 'NoHardcodedCredentials',
  description: 'No credentials are hard-coded in environment variables, user data, parameters or stack outputs',
  fix: 'Store the credential in Secrets Manager and pass a reference: ECS secrets, CodeBuild SECRETS_MANAGER variables, a {{resolve:secretsmanager:...}} dynamic reference, or read it at run time',
  resourceTypes: TYPES,
  scope: 'resource',
  check(r): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    for (const e of entriesOf(r)) {
      const found = finding(e);
      if (found === undefined) continue;
      if (e.unknownType !== undefined) return unverifiable(`whether ${e.name} is a plain-text variable`, e.unknownType, `${e.location}/Type`);
      return nonCompliant(found, e.location);
    }
    return COMPLIANT;
  },
});
