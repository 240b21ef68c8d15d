import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { DATA_STORES, dataStoreFacts, isDeployTime } from '../../aws';
import { branch, isClusterMember } from '../utils/data-stores';

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
 * - ElastiCache Serverless and MSK Serverless accept TLS connections only.
 * Cluster members are judged with their cluster. Databases whose TLS requirement lives in a parameter group (RDS,
 * Aurora, DocumentDB, Redshift) are not read here; nor are S3 buckets (S3BucketTlsOnly, item 1.24).
 * Fails when: the store exchanges data, or accepts connections, in clear. A value unknown at synth is reported.
 * Fix: turn on the store's encryption in transit (for most, only when the store is created) and require it.
 */
export const DataStoreEncryptedInTransit = defineRule({
  name: 'DataStoreEncryptedInTransit',
  description: 'Data stores encrypt the data they exchange with clients and between their nodes',
  fix: 'Turn on and require encryption in transit: TransitEncryptionEnabled with TransitEncryptionMode required (ElastiCache), TLSEnabled (MemoryDB), NodeToNodeEncryptionOptions and DomainEndpointOptions.EnforceHTTPS (OpenSearch), ClusterEndpointEncryptionType TLS (DAX), ClientBroker TLS and InCluster (MSK)',
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app) {
    const facts = dataStoreFacts(r.type);
    const inTransit = facts?.inTransit;
    if (!facts || !inTransit || isClusterMember(r, facts.memberOf?.path)) return NOT_APPLICABLE;
    if (inTransit.kind === 'always') return COMPLIANT;
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
