/**
 * Security 1.1–1.12: the root user, IAM users, credentials and permissions.
 * (The seeds print no item 1.6; the numbering is kept as printed.)
 */
import { alarm, configRule, required, SHARED_CONTROLS } from '../controls';
import { CONDITIONS, matrix, NO, YES, yesIf } from '../matrix';
import { TechnicalItem } from '../types';

export const SECURITY_IDENTITY_ITEMS: readonly TechnicalItem[] = [
  {
    kind: 'technical',
    id: '1.1',
    pillar: 'security',
    title: 'Root user kept out of routine work',
    requirement: 'Day-to-day work never uses the AWS account root user; its credentials are locked away and used only for the few tasks that need it.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      runtimeControls: [
        required(configRule('IAM_ROOT_ACCESS_KEY_CHECK', 'Flags an account whose root user has an access key.')),
        required(SHARED_CONTROLS.ROOT_ACTIVITY_ALARM),
      ],
      attestation: {
        evidence: 'How root credentials are stored and who may use them, and the list of tasks for which the root user was used in the last 12 months.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.2',
    pillar: 'security',
    title: 'Root user protected by MFA',
    requirement: 'The root user of every in-scope AWS account signs in with multi-factor authentication.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      runtimeControls: [
        required(configRule('ROOT_ACCOUNT_MFA_ENABLED', 'Flags an account whose root user has no MFA device.')),
        configRule('ROOT_ACCOUNT_HARDWARE_MFA_ENABLED', 'Flags an account whose root user has no hardware MFA device.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.3',
    pillar: 'security',
    title: 'Named IAM identities for routine work',
    requirement: 'Every administrator works through an individual IAM identity in an administrators group; all routine interaction with the account goes through those identities, not the root user.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      runtimeControls: [SHARED_CONTROLS.ROOT_ACTIVITY_ALARM],
      attestation: {
        evidence: 'The administrators group (or permission set) and its members, showing one identity per person and no routine root use.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.4',
    pillar: 'security',
    title: 'MFA for interactive IAM users',
    requirement: 'Every IAM user that signs in interactively has multi-factor authentication turned on.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      runtimeControls: [
        required(configRule('IAM_USER_MFA_ENABLED', 'Flags IAM users without an MFA device.')),
        configRule('MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', 'Flags IAM users with a console password but no MFA device.'),
        alarm('CONSOLE_SIGNIN_WITHOUT_MFA_ALARM', 'Alarms when CloudTrail records a successful console sign-in made without MFA.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.5',
    pillar: 'security',
    title: 'Credentials rotated regularly',
    requirement: 'Passwords, access keys and other secrets are changed on a schedule so a leaked credential stops working quickly.',
    level: 'must',
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS), yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS)],
      [YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS)],
    ),
    verification: {
      rules: ['SecretsRotated'],
      runtimeControls: [
        required(SHARED_CONTROLS.ACCESS_KEYS_ROTATED),
        configRule('IAM_USER_UNUSED_CREDENTIALS_CHECK', 'Flags IAM passwords and access keys left unused beyond the configured number of days.'),
        configRule('SECRETSMANAGER_ROTATION_ENABLED_CHECK', 'Flags Secrets Manager secrets without rotation turned on.'),
        configRule('SECRETSMANAGER_SCHEDULED_ROTATION_SUCCESS_CHECK', 'Flags secrets whose last scheduled rotation did not succeed.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.7',
    pillar: 'security',
    title: 'Strong IAM password policy',
    requirement: 'The account password policy demands strong passwords (length, character mix) and periodic change.',
    level: 'must',
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS), yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS)],
      [YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS)],
    ),
    verification: {
      runtimeControls: [
        required(configRule('IAM_PASSWORD_POLICY', 'Flags an account password policy weaker than the configured length, complexity, reuse and age settings.')),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.8',
    pillar: 'security',
    title: 'No shared IAM credentials',
    requirement: 'Each person who needs access gets an individual identity with its own credentials and permissions; no identity is shared.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      attestation: {
        evidence: 'The list of human identities mapped to named people, and the joiner/leaver process that keeps it one-to-one.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.9',
    pillar: 'security',
    title: 'Least-privilege IAM policies',
    requirement: 'Policies grant only the actions and resources each task needs, starting small and widening only when required.',
    level: 'must',
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.OUTSIDE_AWS_VIA_ROLES), yesIf(CONDITIONS.OUTSIDE_AWS_VIA_ROLES)],
      [YES, yesIf(CONDITIONS.OUTSIDE_AWS_VIA_ROLES)],
    ),
    verification: {
      rules: ['IamNoWildcardPermissions', 'IamNoAdminManagedPolicies', 'IamNoPassRoleOnWildcard'],
      runtimeControls: [
        configRule('IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', 'Flags customer managed policies that allow every action on every resource.'),
        configRule('IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS', 'Flags customer managed policies that allow all actions of a service.'),
        configRule('IAM_NO_INLINE_POLICY_CHECK', 'Flags users, roles and groups carrying inline policies.'),
        alarm('IAM_POLICY_CHANGE_ALARM', 'Alarms when CloudTrail records a change to an IAM policy.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.10',
    pillar: 'security',
    title: 'No hard-coded credentials',
    requirement: 'Access keys and other secrets never appear in code, templates, user data or environment variables; they are fetched at run time from a secret store or replaced by roles.',
    level: 'must',
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE), yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE)],
      [YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE)],
    ),
    verification: {
      rules: ['NoHardcodedCredentials'],
      runtimeControls: [
        configRule('CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK', 'Flags CodeBuild projects with AWS access keys in plain-text environment variables.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.11',
    pillar: 'security',
    title: 'Credentials encrypted at rest',
    requirement: 'Every stored credential is encrypted at rest.',
    level: 'must',
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.STORED_AWS_INTEGRATION_CREDENTIALS), yesIf(CONDITIONS.STORED_AWS_INTEGRATION_CREDENTIALS)],
      [YES, yesIf(CONDITIONS.STORED_AWS_INTEGRATION_CREDENTIALS)],
    ),
    verification: {
      rules: ['SecretsEncryptedWithCustomerKey', 'SecretParametersNotPlainText'],
      runtimeControls: [
        configRule('SECRETSMANAGER_USING_CMK', 'Flags Secrets Manager secrets not encrypted with a customer managed KMS key.'),
      ],
    },
  },
  {
    kind: 'technical',
    id: '1.12',
    pillar: 'security',
    title: 'Access keys only for people',
    requirement: 'Long-term access keys are held only by people, on devices they control; a service may use one only where no role mechanism is possible, with weekly rotation and a tightly scoped, network-restricted policy.',
    level: 'should',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      rules: ['NoIamAccessKeys', 'NoIamUserCredentials'],
      runtimeControls: [
        configRule('ACCESS_KEYS_ROTATED', 'Flags active IAM access keys older than 7 days (maxAccessKeyAge = 7), the weekly rotation asked of service keys.'),
        configRule('EC2_INSTANCE_PROFILE_ATTACHED', 'Flags EC2 instances without an instance profile, i.e. without a role to use instead of keys.'),
      ],
    },
  },
];
