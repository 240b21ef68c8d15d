import { COMPLIANT, nonCompliant, ResourceView, RuleVerdict, unverifiable } from '../rule';
import { asList } from '../../aws';
import { userDataText } from '../utils/user-data';
import { associationSelects, defineWindowsRule, isDocument, ssmInAccountOf } from '../utils/windows';

/** What installing or starting the agent looks like in user data or cfn-init metadata (Linux and Windows). */
const AGENT = /amazon-cloudwatch-agent|AmazonCloudWatchAgent/i;

/**
 * Reads: Windows compute (see `utils/windows.ts`): its `UserData` and `AWS::CloudFormation::Init` metadata;
 * and the `AWS::SSM::Association`s of its account.
 * Passes when the user data or cfn-init metadata installs / starts the CloudWatch agent
 * (`amazon-cloudwatch-agent-ctl`, the `AmazonCloudWatchAgent` package), or an association selecting the
 * instances runs `AmazonCloudWatch-ManageAgent`, or `AWS-ConfigureAWSPackage` with `name: AmazonCloudWatchAgent`.
 * Fails when: none of these; when the user data has parts unknown at synth, the finding says it could not verify.
 * Fix: install and start the agent in user data, or associate AWS-ConfigureAWSPackage (AmazonCloudWatchAgent) with the instances.
 */
export const CloudWatchAgentConfigured = defineWindowsRule({
  name: 'CloudWatchAgentConfigured',
  description: 'Windows instances run the Amazon CloudWatch agent for performance metrics and logs',
  fix: 'Install and start the CloudWatch agent from user data (amazon-cloudwatch-agent-ctl.ps1 -a fetch-config -s), or create an AWS::SSM::Association running AWS-ConfigureAWSPackage with name AmazonCloudWatchAgent (then AmazonCloudWatch-ManageAgent) targeting the instances',
  checkWindows(r, app, compute): RuleVerdict {
    const userData = userDataText(compute.userData);
    if (AGENT.test(userData.text) || AGENT.test(JSON.stringify(r.metadata['AWS::CloudFormation::Init'] ?? ''))) return COMPLIANT;
    const associations = ssmInAccountOf(r, app, 'AWS::SSM::Association').filter(isAgentAssociation);
    if (associations.some((a) => associationSelects(a, r, compute))) return COMPLIANT;
    const location = r.type === 'AWS::EC2::LaunchTemplate' ? 'LaunchTemplateData/UserData' : 'UserData';
    if (!userData.complete) return unverifiable('whether the user data installs the CloudWatch agent', compute.userData, location);
    return nonCompliant(`neither the user data of these Windows instances nor an SSM association targeting them installs the CloudWatch agent${associations.length > 0 ? ` (${associations.map((a) => a.path).join(', ')} select other instances)` : ''}`, location);
  },
});

function isAgentAssociation(a: ResourceView): boolean {
  const p = a.properties;
  if (isDocument(p.Name, 'AmazonCloudWatch-ManageAgent')) return true;
  return isDocument(p.Name, 'AWS-ConfigureAWSPackage') && asList(p.Parameters?.name).includes('AmazonCloudWatchAgent');
}
