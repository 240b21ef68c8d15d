/**
 * Security 1.1–1.12: the root user, IAM users, credentials and permissions.
 * (The seeds print no item 1.6; the numbering is kept as printed.)
 */
import { alarm, configRule, required, SHARED_CONTROLS } from '../controls';
import { BY_ATTESTATION, BY_RUNTIME_OR_ATTESTATION, BY_TEMPLATE, BY_TEMPLATE_OR_ATTESTATION, BY_TEMPLATE_RUNTIME_OR_ATTESTATION } from '../decision';
import { CONDITIONS, matrix, NO, PRINTED, YES, yesIf } from '../matrix';
import { recommends, requires } from '../rule-uses';
import { TechnicalItem } from '../types';

export const SECURITY_IDENTITY_ITEMS: readonly TechnicalItem[] = [
  {
    kind: 'technical',
    id: '1.1',
    pillar: 'security',
    title: 'Root user kept out of routine work',
    requirement: 'Day-to-day work never uses the AWS account root user; its credentials are locked away and used only for the few tasks that need it.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.1',
        title: 'AWS account root user is not used for routine activities',
        text: 'The AWS account root user must not be used for routine activities. Following the creation of your AWS account, you should immediately create AWS Identity and Access Management (IAM) user accounts , and use these IAM user accounts for all routine activities. Once your IAM user accounts have been created, you should securely store the AWS root account credentials and use them only to perform the few account and service management tasks that require the AWS account root user . For further information on how to set up an IAM user accounts and groups for daily use, see Creating Your First IAM Admin User and Group .',
      },
      networking: {
        ref: '1.1',
        title: 'AWS account root user is not used for routine activities',
        text: 'The AWS account root user must not be used for routine activities. Following the creation of your AWS account, you should immediately create IAM user accounts , and use these IAM user accounts for all routine activities. Once your IAM users accounts have been created, you should securely store the AWS root account credentials and use them only to perform the few account and service management tasks that require the AWS account root user . For further information on how to set up an IAM user accounts and groups for daily use, see Creating Your First IAM Admin User and Group .',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_ATTESTATION,
      runtimeControls: [
        configRule('IAM_ROOT_ACCESS_KEY_CHECK', 'Flags an account whose root user has an access key.'),
        SHARED_CONTROLS.ROOT_ACTIVITY_ALARM,
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.2',
        title: 'Multi-Factor Authentication (MFA) has been enabled on the AWS account root user',
        text: 'Multi-Factor Authentication (MFA) must be enabled for your AWS account root user. Because your AWS account root user can perform sensitive operations in your AWS account, adding an additional layer of authentication helps you to better secure your account. Multiple types of MFA are available, including virtual MFA and hardware MFA .',
      },
      networking: {
        ref: '1.2',
        title: 'Multi-Factor Authentication (MFA) has been enabled on the AWS account root user',
        text: 'MFA must be enabled for your AWS account root user. Because your AWS account root user can perform sensitive operations in your AWS account, adding an additional layer of authentication helps you to better secure your account. Multiple types of MFA are available, including virtual MFA and hardware MFA .',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_RUNTIME_OR_ATTESTATION,
      runtimeControls: [
        required(configRule('ROOT_ACCOUNT_MFA_ENABLED', 'Flags an account whose root user has no MFA device.')),
        configRule('ROOT_ACCOUNT_HARDWARE_MFA_ENABLED', 'Flags an account whose root user has no hardware MFA device.'),
      ],
      attestation: {
        evidence: 'For each in-scope account, the IAM console\'s root user security credentials (or the credential report) showing an assigned MFA device, dated.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.3',
    pillar: 'security',
    title: 'Named IAM identities for routine work',
    requirement: 'Every administrator works through an individual IAM identity in an administrators group; all routine interaction with the account goes through those identities, not the root user.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.3',
        title: 'IAM user accounts used for all routine activities',
        text: 'The AWS account root user must not be used for any task where it is not required. Instead, create a new IAM user for each person that requires administrator access. Then make those users administrators by placing the users into an Administrators group to which you attach the Administrator Access managed policy. Thereafter, the users in the administrators group should set up the groups, users, and so on, for the AWS account. All future interaction should be through the AWS account\'s users and their own keys instead of the root user. However, to perform some account and service management tasks , you must log in using the root user credentials.',
      },
      networking: {
        ref: '1.3',
        title: 'IAM user accounts used for all routine activities',
        text: 'The AWS account root user must not be used for any task where it is not required. Instead, create a new IAM user for each person that requires administrator access. Then make those users administrators by placing the users into an administrators group to which you attach the administrator access managed policy. Thereafter, the users in the administrator’s group should set up the groups, users, and so on, for the AWS account. All future interaction should be through the AWS account’s users and their own keys instead of the root user. However, to perform some account and service management tasks , you must log in using the root user credentials.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_ATTESTATION,
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.4',
        title: 'Multi-Factor Authentication (MFA) is enabled for all interactive IAM users',
        text: 'You must enable MFA for all interactive IAM users . With MFA, users have a device that generates a unique authentication code (a one-time password, or OTP). Users must provide both their normal credentials (user name and password) and the OTP. The MFA device can either be a special piece of hardware, or it can be a virtual device (for example, it can run in an app on a smartphone).',
      },
      networking: {
        ref: '1.4',
        title: 'Multi-Factor Authentication (MFA) is enabled for all interactive IAM users',
        text: 'You must enable MFA for all interactive IAM users. With MFA, users have a device that generates a unique authentication code (a one-time password, or OTP). Users must provide both their normal credentials (user name and password) and the OTP. The MFA device can either be a special piece of hardware, or it can be a virtual device (for example, it can run in an app on a smartphone).',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_RUNTIME_OR_ATTESTATION,
      runtimeControls: [
        required(configRule('IAM_USER_MFA_ENABLED', 'Flags IAM users without an MFA device.')),
        configRule('MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS', 'Flags IAM users with a console password but no MFA device.'),
        alarm('CONSOLE_SIGNIN_WITHOUT_MFA_ALARM', 'Alarms when CloudTrail records a successful console sign-in made without MFA.'),
      ],
      attestation: {
        evidence: 'The IAM credential report of each in-scope account, showing an MFA device for every user with a console password, dated.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.5',
    pillar: 'security',
    title: 'Credentials rotated regularly',
    requirement: 'IAM passwords and access keys are changed regularly, for every IAM user of the account, so a leaked credential stops working quickly.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.5',
        title: 'IAM credentials are rotated regularly',
        text: 'You must change your passwords and access keys regularly, and make sure that all IAM users in your account do as well. That way, if a password or access key is compromised without your knowledge, you limit how long the credentials can be used to access your resources. You can apply a password policy to your account to require all your IAM users to rotate their passwords , and you can choose how often they must do so. For more information about rotating access keys for IAM users, see Rotating Access Keys .',
      },
      networking: {
        ref: '1.5',
        title: 'IAM credentials are rotated regularly',
        text: 'You must change your passwords and access keys regularly, and make sure that all IAM users in your account do as well. That way, if a password or access key is compromised without your knowledge, you limit how long the credentials can be used to access your resources. You can apply a password policy to your account to require all your IAM users to rotate their passwords, and you can choose how often they must do so. For more information about rotating access keys for IAM users, see Rotating Access Keys.',
      },
    },
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS, PRINTED.AWS_INTEGRATION_CREDENTIALS), yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS, PRINTED.AWS_INTEGRATION_CREDENTIALS)],
      [YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS, PRINTED.AWS_INTEGRATION_CREDENTIALS)],
    ),
    verification: {
      decidedBy: BY_RUNTIME_OR_ATTESTATION,
      rules: [
        recommends('SecretsRotated', 'You must change your passwords and access keys regularly',
          'Secrets Manager secrets (database passwords, API tokens) are not IAM passwords or access keys; rotating them on a schedule limits how long a leaked secret works, for the reason the item gives for IAM credentials.'),
        // The customer-deployed cells limit the item to "for credentials used to integrate with AWS": a database or
        // directory password in Secrets Manager is not one, so its rotation is not asked there. An access key the
        // template creates is one, and nothing rotates it.
        recommends('NoIamAccessKeys', 'You must change your passwords and access keys regularly',
          'An access key created by the template is changed only by replacing the resource, so nothing rotates it; a role\'s temporary credentials expire by themselves, which meets the sentence without a rotation to keep.',
          { onlyWhere: CONDITIONS.AWS_INTEGRATION_CREDENTIALS }),
      ],
      runtimeControls: [
        required(SHARED_CONTROLS.ACCESS_KEYS_ROTATED),
        configRule('IAM_USER_UNUSED_CREDENTIALS_CHECK', 'Flags IAM passwords and access keys left unused beyond the configured number of days.'),
        configRule('SECRETSMANAGER_ROTATION_ENABLED_CHECK', 'Flags Secrets Manager secrets without rotation turned on.'),
        configRule('SECRETSMANAGER_SCHEDULED_ROTATION_SUCCESS_CHECK', 'Flags secrets whose last scheduled rotation did not succeed.'),
      ],
      attestation: {
        evidence: 'The IAM credential report of each in-scope account showing passwords and access keys changed within the rotation period, and the password policy\'s maximum age, dated.',
      },
      decisionNote: 'The seed asks that IAM passwords and access keys be changed regularly; Secrets Manager rotation in the template shows the solution\'s own secrets rotate, which supports but does not show it.',
    },
  },
  {
    kind: 'technical',
    id: '1.7',
    pillar: 'security',
    title: 'Strong IAM password policy',
    requirement: 'The account password policy demands strong passwords (length, character mix) and periodic change.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.7',
        title: 'Strong password policy is in place for IAM users',
        text: 'You must configure a strong password policy for your IAM users. If you allow users to change their own passwords, require that they create strong passwords and that they rotate their passwords periodically. On the Account Settings page of the IAM console, you can create a password policy for your account. You can use the password policy to define password requirements, such as minimum length, whether it requires non-alphabetic characters, how frequently it must be rotated, and so on. For more information, see Setting an Account Password Policy for IAM Users .',
      },
      networking: {
        ref: '1.7',
        title: 'Strong password policy is in place for IAM users',
        text: 'You must configure a strong password policy for your IAM users. If you allow users to change their own passwords, require that they create strong passwords and that they rotate their passwords periodically. On the Account Settings page of the IAM console, you can create a password policy for your account. You can use the password policy to define password requirements, such as minimum length, whether it requires non-alphabetic characters, how frequently it must be rotated, and so on. For more information, see Setting an Account Password Policy for IAM Users.',
      },
    },
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS, PRINTED.AWS_INTEGRATION_CREDENTIALS), yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS, PRINTED.AWS_INTEGRATION_CREDENTIALS)],
      [YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS, PRINTED.AWS_INTEGRATION_CREDENTIALS)],
    ),
    verification: {
      decidedBy: BY_RUNTIME_OR_ATTESTATION,
      runtimeControls: [
        required(configRule('IAM_PASSWORD_POLICY', 'Flags an account password policy weaker than the configured length, complexity, reuse and age settings.')),
      ],
      attestation: {
        evidence: 'The account password policy of each in-scope account (IAM console or `aws iam get-account-password-policy`), dated.',
      },
    },
  },
  {
    kind: 'technical',
    id: '1.8',
    pillar: 'security',
    title: 'No shared IAM credentials',
    requirement: 'Each person who needs access gets an individual identity with its own credentials and permissions; no identity is shared.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.8',
        title: 'IAM credentials are not shared among multiple users',
        text: 'You must create an individual IAM user account for anyone who needs access to your AWS account. Create an IAM user for yourself as well, give that user administrative privileges, and use that IAM user for all your work. By creating individual IAM users for people accessing your account, you can give each IAM user a unique set of security credentials. You can also grant different permissions to each IAM user. If necessary, you can change or revoke an IAM user\'s permissions any time. (If you give out your root user credentials, it can be difficult to revoke them, and it is impossible to restrict their permissions.)',
      },
      networking: {
        ref: '1.8',
        title: 'IAM credentials are not shared among multiple users',
        text: 'You must create an individual IAM user account for anyone who needs access to your AWS account. Create an IAM user for yourself as well, give that user administrative privileges, and use that IAM user for all your work. By creating individual IAM users for people accessing your account, you can give each IAM user a unique set of security credentials. You can also grant different permissions to each IAM user. If necessary, you can change or revoke an IAM user\'s permissions any time. (If you give out your root user credentials, it can be difficult to revoke them, and it is impossible to restrict their permissions.)',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_ATTESTATION,
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
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.9',
        title: 'IAM policies are scoped down to least privilege',
        text: 'You must follow the standard security advice of granting least privilege . This means granting only the permissions required to perform a task. Determine what users need to do and then craft policies for them that let the users perform only those tasks. Start with a minimum set of permissions and grant additional permissions as necessary. Doing so is more secure than starting with permissions that are too lenient and then trying to tighten them later. Defining the right set of permissions requires some research. Determine what is required for the specific task, what actions a particular service supports, and what permissions are required in order to perform those actions.',
      },
      networking: {
        ref: '1.9',
        title: 'IAM policies are scoped down to least privilege',
        text: 'You must follow the standard security advice of granting least privilege. This means granting only the permissions required to perform a task. Determine what users need to do and then craft policies for them that let the users perform only those tasks. Start with a minimum set of permissions and grant additional permissions as necessary. Doing so is more secure than starting with permissions that are too lenient and then trying to tighten them later. Defining the right set of permissions requires some research. Determine what is required for the specific task, what actions a particular service supports, and what permissions are required in order to perform those actions.',
      },
    },
    appliesTo: matrix(
      [YES, YES, yesIf(CONDITIONS.OUTSIDE_AWS_VIA_ROLES, PRINTED.OUTSIDE_AWS_VIA_ROLES, 'should'), yesIf(CONDITIONS.OUTSIDE_AWS_VIA_ROLES, PRINTED.OUTSIDE_AWS_VIA_ROLES, 'should')],
      [YES, yesIf(CONDITIONS.OUTSIDE_AWS_VIA_ROLES, PRINTED.OUTSIDE_AWS_VIA_ROLES, 'should')],
    ),
    verification: {
      decidedBy: BY_TEMPLATE_RUNTIME_OR_ATTESTATION,
      rules: [
        requires('IamNoWildcardPermissions', 'You must follow the standard security advice of granting least privilege'),
        requires('IamNoAdminManagedPolicies', 'You must follow the standard security advice of granting least privilege'),
        requires('IamNoPassRoleOnWildcard', 'You must follow the standard security advice of granting least privilege'),
        requires('ResourcePolicyNoPublicPrincipal', 'You must follow the standard security advice of granting least privilege'),
        requires('BucketPolicyNoPublicPrincipal', 'You must follow the standard security advice of granting least privilege'),
        requires('KmsKeyPolicyNoWildcard', 'You must follow the standard security advice of granting least privilege'),
      ],
      runtimeControls: [
        required(configRule('IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS', 'Flags customer managed policies that allow every action on every resource.')),
        required(configRule('IAM_POLICY_NO_STATEMENTS_WITH_FULL_ACCESS', 'Flags customer managed policies that allow all actions of a service.')),
        configRule('IAM_NO_INLINE_POLICY_CHECK', 'Flags users, roles and groups carrying inline policies.'),
        alarm('IAM_POLICY_CHANGE_ALARM', 'Alarms when CloudTrail records a change to an IAM policy.'),
      ],
      attestation: {
        evidence: 'For roles and policies the template does not hold (e.g. the IAM role a solution running outside AWS assumes): the policies, showing each grants only the actions and resources its task needs.',
      },
      decisionNote: 'The template decides it for the policies it holds; the account\'s Config rule results, or an attestation, for policies created elsewhere.',
    },
  },
  {
    kind: 'technical',
    id: '1.10',
    pillar: 'security',
    title: 'No hard-coded credentials',
    requirement: 'Access keys and other credentials are never hard-coded in code, templates, user data or environment variables; they are fetched at run time from a secret store or replaced by roles.',
    level: 'must',
    modal: 'must',
    seed: {
      'microsoft-workloads': {
        ref: '1.10',
        title: 'Hard-coded credentials (e.g. access keys) are not used',
        text: 'You must follow best practices for managing AWS access keys and avoid the use of hard-coded credentials. When you access AWS programmatically, you use an access key to verify your identity and the identity of your applications. Anyone who has your access key has the same level of access to your AWS resources that you do. Consequently, AWS goes to significant lengths to protect your access keys, and, in keeping with our shared responsibility model , you should as well.',
      },
      networking: {
        ref: '1.10',
        title: 'Hard-coded credentials (e.g. access keys) are not used',
        text: 'You must follow best practices for managing AWS access keys and avoid the use of hard-coded credentials. When you access AWS programmatically, you use an access key to verify your identity and the identity of your applications. Anyone who has your access key has the same level of access to your AWS resources that you do. Consequently, AWS goes to significant lengths to protect your access keys, and, in keeping with our shared responsibility model, you should as well.',
      },
    },
    appliesTo: matrix(
      [
        YES, YES,
        yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE, PRINTED.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE, 'should'),
        yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE, PRINTED.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE, 'should'),
      ],
      [YES, yesIf(CONDITIONS.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE, PRINTED.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE, 'should')],
    ),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        requires('NoHardcodedCredentials', 'You must follow best practices for managing AWS access keys and avoid the use of hard-coded credentials'),
        // The customer-deployed cells limit the item to "credentials used to integration with AWS": a database or
        // directory password is not one, so only the credentials used with AWS are read there.
        requires('NoHardcodedAwsCredentials', 'You must follow best practices for managing AWS access keys', { onlyWhere: CONDITIONS.AWS_INTEGRATION_CREDENTIALS_CHANGEABLE }),
      ],
      runtimeControls: [
        configRule('CODEBUILD_PROJECT_ENVVAR_AWSCRED_CHECK', 'Flags CodeBuild projects with AWS access keys in plain-text environment variables.'),
      ],
      attestation: {
        evidence: 'How the solution obtains the credentials it uses with AWS (roles, or a secret store it reads at run time) and how they are changed, for components the template does not hold (software running outside AWS).',
      },
      decisionNote: 'The template decides it for the code and configuration it holds; credentials handled by software outside the template are attested.',
    },
  },
  {
    kind: 'technical',
    id: '1.11',
    pillar: 'security',
    title: 'Credentials encrypted at rest',
    requirement: 'Every stored credential is encrypted at rest.',
    level: 'must',
    modal: 'none',
    levelReason: 'The seed states it as the requirement ("The requirement is to ensure"; Networking: "The baseline requirement is") without a modal verb; a stated requirement is read as must. The customer-deployed cells say "should be encrypted" and set should there.',
    seed: {
      'microsoft-workloads': {
        ref: '1.11',
        title: 'All credentials are encrypted at rest',
        text: 'The requirement is to ensure the encryption of any credentials at rest.',
      },
      networking: {
        ref: '1.11',
        title: 'All credentials are encrypted at rest',
        text: 'The baseline requirement is to ensure the encryption of any credentials at rest.',
      },
    },
    appliesTo: matrix(
      [
        YES, YES,
        yesIf(CONDITIONS.STORED_AWS_INTEGRATION_CREDENTIALS, PRINTED.MS_STORED_AWS_INTEGRATION_CREDENTIALS, 'should'),
        yesIf(CONDITIONS.STORED_AWS_INTEGRATION_CREDENTIALS, PRINTED.MS_STORED_AWS_INTEGRATION_CREDENTIALS, 'should'),
      ],
      [YES, yesIf(CONDITIONS.STORED_AWS_INTEGRATION_CREDENTIALS, PRINTED.NET_STORED_AWS_INTEGRATION_CREDENTIALS, 'should')],
    ),
    verification: {
      decidedBy: BY_TEMPLATE_OR_ATTESTATION,
      rules: [
        recommends('SecretsEncryptedWithCustomerKey', 'ensure the encryption of any credentials at rest',
          'Secrets Manager always encrypts secrets at rest, with the AWS managed key aws/secretsmanager when no key is given, which meets the sentence; a customer managed key adds a key policy the partner scopes and audits, and lets other accounts use the secret.'),
        requires('CredentialsEncryptedAtRest', 'ensure the encryption of any credentials at rest'),
        requires('SecretParametersNotPlainText', 'ensure the encryption of any credentials at rest'),
        // The customer-deployed cells limit the item to "credentials stored in APN Partner solution used to integrate
        // with AWS": a database password is not one, so only the credentials used with AWS are read there.
        requires('AwsCredentialsEncryptedAtRest', 'ensure the encryption of any credentials at rest', { onlyWhere: CONDITIONS.STORED_AWS_INTEGRATION_CREDENTIALS }),
      ],
      runtimeControls: [
        configRule('SECRETSMANAGER_USING_CMK', 'Flags Secrets Manager secrets not encrypted with a customer managed KMS key.'),
      ],
      attestation: {
        evidence: 'Where the solution stores the credentials it uses with AWS, outside the template (e.g. in the partner software or an on-premises vault), and how they are encrypted at rest.',
      },
      decisionNote: 'The template decides it for the secrets it holds; credentials stored by software outside the template are attested.',
    },
  },
  {
    kind: 'technical',
    id: '1.12',
    pillar: 'security',
    title: 'Access keys only for people',
    requirement: 'Long-term access keys are held only by people, on devices they control; a service may use one only where no role mechanism is possible, with weekly rotation and a tightly scoped, network-restricted policy.',
    level: 'should',
    modal: 'should',
    seed: {
      'microsoft-workloads': {
        ref: '1.12',
        title: 'AWS Access Keys only used by interactive users',
        text: 'No AWS Access Keys should be in use, except in the following cases: Used by humans to access AWS Services, and stored securely on a device controlled by that human. Used by a service to access AWS Services, but only in cases where: a) It is not feasible to use an Amazon Elastic Compute Cloud (Amazon EC2) instance role, Amazon ECS Task Role or similar mechanism, b) The AWS Access Keys are rotated at least weekly, and c) The IAM Policy is tightly scoped so that it: i) Allows only access to only specific methods and targets and ii) Restricts access to the subnets on from which the resources will be accessed.',
      },
      networking: {
        ref: '1.12',
        title: 'AWS Access Keys only used by interactive users',
        text: 'No AWS access keys should be in use, except in the following cases: 1. Used by humans to access AWS services, and stored securely on a device controlled by that human. 2. Used by a service to access AWS services, but only in cases where: a) It is not feasible to use an Amazon Elastic Compute Cloud (Amazon EC2) instance role, Amazon Elastic Container Service (Amazon ECS) Task Role or similar mechanism, b) The AWS access keys are rotated at least weekly, and c) The IAM Policy is tightly scoped so that it: i) allows only access to only specific methods and targets and ii) restricts access to the subnets on from which the resources will be accessed.',
      },
    },
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      decidedBy: BY_TEMPLATE,
      rules: [
        requires('NoIamAccessKeys', 'should be in use, except in the following cases'),
        recommends('NoIamUserCredentials', 'should be in use, except in the following cases',
          'People should sign in through federation (IAM Identity Center) rather than as IAM users whose password the template sets; the item limits access keys, which NoIamAccessKeys checks.'),
      ],
      runtimeControls: [
        configRule('ACCESS_KEYS_ROTATED', 'Flags active IAM access keys older than 7 days (maxAccessKeyAge = 7), the weekly rotation asked of service keys.'),
        configRule('EC2_INSTANCE_PROFILE_ATTACHED', 'Flags EC2 instances without an instance profile, i.e. without a role to use instead of keys.'),
      ],
    },
  },
];
