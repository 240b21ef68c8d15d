import { met, notMet, passes, required } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

const LEGACY = 'Site/Legacy/Resource';

export const staticSite: CorpusApp = {
  name: 'static-site',
  description: 'A private versioned site bucket behind CloudFront with origin access control and HTTPS redirect, and a legacy distribution that allows HTTP and fetches from an HTTP-only origin.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      required('1.21', 'DataStoreClassified', ['Site/SiteContent/Resource', 'Site/CdnLogs/Resource'],
        'neither the site\'s content nor the viewer logs are classified, public or not: "All customer data processed and stored in the workload is considered and classified"'),
      required('1.24', 'CloudFrontViewerHttps', LEGACY,
        'viewer protocol policy allow-all serves HTTP to the internet: "All data in transit across a VPC boundary is encrypted"'),
      required('1.24', 'CloudFrontOriginHttps', LEGACY,
        'the origin is fetched over HTTP only, across the internet: "All data in transit across a VPC boundary is encrypted"'),
      required('2.3', 'BucketAccessLogged', 'Site/SiteContent/Resource',
        'the content bucket writes no server access log: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
    ],
    passes: [
      passes('2.1', 'Site/Site/Resource', 'CloudFront serves the site from its global edge network: "Network connectivity to the solution must be highly available"', 'EntryPointHighlyAvailable'),
      passes('1.24', 'Site/Site/Resource', 'viewers are redirected to HTTPS and the S3 origin is reached over HTTPS: "All data in transit across a VPC boundary is encrypted"', 'CloudFrontViewerHttps'),
      passes('1.17', 'Site/SiteContent/Policy/Resource', 'only CloudFront, for this distribution (aws:SourceArn), may read: "the appropriate controls are in place to control access to each S3 bucket"', 'BucketPolicyNoPublicPrincipal'),
      passes('1.18', 'Site/CdnLogs/Resource', 'ACLs are on for CloudFront log delivery but grant nothing public: "properly configured to prevent public access"', 'BucketNoPublicAcl'),
      passes('2.3', 'Site/Site/Resource', 'standard logging into the log bucket: "All log information from the application, and from the AWS infrastructure"', 'AccessLogsEnabled'),
    ],
    verdicts: {
      '1.9': met('the bucket policies grant CloudFront\'s service principal for one distribution and deny plain HTTP: "granting only the permissions required to perform a task"'),
      '1.10': notMet('no function, container or instance: nothing shows "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': notMet('no security group: nothing shows "All Amazon EC2 security groups should restrict access to the greatest degree possible"'),
      '1.17': met('each bucket policy names who may write or read: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('both buckets block public access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('both buckets are encrypted with SSE-S3: "encrypted in transit and at rest"'),
      '1.23': notMet('no customer managed key: nothing shows "access to use the keys is controlled"'),
      '2.1': met('CloudFront serves from its global edge network: "Network connectivity to the solution must be highly available"'),
      '2.2': met('CloudFront and S3 scale with demand without provisioning: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.4': notMet('no alarm: "with alarms generated and sent to the appropriate operations staff"'),
      '2.6': notMet('the content comes from the build and no bucket is in a backup plan: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('S3 stores across several zones of the region and CloudFront is a global service: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
