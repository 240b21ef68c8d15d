/** Properties of an {@link AccountBaseline}. */
export interface AccountBaselineProps {
  /**
   * Set the IAM account password policy (CloudFormation has no resource for it: a custom resource calls
   * `iam:UpdateAccountPasswordPolicy`).
   * @default true
   */
  readonly managePasswordPolicy?: boolean;
  /**
   * Password policy settings. Uppercase, lowercase, digits and symbols are always required.
   * @default - 14 characters, 24 remembered, 90-day expiry, no hard expiry
   */
  readonly passwordPolicy?: PasswordPolicyOptions;
  /**
   * Turn on EBS encryption by default in the stack's region (custom resource calling `ec2:EnableEbsEncryptionByDefault`).
   * @default true
   */
  readonly ebsEncryptionByDefault?: boolean;
  /**
   * Turn on account-level S3 Block Public Access (custom resource calling `s3:PutAccountPublicAccessBlock`).
   * @default true
   */
  readonly s3AccountPublicAccessBlock?: boolean;
  /**
   * Create an IAM Access Analyzer.
   * @default true
   */
  readonly accessAnalyzer?: boolean;
  /**
   * Zone of trust of the analyzer.
   * @default AccessAnalyzerType.ACCOUNT
   */
  readonly accessAnalyzerType?: AccessAnalyzerType;
  /**
   * E-mail addresses subscribed to the central alarm topic.
   * @default - no subscriptions
   */
  readonly alarmEmails?: string[];
}

/** IAM account password policy settings. */
export interface PasswordPolicyOptions {
  /**
   * Minimum password length (14-128).
   * @default 14
   */
  readonly minimumPasswordLength?: number;
  /**
   * Passwords remembered and refused for reuse (1-24).
   * @default 24
   */
  readonly passwordReusePrevention?: number;
  /**
   * Days after which a password expires (1-1095).
   * @default 90
   */
  readonly maxPasswordAge?: number;
  /**
   * Prevent users from setting a new password once theirs has expired (an administrator must reset it).
   * @default false
   */
  readonly hardExpiry?: boolean;
}

/** Access Analyzer zones of trust. */
export enum AccessAnalyzerType {
  /** Findings for access from outside this account. */
  ACCOUNT = 'ACCOUNT',
  /** Findings for access from outside the organization (management or delegated administrator account only). */
  ORGANIZATION = 'ORGANIZATION',
}
