/**
 * The synthetic app the benchmarks synthesize: one audit stack plus N workload stacks, each a realistic mix
 * of this library's constructs, with explicit accounts, regions and AZs so synth needs no context lookup.
 *
 * Workload stack i (account 3000000000<i>, alternating eu-west-1 / eu-central-1):
 * - `MultiAzVpc` 10.<i>.0.0/16 over 3 explicit AZs (distinct blocks: overlapping CIDRs would be findings);
 * - `NetworkApplianceGroup` with GWLB failover (no NodejsFunction, so no bundling);
 * - two buckets with their own KMS key (versioned, TLS-only, classified, access logs to a third bucket);
 * - `CrossAccountBackup` copying to a locked vault of the DR account;
 * - an OAM link sharing logs and metrics with the monitoring (audit) account;
 * - `OrganizationTrail` delivering by name to the `AuditLogBucket` of the audit stack.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as oam from 'aws-cdk-lib/aws-oam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AuditLogBucket } from '../constructs/audit-log-bucket';
import { CrossAccountBackup } from '../constructs/cross-account-backup';
import { MultiAzVpc } from '../constructs/multi-az-vpc';
import { NetworkApplianceGroup } from '../constructs/network-appliance-group';
import { OrganizationTrail } from '../constructs/organization-trail';
import { TAGS } from '../lib/conventions';

export const ORGANIZATION_ID = 'o-a1b2c3d4e5';
export const MANAGEMENT_ACCOUNT = '111111111111';
export const AUDIT_ACCOUNT = '222222222222';
export const DR_ACCOUNT = '444444444444';
export const REGIONS = ['eu-west-1', 'eu-central-1'] as const;
export const AUDIT_BUCKET = 'bench-org-audit-logs';
export const TRAIL_NAME = 'organization-trail';
/** A key of the audit account: the trail stacks take it literally (it is generated there at deploy time). */
export const AUDIT_KEY_ARN = `arn:aws:kms:${REGIONS[0]}:${AUDIT_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** The most workload stacks the CIDR scheme (10.<i>.0.0/16) allows. */
export const MAX_STACKS = 256;

/** The workload account of stack i: 12 digits, distinct per stack. */
export function workloadAccount(i: number): string {
  return `3${String(i).padStart(11, '0')}`;
}

/** The bootstrap script the appliances download (written once to a temp dir, outside the repo). */
function bootstrapScriptFile(): string {
  const dir = path.join(os.tmpdir(), 'cdk-competency-bench');
  const file = path.join(dir, 'bootstrap.sh');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, '#!/bin/bash\nsysctl -w net.ipv4.ip_forward=1\n');
  }
  return file;
}

/** The audit (log-archive) stack: the trail bucket every workload stack's trail delivers to by name. */
export function addAuditStack(app: App): Stack {
  const audit = new Stack(app, 'Audit', { env: { account: AUDIT_ACCOUNT, region: REGIONS[0] } });
  new AuditLogBucket(audit, 'AuditLogs', {
    organizationId: ORGANIZATION_ID,
    managementAccountId: MANAGEMENT_ACCOUNT,
    trailName: TRAIL_NAME,
    bucketName: AUDIT_BUCKET,
  });
  return audit;
}

/** Workload stack i (0-based). */
export function addWorkloadStack(app: App, i: number, bootstrapFile = bootstrapScriptFile()): Stack {
  if (!Number.isInteger(i) || i < 0 || i >= MAX_STACKS) throw new Error(`bench: stack index must be 0..${MAX_STACKS - 1}, got ${i}`);
  const region = REGIONS[i % REGIONS.length];
  const stack = new Stack(app, `Workload${String(i).padStart(3, '0')}`, { env: { account: workloadAccount(i), region } });

  const network = new MultiAzVpc(stack, 'Network', {
    cidr: `10.${i}.0.0/16`,
    availabilityZones: ['a', 'b', 'c'].map((z) => `${region}${z}`),
  });
  new NetworkApplianceGroup(stack, 'Firewall', {
    vpc: network.vpc,
    instanceType: new ec2.InstanceType('c6in.large'),
    failover: 'gwlb',
    bootstrapScriptFile: bootstrapFile,
    configuration: { mode: 'inspect', stack: i },
    healthCheck: { port: 80, protocol: 'TCP' },
  });

  const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    versioned: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Tags.of(accessLogs).add(TAGS.DATA_CLASSIFICATION, 'internal');
  for (const name of ['Orders', 'Documents']) {
    const key = new kms.Key(stack, `${name}Key`, { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
    const bucket = new s3.Bucket(stack, name, {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${name.toLowerCase()}/`,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(bucket).add(TAGS.DATA_CLASSIFICATION, 'confidential');
    Tags.of(bucket).add(TAGS.DATA_CRITICALITY, 'critical');
    Tags.of(bucket).add(TAGS.BACKUP, 'true');
  }

  new CrossAccountBackup(stack, 'Backup', {
    rpo: Duration.hours(24),
    rto: Duration.hours(4),
    copyTo: { vaultArn: `arn:aws:backup:${region}:${DR_ACCOUNT}:backup-vault:dr-copies` },
  });
  // Logs and metrics shared with the monitoring (audit) account's sink: the account's central logging (2.3).
  new oam.CfnLink(stack, 'MonitoringLink', {
    resourceTypes: ['AWS::Logs::LogGroup', 'AWS::CloudWatch::Metric'],
    sinkIdentifier: `arn:aws:oam:${region}:${AUDIT_ACCOUNT}:sink/bench-monitoring`,
  });
  new OrganizationTrail(stack, 'Trail', {
    trailName: TRAIL_NAME,
    bucketName: AUDIT_BUCKET,
    kmsKeyArn: AUDIT_KEY_ARN,
    auditAccountId: AUDIT_ACCOUNT,
  });
  return stack;
}

/**
 * The context the CDK CLI gives an app by default (`contextFromSettings` in aws-cdk's toolkit, aws-cdk 2.1148): path
 * metadata, asset metadata and version reporting on, every stack bundled, and validation failures left to the CLI. The
 * benchmark synthesizes the app as `cdk synth` would run it.
 */
export const CDK_CLI_CONTEXT: { readonly [key: string]: unknown } = {
  [cxapi.PATH_METADATA_ENABLE_CONTEXT]: true,
  [cxapi.ASSET_RESOURCE_METADATA_ENABLED_CONTEXT]: true,
  [cxapi.ANALYTICS_REPORTING_ENABLED_CONTEXT]: true,
  [cxapi.BUNDLING_STACKS]: ['**'],
  [cxapi.FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
};

/** Options of {@link generateApp}. */
export interface GenerateOptions {
  /** Number of workload stacks (plus one audit stack). */
  readonly stacks: number;
  /** Where the assembly goes (a temp dir, never the repo). */
  readonly outdir: string;
  /** Extra app context, over {@link CDK_CLI_CONTEXT}. @default - none */
  readonly context?: { readonly [key: string]: unknown };
}

/** Builds the benchmark app: the audit stack and `stacks` workload stacks. Nothing is synthesized yet. */
export function generateApp(opts: GenerateOptions): App {
  const app = new App({ outdir: opts.outdir, context: { ...CDK_CLI_CONTEXT, ...opts.context } });
  addAuditStack(app);
  const bootstrap = bootstrapScriptFile();
  for (let i = 0; i < opts.stacks; i++) addWorkloadStack(app, i, bootstrap);
  return app;
}
