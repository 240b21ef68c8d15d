/**
 * The AWS side of `report --live`: SDK clients per region (loaded only when a live read runs), one wrapper
 * for every call (the action must be in LIVE_ACTIONS; a refused call becomes a named problem, never a crash),
 * and pagination.
 */
import type { LiveAction } from './actions';
import { LIVE_ACTIONS } from './actions';

/** The SDK clients the live read uses, by package. */
const PACKAGES = {
  'sts': { module: '@aws-sdk/client-sts', client: 'STSClient' },
  'cloudformation': { module: '@aws-sdk/client-cloudformation', client: 'CloudFormationClient' },
  'config': { module: '@aws-sdk/client-config-service', client: 'ConfigServiceClient' },
  'cloudwatch': { module: '@aws-sdk/client-cloudwatch', client: 'CloudWatchClient' },
  'events': { module: '@aws-sdk/client-eventbridge', client: 'EventBridgeClient' },
  'cloudtrail': { module: '@aws-sdk/client-cloudtrail', client: 'CloudTrailClient' },
  'backup': { module: '@aws-sdk/client-backup', client: 'BackupClient' },
  'access-analyzer': { module: '@aws-sdk/client-accessanalyzer', client: 'AccessAnalyzerClient' },
} as const;

export type ServicePrefix = keyof typeof PACKAGES;

/**
 * Each client package, loaded on first use by a typed dynamic `import()` (a report without --live never loads one).
 * They are optional peer dependencies: a project that never reads live evidence does not install them.
 */
const LOADERS: { readonly [S in ServicePrefix]: () => Promise<object> } = {
  'sts': () => import('@aws-sdk/client-sts'),
  'cloudformation': () => import('@aws-sdk/client-cloudformation'),
  'config': () => import('@aws-sdk/client-config-service'),
  'cloudwatch': () => import('@aws-sdk/client-cloudwatch'),
  'events': () => import('@aws-sdk/client-eventbridge'),
  'cloudtrail': () => import('@aws-sdk/client-cloudtrail'),
  'backup': () => import('@aws-sdk/client-backup'),
  'access-analyzer': () => import('@aws-sdk/client-accessanalyzer'),
};

/** A client as the live read uses it. */
interface SdkClient {
  send(command: unknown): Promise<any>;
  destroy(): void;
}

/**
 * Retries: the SDK's own strategy, `adaptive` mode (exponential backoff with jitter, and client-side rate
 * limiting once AWS throttles), up to 8 attempts per call.
 */
export const RETRY_CONFIG = { retryMode: 'adaptive', maxAttempts: 8 } as const;

/** How a call failed, once the SDK's retries are spent. */
export type CallFailure =
  | { readonly kind: 'access-denied'; readonly message: string }
  | { readonly kind: 'throttled'; readonly message: string }
  | { readonly kind: 'not-found'; readonly code: string; readonly message: string }
  | { readonly kind: 'error'; readonly code: string; readonly message: string };

/** The live read cannot start (unusable credentials, SDK clients not installed): it stops with this one-line message. */
export class LiveSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LiveSetupError';
  }
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedException', 'AuthorizationError', 'AuthorizationErrorException']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded',
  'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'ProvisionedThroughputExceededException', 'EC2ThrottledException']);
const BAD_CREDENTIALS = new Set(['CredentialsProviderError', 'ExpiredToken', 'ExpiredTokenException', 'InvalidClientTokenId',
  'UnrecognizedClientException', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'TokenRefreshRequired']);
const NOT_FOUND = /NotFound|NoSuch|DoesNotExist|^ValidationError$/;

/** Classifies an SDK error. @throws LiveSetupError for unusable credentials. */
export function classify(e: unknown): CallFailure {
  const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const code = err?.name ?? 'Error';
  const message = (err?.message ?? String(e)).split('\n')[0];
  if (BAD_CREDENTIALS.has(code) || /Could not load credentials|Unable to locate credentials/i.test(message)) {
    throw new LiveSetupError(`--live: the AWS credentials cannot be used (${code}: ${message})`);
  }
  if (ACCESS_DENIED.has(code) || err?.$metadata?.httpStatusCode === 403) return { kind: 'access-denied', message };
  if (THROTTLED.has(code) || err?.$metadata?.httpStatusCode === 429) return { kind: 'throttled', message };
  if (NOT_FOUND.test(code)) return { kind: 'not-found', code, message };
  return { kind: 'error', code, message };
}

/** Where a call is made. */
export interface Env {
  readonly account: string;
  readonly region: string;
}

export function envName(env: Env): string {
  return `${env.account}/${env.region}`;
}

/** One failed call, as the report names it. */
export function describeFailure(action: LiveAction, env: Env, f: CallFailure): string {
  switch (f.kind) {
    case 'access-denied': return `access denied: ${action} in ${envName(env)}`;
    case 'throttled': return `throttled: ${action} in ${envName(env)} (still throttled after ${RETRY_CONFIG.maxAttempts} attempts)`;
    default: return `${action} in ${envName(env)} failed: ${'code' in f ? `${f.code}: ` : ''}${f.message}`;
  }
}

/** Options of {@link AwsSession}. */
export interface AwsSessionOptions {
  /**
   * Extra configuration for every SDK client (tests: credentials, a request handler, a retry strategy).
   * @default - the default credential chain and {@link RETRY_CONFIG}
   */
  readonly clientConfig?: { readonly [key: string]: unknown };
}

/** SDK clients per service and region, created on first use. */
export class AwsSession {
  private readonly clients = new Map<string, SdkClient>();
  /** Every call made: `action env` → count. */
  public readonly calls = new Map<string, number>();

  constructor(private readonly opts: AwsSessionOptions = {}) {}

  /**
   * Makes one call. The action must be in LIVE_ACTIONS. Resolves to the response, or to a CallFailure
   * (access denied, throttled beyond the retries, not found, other error).
   * @throws LiveSetupError when the credentials cannot be used.
   */
  async call(action: LiveAction, env: Env | { readonly region: string; readonly account?: undefined }, command: string, input: object): Promise<any | CallFailure> {
    if (!(action in LIVE_ACTIONS)) throw new Error(`live read: ${action} is not a listed read-only action`);
    const service = action.split(':')[0] as ServicePrefix;
    const [, op] = action.split(':');
    if (`${op}Command` !== command) throw new Error(`live read: ${command} does not match ${action}`);
    const key = `${action} ${env.account ?? '?'}/${env.region}`;
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    const mod = await loadModule(service);
    const Command = mod[command] as new (input: object) => unknown;
    try {
      return await this.client(service, env.region, mod).send(new Command(input));
    } catch (e) {
      return classify(e);
    }
  }

  /**
   * Calls a paginated operation until the last page (`tokenIn`/`tokenOut`: the token's name in the input and
   * the output, `NextToken` unless given). Resolves to the pages, or to the failure of the first page that failed.
   */
  async pages(action: LiveAction, env: Env, command: string, input: object, tokens: { readonly in?: string; readonly out?: string } = {}): Promise<any[] | CallFailure> {
    const tokenIn = tokens.in ?? 'NextToken';
    const tokenOut = tokens.out ?? 'NextToken';
    const pages: any[] = [];
    let token: string | undefined;
    for (let n = 0; n < 1000; n++) {
      const page = await this.call(action, env, command, token ? { ...input, [tokenIn]: token } : input);
      if (isFailure(page)) return page;
      pages.push(page);
      token = page?.[tokenOut];
      if (!token) break;
    }
    return pages;
  }

  /** Releases the clients' sockets. */
  destroy(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }

  private client(service: ServicePrefix, region: string, mod: Record<string, unknown>): SdkClient {
    const key = `${service} ${region}`;
    let c = this.clients.get(key);
    if (!c) {
      const Client = mod[PACKAGES[service].client] as new (config: object) => SdkClient;
      c = new Client({ region, ...RETRY_CONFIG, ...this.opts.clientConfig });
      this.clients.set(key, c);
    }
    return c;
  }
}

export function isFailure(v: unknown): v is CallFailure {
  return typeof v === 'object' && v !== null && 'kind' in v && typeof (v as CallFailure).kind === 'string'
    && ['access-denied', 'throttled', 'not-found', 'error'].includes((v as CallFailure).kind) && 'message' in v && !('$metadata' in v);
}

/** The command that installs every SDK client `--live` uses (they are optional peer dependencies). */
export const LIVE_INSTALL_COMMAND = `npm install --save-dev ${Object.values(PACKAGES).map((p) => p.module).join(' ')}`;

/**
 * The SDK package of a service, loaded on first use ({@link LOADERS}).
 * @throws LiveSetupError naming the install command when the package is not installed.
 */
export async function loadModule(service: ServicePrefix): Promise<Record<string, unknown>> {
  const name = PACKAGES[service].module;
  try {
    return await LOADERS[service]() as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code === 'MODULE_NOT_FOUND' && String((e as Error).message).includes(name)) {
      throw new LiveSetupError(`--live needs the AWS SDK for JavaScript v3 clients, and ${name} is not installed: ${LIVE_INSTALL_COMMAND}`);
    }
    throw e;
  }
}
