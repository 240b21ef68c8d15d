/**
 * Static websites as the CloudFront examples build them: a private, versioned site bucket served through a
 * CloudFront distribution with origin access control, HTTPS redirect and standard logging; and, next to it, the
 * marketing team's legacy distribution, which serves HTTP and HTTPS alike and fetches from an HTTP-only origin.
 */
import {
  App, Duration, RemovalPolicy, Stack, StackProps,
  aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { WORKLOAD } from '../harness';

class SiteStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    const logs = new s3.Bucket(this, 'CdnLogs', {
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const site = new s3.Bucket(this, 'SiteContent', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new cloudfront.Distribution(this, 'Site', {
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'site/',
    });
    new cloudfront.Distribution(this, 'Legacy', {
      defaultBehavior: {
        origin: new origins.HttpOrigin('legacy-www.partner.example.com', { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL,
      },
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'legacy/',
    });
  }
}

export function build(app: App): void {
  new SiteStack(app, 'Site', { env: WORKLOAD });
}
