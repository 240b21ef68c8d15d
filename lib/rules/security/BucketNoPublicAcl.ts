import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isIntrinsic } from '../../aws';

const PUBLIC_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];

/**
 * Reads: `AWS::S3::Bucket`.
 * Fails when: the canned ACL grants read or write to everyone (or every AWS user), or the bucket hosts a
 * public website.
 * Fix: keep the bucket private (no AccessControl, ObjectOwnership BucketOwnerEnforced); serve public
 * content through CloudFront with origin access control.
 */
export const BucketNoPublicAcl = defineRule({
  name: 'BucketNoPublicAcl',
  description: 'S3 buckets grant no public access through ACLs or website hosting',
  fix: 'Remove the public canned ACL and website configuration; use ObjectOwnership: BucketOwnerEnforced and CloudFront with origin access control for public content',
  resourceTypes: ['AWS::S3::Bucket'],
  scope: 'resource',
  check(r) {
    if (r.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    const acl = r.properties.AccessControl;
    if (isIntrinsic(acl)) return unverifiable('AccessControl', acl, 'AccessControl');
    if (typeof acl === 'string' && PUBLIC_ACLS.includes(acl)) return nonCompliant(`the bucket's canned ACL is ${acl}`, 'AccessControl');
    if (r.properties.WebsiteConfiguration !== undefined) return nonCompliant('the bucket is configured for public website hosting', 'WebsiteConfiguration');
    return COMPLIANT;
  },
});
