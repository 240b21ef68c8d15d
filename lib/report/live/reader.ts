/** What a live reader gets (one deployment of a control, located in AWS) and gives back. */
import { LiveControlEvidence, LiveResult } from '../model';
import { AwsSession, CallFailure, describeFailure, Env, envName } from './aws';
import type { LiveAction } from './actions';

/** One deployment of a control, with its physical id in AWS. */
export interface Located {
  readonly controlId: string;
  readonly env: Env;
  /** Stack display name, and the CloudFormation stack name. */
  readonly stack: string;
  readonly stackName: string;
  readonly logicalId: string;
  /** CloudFormation resource type. */
  readonly type: string;
  /** `PhysicalResourceId` as CloudFormation reports it (a rule name, an ARN, a plan id). */
  readonly physicalId: string;
}

/** What one deployment showed. */
export interface Outcome {
  readonly state: LiveControlEvidence['state'];
  /** One phrase, after the control id: `NON_COMPLIANT on AWS::S3::Bucket logs`, `logging, last delivery 2025-06-01 11:55 UTC`. */
  readonly note: string;
  readonly results: readonly LiveResult[];
  /** Calls that could not be made. */
  readonly problems: readonly string[];
}

/** Reads one deployment of a control. */
export type Reader = (aws: AwsSession, d: Located, now: Date) => Promise<Outcome>;

/** How far back job histories are read (backup, copy and restore-testing jobs). */
export const JOB_WINDOW_DAYS = 35;

/** The outcome of a call that failed: not verified, with the call named. */
export function failed(action: LiveAction, env: Env, f: CallFailure, what: string): Outcome {
  return { state: 'not-verified', note: `${what} could not be read (${f.kind === 'access-denied' ? 'access denied' : f.kind === 'throttled' ? 'throttled' : 'error'}: ${action})`, results: [], problems: [describeFailure(action, env, f)] };
}

/** `2025-06-01 11:55 UTC` */
export function when(d: Date | string | undefined): string {
  if (!d) return 'unknown time';
  const iso = typeof d === 'string' ? d : d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function iso(d: Date | string | undefined): string | undefined {
  if (!d) return undefined;
  return typeof d === 'string' ? d : d.toISOString();
}

export function where(d: Located): string {
  return envName(d.env);
}

/** `a, b, c and 4 more` */
export function listed(names: readonly string[], max = 3): string {
  const unique = [...new Set(names)];
  return unique.length <= max ? unique.join(', ') : `${unique.slice(0, max).join(', ')} and ${unique.length - max} more`;
}

/** The latest entry of each group, by a date. */
export function latestBy<T>(items: readonly T[], key: (t: T) => string, date: (t: T) => Date | undefined): T[] {
  const latest = new Map<string, T>();
  for (const t of items) {
    const k = key(t);
    const cur = latest.get(k);
    if (!cur || (date(t)?.getTime() ?? 0) > (date(cur)?.getTime() ?? 0)) latest.set(k, t);
  }
  return [...latest.values()];
}

export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
