import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, notShown, ResourceView, RuleVerdict, unverifiable } from '../rule';
import {
  asList, byEnginePrefix, DATA_STORES, DataStoreFacts, dataStoreFacts, InTransitEncryption, isDeployTime, isFalse, isTrue, ResourceValue, TlsOnlyPolicy, TlsParameter, valueAtPath,
} from '../../aws';
import { noCustomerDataReason } from '../utils/customer-data';
import { branch, isClusterMember, sourceResource } from '../utils/data-stores';
import { actionMatches } from '../utils/iam';
import { Statement, statementsOf } from '../utils/policy';
import { statementsIn } from '../utils/policy-documents';
import { byLiteralProperty, referrers, referrersOf, unresolvedIn } from '../utils/references';
import { endpointName, subscriptionsOf } from '../utils/subscriptions';

const TYPES = Object.keys(DATA_STORES).filter((t) => DATA_STORES[t].inTransit !== undefined);

/**
 * Reads: the data stores whose CloudFormation resource carries the switch for encryption in transit (the `inTransit`
 * facts of `lib/aws/data-stores.ts`), in every `Fn::If` branch:
 * - an ElastiCache replication group: `TransitEncryptionEnabled` (absent: off) and `TransitEncryptionMode` (`preferred`
 *   also accepts connections in clear); a cache cluster outside a group: `TransitEncryptionEnabled`;
 * - MemoryDB: `TLSEnabled` (absent: on);
 * - OpenSearch and Elasticsearch domains: `NodeToNodeEncryptionOptions.Enabled` and `DomainEndpointOptions.EnforceHTTPS`
 *   (both off when absent);
 * - DAX: `ClusterEndpointEncryptionType` (absent: `NONE`);
 * - MSK: `EncryptionInfo.EncryptionInTransit` `ClientBroker` (absent: `TLS`; `TLS_PLAINTEXT` also accepts clients in
 *   clear) and `InCluster` (absent: on);
 * - ElastiCache Serverless, MSK Serverless and Amazon MQ brokers (ActiveMQ and RabbitMQ, public or private) accept TLS
 *   connections only.
 * - databases whose TLS requirement is a server parameter of their parameter group, followed to the group resource of the
 *   app: RDS MySQL and MariaDB (`require_secure_transport`), PostgreSQL and SQL Server (`rds.force_ssl`; an RDS for
 *   PostgreSQL instance whose `EngineVersion` is 15 or later requires TLS when its group leaves it out), Aurora and
 *   Multi-AZ DB clusters (the same, in the cluster parameter group), DocumentDB (`tls`, required by default), Redshift
 *   (`require_ssl`), Neptune: from engine release 1.0.4.0 (and when `EngineVersion` is left out: AWS's default release)
 *   its endpoints accept HTTPS only, whatever the group says; an older release reads `neptune_enforce_ssl` (required
 *   by default). A copy made from another cluster of the app takes its engine. A store that requires TLS passes;
 *   DocumentDB with `tls` disabled accepts no TLS and fails; a store that offers TLS without requiring it (the default
 *   of every engine but DocumentDB and Neptune), or names a group outside the app, is `not-shown`: whether its clients
 *   use TLS is theirs to say. An engine whose TLS setting is elsewhere (Oracle and Db2: option groups) is `not-shown` too.
 * - services whose endpoints accept HTTPS only (AWS General Reference, each service's "endpoints and quotas"): Kinesis
 *   Data Streams, Amazon Data Firehose, CloudWatch Logs, AWS Backup vaults, Amazon ECR, Cognito user pools;
 * - SQS queues and SNS topics, whose endpoints also accept HTTP but refuse it for a queue or topic with server-side
 *   encryption ("All requests to queues with SSE enabled must use HTTPS"): `SqsManagedSseEnabled` (absent: on) or
 *   `KmsMasterKeyId` (SQS), `KmsMasterKeyId` (SNS); or whose queue or topic policy (anywhere in the app) denies
 *   everyone their data actions under `Bool aws:SecureTransport: false` (`enforceSSL: true`); otherwise `not-shown`;
 *   a topic that delivers to an `http` subscription (its own `Subscription` list, or an `AWS::SNS::Subscription` of the
 *   app) sends messages in clear: a finding;
 * - where the clients decide, a store whose own policy refuses every request without TLS (a DynamoDB table's
 *   `ResourcePolicy`, an EFS `FileSystemPolicy`) passes; otherwise `not-shown`, with AWS's reason: DynamoDB (its
 *   endpoints accept HTTP and HTTPS), EFS (TLS is a mount option), FSx (SMB 3 encryption, Lustre's instance types, NFS
 *   and SMB options of the clients).
 * Stores that carry no customer data (`noCustomerDataReason`: topics only alarms or lifecycle hooks publish to, log groups
 * only custom resource handlers write) are not read, as item 1.21 does not read them.
 * Cluster members (Aurora, DocumentDB and Neptune instances) are judged with their cluster. S3 buckets are read by
 * S3BucketTlsOnly (items 1.22 and 1.24). A Redshift Serverless namespace passes when every workgroup of the app serving it
 * (there must be one) sets `require_ssl` true in its `ConfigParameters`; otherwise it is `not-shown`. DocumentDB elastic
 * clusters are not read.
 * Fails when: the store exchanges data, or accepts connections, in clear. A value unknown at synth is reported.
 * Fix: turn on the store's encryption in transit (for most, only when the store is created) and require it.
 */
export const DataStoreEncryptedInTransit = defineRule({
  name: 'DataStoreEncryptedInTransit',
  description: 'Data stores encrypt the data they exchange with clients and between their nodes',
  fix: 'Turn on and require encryption in transit: TransitEncryptionEnabled with TransitEncryptionMode required (ElastiCache), TLSEnabled (MemoryDB), NodeToNodeEncryptionOptions and DomainEndpointOptions.EnforceHTTPS (OpenSearch), ClusterEndpointEncryptionType TLS (DAX), ClientBroker TLS and InCluster (MSK); in the parameter group, require_secure_transport ON (MySQL, MariaDB), rds.force_ssl 1 (PostgreSQL, SQL Server), tls enabled (DocumentDB), require_ssl true (Redshift); Neptune engine release 1.0.4.0 or later (or neptune_enforce_ssl 1 before it)',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    const facts = dataStoreFacts(r.type);
    const inTransit = facts?.inTransit;
    if (!facts || !inTransit || isClusterMember(r, facts.memberOf?.path)) return NOT_APPLICABLE;
    // A store that carries no customer data (a topic only alarms publish to, a log group only custom resource handlers
    // write) is outside the item, which is about "customer data classified as sensitive": 1.21 does not read it either.
    if (noCustomerDataReason(r, app) !== undefined) return NOT_APPLICABLE;
    switch (inTransit.kind) {
      case 'always': return COMPLIANT;
      case 'parameter': return parameterVerdict(r, app, facts, inTransit);
      case 'cluster': return notShown(`the ${facts.noun} names no cluster (${facts.memberOf?.path}), whose encryption in transit it would share`, facts.memberOf?.path);
      case 'not-shown':
        if (inTransit.tlsPolicy && refusesPlainRequests(r, app, inTransit.tlsPolicy)) return COMPLIANT;
        return notShown(`whether data travels to and from the ${facts.noun} encrypted is not in the template: ${inTransit.why}`);
      case 'sse': return sseVerdict(r, app, facts, inTransit);
      case 'served-by': return servedVerdict(r, app, facts, inTransit);
      case 'settings': break;
    }
    for (const setting of inTransit.settings) {
      const res = app.resolve(r, setting.path);
      if (!res.ok) return unverifiable(setting.path, res.unresolved, setting.path);
      for (const { value, conditions } of res.values) {
        if (isDeployTime(value)) return unverifiable(setting.path, value, setting.path);
        const v = value === undefined ? setting.absent : value;
        if (!setting.encrypted.includes(v as string | boolean)) {
          const given = value === undefined ? `not set, so ${JSON.stringify(setting.absent)}` : JSON.stringify(value);
          return nonCompliant(`the ${facts.noun} is not encrypted in transit: ${setting.otherwise} (${setting.path} is ${given}${branch(conditions)})`, setting.path);
        }
      }
    }
    return COMPLIANT;
  },
});

type SseFacts = Extract<InTransitEncryption, { kind: 'sse' }>;

/**
 * A store whose service refuses requests in clear once server-side encryption is on: compliant when it is (its key set,
 * or its flag true or left to a default that is on) in every `Fn::If` branch; otherwise not shown (a resource policy the
 * rule does not read may still refuse HTTP).
 */
function sseVerdict(r: ResourceView, app: AppView, store: DataStoreFacts, facts: SseFacts): RuleVerdict {
  if (facts.deliveries) {
    const clear = clearDelivery(r, app, store, facts.deliveries);
    if (clear) return clear;
  }
  const key = app.resolve(r, facts.key);
  if (!key.ok) return unverifiable(facts.key, key.unresolved, facts.key);
  if (key.values.every((v) => v.value !== undefined && v.value !== '')) return COMPLIANT;
  if (facts.flag) {
    const { path, absent } = facts.flag;
    const flag = app.resolve(r, path);
    if (!flag.ok) return unverifiable(path, flag.unresolved, path);
    for (const { value } of flag.values) if (isDeployTime(value)) return unverifiable(path, value, path);
    if (flag.values.every(({ value }) => (value === undefined ? absent : isTrue(value)))) return COMPLIANT;
  }
  if (refusesPlainRequests(r, app, facts.tlsPolicy)) return COMPLIANT;
  const off = facts.flag ? `${facts.flag.path} is off and ${facts.key} is not set` : `${facts.key} is not set`;
  return notShown(`the ${store.noun} has no server-side encryption (${off}) and no resource policy refuses requests without TLS (aws:SecureTransport false), so it may take requests in clear: ${facts.otherwise}`, facts.flag?.path ?? facts.key);
}

/** A delivery of the store's data to a subscriber over a protocol in clear (an SNS http subscription), as a finding. */
function clearDelivery(r: ResourceView, app: AppView, store: DataStoreFacts, d: NonNullable<SseFacts['deliveries']>): RuleVerdict | undefined {
  for (const { from, protocol, endpoint, location } of subscriptionsOf(r, app, d).subscriptions) {
    const which = from === r ? 'its subscription' : `subscription ${from.path}`;
    if (protocol !== undefined && typeof protocol !== 'string') return unverifiable(`the protocol of ${which}`, protocol, location);
    if (typeof protocol !== 'string' || !d.clear.includes(protocol.toLowerCase())) continue;
    const name = endpointName(endpoint);
    return nonCompliant(`the ${store.noun} delivers its messages in clear: ${which} uses protocol ${protocol}${name ? ` to ${name}` : ''} (use https)`, location);
  }
  return undefined;
}

/**
 * Whether a policy of the store refuses every request without TLS: a Deny to everyone (`*`) under
 * `Bool aws:SecureTransport: false`, on every data action of the store (`*` and wildcards match), whose resources
 * include the store (or `*`; an inline policy is the store's own). A document known only at deploy time shows nothing:
 * the store is then `not-shown`, never passed.
 */
function refusesPlainRequests(r: ResourceView, app: AppView, policy: TlsOnlyPolicy): boolean {
  const documents: { readonly statements: readonly Statement[]; readonly own: boolean }[] = [];
  if (policy.inline?.includes('/*/')) {
    // A policy on each member of a list (a global table's replicas, each an endpoint of its own): every member must refuse.
    const [list, rest] = policy.inline.split('/*/');
    const res = app.resolve(r, list);
    if (!res.ok || res.values.length !== 1) return false;
    const members = asList<unknown>(res.values[0].value);
    return members.length > 0 && members.every((m) => {
      const doc = valueAtPath(m, rest);
      return doc !== undefined && statementsOf(doc).some((st) => refusesWithoutTls(st, r, true, policy.actions));
    });
  }
  if (policy.inline) {
    const res = app.resolve(r, policy.inline);
    if (!res.ok || res.values.length !== 1) return false;
    documents.push({ statements: statementsOf(res.values[0].value), own: true });
  }
  for (const { type, targets } of policy.resources ?? []) {
    const index = referrers(app, { key: `tls-only-policies:${type}`, fromType: type, path: targets, targetType: r.type });
    for (const p of referrersOf(r, index)) {
      const { statements, unresolved } = statementsIn(p, app);
      if (!unresolved) documents.push({ statements: statements.map((x) => x.s), own: false });
    }
  }
  return documents.some(({ statements, own }) => statements.some((st) => refusesWithoutTls(st, r, own, policy.actions)));
}

/** One statement: Deny to everyone when aws:SecureTransport is false, on all `actions`, for this store. */
function refusesWithoutTls(st: Statement, r: ResourceView, own: boolean, actions: readonly string[]): boolean {
  if (st.effect !== 'Deny' || !st.principals.includes('*') || st.notActions.length > 0 || st.notPrincipals.length > 0) return false;
  if (!asList(st.condition?.Bool?.['aws:SecureTransport']).some(isFalse)) return false;
  const patterns = st.actions.filter((a): a is string => typeof a === 'string');
  if (!actions.every((a) => patterns.some((p) => actionMatches(p, a)))) return false;
  return own || st.resources.some((v) => v === '*' || (v instanceof ResourceValue && v.resource === r));
}

type ServedFacts = Extract<InTransitEncryption, { kind: 'served-by' }>;

/**
 * A store whose clients connect through other resources of the app (the workgroups of a Redshift Serverless namespace):
 * compliant when there is one and each requires TLS in its config parameters; a list known only at deploy time is
 * unverifiable; otherwise not shown (the default is the service's, which the template does not hold).
 */
function servedVerdict(r: ResourceView, app: AppView, store: DataStoreFacts, facts: ServedFacts): RuleVerdict {
  const { type, path, name } = facts.via;
  const index = referrers(app, { key: `served-by:${type}:${path}`, fromType: type, path, targetType: r.type, byLiteral: (from, literal) => byLiteralProperty(app, r.type, name, from, literal) });
  const serving = referrersOf(r, index);
  if (serving.length === 0) {
    const unknown = unresolvedIn(r.stack, index);
    if (unknown) return unverifiable(`which store ${unknown.from.path} serves (${path})`, unknown.value, path);
    return notShown(`no ${type} of the app serves the ${store.noun}, so whether its clients must use TLS (${facts.parameters.key}) is not in the template (${facts.source})`);
  }
  const { path: list, key, requires } = facts.parameters;
  for (const w of serving) {
    const res = app.resolve(w, list);
    if (!res.ok) return unverifiable(`${list} of ${w.path}`, res.unresolved, list);
    for (const { value, conditions } of res.values) {
      if (value !== undefined && !Array.isArray(value)) return unverifiable(`${list} of ${w.path}`, value, list);
      const entry = asList<any>(value).find((p) => p && typeof p === 'object' && p.ParameterKey === key);
      const given = entry?.ParameterValue;
      if (given !== undefined && typeof given !== 'string' && typeof given !== 'boolean') return unverifiable(`${key} of ${w.path}`, given, list);
      if (given === undefined || !requires.includes(String(given).toLowerCase())) {
        const what = given === undefined ? `leaves ${key} out` : `sets ${key} to ${JSON.stringify(given)}`;
        return notShown(`${w.path}, which serves the ${store.noun}, ${what}${branch(conditions)}: it does not require TLS, and whether its clients use it is not in the template (${facts.source})`, list);
      }
    }
  }
  return COMPLIANT;
}

type ParameterFacts = Extract<InTransitEncryption, { kind: 'parameter' }>;

/** An engine that accepts TLS connections only (`tlsOnly` of the facts). */
const TLS_ONLY = Symbol('tls-only');

/** Whether a store requires TLS through its parameter group: the engine's parameter, in the group the store names. */
function parameterVerdict(r: ResourceView, app: AppView, store: DataStoreFacts, facts: ParameterFacts): RuleVerdict {
  const noun = store.noun;
  let parameter = facts.parameters[0];
  if (facts.engine) {
    const engine = engineOf(r, app, facts.engine, store, facts);
    if (typeof engine !== 'string') return engine;
    const chosen = byEnginePrefix<TlsParameter | typeof TLS_ONLY>(engine, [
      ...facts.parameters.flatMap((p) => (p.engines ?? []).map((e) => [e, p] as const)),
      ...(facts.tlsOnly?.engines ?? []).map((e) => [e, TLS_ONLY] as const),
    ]);
    if (chosen === TLS_ONLY) return COMPLIANT;
    if (!chosen) return notShown(`the ${noun}'s engine ${engine} keeps its TLS setting where this rule does not read it (Oracle and Db2: an option group)`, facts.engine);
    parameter = chosen;
  }
  const where = facts.group.path;
  const fromVersion = versionRequires(r, app, store, parameter);
  const byDefault = (why: string): RuleVerdict => parameter.byDefault === 'requires' || fromVersion === true
    ? COMPLIANT
    : notShown(`the ${noun} offers TLS without requiring it: ${why} leaves ${parameter.name} at its default (${parameter.source}${fromVersion}); whether its clients connect over TLS is not in the template`, where);
  const res = app.resolve(r, where);
  if (!res.ok) return unverifiable(`the parameter group (${where})`, res.unresolved, where);
  let verdict: RuleVerdict = COMPLIANT;
  for (const { value, conditions } of res.values) {
    const one = groupVerdict(app, noun, parameter, facts, value, byDefault);
    if (one.status === 'non-compliant') return conditions.size > 0 ? nonCompliant(`${one.reason}${branch(conditions)}`, one.location) : one;
    if (one.status === 'not-shown' && verdict.status === 'compliant') verdict = one;
  }
  return verdict;
}

/**
 * Whether the parameter's default requires TLS at the store's engine version (`requiresFrom`: RDS for PostgreSQL from
 * 15): true, or what the message adds when it does not (a version below, or one not known at synth, where AWS chooses).
 */
function versionRequires(r: ResourceView, app: AppView, store: DataStoreFacts, parameter: TlsParameter): true | string {
  const from = parameter.requiresFrom;
  if (!from) return '';
  const values = versionsOf(r, app, store, from.path);
  const majors = [...values].map((v) => (typeof v === 'string' || typeof v === 'number' ? Number.parseInt(String(v).split('.')[0], 10) : Number.NaN));
  if (majors.length > 0 && majors.every((m) => Number.isInteger(m) && m >= from.major)) return true;
  const known = majors.length > 0 && majors.every((m) => Number.isInteger(m));
  return `; it requires TLS by default from major version ${from.major} only, and ${known ? `${from.path} is ${[...values].join(' or ')}` : `${from.path} is not known at synth`}`;
}

/** A store's engine versions, or (a read replica naming none) those of the store of the app it copies. */
function versionsOf(r: ResourceView, app: AppView, store: DataStoreFacts, path: string, seen: ReadonlySet<ResourceView> = new Set()): ReadonlySet<unknown> {
  const res = app.resolve(r, path);
  const values = res.ok ? new Set(res.values.map((a) => a.value)) : new Set<unknown>([undefined]);
  if (!(values.size === 1 && values.has(undefined))) return values;
  for (const { path: of, type, name } of store.inheritsFrom ?? []) {
    if (r.properties[of] === undefined) continue;
    const source = sourceResource(r, r.properties[of], type, name, app);
    if (source.kind === 'resource' && !seen.has(source.resource)) return versionsOf(source.resource, app, store, path, new Set([...seen, r]));
  }
  return values;
}

/**
 * A store's engine: its own, else (a read replica) the engine of the store it copies when that store is in the app,
 * else, for a store that copies none, the engine AWS chooses when that is one that accepts TLS only (`tlsOnly.byDefault`:
 * compliant). Unknown when neither the store nor its source in the app names it (a snapshot or a store outside the
 * app): then `not-shown`.
 */
function engineOf(
  r: ResourceView, app: AppView, path: string, store: DataStoreFacts, facts: ParameterFacts, seen: ReadonlySet<ResourceView> = new Set(),
): string | RuleVerdict {
  const res = app.resolve(r, path);
  if (!res.ok) return unverifiable(`the engine (${path})`, res.unresolved, path);
  const values = new Set(res.values.map((a) => a.value));
  const [value] = values;
  if (values.size === 1 && typeof value === 'string') return value;
  if (values.size !== 1 || value !== undefined) return unverifiable(`the engine (${path})`, value, path);
  let copy = false;
  for (const { path: from, type, name } of store.inheritsFrom ?? []) {
    if (r.properties[from] === undefined) continue;
    copy = true;
    const source = sourceResource(r, r.properties[from], type, name, app);
    if (source.kind === 'unknown') return unverifiable(`the source of this copy (${from})`, source.value, from);
    if (source.kind === 'resource' && !seen.has(source.resource)) return engineOf(source.resource, app, path, store, facts, new Set([...seen, r]));
  }
  if (!copy && facts.tlsOnly?.byDefault) return COMPLIANT;
  return notShown(`the ${store.noun} names no engine, and the store it is made from is not part of the app: which server parameter requires TLS is not in the template`, path);
}

/** The verdict for one value of the store's parameter group property. */
function groupVerdict(
  app: AppView, noun: string, parameter: TlsParameter, facts: ParameterFacts, value: unknown, byDefault: (why: string) => RuleVerdict,
): RuleVerdict {
  const where = facts.group.path;
  if (value === undefined) return byDefault('it names no parameter group, so AWS\'s default group');
  if (typeof value === 'string') {
    return value.toLowerCase().startsWith('default.')
      ? byDefault(`AWS's default parameter group ${value}`)
      : notShown(`the ${noun} names parameter group ${value}, which is not part of the app: its ${parameter.name} is not in the template`, where);
  }
  if (!(value instanceof ResourceValue) || value.attribute !== undefined || value.resource.type !== facts.group.type) {
    return unverifiable(`the parameter group (${where})`, value, where);
  }
  const group = value.resource as ResourceView;
  const setting = parameterOf(app, group, facts.group.format, parameter.name);
  if (setting.kind === 'unknown') return unverifiable(`${parameter.name} of parameter group ${group.path}`, setting.value, where);
  if (setting.kind === 'absent') return byDefault(`parameter group ${group.path}`);
  const given = setting.value.toLowerCase();
  if (parameter.requires.includes(given)) return COMPLIANT;
  if (parameter.refuses?.includes(given)) {
    return nonCompliant(`the ${noun} accepts no TLS connection: its clients exchange data in clear (${parameter.name} is ${JSON.stringify(setting.value)} in parameter group ${group.path})`, where);
  }
  return notShown(`the ${noun} offers TLS without requiring it (${parameter.name} is ${JSON.stringify(setting.value)} in parameter group ${group.path}); whether its clients connect over TLS is not in the template`, where);
}

/** A parameter's literal value in a group resource (`Parameters` as a map, or a list of `{ ParameterName, ParameterValue }`). */
function parameterOf(app: AppView, group: ResourceView, format: 'map' | 'list', name: string): { kind: 'absent' } | { kind: 'set'; value: string } | { kind: 'unknown'; value: unknown } {
  const res = app.resolve(group, 'Parameters');
  if (!res.ok) return { kind: 'unknown', value: res.unresolved };
  if (res.values.length !== 1) return { kind: 'unknown', value: group.properties.Parameters };
  const parameters = res.values[0].value;
  if (parameters === undefined) return { kind: 'absent' };
  let raw: unknown;
  if (format === 'map') {
    if (!parameters || typeof parameters !== 'object' || Array.isArray(parameters) || isDeployTime(parameters)) return { kind: 'unknown', value: parameters };
    if (!Object.prototype.hasOwnProperty.call(parameters, name)) return { kind: 'absent' };
    raw = (parameters as Record<string, unknown>)[name];
  } else {
    if (!Array.isArray(parameters)) return { kind: 'unknown', value: parameters };
    const entry = parameters.find((p) => p && typeof p === 'object' && p.ParameterName === name);
    if (entry === undefined) {
      if (parameters.some((p) => !p || typeof p !== 'object' || typeof p.ParameterName !== 'string')) return { kind: 'unknown', value: parameters };
      return { kind: 'absent' };
    }
    raw = entry.ParameterValue;
  }
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return { kind: 'set', value: String(raw) };
  return { kind: 'unknown', value: raw };
}
