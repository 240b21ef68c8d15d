import { aws_iam as iam, Validations } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'access key for a user (L2)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.AccessKey(s, 'Key', { user: new iam.User(s, 'U') });
      },
      reason: /long-term access key for an IAM user/,
    },
    { name: 'access key for a named user (L1)', build: (app) => { new iam.CfnAccessKey(stackIn(app, 'S'), 'Key', { userName: 'ci-bot' }); }, reason: /for user ci-bot/ },
  ],
  compliant: [
    {
      // Every AccessKey is a finding: the only way through is a reasoned acknowledgement, which the evidence
      // report lists (the checklist tolerates service keys rotated weekly).
      name: 'access key acknowledged as a documented exception (rotated weekly by a pipeline)',
      build: (app) => {
        const key = new iam.CfnAccessKey(stackIn(app, 'S'), 'Key', { userName: 'legacy-sftp-sync' });
        // Each item that reads the key is acknowledged: 1.12 (keys only where a role cannot serve) and, in the
        // customer-deployed columns, 1.5 (the key is changed regularly).
        for (const item of ['1.12', '1.5']) {
          Validations.of(key).acknowledge({ id: `Competency-${item}-NoIamAccessKeys`, reason: 'On-premises SFTP sync without Roles Anywhere support; key rotated every 7 days by the rotation pipeline' });
        }
      },
    },
  ],
};
