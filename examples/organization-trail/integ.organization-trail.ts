// Integration test of the organization-trail reference deployment: the audit bucket (audit account) and the
// organization trail (management account), deployed into the accounts of cdk.json, then checked from the audit
// account, a member of the organization that sees the organization trail and owns the bucket.
//   1. npx cdk deploy --app 'npx tsx examples/organization-trail/integ.organization-trail.ts' OrganizationTrailIntegAudit --profile audit
//   2. npx cdk deploy --app 'npx tsx examples/organization-trail/integ.organization-trail.ts' --all \
//        --parameters OrganizationTrailIntegTrail:AuditLogKeyArn=<output AuditLogKeyArn of step 1>
// (The trail needs the audit key's ARN, which exists only once step 1 has run. See the README.)
import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { arnInAccount, CONFIG_CONTEXT_KEY, ReferenceConfig, referenceConfigFrom } from '../config';
import { AuditLogStack } from './audit-stack';
import { OrganizationTrailStack } from './trail-stack';

/** Names of the integ deployment, distinct from the reference deployment's so both can live in the same accounts. */
export const INTEG_TRAIL_NAME = 'cdk-competency-integ-trail';
export const integBucketName = (config: ReferenceConfig) => `cdk-competency-integ-audit-${config.auditAccount}-${config.primaryRegion}`;

/** The reference configuration: from the app's context (cdk CLI), else from cdk.json (offline snapshot tests). */
function integConfig(app: App): ReferenceConfig {
  if (app.node.tryGetContext(CONFIG_CONTEXT_KEY)) return referenceConfigFrom(app);
  const cdkJson = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8'));
  return referenceConfigFrom(new App({ context: cdkJson.context }));
}

export function build(app: App): IntegTest {
  const config = integConfig(app);
  const region = config.primaryRegion;
  const auditEnv = { account: config.auditAccount, region };
  const bucketName = integBucketName(config);
  const audit = new AuditLogStack(app, 'OrganizationTrailIntegAudit', {
    env: auditEnv,
    organizationId: config.organizationId,
    managementAccount: config.managementAccount,
    trailName: INTEG_TRAIL_NAME,
    bucketName,
    centralLogDestinationName: 'cdk-competency-integ-central-logs',
    configBucketName: `cdk-competency-integ-config-${config.auditAccount}-${config.primaryRegion}`,
  });
  const trail = new OrganizationTrailStack(app, 'OrganizationTrailIntegTrail', {
    env: { account: config.managementAccount, region },
    auditAccount: config.auditAccount,
    bucketName,
    trailName: INTEG_TRAIL_NAME,
    alarmEmails: [],
  });
  trail.addStackDependency(audit, 'the trail delivers to the audit bucket');
  // The assertions run in the audit account: it owns the bucket, and as a member account it sees the organization trail.
  const assertionStack = new Stack(app, 'OrganizationTrailIntegAssertions', { env: auditEnv });
  assertionStack.addStackDependency(trail, 'the assertions check the trail');
  const integ = new IntegTest(app, 'OrganizationTrailInteg', { testCases: [audit, trail], assertionStack, diffAssets: false });
  const trailArn = arnInAccount({ service: 'cloudtrail', region, account: config.managementAccount, resource: `trail/${INTEG_TRAIL_NAME}` });
  const retry = { totalTimeout: Duration.minutes(30), interval: Duration.minutes(1) };

  // The trail is logging (1.13).
  integ.assertions
    .awsApiCall('CloudTrail', 'getTrailStatus', { Name: trailArn })
    .expect(ExpectedResult.objectLike({ IsLogging: true }))
    .waitForAssertions({ totalTimeout: Duration.minutes(5), interval: Duration.seconds(30) });

  // An organization trail of every region with log file validation, delivering to the audit account's bucket with the
  // audit account's key (1.13, 1.14). A member account must name an organization trail by its full ARN.
  integ.assertions
    .awsApiCall('CloudTrail', 'describeTrails', { trailNameList: [trailArn], includeShadowTrails: true })
    .expect(ExpectedResult.objectLike({
      trailList: [Match.objectLike({
        Name: INTEG_TRAIL_NAME,
        IsOrganizationTrail: true,
        IsMultiRegionTrail: true,
        IncludeGlobalServiceEvents: true,
        LogFileValidationEnabled: true,
        S3BucketName: bucketName,
        KmsKeyId: Match.stringLikeRegexp(`^arn:aws:kms:${region}:${config.auditAccount}:key/`),
      })],
    }));

  // An object written to the audit bucket is locked (governance mode, one year) and KMS-encrypted (1.15, 1.22).
  const key = 'integ/object-lock-probe.txt'; // each run adds a version, kept one year under the governance lock
  const put = integ.assertions.awsApiCall('S3', 'putObject', { Bucket: bucketName, Key: key, Body: 'cdk-competency integ probe' });
  put.provider.addToRolePolicy({ Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: [audit.auditLog.keyArn] });
  const head = integ.assertions.awsApiCall('S3', 'headObject', { Bucket: bucketName, Key: key });
  head.expect(ExpectedResult.objectLike({
    ObjectLockMode: 'GOVERNANCE',
    ObjectLockRetainUntilDate: Match.stringLikeRegexp('^\\d{4}-'),
    ServerSideEncryption: 'aws:kms',
    SSEKMSKeyId: Match.stringLikeRegexp(`:${config.auditAccount}:key/`),
    VersionId: Match.stringLikeRegexp('.+'),
  }));
  put.next(head);

  // CloudTrail delivers the organization's logs into the bucket (1.14, 2.3).
  integ.assertions
    .awsApiCall('S3', 'listObjectsV2', { Bucket: bucketName, Prefix: `AWSLogs/${config.organizationId}/${config.managementAccount}/CloudTrail/`, MaxKeys: 1 })
    .expect(ExpectedResult.objectLike({ KeyCount: 1 }))
    .waitForAssertions(retry);

  // The bucket refuses to lose its lock or versioning (1.15).
  integ.assertions
    .awsApiCall('S3', 'getObjectLockConfiguration', { Bucket: bucketName })
    .expect(ExpectedResult.objectLike({
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: Match.objectLike({ Mode: 'GOVERNANCE', Days: 365 }) } },
    }));
  return integ;
}

if (require.main === module) {
  const app = new App();
  build(app);
  app.synth();
}
