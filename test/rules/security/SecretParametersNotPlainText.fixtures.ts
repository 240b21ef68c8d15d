import { aws_ssm as ssm, CfnParameter } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'password in a String parameter (L2)', build: (app) => { new ssm.StringParameter(stackIn(app, 'S'), 'P', { parameterName: '/app/db/password', stringValue: 'x' }); }, reason: /plain-text String but its name \/app\/db\/password looks secret/ },
    {
      name: 'secret described in the description, generated name (L1)',
      build: (app) => { new ssm.CfnParameter(stackIn(app, 'S'), 'P', { type: 'StringList', value: 'a,b', description: 'API tokens of the partner feed' }); },
      reason: /plain-text StringList but its description 'API tokens of the partner feed' looks secret/,
    },
    { name: 'secret-ish logical id when CloudFormation names the parameter', build: (app) => { new ssm.CfnParameter(stackIn(app, 'S'), 'ApiKey', { type: 'String', value: 'x' }); }, reason: /its name ApiKey looks secret/ },
    {
      name: 'type from a template parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ssm.CfnParameter(s, 'P', { name: '/app/token', type: new CfnParameter(s, 'ParamType').valueAsString, value: 'x' });
      },
      reason: /could not verify the type of a parameter whose name \/app\/token looks secret.*\(Ref\)/,
    },
  ],
  compliant: [
    { name: 'configuration value (L2)', build: (app) => { new ssm.StringParameter(stackIn(app, 'S'), 'P', { parameterName: '/app/log-level', stringValue: 'info' }); } },
    { name: 'the ARN of the secret, not the secret (L1)', build: (app) => { new ssm.CfnParameter(stackIn(app, 'S'), 'P', { name: '/app/db/secret-arn', type: 'String', value: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf' }); } },
  ],
};
