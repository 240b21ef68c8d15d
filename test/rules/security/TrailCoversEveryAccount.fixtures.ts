// 1.13: "AWS CloudTrail must be enabled on all AWS accounts and in every region."
import { App, aws_cloudformation as cfn, aws_cloudtrail as ct, aws_s3 as s3, aws_sqs as sqs, CfnParameter, Fn, Stack } from 'aws-cdk-lib';
import { StackSet, StackSetStack, StackSetTarget, StackSetTemplate } from 'cdk-stacksets';
import { RuleFixtures } from '../harness';
import { AUDIT, MANAGEMENT, stackIn } from '../fixture-stacks';

const WORKLOAD = '333333333333';

/** A workload stack as a partner writes it: something deployed into an account. */
function workload(app: App, id: string, account?: string, region = 'eu-west-1'): Stack {
  const s = account ? new Stack(app, id, { env: { account, region } }) : new Stack(app, id);
  new sqs.Queue(s, 'Jobs', { enforceSSL: true });
  return s;
}

/** The L2 trail defaults: logging, multi-region, global service events. */
function l2Trail(s: Stack, props: ct.TrailProps = {}): ct.Trail {
  return new ct.Trail(s, 'Trail', { bucket: s3.Bucket.fromBucketName(s, 'Logs', `audit-logs-${AUDIT}`), ...props });
}

/** An organization trail in the management account, written in L1. */
function organizationTrail(app: App): void {
  new ct.CfnTrail(stackIn(app, 'Management', MANAGEMENT), 'OrgTrail', {
    isLogging: true, isMultiRegionTrail: true, isOrganizationTrail: true, includeGlobalServiceEvents: true, s3BucketName: `audit-logs-${AUDIT}`,
  });
}

/** A service-managed StackSet rolling a baseline out to an OU, inline template. */
function stackSetToOu(s: Stack, templateBody: object = { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }): void {
  new cfn.CfnStackSet(s, 'Baseline', {
    stackSetName: 'baseline',
    permissionModel: 'SERVICE_MANAGED',
    autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
    stackInstancesGroup: [{ deploymentTargets: { organizationalUnitIds: ['ou-ab12-cd34ef56'] }, regions: ['eu-west-1', 'eu-central-1'] }],
    templateBody: JSON.stringify(templateBody),
  });
}

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'IsOrganizationTrail imported from an export no stack of the app has',
      build: (app) => {
        new ct.CfnTrail(stackIn(app, 'Management', MANAGEMENT), 'Trail', {
          isLogging: true, isMultiRegionTrail: true, s3BucketName: 'audit-logs', isOrganizationTrail: Fn.importValue('OrgTrailEnabled') as any,
        });
      },
      reason: /could not verify whether the trail records every account and region: .*IsOrganizationTrail: Fn::ImportValue 'OrgTrailEnabled': no stack of the app exports it/,
    },
  ],
  compliant: [
    {
      name: 'L2 trail in the one account the app deploys to, in another region than the workload',
      build: (app) => {
        l2Trail(stackIn(app, 'Audit', WORKLOAD));
        workload(app, 'App', WORKLOAD, 'us-east-1');
      },
    },
    {
      name: 'organization trail in the management account covers workload accounts and the StackSet\'s OU',
      build: (app) => {
        organizationTrail(app);
        workload(app, 'Workload', WORKLOAD);
        workload(app, 'Data', AUDIT);
        stackSetToOu(stackIn(app, 'Baseline', MANAGEMENT));
      },
    },
    {
      name: 'an environment-agnostic stack with its own multi-region trail',
      build: (app) => { const s = stackIn(app, 'Solution'); l2Trail(s); new sqs.Queue(s, 'Jobs', { enforceSSL: true }); },
    },
    {
      name: 'a StackSet whose inline template deploys a multi-region trail to every account it targets',
      build: (app) => {
        l2Trail(stackIn(app, 'Management', MANAGEMENT));
        stackSetToOu(stackIn(app, 'Baseline', MANAGEMENT), {
          Resources: { Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, IsMultiRegionTrail: true, S3BucketName: `audit-logs-${AUDIT}` } } },
        });
      },
    },
    {
      name: 'a StackSet (cdk-stacksets) to an account with its own trail: the StackSet\'s template stack is not an account of its own',
      build: (app) => {
        const mgmt = stackIn(app, 'Management', MANAGEMENT);
        l2Trail(mgmt);
        l2Trail(workload(app, 'Workload', WORKLOAD));
        const template = new StackSetStack(mgmt, 'BaselineTemplate');
        new sqs.Queue(template, 'Events', { enforceSSL: true });
        new StackSet(mgmt, 'Baseline', { template: StackSetTemplate.fromStackSetStack(template), target: StackSetTarget.fromAccounts({ accounts: [WORKLOAD], regions: ['eu-west-1'] }) });
      },
    },
    {
      name: 'a single-region data-events trail beside a multi-region trail of the same account',
      build: (app) => {
        const s = stackIn(app, 'Audit', WORKLOAD);
        l2Trail(s);
        new ct.CfnTrail(s, 'DataEvents', { isLogging: true, isMultiRegionTrail: false, s3BucketName: `audit-logs-${AUDIT}` });
      },
    },
  ],
  notShown: [
    {
      name: 'a multi-region trail in one of two accounts: the other may have a trail managed outside the app',
      build: (app) => {
        l2Trail(stackIn(app, 'Audit', MANAGEMENT));
        workload(app, 'Workload', WORKLOAD);
      },
      reason: /^no trail of the app is shown recording account 333333333333 \(stack Workload\): a trail managed outside the app may, and MULTI_REGION_CLOUD_TRAIL_ENABLED in each such account shows it$/,
    },
    {
      name: 'environment-agnostic stacks: a trail in one cannot be shown to cover the other',
      build: (app) => {
        l2Trail(stackIn(app, 'Audit'));
        workload(app, 'App');
      },
      reason: /environment-agnostic stack App \(its account is known only at deploy time/,
    },
    {
      name: 'a StackSet to an OU with no organization trail',
      build: (app) => {
        l2Trail(stackIn(app, 'Management', MANAGEMENT));
        stackSetToOu(stackIn(app, 'Baseline', MANAGEMENT));
      },
      reason: /the accounts of OU ou-ab12-cd34ef56 \(StackSet Baseline\/Baseline\)/,
    },
    {
      name: 'the account\'s only trail records one region',
      build: (app) => { new ct.CfnTrail(stackIn(app, 'Audit', WORKLOAD), 'Trail', { isLogging: true, s3BucketName: 'audit-logs' }); },
      reason: /account 333333333333 \(stack Audit\), while trail Audit\/Trail records only the region it is deployed in: /,
    },
    {
      name: 'IsLogging from a template parameter',
      build: (app) => {
        const s = stackIn(app, 'Audit', WORKLOAD);
        l2Trail(s);
        (s.node.findChild('Trail').node.defaultChild as ct.CfnTrail).isLogging = new CfnParameter(s, 'Logging', { type: 'String', default: 'true' }).valueAsString as any;
      },
      reason: /IsLogging known only at deploy time \(parameter Logging of stack Audit\)/,
    },
  ],
};
