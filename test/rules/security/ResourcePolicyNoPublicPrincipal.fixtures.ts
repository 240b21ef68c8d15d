import {
  aws_backup as backup, aws_ecr as ecr, aws_iam as iam, aws_lambda as lambda, aws_logs as logs, aws_s3 as s3, aws_s3_notifications as s3n,
  aws_secretsmanager as sm, aws_sns as sns, aws_sns_subscriptions as subs, aws_sqs as sqs, CfnCondition, CfnParameter, Fn, NestedStack, Stack,
} from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const fn = (s: Stack) => new lambda.Function(s, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {}') });
const github = (s: Stack) => new iam.OpenIdConnectProvider(s, 'GitHub', { url: 'https://token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] });

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'a role any principal can assume (L2, AnyPrincipal)',
      build: (app) => { new iam.Role(stackIn(app, 'S'), 'R', { assumedBy: new iam.AnyPrincipal() }); },
      reason: /statement 0 allows sts:AssumeRole to principal '\*' without a condition that restricts the caller/,
    },
    {
      name: 'GitHub Actions trusted on the audience only: every repository on GitHub can assume the role (L2 OpenIdConnectProvider)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.Role(s, 'Deploy', { assumedBy: new iam.WebIdentityPrincipal(github(s).openIdConnectProviderArn, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }) });
      },
      reason: /lets every identity of token\.actions\.githubusercontent\.com assume the role .*no condition on token\.actions\.githubusercontent\.com:sub/,
    },
    {
      name: 'a queue any principal can send to (L2 addToResourcePolicy)',
      build: (app) => {
        const q = new sqs.Queue(stackIn(app, 'S'), 'Q');
        q.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['sqs:SendMessage'], resources: [q.queueArn] }));
      },
      reason: /allows sqs:SendMessage to principal '\*'/,
    },
    {
      name: 'a topic policy whose only condition is ...IfExists (matches callers that send no source account) (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const t = new sns.CfnTopic(s, 'T');
        new sns.CfnTopicPolicy(s, 'P', { topics: [t.ref], policyDocument: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sns:Publish', Resource: t.ref, Condition: { StringEqualsIfExists: { 'aws:SourceAccount': MANAGEMENT } } }] } });
      },
      reason: /allows sns:Publish to principal '\*'/,
    },
    {
      name: 'a function anyone may invoke (L2 addPermission with AnyPrincipal)',
      build: (app) => { fn(stackIn(app, 'S')).addPermission('Anyone', { principal: new iam.AnyPrincipal() }); },
      reason: /the permission lets principal '\*' call lambda:InvokeFunction with no SourceArn, SourceAccount or PrincipalOrgID/,
    },
    {
      name: 'a backup vault whose access policy lets everyone copy into it (L1)',
      build: (app) => {
        new backup.CfnBackupVault(stackIn(app, 'S'), 'V', {
          backupVaultName: 'copies',
          accessPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'backup:CopyIntoBackupVault', Resource: '*' }] },
        });
      },
      reason: /allows backup:CopyIntoBackupVault to principal '\*'/,
    },
    {
      name: "nested stack: the trust policy's principal is a parameter the parent passes as '*'",
      build: (app) => {
        const parent = stackIn(app, 'S');
        const nested = new NestedStack(parent, 'Roles', { parameters: { Trusted: '*' } });
        const trusted = new CfnParameter(nested, 'Trusted');
        new iam.CfnRole(nested, 'R', { assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: trusted.valueAsString }, Action: 'sts:AssumeRole' }] } });
      },
      reason: /allows sts:AssumeRole to principal '\*'/,
    },
    {
      name: "Fn::If: one branch of an ECR repository policy lets '*' pull",
      build: (app) => {
        const s = stackIn(app, 'S');
        const shared = new CfnCondition(s, 'Shared', { expression: Fn.conditionEquals(new CfnParameter(s, 'Share').valueAsString, 'yes') });
        new ecr.CfnRepository(s, 'Repo', {
          repositoryPolicyText: { Statement: [{ Effect: 'Allow', Principal: { AWS: Fn.conditionIf(shared.logicalId, '*', `arn:aws:iam::${MANAGEMENT}:root`) }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }] },
        });
      },
      reason: /allows ecr:BatchGetImage, ecr:GetDownloadUrlForLayer to principal '\*'/,
    },
    {
      name: 'a secret policy whose principal is a template parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const secret = new sm.CfnSecret(s, 'Secret', { generateSecretString: {} });
        new sm.CfnResourcePolicy(s, 'Policy', { secretId: secret.ref, resourcePolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: new CfnParameter(s, 'Reader').valueAsString }, Action: 'secretsmanager:GetSecretValue', Resource: '*' }] } });
      },
      reason: /could not verify the principal of statement 0: its value is not known at synth \(parameter Reader of stack S\)/,
    },
  ],
  compliant: [
    {
      name: 'roles trusted by a service, an account, the organization (AnyPrincipal + aws:PrincipalOrgID), an external id, and GitHub Actions for one repository (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.Role(s, 'Service', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
        new iam.Role(s, 'Account', { assumedBy: new iam.AccountPrincipal(MANAGEMENT) });
        new iam.Role(s, 'Org', { assumedBy: new iam.OrganizationPrincipal('o-a1b2c3d4e5') });
        new iam.Role(s, 'Vendor', { assumedBy: new iam.AnyPrincipal().withConditions({ StringEquals: { 'sts:ExternalId': 'partner-7f3a' } }) });
        new iam.Role(s, 'Deploy', {
          assumedBy: new iam.WebIdentityPrincipal(github(s).openIdConnectProviderArn, {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/app:ref:refs/heads/main' },
          }),
        });
      },
    },
    {
      name: 'a queue subscribed to a topic (aws:SourceArn), a function notified by a bucket (SourceAccount) and a public function URL (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const topic = new sns.Topic(s, 'T');
        topic.addSubscription(new subs.SqsSubscription(new sqs.Queue(s, 'Q')));
        const f = fn(s);
        new s3.Bucket(s, 'B').addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(f));
        f.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
      },
    },
    {
      name: 'a logs destination open to the organization only, and a topic policy with aws:SourceArn (L1)',
      build: (app) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        new logs.CfnDestination(s, 'D', {
          destinationName: 'central', roleArn: `arn:aws:iam::${MANAGEMENT}:role/cwl`, targetArn: `arn:aws:kinesis:eu-west-1:${MANAGEMENT}:stream/central`,
          destinationPolicy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: 'logs:PutSubscriptionFilter', Resource: `arn:aws:logs:eu-west-1:${MANAGEMENT}:destination:central`, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }] }),
        });
        const t = new sns.CfnTopic(s, 'T');
        new sns.CfnTopicPolicy(s, 'P', { topics: [t.ref], policyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 's3.amazonaws.com' }, Action: 'sns:Publish', Resource: t.ref, Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' } } }] } });
      },
    },
  ],
};
