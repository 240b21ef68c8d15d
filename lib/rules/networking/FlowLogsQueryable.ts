import { AppView, COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { isIntrinsic, isTrue, literalString } from '../../aws';
import { resolveResource } from '../utils/references';

/** Fields a CloudWatch Logs flow log record must carry to be queried by VPC, interface, flow and verdict. */
const REQUIRED_FLOW_LOG_FIELDS = ['vpc-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'action'];

/**
 * Reads: `AWS::EC2::FlowLog` and, in its stack, the `AWS::Logs::LogGroup` it delivers to.
 * Passes when the flow log delivers to S3 as Parquet with Hive-compatible partitions
 * (`DestinationOptions.FileFormat: parquet`, `HiveCompatiblePartitions: true`), to CloudWatch Logs
 * (the default destination) with a `LogFormat` carrying vpc-id, interface-id, srcaddr, dstaddr, srcport,
 * dstport and action, into a log group of the same stack that has `RetentionInDays`, or to Kinesis Data
 * Firehose (the stream decides the format its destination receives).
 * Fails when: S3 delivery is plain text or unpartitioned; the CloudWatch format is the default (no
 * vpc-id) or misses a field; the log group keeps logs forever or is not created in the stack; a format or
 * destination is unknown at synth. Network Management uses this rule as a recommendation: the product may
 * ingest flow logs from any destination.
 * Fix: `FlowLogDestination.toS3(bucket, prefix, { fileFormat: PARQUET, hiveCompatiblePartitions: true })`,
 * or a custom `logFormat` and a log group with retention.
 */
export const FlowLogsQueryable = defineRule({
  name: 'FlowLogsQueryable',
  description: 'VPC flow logs are delivered in a queryable form (Parquet with Hive partitions in S3, a rich format in a retained log group, or a Firehose stream)',
  fix: 'Deliver flow logs to S3 with FileFormat parquet and HiveCompatiblePartitions, or to a CloudWatch log group with retention and a LogFormat including vpc-id, interface-id, srcaddr, dstaddr, srcport, dstport and action',
  resourceTypes: ['AWS::EC2::FlowLog'],
  scope: 'stack',
  check(r, app): RuleVerdict {
    if (r.type !== 'AWS::EC2::FlowLog') return NOT_APPLICABLE;
    const p = r.properties;
    const type = p.LogDestinationType ?? 'cloud-watch-logs';
    if (isIntrinsic(type)) return unverifiable('the flow log destination type', type, 'LogDestinationType');
    if (type === 's3') {
      // CloudFormation documents PascalCase keys; CDK's L2 FlowLog writes camelCase ones, which deploy too.
      const raw = p.DestinationOptions ?? {};
      const opts = { FileFormat: raw.FileFormat ?? raw.fileFormat, HiveCompatiblePartitions: raw.HiveCompatiblePartitions ?? raw.hiveCompatiblePartitions };
      if (isIntrinsic(opts.FileFormat)) return unverifiable('the flow log file format', opts.FileFormat, 'DestinationOptions/FileFormat');
      if (opts.FileFormat !== 'parquet') return nonCompliant(`flow log delivers to S3 as ${opts.FileFormat ?? 'plain-text'} files, not parquet`, 'DestinationOptions/FileFormat');
      if (isIntrinsic(opts.HiveCompatiblePartitions)) return unverifiable('the Hive partitioning', opts.HiveCompatiblePartitions, 'DestinationOptions/HiveCompatiblePartitions');
      if (!isTrue(opts.HiveCompatiblePartitions)) return nonCompliant('flow log delivers parquet to S3 without Hive-compatible partitions (HiveCompatiblePartitions is not true)', 'DestinationOptions/HiveCompatiblePartitions');
      return COMPLIANT;
    }
    // Kinesis Data Firehose hands the records to the stream's destination (the partner's product, an HTTP
    // endpoint, S3 with record format conversion): their format is the stream's, not the flow log's.
    if (type === 'kinesis-data-firehose') return COMPLIANT;
    if (type !== 'cloud-watch-logs') return nonCompliant(`flow log delivers to ${type}, which is neither S3 (parquet), CloudWatch Logs nor Kinesis Data Firehose`, 'LogDestinationType');
    const formatVerdict = checkFormat(p.LogFormat);
    if (formatVerdict) return formatVerdict;
    return checkRetention(r, app);
  },
});

function checkFormat(format: unknown): RuleVerdict | undefined {
  if (format === undefined) return nonCompliant('flow log uses the default LogFormat, which lacks vpc-id', 'LogFormat');
  const text = literalString(format);
  if (text === undefined) return unverifiable('the flow log format', format, 'LogFormat');
  const fields = new Set([...text.matchAll(/\$\{([a-z0-9-]+)\}/g)].map((m) => m[1]));
  const missing = REQUIRED_FLOW_LOG_FIELDS.filter((f) => !fields.has(f));
  return missing.length > 0 ? nonCompliant(`flow log LogFormat lacks ${missing.join(', ')}`, 'LogFormat') : undefined;
}

function checkRetention(r: ResourceView, app: AppView): RuleVerdict {
  const p = r.properties;
  const value = p.LogDestination ?? p.LogGroupName;
  const location = p.LogDestination !== undefined ? 'LogDestination' : 'LogGroupName';
  let group = resolveResource(r, value, app);
  const name = literalString(value);
  if (!group && name) group = r.stack.ofType('AWS::Logs::LogGroup').find((g) => g.properties.LogGroupName === name || name.endsWith(`:log-group:${g.properties.LogGroupName}`));
  if (!group || group.type !== 'AWS::Logs::LogGroup') {
    return name !== undefined
      ? nonCompliant(`could not verify the retention of flow log group ${name}: it is not created in this stack`, location)
      : unverifiable('the flow log group', value, location);
  }
  const days = group.properties.RetentionInDays;
  if (days === undefined) return nonCompliant(`flow log group ${group.path} has no RetentionInDays (logs are kept forever)`, location);
  if (isIntrinsic(days)) return unverifiable(`the retention of log group ${group.path}`, days, location);
  return COMPLIANT;
}
