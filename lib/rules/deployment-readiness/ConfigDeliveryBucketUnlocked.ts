import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { locateBucket } from '../utils/buckets';
import { isIntrinsic, isTrue } from '../../aws';

/**
 * Reads: `AWS::Config::DeliveryChannel` and the `AWS::S3::Bucket` it names, across the app.
 * Fails when: the bucket has S3 Object Lock: "AWS Config does not support the delivery channel to an Amazon S3 bucket
 * where object lock is enabled" (AWS::Config::DeliveryChannel, CloudFormation template reference); or the bucket is not
 * in the app, so it cannot be seen.
 * Fix: deliver to a versioned bucket without Object Lock whose policy denies deletion (`ConfigDeliveryBucket`).
 */
export const ConfigDeliveryBucketUnlocked = defineRule({
  name: 'ConfigDeliveryBucketUnlocked',
  description: 'AWS Config delivers to a bucket without S3 Object Lock',
  fix: 'Give the delivery channel a bucket without Object Lock (versioned, deletion denied by its policy), e.g. ConfigDeliveryBucket, synthesized in the same app',
  resourceTypes: ['AWS::Config::DeliveryChannel'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::Config::DeliveryChannel') return NOT_APPLICABLE;
    const loc = locateBucket(r, 'S3BucketName', app);
    if (loc.kind === 'unresolved') return unverifiable('the delivery bucket', loc.value, 'S3BucketName');
    if (loc.kind === 'external') return nonCompliant(`could not verify delivery bucket '${loc.name}': it is not created in this app, so its Object Lock setting cannot be seen`, 'S3BucketName');
    const lock = loc.bucket.properties.ObjectLockEnabled;
    if (isIntrinsic(lock)) return unverifiable(`Object Lock of ${loc.bucket.path}`, lock);
    return isTrue(lock) ? nonCompliant(`delivery bucket ${loc.bucket.path} has S3 Object Lock, which AWS Config cannot deliver to`, 'S3BucketName') : COMPLIANT;
  },
});
