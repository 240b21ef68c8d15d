import { TAGS, DATA_CLASSIFICATIONS } from '../../conventions';
import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { DATA_STORES, dataStoreFacts, isDeployTime, isKnown } from '../../aws';
import { noCustomerDataReason } from '../utils/customer-data';
import { isClusterMember, storeTagSets } from '../utils/data-stores';

const TYPES = Object.keys(DATA_STORES);
const ACCEPTED: readonly string[] = DATA_CLASSIFICATIONS;

/**
 * Reads: the tags of every data-store type of `lib/aws/data-stores.ts` (S3, DynamoDB tables and each global-table
 * replica, RDS, Aurora, DocumentDB and Neptune clusters and stand-alone instances, EFS (`FileSystemTags`), FSx, EBS
 * volumes, EC2 instances and Auto Scaling groups with the tags their launch template gives instances and volumes,
 * OpenSearch, ElastiCache, MemoryDB, Redshift, Redshift Serverless, Kinesis, Firehose, MSK, SQS, SNS, Amazon MQ, log
 * groups, backup vaults (`BackupVaultTags`), DAX, ECR, Cognito user pools (`UserPoolTags`), EventBridge archives (which take no
 * tags: the tags of the source event bus their `SourceArn` names)), in every `Fn::If` branch.
 * Cluster members are judged with their cluster; a log group written only by custom resource handlers or by functions
 * only Auto Scaling lifecycle notifications invoke (aws-cdk-lib's ECS drain hook), and a topic that only relays lifecycle
 * notifications or that only CloudWatch alarms publish to (decided from what references it, not from its name), hold no
 * customer data.
 * Fails when: the `DataClassification` tag is missing, or its value is not one of public, internal, confidential,
 * restricted (exact, lower case: the evidence report reads them back). A value unknown at synth is unverifiable.
 * Fix: `Tags.of(store).add('DataClassification', 'confidential')` (or on a whole stack).
 */
export const DataStoreClassified = defineRule({
  name: 'DataStoreClassified',
  description: 'Data stores carry a DataClassification tag with an accepted value',
  fix: "Tag each data store (or its stack): Tags.of(scope).add('DataClassification', 'public' | 'internal' | 'confidential' | 'restricted')",
  resourceTypes: TYPES,
  scope: 'app',
  check(r, app): RuleVerdict {
    const facts = dataStoreFacts(r.type);
    if (!facts || isClusterMember(r, facts.memberOf?.path)) return NOT_APPLICABLE;
    if (noCustomerDataReason(r, app)) return NOT_APPLICABLE;
    const found = storeTagSets(r, app);
    if (!found.ok) return unverifiable(`the tags (${found.path})`, found.unresolved, found.path);
    for (const set of found.sets) {
      const value = set.tags.get(TAGS.DATA_CLASSIFICATION);
      if (value === undefined) return nonCompliant(`${set.where} has no ${TAGS.DATA_CLASSIFICATION} tag`, set.path);
      if (isDeployTime(value) || !isKnown(value)) return unverifiable(`the ${TAGS.DATA_CLASSIFICATION} tag`, value, set.path);
      if (typeof value !== 'string' || !ACCEPTED.includes(value)) {
        return nonCompliant(`${TAGS.DATA_CLASSIFICATION} '${String(value)}' of ${set.where} is not one of ${ACCEPTED.join(', ')}`, set.path);
      }
    }
    return COMPLIANT;
  },
});
