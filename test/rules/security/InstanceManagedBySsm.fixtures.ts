import { App, aws_autoscaling as asg, aws_ec2 as ec2, aws_eks as eks, aws_iam as iam, CfnParameter, Stack } from 'aws-cdk-lib';
import { RuleFixtures } from '../harness';
import { stackIn } from '../fixture-stacks';

const vpcOf = (s: Stack) => new ec2.Vpc(s, 'V', { maxAzs: 1, natGateways: 0 });
const instance = (props: Partial<ec2.InstanceProps>) => (app: App) => {
  const s = stackIn(app, 'S');
  new ec2.Instance(s, 'I', { vpc: vpcOf(s), instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), ...props });
};
const trust = { Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

/** An EKS managed node group (L1) launching from an L1 launch template without an instance profile, with the L2 node role. */
const nodegroup = (policies: string[]) => (app: App) => {
  const s = stackIn(app, 'S');
  const nodeRole = new iam.Role(s, 'NodeRole', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'), managedPolicies: policies.map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)) });
  const lt = new ec2.CfnLaunchTemplate(s, 'NodeTemplate', { launchTemplateData: { metadataOptions: { httpTokens: 'required' } } });
  new eks.CfnNodegroup(s, 'Nodes', { clusterName: 'platform', nodeRole: nodeRole.roleArn, subnets: ['subnet-1', 'subnet-2'], launchTemplate: { id: lt.ref, version: lt.attrLatestVersionNumber } });
};

export const fixtures: RuleFixtures = {
  noncompliant: [
    {
      name: 'launch template of an EKS node group whose node role lacks AmazonSSMManagedInstanceCore',
      build: nodegroup(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy']),
      reason: /role S\/NodeRole\/Resource has neither AmazonSSMManagedInstanceCore/,
    },
    { name: 'L2 instance with the default role (no SSM policy)', build: instance({}), reason: /role S\/I\/InstanceRole.* has neither AmazonSSMManagedInstanceCore/ },
    { name: 'L1 instance without a profile', build: (app) => { new ec2.CfnInstance(stackIn(app, 'S'), 'I', { imageId: 'ami-12345678' }); }, reason: /no instance profile/ },
    {
      name: 'launch template (used by an auto scaling group) whose profile has no role',
      build: (app) => {
        const s = stackIn(app, 'S');
        const profile = new iam.CfnInstanceProfile(s, 'Profile', { roles: [] });
        const lt = new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { iamInstanceProfile: { arn: profile.attrArn } } });
        new asg.CfnAutoScalingGroup(s, 'Asg', { minSize: '1', maxSize: '1', availabilityZones: ['eu-west-1a'], launchTemplate: { launchTemplateId: lt.ref, version: lt.attrLatestVersionNumber } });
      },
      reason: /instance profile S\/Profile has no role/,
    },
    { name: 'profile named but not created in the app', build: (app) => { new ec2.CfnInstance(stackIn(app, 'S'), 'I', { imageId: 'ami-12345678', iamInstanceProfile: 'shared-profile' }); }, reason: /could not verify the instance profile.*'shared-profile'/ },
    {
      name: 'role with a managed policy ARN from a parameter (unverifiable)',
      build: (app) => {
        const s = stackIn(app, 'S');
        const role = new iam.CfnRole(s, 'R', { assumeRolePolicyDocument: trust, managedPolicyArns: [new CfnParameter(s, 'Policy').valueAsString] });
        const profile = new iam.CfnInstanceProfile(s, 'Profile', { roles: [role.ref] });
        new ec2.CfnInstance(s, 'I', { imageId: 'ami-12345678', iamInstanceProfile: profile.ref });
      },
      reason: /could not verify managed policy 0 of role S\/R: its value is not known at synth \(parameter Policy of stack S\)/,
    },
  ],
  compliant: [
    {
      name: 'launch template of an EKS node group (no instance profile: EKS builds it from the node role, which has AmazonSSMManagedInstanceCore)',
      build: nodegroup(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonSSMManagedInstanceCore']),
    },
    { name: 'L2 instance with ssmSessionPermissions', build: instance({ ssmSessionPermissions: true }) },
    {
      name: 'L1 role with an inline policy for the SSM agent, by literal profile and role names',
      build: (app) => {
        const s = stackIn(app, 'S');
        new iam.CfnRole(s, 'R', {
          roleName: 'app-instance', assumeRolePolicyDocument: trust,
          policies: [{ policyName: 'ssm', policyDocument: { Statement: [{ Effect: 'Allow', Action: ['ssm:UpdateInstanceInformation', 'ssmmessages:*', 'ec2messages:*'], Resource: '*' }] } }],
        });
        new iam.CfnInstanceProfile(s, 'Profile', { instanceProfileName: 'app-instance', roles: ['app-instance'] });
        new ec2.CfnLaunchTemplate(s, 'Lt', { launchTemplateData: { iamInstanceProfile: { name: 'app-instance' } } });
      },
    },
  ],
};
