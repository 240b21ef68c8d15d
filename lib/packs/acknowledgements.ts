/**
 * Acknowledgements as aws-cdk-lib records them (`Validations.of(x).acknowledge({ id, reason })`): construct
 * metadata of type `aws:cdk:acknowledged-rules`, which synthesis writes into the stack's metadata in the cloud
 * assembly (keyed by construct path, with the call's stack trace unless stack traces are off). The pack reads
 * them from the construct tree, the evidence report from the assembly: never from the templates.
 */

/** An acknowledgement id split as aws-cdk-lib splits it: `<namespace>::<rule>` at the first `::` outside brackets. */
export function parseAcknowledgedId(id: string): { readonly namespace?: string; readonly rule: string } {
  let depth = 0;
  for (let i = 0; i < id.length - 1; i++) {
    const c = id[i];
    if (c === '[' || c === '(' || c === '{') depth++;
    else if (c === ']' || c === ')' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ':' && id[i + 1] === ':' && depth === 0 && i > 0) return { namespace: id.slice(0, i), rule: id.slice(i + 2) };
  }
  return { rule: id };
}

/**
 * The id a finding is matched against: the rule without its namespace. aws-cdk-lib stores an id without a
 * namespace as `Annotation::<id>`; `Competency-networking-saas::Competency-1.14-X` (plugin-qualified) means
 * `Competency-1.14-X`; `AwsSolutions-IAM4[Policy::arn:...]` has no namespace (the `::` is inside brackets).
 */
export function acknowledgementKey(id: string): string {
  return parseAcknowledgedId(id).rule;
}

/** The id as the partner wrote it: whole, only aws-cdk-lib's `Annotation::` namespace dropped. */
export function displayAcknowledgedId(id: string): string {
  const { namespace, rule } = parseAcknowledgedId(id);
  return namespace === undefined || /^annotation$/i.test(namespace) ? rule : id;
}

/** The tool whose rule an acknowledgement names: its namespace, or the id's prefix before the first `-` (`AwsSolutions`, `Competency`). */
export function toolOfAcknowledgedId(id: string): string {
  const { namespace, rule } = parseAcknowledgedId(id);
  if (namespace !== undefined && !/^annotation$/i.test(namespace)) return namespace.startsWith('Competency-') ? 'Competency' : namespace;
  const m = /^([A-Za-z][A-Za-z0-9.]*)-/.exec(rule);
  return m ? m[1] : rule;
}

/**
 * Acknowledgements aws-cdk-lib makes itself, with the exact reason it gives: recognised by them when the
 * assembly records no stack trace (the CDK CLI turns traces off unless `--debug`). A test holds this list to
 * what the installed aws-cdk-lib writes.
 */
export const TOOL_ACKNOWLEDGEMENTS: readonly { readonly id: string; readonly reason: string }[] = [
  { id: 'CloudFormation-Validate::E3019', reason: 'We are intentionally creating a duplicate resource' },
  { id: 'CloudFormation-Validate::F3002', reason: 'AWS::EC2::FlowLog DestinationOptions accepts properties in camelCase, even they are listed as PascalCase in the spec' },
  { id: 'CloudFormation-Validate::F3003', reason: 'AWS::EC2::FlowLog DestinationOptions accepts properties in camelCase, even they are listed as PascalCase in the spec' },
  { id: 'CloudFormation-Validate::F3032', reason: 'An empty list of resources to replicate tags is historically supported by this construct.' },
  { id: 'CloudFormation-Validate::F3037', reason: 'Duplicate domain names in subjectAlternativeNames exist for historical reasons' },
  { id: 'CloudFormation-Validate::W2506', reason: 'SSM parameter is typed as String instead of AWS::SSM::Parameter::Value<AWS::EC2::Image::Id> for historical reasons.' },
  { id: 'CloudFormation-Validate::W3010', reason: 'Literal AZs in template are the result of accessing stack.availabilityZones, this is expected and safe' },
  { id: 'CloudFormation-Validate::W3045', reason: 'accessControl is deprecated, but we are still using it for historical reasons.' },
  { id: 'CloudFormation-Validate::W9003', reason: 'LifecycleRule.objectSizeLessThan and LifecycleRule.objectSizeGreaterThan are numbers for historical reasons' },
  { id: 'CloudFormation-Validate::W9009', reason: 'action is deprecated, but still in use for historical reasons' },
  { id: 'CloudFormation-Validate::W9009', reason: 'elasticSearchConfig is deprecated, but still in use for historical reasons' },
  { id: 'CloudFormation-Validate::W9010', reason: 'The AMI ID is resolved from a synth-time lookup, so the literal AMI ID in the template is expected.' },
];

/** The first frame of a recorded trace when the partner's code called `acknowledge` (aws-cdk-lib collapses its own frames). */
const ACKNOWLEDGE_FRAME = /^\s*\.\.\.Validations\.acknowledge in aws-cdk-lib\.\.\.\s*$/;
/** A collapsed run of aws-cdk-lib frames: `...new Vpc2 in aws-cdk-lib...`. */
const LIBRARY_FRAME = /^\s*\.\.\..+ in aws-cdk-lib\.\.\.\s*$/;

/**
 * Whether aws-cdk-lib made the acknowledgement itself rather than the app: by its recorded trace (the call
 * came from inside aws-cdk-lib), else by the known list {@link TOOL_ACKNOWLEDGEMENTS}.
 */
export function isToolAcknowledgement(id: string, reason: string, trace?: readonly string[]): boolean {
  const first = trace?.find((line) => line.trim() !== '');
  if (first !== undefined) return !ACKNOWLEDGE_FRAME.test(first) && LIBRARY_FRAME.test(first);
  return TOOL_ACKNOWLEDGEMENTS.some((t) => t.id === id && t.reason === reason);
}
