/**
 * `report --live`: reads from AWS, with the caller's default credential chain and read-only calls
 * (LIVE_ACTIONS), the results of the runtime controls the app deploys.
 *
 * Which controls, and where: the checklist data's runtime controls of the report's items, found in the
 * assembly (`deployedControls`); each deployment is located in its stack's account and region, and its
 * physical id is read from CloudFormation. How to read a control follows from its kind (a Config rule, an
 * alarm, an EventBridge rule) or, for services, from its id ({@link SERVICE_READERS}). A refused call is named
 * in the report and leaves that control not verified; throttling is retried by the SDK (adaptive mode).
 */
import { RuntimeControl } from '../../checklist';
import { LoadedAssembly } from '../assembly';
import { LiveControlEvidence, LiveSummary } from '../model';
import { readAnalyzer } from './access-analyzer';
import { readAlarm, readEventRule } from './alarms-and-rules';
import { AwsSession, AwsSessionOptions, describeFailure, Env, envName, isFailure, LiveSetupError } from './aws';
import { readBackupJobs, readCopyJobs, readRestoreTesting } from './backup';
import { readTrail } from './cloudtrail';
import { readConfigRecorder, readConfigRule } from './config';
import { Located, Outcome, Reader } from './reader';

export { LIVE_ACTIONS, liveIamPolicy, LiveAction } from './actions';
export { LiveSetupError, RETRY_CONFIG, AwsSession } from './aws';

/** How to read each `service` control of the checklist data, by control id. */
export const SERVICE_READERS: { readonly [controlId: string]: Reader } = {
  CONFIG_RECORDER: readConfigRecorder,
  ACCESS_ANALYZER: readAnalyzer,
  CLOUDTRAIL_LOGGING: readTrail,
  BACKUP_JOBS: readBackupJobs,
  BACKUP_CROSS_ACCOUNT_COPY: readCopyJobs,
  BACKUP_RESTORE_TESTING: readRestoreTesting,
};

/** The reader of a control: by kind, and by id for services; undefined when there is none. */
export function readerOf(control: Pick<RuntimeControl, 'kind' | 'id'>): Reader | undefined {
  switch (control.kind) {
    case 'config-rule': return readConfigRule;
    case 'cloudwatch-alarm': return readAlarm;
    case 'eventbridge-rule': return readEventRule;
    case 'service': return SERVICE_READERS[control.id];
  }
}

/** A control deployed by the app, with where it is deployed. */
export interface LiveTarget {
  readonly control: Pick<RuntimeControl, 'kind' | 'id'>;
  /** Stack display name, logical id and type of each resource that is the control. */
  readonly deployments: readonly { readonly stack: string; readonly logicalId: string; readonly type: string }[];
}

/** Options of {@link readLive}. */
export interface ReadLiveOptions extends AwsSessionOptions {
  readonly assembly: LoadedAssembly;
  readonly targets: readonly LiveTarget[];
  /** When the read starts (job windows count back from it). */
  readonly now: Date;
  /**
   * The region of environment-agnostic stacks.
   * @default - none: such stacks are not read (their controls are not verified, and the report says why)
   */
  readonly region?: string;
  /** @default 6 */
  readonly concurrency?: number;
}

/** What {@link readLive} read. */
export interface LiveRead {
  readonly summary: LiveSummary;
  /** By control id. */
  readonly controls: ReadonlyMap<string, LiveControlEvidence>;
}

type Resources = ReadonlyMap<string, { readonly physicalId?: string; readonly status?: string }> | Outcome;

/**
 * Reads the controls' results.
 * @throws LiveSetupError (one line) when the credentials cannot be used or AWS cannot be reached.
 */
export async function readLive(opts: ReadLiveOptions): Promise<LiveRead> {
  const aws = new AwsSession(opts);
  try {
    const checkedAt = opts.now.toISOString();
    const stsRegion = opts.region ?? opts.assembly.stacks.find((s) => s.region)?.region ?? 'us-east-1';
    const who = await aws.call('sts:GetCallerIdentity', { region: stsRegion }, 'GetCallerIdentityCommand', {});
    if (isFailure(who) || typeof who?.Account !== 'string') {
      throw new LiveSetupError(`--live: cannot tell which account the AWS credentials belong to (sts:GetCallerIdentity: ${isFailure(who) ? who.message : 'no account in the answer'})`);
    }
    const caller: string = who.Account;
    const stacks = new Map(opts.assembly.stacks.map((s) => [s.displayName, s]));
    const resources = new Map<string, Promise<Resources>>();

    const resourcesOf = (env: Env, stackName: string, stack: string): Promise<Resources> => {
      const key = `${envName(env)} ${stackName}`;
      let p = resources.get(key);
      if (!p) {
        p = (async () => {
          const pages = await aws.pages('cloudformation:ListStackResources', env, 'ListStackResourcesCommand', { StackName: stackName });
          if (isFailure(pages)) {
            if (pages.kind === 'not-found') return { state: 'missing', note: `stack ${stackName} (${stack}) is not deployed in ${envName(env)}`, results: [], problems: [] };
            return { state: 'not-verified', note: `the resources of stack ${stackName} could not be read`, results: [], problems: [describeFailure('cloudformation:ListStackResources', env, pages)] };
          }
          return new Map(pages.flatMap((pg) => pg.StackResourceSummaries ?? []).map((r: any) => [String(r.LogicalResourceId), { physicalId: r.PhysicalResourceId, status: r.ResourceStatus }]));
        })();
        resources.set(key, p);
      }
      return p;
    };

    const readOne = async (target: LiveTarget, dep: LiveTarget['deployments'][number]): Promise<Outcome> => {
      const reader = readerOf(target.control);
      if (!reader) return { state: 'not-verified', note: 'no live reader for this control in this version', results: [], problems: [] };
      const stack = stacks.get(dep.stack);
      if (!stack) return { state: 'not-verified', note: `stack ${dep.stack} is not in the assembly`, results: [], problems: [] };
      if (stack.account && stack.account !== caller) {
        return { state: 'not-verified', note: `stack ${dep.stack} is in account ${stack.account}; the credentials are for account ${caller}`, results: [], problems: [] };
      }
      const region = stack.region ?? opts.region;
      if (!region) return { state: 'not-verified', note: `stack ${dep.stack} names no region and none is configured (set AWS_REGION)`, results: [], problems: [] };
      const env: Env = { account: caller, region };
      const stackName = stack.stackName ?? stack.artifactId;
      const res = await resourcesOf(env, stackName, dep.stack);
      if (!(res instanceof Map)) return res as Outcome;
      const r = res.get(dep.logicalId);
      if (!r?.physicalId || /DELETE_COMPLETE|CREATE_FAILED/.test(r.status ?? '')) {
        return { state: 'missing', note: `${dep.logicalId} of stack ${stackName} does not exist in ${envName(env)}${r?.status ? ` (${r.status})` : ' (not created: a condition, or a failed deployment)'}`, results: [], problems: [] };
      }
      const located: Located = { controlId: target.control.id, env, stack: dep.stack, stackName, logicalId: dep.logicalId, type: dep.type, physicalId: r.physicalId };
      return reader(aws, located, opts.now);
    };

    const jobs = opts.targets.map((t) => async () => {
      const outcomes: { where: string; o: Outcome }[] = [];
      for (const dep of t.deployments) outcomes.push({ where: dep.stack, o: await readOne(t, dep) });
      return [t.control.id, combine(t.control.id, outcomes, checkedAt)] as const;
    });
    const controls = new Map(await pool(jobs, opts.concurrency ?? 6));
    const all = [...controls.values()];
    const problems = [...new Set(all.flatMap((c) => c.problems))].sort();
    return {
      summary: {
        checkedAt,
        account: caller,
        ...(opts.region ? { defaultRegion: opts.region } : {}),
        controls: {
          verified: all.filter((c) => c.state === 'verified').length,
          failing: all.filter((c) => c.state === 'failing').length,
          missing: all.filter((c) => c.state === 'missing').length,
          notVerified: all.filter((c) => c.state === 'not-verified').length,
        },
        problems,
      },
      controls,
    };
  } finally {
    aws.destroy();
  }
}

/** One control's evidence from the outcomes of its deployments. */
function combine(id: string, outcomes: readonly { where: string; o: Outcome }[], checkedAt: string): LiveControlEvidence {
  const many = outcomes.length > 1;
  const note = (x: { where: string; o: Outcome }) => `${x.o.note}${many ? ` (${x.where})` : ''}`;
  const of = (state: Outcome['state']) => outcomes.filter((x) => x.o.state === state);
  const failing = of('failing');
  const verified = of('verified');
  const notVerified = of('not-verified');
  const missing = of('missing');
  const others = (shown: readonly unknown[]) => {
    const rest = outcomes.filter((x) => !shown.includes(x));
    return rest.length ? `; ${rest.map((x) => `${x.o.state === 'missing' ? 'not running' : x.o.state === 'verified' ? 'verified' : 'not verified'}: ${note(x)}`).join('; ')}` : '';
  };
  let state: LiveControlEvidence['state'];
  let summary: string;
  if (failing.length) {
    state = 'failing';
    summary = `${id} ${failing.map(note).join('; ')}`;
  } else if (verified.length) {
    state = 'verified';
    summary = `${id} ${verified.map(note).join('; ')}${others(verified)}`;
  } else if (notVerified.length) {
    state = 'not-verified';
    summary = `${id} not verified: ${notVerified.map(note).join('; ')}${others(notVerified)}`;
  } else {
    state = 'missing';
    summary = `${id} not running: ${missing.map(note).join('; ')}`;
  }
  return {
    state,
    checkedAt,
    summary,
    results: outcomes.flatMap((x) => x.o.results),
    problems: [...new Set(outcomes.flatMap((x) => x.o.problems))],
  };
}

/** Runs async jobs, at most `n` at a time, keeping their order. */
async function pool<T>(jobs: readonly (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return out;
}
