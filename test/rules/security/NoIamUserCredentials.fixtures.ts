import { aws_iam as iam, Fn, SecretValue } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'user with a console password (L2)',
      build: (app) => { new iam.User(stackIn(app, 'S'), 'U', { password: SecretValue.unsafePlainText('Initial-Passw0rd!') }); },
      reason: /LoginProfile: the template sets a console password/,
    },
    {
      name: 'user with an access key (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'U') });
      },
      reason: /has an access key \(S\/Key/,
    },
    {
      name: 'access key by literal user name (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.CfnUser(s, 'U', { userName: 'ci-bot' });
        new iam.CfnAccessKey(s, 'Key', { userName: 'ci-bot' });
      },
      reason: /has an access key/,
    },
    {
      name: 'an access key of the stack for an imported user name (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.CfnUser(s, 'U', {});
        new iam.CfnAccessKey(s, 'Key', { userName: Fn.importValue('UserName') });
      },
      reason: /could not verify whether access key .*Key belongs to this user/,
    },
  ],
  compliant: [
    { name: 'user without password or key (L2)', build: (app) => { new iam.User(stackIn(app, 'S'), 'U', { groups: [] }); } },
    {
      name: 'key belongs to another user (L1)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.CfnUser(s, 'Clean', { userName: 'operator' });
        new iam.CfnAccessKey(s, 'Key', { userName: 'someone-else' });
      },
    },
  ],
};
