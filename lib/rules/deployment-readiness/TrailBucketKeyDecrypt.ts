import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { locateBucket } from '../utils/buckets';
import { asList, isIntrinsic, isTrue } from '../../aws';
import { keyAllows, locateKey } from '../utils/key-policies';

/**
 * Reads: `AWS::CloudTrail::Trail`, the `AWS::S3::Bucket` it delivers to (across the app) and that bucket's KMS key.
 * Fails when: the bucket encrypts with SSE-KMS and an S3 Bucket Key, and the key's policy does not let
 * `cloudtrail.amazonaws.com` call `kms:Decrypt`: "If you are using an existing S3 bucket with an S3 Bucket Key,
 * kms:Decrypt permission is required to create or update a trail with SSE-KMS encryption enabled" ("Configure AWS KMS
 * key policies for CloudTrail", CloudTrail user guide). The trail fails to create.
 * Fix: add kms:Decrypt for cloudtrail.amazonaws.com (with aws:SourceArn of the trail), as `AuditLogBucket` does.
 */
export const TrailBucketKeyDecrypt = defineRule({
  name: 'TrailBucketKeyDecrypt',
  description: 'A trail delivering to a bucket with an S3 Bucket Key may decrypt with the bucket key',
  fix: 'Allow cloudtrail.amazonaws.com kms:Decrypt in the key policy (condition aws:SourceArn: the trail ARN), or turn the Bucket Key off',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::CloudTrail::Trail') return NOT_APPLICABLE;
    const loc = locateBucket(r, 'S3BucketName', app);
    if (loc.kind === 'unresolved') return unverifiable('the log bucket', loc.value, 'S3BucketName');
    if (loc.kind === 'external') return nonCompliant(`could not verify log bucket '${loc.name}': it is not created in this app, so its encryption cannot be seen`, 'S3BucketName');
    const rules = loc.bucket.properties.BucketEncryption?.ServerSideEncryptionConfiguration;
    if (isIntrinsic(rules)) return unverifiable(`the encryption of ${loc.bucket.path}`, rules);
    const rule = asList<any>(rules).find((x) => isTrue(x?.BucketKeyEnabled) && x?.ServerSideEncryptionByDefault?.SSEAlgorithm === 'aws:kms');
    if (!rule) return NOT_APPLICABLE;
    const keyId = rule.ServerSideEncryptionByDefault.KMSMasterKeyID;
    if (keyId === undefined) return COMPLIANT; // the AWS managed aws/s3 key: CloudTrail needs no key policy
    const key = locateKey(loc.bucket, keyId, app);
    if (key.kind === 'unresolved') return unverifiable(`the key of ${loc.bucket.path}`, key.value);
    if (key.kind !== 'key') return nonCompliant(`could not verify the key policy of ${loc.bucket.path}'s key '${key.kind === 'external' ? key.id : key.alias}': it is not created in this app`);
    return keyAllows(key.key, 'cloudtrail.amazonaws.com', ['kms:Decrypt'], app)
      ? COMPLIANT
      : nonCompliant(`log bucket ${loc.bucket.path} uses an S3 Bucket Key, and key ${key.key.path} does not allow cloudtrail.amazonaws.com kms:Decrypt`);
  },
});
