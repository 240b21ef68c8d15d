import { met, notMet, passes, recommended } from '../expect';
import { CorpusApp } from '../types';
import { build } from './app';

export const kmsByok: CorpusApp = {
  name: 'kms-byok',
  description: 'An S3 bucket under a KMS key with imported material, a Kinesis stream under a KMS-generated key without rotation, access logs to a log bucket.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [
      recommended('1.23', 'KmsKeyRotationEnabled', 'Records/EventsKey/Resource',
        'the KMS-generated key does not rotate: rotation goes beyond "All cryptographic keys are encrypted at rest and in transit"'),
    ],
    passes: [
      passes('1.23', 'Records/RecordsKey', 'imported key material under a key policy naming the account and the producer: "access to use the keys is controlled using an AWS solution such as AWS Key Management Service (AWS KMS) or an APN Partner solution"', 'KmsKeyPolicyNoWildcard'),
      passes('1.22', 'Records/Records/Resource', 'SSE-KMS under the imported key: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('1.22', 'Records/Events/Resource', 'KMS stream encryption: "encrypted in transit and at rest"', 'DataStoreEncryptedAtRest'),
      passes('1.22', 'Records/Records/Resource', 'the bucket policy denies requests without TLS: "encrypted in transit"', 'S3BucketTlsOnly'),
      passes('1.22', 'Records/Events/Resource', 'Kinesis Data Streams endpoints accept HTTPS only: "encrypted in transit"', 'DataStoreEncryptedInTransit'),
      passes('2.3', 'Records/Records/Resource', 'server access logs to the log bucket: "All log information from the application, and from the AWS infrastructure"', 'BucketAccessLogged'),
    ],
    verdicts: {
      '1.9': met('the producer may write to its bucket and stream and use their keys; key policies name principals: "granting only the permissions required to perform a task"'),
      '1.10': notMet('no function, container or instance: nothing shows "avoid the use of hard-coded credentials"'),
      '1.11': notMet('no credential: nothing shows "ensure the encryption of any credentials at rest"'),
      '1.16': notMet('no security group: nothing shows "All Amazon EC2 security groups should restrict access to the greatest degree possible"'),
      '1.17': met('both bucket policies deny plain HTTP and grant named principals: "the appropriate controls are in place to control access to each S3 bucket"'),
      '1.18': met('both buckets block public access: "buckets that should not allow public access are properly configured to prevent public access"'),
      '1.22': met('records, stream and logs are encrypted at rest and reached over TLS only (the bucket denies plain HTTP; Kinesis and CloudWatch Logs accept HTTPS only): "encrypted in transit and at rest"'),
      '1.23': met('both keys are KMS keys whose policies name their principals; imported material is the partner\'s choice: "access to use the keys is controlled using an AWS solution such as AWS Key Management Service (AWS KMS)"'),
      '1.24': met('both buckets accept TLS only: "All data in transit across a VPC boundary is encrypted"'),
      '2.1': notMet('no way in from outside: nothing shows "Network connectivity to the solution must be highly available"'),
      '2.2': met('an on-demand stream and S3 scale with load: "Implementing auto-scaling mechanisms at each layer of the architecture"'),
      '2.3': met('the records bucket logs its accesses into the log bucket: "All log information from the application, and from the AWS infrastructure, should be consolidated into a single system"'),
      '2.4': notMet('no alarm: "with alarms generated and sent to the appropriate operations staff"'),
      '2.6': notMet('no backup plan and no bucket marked critical: nothing shows "You must perform regular backups to a durable storage service"'),
      '2.8': met('S3 and Kinesis are regional services across the region\'s zones: "must continue to operate in the case where all of the services within a single AZ have been disrupted"'),
    },
  }],
};
