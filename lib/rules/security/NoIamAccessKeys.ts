import { defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict } from '../rule';

/**
 * Reads: `AWS::IAM::AccessKey`.
 * Fails when: the template creates one at all. A key created by CloudFormation is a long-term credential
 * of a service identity whose secret passes through the template's outputs or a secret, and it is not
 * rotated by anything (the checklist allows keys for people only, and service keys rotated weekly).
 * Fix: give workloads roles (instance profiles, task roles, IRSA, IAM Roles Anywhere outside AWS).
 */
export const NoIamAccessKeys = defineRule({
  name: 'NoIamAccessKeys',
  description: 'The app creates no IAM access keys: workloads use roles',
  fix: 'Remove the AccessKey and give the workload a role (instance profile, task role, IAM Roles Anywhere for on-premises workloads)',
  resourceTypes: ['AWS::IAM::AccessKey'],
  scope: 'resource',
  check(r): RuleVerdict {
    if (r.type !== 'AWS::IAM::AccessKey') return NOT_APPLICABLE;
    const user = typeof r.properties.UserName === 'string' ? `user ${r.properties.UserName}` : 'an IAM user';
    return nonCompliant(`the template creates a long-term access key for ${user}`, 'UserName');
  },
});
