import { aws_cloudtrail as ct } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const trail = (props: Partial<ct.CfnTrailProps>) => (app: any) => {
  new ct.CfnTrail(stackIn(app, 'S'), 'Trail', { isLogging: true, s3BucketName: 'audit-logs', ...props });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'validation not set', build: trail({}), reason: /validation is off/ },
    { name: 'validation explicitly off', build: trail({ enableLogFileValidation: false }) },
  ],
  compliant: [{ name: 'validation on', build: trail({ enableLogFileValidation: true }) }],
};
