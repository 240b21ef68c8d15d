/**
 * AWS partitions and pseudo parameters: which partition a region belongs to, the DNS suffix of its service
 * endpoints, and the values of `AWS::Partition`, `AWS::URLSuffix`, `AWS::Region` and `AWS::AccountId` for a
 * stack whose environment is known. The region prefixes and suffixes are those of aws-cdk-lib's `region-info`
 * (`partitionInformation`) and the AWS SDKs' `partitions.json`.
 */
import { isIntrinsic, isObject } from './intrinsics';

/** One AWS partition. */
export interface Partition {
  /** The partition id, as in ARNs: `aws`, `aws-cn`... */
  readonly id: string;
  /** The DNS suffix of its service endpoints (`AWS::URLSuffix`). */
  readonly dnsSuffix: string;
  /** Region name prefixes of the partition (`cn-`); the standard partition `aws` takes every other region. */
  readonly regionPrefixes: readonly string[];
}

/** Every AWS partition, the standard one first. */
export const PARTITIONS: readonly Partition[] = [
  { id: 'aws', dnsSuffix: 'amazonaws.com', regionPrefixes: [] },
  { id: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', regionPrefixes: ['cn-'] },
  { id: 'aws-us-gov', dnsSuffix: 'amazonaws.com', regionPrefixes: ['us-gov-'] },
  { id: 'aws-iso', dnsSuffix: 'c2s.ic.gov', regionPrefixes: ['us-iso-'] },
  { id: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov', regionPrefixes: ['us-isob-'] },
  { id: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk', regionPrefixes: ['eu-isoe-'] },
  { id: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov', regionPrefixes: ['us-isof-'] },
  { id: 'aws-eusc', dnsSuffix: 'amazonaws.eu', regionPrefixes: ['eusc-'] },
];

/** The partition ids, for checks of the partition field of an ARN. */
export const PARTITION_IDS: ReadonlySet<string> = new Set(PARTITIONS.map((p) => p.id));

/** The shape of a region name: `eu-west-1`, `us-gov-west-1`, `us-isob-east-1`, `eusc-de-east-1`. */
export const REGION_NAME = /^[a-z]{2,4}(-[a-z]+){1,2}-\d{1,2}$/;

const PARTITION_OF_REGION = new Map<string, Partition | undefined>();

/** The partition of a region; undefined when the name is not a region name. */
export function partitionOf(region: string): Partition | undefined {
  if (PARTITION_OF_REGION.has(region)) return PARTITION_OF_REGION.get(region);
  const partition = REGION_NAME.test(region) ? PARTITIONS.find((p) => p.regionPrefixes.some((prefix) => region.startsWith(prefix))) ?? PARTITIONS[0] : undefined;
  PARTITION_OF_REGION.set(region, partition);
  return partition;
}

/** What is known of a stack's environment: its account and region, when concrete. */
export interface PseudoParameters {
  readonly account?: string;
  readonly region?: string;
  /**
   * The partition, when known otherwise than from the region.
   * @default - the partition of `region`; unknown when the region is unknown
   */
  readonly partition?: string;
}

/**
 * The value of a pseudo parameter for a stack whose environment is `env`; undefined when it is only known at
 * deploy time (`AWS::StackName`, `AWS::NotificationARNs`, or the account/region/partition of an
 * environment-agnostic stack). `AWS::NoValue` is not a value: the resolver removes the property.
 */
export function pseudoParameterValue(name: string, env: PseudoParameters): string | undefined {
  const partition = () => (env.partition !== undefined ? PARTITIONS.find((p) => p.id === env.partition) : env.region !== undefined ? partitionOf(env.region) : undefined);
  switch (name) {
    case 'AWS::AccountId': return env.account;
    case 'AWS::Region': return env.region;
    case 'AWS::Partition': return partition()?.id;
    case 'AWS::URLSuffix': return partition()?.dnsSuffix;
    default: return undefined;
  }
}

/**
 * A string value with the pseudo parameters of `env` substituted, for `Fn::Join` / `Fn::Sub` of literal parts and
 * pseudo parameters (as the CDK writes ARNs); undefined when the value depends on anything else. For a readable
 * ARN, the partition of a stack whose region is unknown is taken as `aws` (set `env.partition` otherwise). A
 * reader that must follow references, or must not assume a partition, uses the resolver instead.
 */
export function resolveString(value: unknown, env: PseudoParameters): string | undefined {
  return substitute(value, { ...env, partition: env.partition ?? (env.region === undefined ? 'aws' : undefined) });
}

function substitute(value: unknown, env: PseudoParameters): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!isIntrinsic(value)) return undefined;
  if (typeof value.Ref === 'string') return pseudoParameterValue(value.Ref, env);
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = join[1].map((p: unknown) => substitute(p, env));
    return parts.every((p): p is string => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string' || (Array.isArray(sub) && typeof sub[0] === 'string' && (sub[1] === undefined || isObject(sub[1])))) {
    const [text, vars] = typeof sub === 'string' ? [sub, {}] : [sub[0] as string, (sub[1] ?? {}) as Record<string, unknown>];
    let ok = true;
    const out = text.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const v = name in vars ? substitute(vars[name], env) : pseudoParameterValue(name, env);
      if (v === undefined) ok = false;
      return v ?? whole;
    });
    return ok ? out : undefined;
  }
  return undefined;
}
