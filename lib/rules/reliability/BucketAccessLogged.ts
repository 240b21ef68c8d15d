import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView } from '../rule';
import { byLiteralProperty, designations, resolveResource, resourceKey } from '../utils/references';
import { asList, isObject, literalString } from '../../aws';

/** Service principals that deliver logs into a bucket (S3 server access logs, CloudWatch Logs / vended logs, CloudTrail, AWS Config, ELB). */
const LOG_DELIVERY = ['logging.s3.amazonaws.com', 'delivery.logs.amazonaws.com', 'cloudtrail.amazonaws.com', 'config.amazonaws.com', 'logdelivery.elasticloadbalancing.amazonaws.com'];

/**
 * Reads: `AWS::S3::Bucket` (`LoggingConfiguration`) and, across the app, what makes a bucket a log destination: the
 * `LoggingConfiguration.DestinationBucketName` of another bucket, an Elastic Load Balancing `access_logs.s3.bucket`
 * attribute or `AccessLoggingPolicy.S3BucketName`, a CloudFront `Logging.Bucket`, a trail's `S3BucketName`, an AWS Config
 * delivery channel, a flow log's S3 `LogDestination`, the S3 destination of an `AWS::KinesisFirehose::DeliveryStream`
 * that logs are delivered into (a flow log's Firehose `LogDestination`, a subscription filter's or a CloudWatch Logs
 * destination's target; by reference or by the stream's literal name), or an `AWS::S3::BucketPolicy` letting a log delivery service
 * (`logging.s3`, `delivery.logs`, `cloudtrail`, `config`, `logdelivery.elasticloadbalancing`) write into it. A reference,
 * an import or the bucket's literal name in the same stack all count.
 * Fails when: a bucket that is not itself a log destination writes no server access log, so requests to its data leave
 * no log to consolidate (item 2.3). A log bucket is part of the central log store: its own access log is not asked.
 * Fix: `serverAccessLogsBucket` (CDK) or `LoggingConfiguration.DestinationBucketName` to the access-log bucket.
 */
export const BucketAccessLogged = defineRule({
  name: 'BucketAccessLogged',
  description: 'S3 buckets that hold data write server access logs (log buckets themselves excepted)',
  fix: 'Set serverAccessLogsBucket (LoggingConfiguration.DestinationBucketName) to the access-log bucket of the account',
  resourceTypes: ['AWS::S3::Bucket'],
  scope: 'app',
  check(r, app) {
    if (r.type !== 'AWS::S3::Bucket') return NOT_APPLICABLE;
    if (r.properties.LoggingConfiguration !== undefined) return COMPLIANT;
    if (logDestinations(app).has(resourceKey(r))) return NOT_APPLICABLE;
    return nonCompliant('the bucket writes no server access log (no LoggingConfiguration), and nothing in the app makes it a log bucket', 'LoggingConfiguration');
  },
});

/** Keys of the buckets that receive logs, indexed once per pass. */
function logDestinations(app: AppView): ReadonlySet<string> {
  return app.memo('log-destination-buckets', () => {
    const keys = new Set<string>();
    const add = (from: ResourceView, value: unknown) => {
      for (const d of designations(from, value, '', app)) {
        if (d.kind === 'resource' && d.resource.type === 'AWS::S3::Bucket') keys.add(resourceKey(d.resource));
        else if (d.kind === 'literal') {
          const name = d.value.replace(/^arn:[^:]+:s3:::/, '').split('/')[0].replace(/\.s3[.-].*$/, '');
          const bucket = byLiteralProperty(app, 'AWS::S3::Bucket', 'BucketName', from, name);
          if (bucket) keys.add(resourceKey(bucket));
        }
      }
    };
    for (const b of app.ofType('AWS::S3::Bucket')) if (isObject(b.properties.LoggingConfiguration)) add(b, b.properties.LoggingConfiguration.DestinationBucketName);
    for (const lb of app.ofType('AWS::ElasticLoadBalancingV2::LoadBalancer')) {
      for (const a of asList<any>(lb.properties.LoadBalancerAttributes)) if (isObject(a) && a.Key === 'access_logs.s3.bucket') add(lb, a.Value);
    }
    for (const lb of app.ofType('AWS::ElasticLoadBalancing::LoadBalancer')) add(lb, lb.properties.AccessLoggingPolicy?.S3BucketName);
    for (const d of app.ofType('AWS::CloudFront::Distribution')) add(d, d.properties.DistributionConfig?.Logging?.Bucket);
    for (const t of app.ofType('AWS::CloudTrail::Trail')) add(t, t.properties.S3BucketName);
    for (const c of app.ofType('AWS::Config::DeliveryChannel')) add(c, c.properties.S3BucketName);
    for (const f of app.ofType('AWS::EC2::FlowLog')) if (f.properties.LogDestinationType === 's3') add(f, f.properties.LogDestination);
    for (const stream of logStreams(app)) {
      const config = stream.properties.ExtendedS3DestinationConfiguration ?? stream.properties.S3DestinationConfiguration;
      if (isObject(config)) add(stream, config.BucketARN);
    }
    for (const p of app.ofType('AWS::S3::BucketPolicy')) {
      const statements = asList<any>(p.properties.PolicyDocument?.Statement);
      const delivers = statements.some((s) => isObject(s) && s.Effect === 'Allow' && asList(s.Principal?.Service).some((x) => LOG_DELIVERY.includes(literalString(x) ?? '')));
      if (!delivers) continue;
      const bucket = resolveResource(p, p.properties.Bucket, app);
      if (bucket?.type === 'AWS::S3::Bucket') keys.add(resourceKey(bucket));
      else add(p, p.properties.Bucket);
    }
    return keys;
  });
}

/** Firehose streams that logs are delivered into: the Firehose destination of a flow log, a subscription filter or a CloudWatch Logs destination. */
function logStreams(app: AppView): ReadonlySet<ResourceView> {
  const streams = new Set<ResourceView>();
  const add = (from: ResourceView, value: unknown) => {
    for (const d of designations(from, value, '', app)) {
      if (d.kind === 'resource' && d.resource.type === 'AWS::KinesisFirehose::DeliveryStream') streams.add(d.resource);
      else if (d.kind === 'literal' && d.value.includes(':deliverystream/')) {
        const stream = byLiteralProperty(app, 'AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamName', from, d.value.slice(d.value.indexOf(':deliverystream/') + ':deliverystream/'.length));
        if (stream) streams.add(stream);
      }
    }
  };
  for (const f of app.ofType('AWS::EC2::FlowLog')) if (f.properties.LogDestinationType === 'kinesis-data-firehose') add(f, f.properties.LogDestination);
  for (const f of app.ofType('AWS::Logs::SubscriptionFilter')) add(f, f.properties.DestinationArn);
  for (const d of app.ofType('AWS::Logs::Destination')) add(d, d.properties.TargetArn);
  return streams;
}
