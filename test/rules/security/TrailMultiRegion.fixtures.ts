import { aws_cloudtrail as ct, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const trail = (props: Partial<ct.CfnTrailProps>) => (app: any) => {
  new ct.CfnTrail(stackIn(app, 'S'), 'Trail', { isLogging: true, s3BucketName: 'audit-logs', ...props });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'single-region trail', build: trail({}), reason: /only the region/ },
    { name: 'multi-region trail without global service events', build: trail({ isMultiRegionTrail: true, includeGlobalServiceEvents: false }), reason: /global service events/ },
    {
      name: 'multi-region flag from a parameter',
      build: (app) => {
        const s = stackIn(app, 'S');
        const p = new CfnParameter(s, 'Multi', { type: 'String' });
        new ct.CfnTrail(s, 'Trail', { isLogging: true, s3BucketName: 'audit-logs', isMultiRegionTrail: p.valueAsString as any });
      },
      reason: /could not verify IsMultiRegionTrail/,
    },
  ],
  compliant: [{ name: 'multi-region trail with global events', build: trail({ isMultiRegionTrail: true, includeGlobalServiceEvents: true }) }],
};
