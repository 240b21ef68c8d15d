import { App, aws_ssm as ssm, aws_ssmincidents as incidents, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { MANAGEMENT, stackIn } from '../fixture-stacks';

const RESTART_RUNBOOK = {
  schemaVersion: '0.3',
  description: 'Restarts the web tier after a failed health check.',
  assumeRole: '{{ AutomationAssumeRole }}',
  parameters: { AutomationAssumeRole: { type: 'String' }, InstanceId: { type: 'String' } },
  mainSteps: [{ name: 'Restart', action: 'aws:executeAwsApi', inputs: { Service: 'ec2', Api: 'RebootInstances', InstanceIds: ['{{ InstanceId }}'] } }],
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'Automation runbook without steps',
      build: (app: App) => { new ssm.CfnDocument(stackIn(app, 'S', MANAGEMENT), 'Runbook', { documentType: 'Automation', content: { schemaVersion: '0.3', mainSteps: [] } }); },
      reason: /has no mainSteps/,
    },
    {
      name: 'Incident Manager response plan that engages no one',
      build: (app: App) => { new incidents.CfnResponsePlan(stackIn(app, 'S', MANAGEMENT), 'Plan', { name: 'web-down', incidentTemplate: { title: 'Web tier down', impact: 2 } }); },
      reason: /engages no one/,
    },
    {
      name: 'runbook content imported from another stack (unverifiable)',
      build: (app: App) => { new ssm.CfnDocument(stackIn(app, 'S', MANAGEMENT), 'Runbook', { documentType: 'Automation', content: Fn.importValue('SharedRunbook') }); },
      reason: /could not verify the runbook content/,
    },
  ],
  compliant: [
    {
      name: 'Automation runbook with steps, and a response plan escalating to an on-call contact and running it',
      build: (app: App) => {
        const s = stackIn(app, 'S', MANAGEMENT);
        const runbook = new ssm.CfnDocument(s, 'Runbook', { documentType: 'Automation', content: RESTART_RUNBOOK });
        new incidents.CfnResponsePlan(s, 'Plan', {
          name: 'web-down',
          incidentTemplate: { title: 'Web tier down', impact: 2 },
          engagements: [`arn:aws:ssm-contacts:eu-west-1:${MANAGEMENT}:contact/on-call-web`],
          actions: [{ ssmAutomation: { documentName: runbook.ref, roleArn: `arn:aws:iam::${MANAGEMENT}:role/incident-automation` } }],
        });
      },
    },
    {
      name: 'runbook in YAML format (DocumentFormat YAML, content written as an object)',
      build: (app: App) => {
        new ssm.CfnDocument(stackIn(app, 'S', MANAGEMENT), 'Runbook', {
          documentType: 'Automation',
          documentFormat: 'YAML',
          content: { schemaVersion: '0.3', mainSteps: [{ name: 'Notify', action: 'aws:sleep', inputs: { Duration: 'PT1S' } }] },
        });
      },
    },
  ],
};
