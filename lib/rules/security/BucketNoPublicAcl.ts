import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, unverifiable } from '../rule';
import { isIntrinsic, isObject } from '../../aws';
import { readBlockPublicAccess } from '../utils/buckets';

const PUBLIC_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];

/**
 * Reads: `AWS::S3::Bucket`.
 * Fails when: the canned ACL grants read or write to everyone (or every AWS user), or the bucket hosts a website
 * (not only a redirect) while Block Public Access leaves a setting off. Website hosting with Block Public Access on
 * (S3's default for a new bucket) serves nothing publicly, and passes.
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
    const website = r.properties.WebsiteConfiguration;
    // A website endpoint serves only what anyone may read: with Block Public Access on (S3's default for a new bucket)
    // nobody may, and a bucket that only redirects (RedirectAllRequestsTo, e.g. www to the apex) serves no object.
    if (website !== undefined && !(isObject(website) && website.RedirectAllRequestsTo !== undefined)) {
      const bpa = readBlockPublicAccess(r);
      if (!bpa.known) return unverifiable(bpa.name, bpa.value, bpa.location);
      if (bpa.off.length > 0) return nonCompliant(`the bucket hosts a website and Block Public Access leaves ${bpa.off.join(', ')} off, so its objects can be made public`, 'WebsiteConfiguration');
    }
    return COMPLIANT;
  },
});
