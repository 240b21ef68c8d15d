import { TAGS, DATA_CLASSIFICATIONS } from '../../conventions';
import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic, tagsOf } from '../../aws';

/** Data stores of customer data and the property holding their tags. */
const TAG_PROPERTY: { readonly [type: string]: string } = {
  'AWS::S3::Bucket': 'Tags',
  'AWS::DynamoDB::Table': 'Tags',
  'AWS::RDS::DBInstance': 'Tags',
  'AWS::RDS::DBCluster': 'Tags',
  'AWS::EFS::FileSystem': 'FileSystemTags',
  'AWS::EC2::Volume': 'Tags',
};
const TYPES = [...Object.keys(TAG_PROPERTY), 'AWS::DynamoDB::GlobalTable'];
const ACCEPTED: readonly string[] = DATA_CLASSIFICATIONS;

function classification(tags: ReadonlyMap<string, unknown>, where: string, location: string): RuleVerdict {
  const value = tags.get(TAGS.DATA_CLASSIFICATION);
  if (value === undefined) return nonCompliant(`${where} has no ${TAGS.DATA_CLASSIFICATION} tag`, location);
  if (isIntrinsic(value)) return unverifiable(`the ${TAGS.DATA_CLASSIFICATION} tag`, value, location);
  if (typeof value !== 'string' || !ACCEPTED.includes(value)) {
    return nonCompliant(`${TAGS.DATA_CLASSIFICATION} '${String(value)}' of ${where} is not one of ${ACCEPTED.join(', ')}`, location);
  }
  return COMPLIANT;
}

/**
 * Reads: the tags of `AWS::S3::Bucket`, `AWS::DynamoDB::Table`, `AWS::DynamoDB::GlobalTable` (each replica's
 * `Tags`), `AWS::RDS::DBInstance` (stand-alone: cluster members are judged by their cluster),
 * `AWS::RDS::DBCluster`, `AWS::EFS::FileSystem` (`FileSystemTags`) and `AWS::EC2::Volume`.
 * Fails when: the `DataClassification` tag is missing, or its value is not one of public, internal,
 * confidential, restricted (exact, lower case: the evidence report reads them back). A value unknown at synth
 * is unverifiable.
 * Fix: `Tags.of(store).add('DataClassification', 'confidential')` (or on a whole stack).
 */
export const DataStoreClassified = defineRule({
  name: 'DataStoreClassified',
  description: 'Data stores carry a DataClassification tag with an accepted value',
  fix: "Tag each data store (or its stack): Tags.of(scope).add('DataClassification', 'public' | 'internal' | 'confidential' | 'restricted')",
  resourceTypes: TYPES,
  scope: 'resource',
  check(r: ResourceView): RuleVerdict {
    if (!TYPES.includes(r.type)) return NOT_APPLICABLE;
    if (r.type === 'AWS::RDS::DBInstance' && r.properties.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    if (r.type === 'AWS::DynamoDB::GlobalTable') {
      const replicas = r.properties.Replicas;
      if (isIntrinsic(replicas)) return unverifiable('Replicas', replicas, 'Replicas');
      for (const [i, replica] of asList<any>(replicas).entries()) {
        const tags = new Map<string, unknown>(asList<any>(replica?.Tags).filter((t) => typeof t?.Key === 'string').map((t) => [t.Key, t.Value]));
        const v = classification(tags, `replica ${replica?.Region ?? i}`, `Replicas/${i}/Tags`);
        if (v.status !== 'compliant') return v;
      }
      return COMPLIANT;
    }
    const property = TAG_PROPERTY[r.type];
    return classification(tagsOf(r, property), `the ${r.type.split('::')[2]}`, property);
  },
});
