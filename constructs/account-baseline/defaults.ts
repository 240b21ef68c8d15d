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

export const PASSWORD_POLICY_DEFAULTS = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  maxPasswordAge: 90,
  hardExpiry: false,
} as const;

/** Access Analyzer zones of trust. */
export enum AccessAnalyzerType {
  /** Findings for access from outside this account. */
  ACCOUNT = 'ACCOUNT',
  /** Findings for access from outside the organization (management or delegated administrator account only). */
  ORGANIZATION = 'ORGANIZATION',
}
