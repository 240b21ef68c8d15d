import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { DATA_STORES, dataStoreFacts, isDeployTime, isFalse, isTrue, literalString } from '../../aws';
import { branch, isClusterMember, sourceResource } from '../utils/data-stores';

/** EBS volumes, and the volumes instances and groups launch, are read by EbsVolumeEncrypted (root volumes, launch templates). */
const TYPES = Object.keys(DATA_STORES).filter((t) => t !== 'AWS::EC2::Volume' && DATA_STORES[t].encryption.kind !== 'volumes');

/** How far a chain of replicas of replicas is followed. */
const MAX_SOURCES = 5;

/**
 * Reads: every data-store type of `lib/aws/data-stores.ts` except EBS volumes, instances and Auto Scaling groups (read
 * by EbsVolumeEncrypted), each by the property its service uses, in every `Fn::If` branch:
 * - always encrypted by the service (S3, DynamoDB, FSx, MSK, MemoryDB, SNS, Amazon MQ, log groups, backup vaults, ECR,
 *   Cognito, ElastiCache Serverless, Redshift Serverless, DocumentDB elastic): compliant, whatever key;
 * - a flag: `StorageEncrypted` (RDS, Aurora, DocumentDB, Neptune; a KMS key set counts), `Encrypted` (EFS, Redshift),
 *   `EncryptionAtRestOptions.Enabled` (OpenSearch), `AtRestEncryptionEnabled` (ElastiCache replication groups),
 *   `SSESpecification.SSEEnabled` (DAX), `SqsManagedSseEnabled` (SQS, on unless turned off; `KmsMasterKeyId` counts);
 * - `StreamEncryption` with `EncryptionType: KMS` (Kinesis), `DeliveryStreamEncryptionConfigurationInput` (a Direct PUT
 *   Firehose stream; one that reads a Kinesis stream or an MSK topic stores nothing of its own);
 * - a copy that sets no flag inherits its source's encryption: an RDS read replica (`SourceDBInstanceIdentifier`), a
 *   cluster restored from another (`SourceDBClusterIdentifier`): the source is read, across stacks, by reference or by
 *   its identifier; a source outside the app is unverifiable.
 * Cluster members are judged with their cluster; a Memcached cache cluster keeps nothing at rest.
 * Fails when: the store is not encrypted at rest. A customer managed key is not asked here (item 1.22 asks for
 * encryption); see the recommended key rules.
 * Fix: turn on the service's encryption at rest (it can only be set when the store is created).
 */
export const DataStoreEncryptedAtRest = defineRule({
  name: 'DataStoreEncryptedAtRest',
  description: 'Data stores encrypt customer data at rest',
  fix: 'Turn on encryption at rest when creating the store: StorageEncrypted (RDS, DocumentDB, Neptune), Encrypted (EFS, Redshift), EncryptionAtRestOptions (OpenSearch), AtRestEncryptionEnabled (ElastiCache), StreamEncryption (Kinesis), DeliveryStreamEncryptionConfigurationInput (Firehose), SSESpecification (DAX); keep SqsManagedSseEnabled on',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    return encryption(r, app, 0);
  },
});

function encryption(r: ResourceView, app: AppView, depth: number): RuleVerdict {
  const facts = dataStoreFacts(r.type)!;
  if (isClusterMember(r, facts.memberOf?.path)) return NOT_APPLICABLE;
  const enc = facts.encryption;
  switch (enc.kind) {
    case 'always':
    case 'volumes':
      return COMPLIANT;
    case 'object': {
      const res = app.resolve(r, enc.path);
      if (!res.ok) return unverifiable(enc.path, res.unresolved, enc.path);
      for (const { value, conditions } of res.values) {
        if (isDeployTime(value)) return unverifiable(enc.path, value, enc.path);
        if (value === undefined) return nonCompliant(`the ${facts.noun} is not encrypted at rest (no ${enc.path}${branch(conditions)})`, enc.path);
        const field = enc.field ? (value as any)[enc.field] : undefined;
        if (enc.field && isDeployTime(field)) return unverifiable(`${enc.path}.${enc.field}`, field, enc.path);
        if (enc.field && !enc.values!.includes(field)) return nonCompliant(`the ${facts.noun} is not encrypted at rest (${enc.path}.${enc.field} is ${JSON.stringify(field)})`, enc.path);
      }
      return COMPLIANT;
    }
    case 'flag':
      return flag(r, enc, app, depth);
    case 'depends':
      return depends(r, app);
  }
}

function flag(r: ResourceView, enc: { readonly path: string; readonly absent: boolean; readonly key?: string }, app: AppView, depth: number): RuleVerdict {
  const facts = dataStoreFacts(r.type)!;
  if (enc.key !== undefined) {
    const key = app.resolve(r, enc.key);
    if (key.ok && key.values.every((v) => v.value !== undefined && v.value !== '')) return COMPLIANT;
  }
  const res = app.resolve(r, enc.path);
  if (!res.ok) return unverifiable(enc.path, res.unresolved, enc.path);
  for (const { value, conditions } of res.values) {
    if (isDeployTime(value)) return unverifiable(enc.path, value, enc.path);
    if (value === undefined) {
      const inherited = inherit(r, app, depth);
      if (inherited) {
        if (inherited.status !== 'compliant') return inherited;
        continue;
      }
      if (enc.absent) continue;
      return nonCompliant(`the ${facts.noun} is not encrypted at rest (${enc.path} is not set, and defaults to false${branch(conditions)})`, enc.path);
    }
    if (isFalse(value) || (!isTrue(value) && !enc.absent)) return nonCompliant(`the ${facts.noun} is not encrypted at rest (${enc.path} is ${JSON.stringify(value)}${branch(conditions)})`, enc.path);
  }
  return COMPLIANT;
}

/** For a copy of another store that sets no encryption of its own: the source's verdict; undefined when it is no copy. */
function inherit(r: ResourceView, app: AppView, depth: number): RuleVerdict | undefined {
  for (const { path, type, name } of dataStoreFacts(r.type)?.inheritsFrom ?? []) {
    const raw = r.properties[path];
    if (raw === undefined) continue;
    const source = sourceResource(r, raw, type, name, app);
    if (source.kind === 'unknown') return unverifiable(`the source of this copy (${path})`, source.value, path);
    if (source.kind === 'outside') return nonCompliant(`could not verify encryption at rest: the copy inherits it from '${source.name}' (${path}), which is not part of the app`, path);
    if (depth >= MAX_SOURCES || source.resource === r) return nonCompliant(`could not verify encryption at rest: the chain of sources through ${path} is longer than ${MAX_SOURCES} or circular`, path);
    const verdict = encryption(source.resource, app, depth + 1);
    if (verdict.status === 'non-compliant') return nonCompliant(`the copy inherits its encryption from ${source.resource.path} (${path}): ${verdict.reason}`, path);
    return COMPLIANT;
  }
  return undefined;
}

function depends(r: ResourceView, app: AppView): RuleVerdict {
  if (r.type === 'AWS::ElastiCache::CacheCluster') {
    const engine = literalString(r.properties.Engine)?.toLowerCase();
    if (engine === undefined) return unverifiable('Engine', r.properties.Engine, 'Engine');
    if (engine === 'memcached') return NOT_APPLICABLE;
    return nonCompliant(`a single-node ${engine} cache cluster cannot encrypt its data at rest: use a replication group with AtRestEncryptionEnabled`, 'Engine');
  }
  if (r.type === 'AWS::KinesisFirehose::DeliveryStream') {
    const type = app.resolve(r, 'DeliveryStreamType');
    if (!type.ok) return unverifiable('DeliveryStreamType', type.unresolved, 'DeliveryStreamType');
    for (const { value } of type.values) {
      if (isDeployTime(value)) return unverifiable('DeliveryStreamType', value, 'DeliveryStreamType');
      if (value === 'KinesisStreamAsSource' || value === 'MSKAsSource') continue;
      const input = app.resolve(r, 'DeliveryStreamEncryptionConfigurationInput');
      if (!input.ok) return unverifiable('DeliveryStreamEncryptionConfigurationInput', input.unresolved, 'DeliveryStreamEncryptionConfigurationInput');
      if (input.values.some((v) => v.value === undefined)) {
        return nonCompliant('the Direct PUT Firehose stream does not encrypt the records it buffers (no DeliveryStreamEncryptionConfigurationInput)', 'DeliveryStreamEncryptionConfigurationInput');
      }
    }
    return type.values.every((v) => v.value === 'KinesisStreamAsSource' || v.value === 'MSKAsSource') ? NOT_APPLICABLE : COMPLIANT;
  }
  return NOT_APPLICABLE;
}
