import { aws_ec2 as ec2, aws_ssm as ssm, CfnParameter, Fn } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';
import { windowsFleet } from './builders';

export const fixtures: RuleFixtures = {
  noncompliant: [
    { name: 'L2 Windows fleet with default user data and no association', build: (app) => { windowsFleet(stackIn(app, 'S')); }, reason: /neither the user data .* nor an SSM association/ },
    {
      name: 'agent association targeting another tag',
      build: (app) => {
        const s = stackIn(app, 'S');
        windowsFleet(s);
        new ssm.CfnAssociation(s, 'Agent', { name: 'AWS-ConfigureAWSPackage', parameters: { action: ['Install'], name: ['AmazonCloudWatchAgent'] }, targets: [{ key: 'tag:Patch Group', values: ['other'] }] });
      },
      reason: /select other instances/,
    },
    {
      name: 'user data from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { imageId: '{{resolve:ssm:/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base}}', userData: Fn.base64(new CfnParameter(s, 'Boot').valueAsString) } });
      },
      reason: /could not verify whether the user data installs the CloudWatch agent/,
    },
  ],
  compliant: [
    {
      name: 'L2 Windows fleet starting the agent in PowerShell user data',
      build: (app) => {
        const ud = ec2.UserData.forWindows();
        ud.addCommands('& "C:\\Program Files\\Amazon\\AmazonCloudWatchAgent\\amazon-cloudwatch-agent-ctl.ps1" -a fetch-config -m ec2 -s -c ssm:AmazonCloudWatch-windows');
        windowsFleet(stackIn(app, 'S'), ud);
      },
    },
    {
      name: 'L2 Windows fleet with AWS-ConfigureAWSPackage AmazonCloudWatchAgent on its tag',
      build: (app) => {
        const s = stackIn(app, 'S');
        windowsFleet(s);
        new ssm.CfnAssociation(s, 'Agent', { name: 'AWS-ConfigureAWSPackage', parameters: { action: ['Install'], name: ['AmazonCloudWatchAgent'] }, targets: [{ key: 'tag:Patch Group', values: ['windows-prod'] }] });
      },
    },
  ],
};
