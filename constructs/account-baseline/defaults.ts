export const PASSWORD_POLICY_DEFAULTS = {
  minimumPasswordLength: 14,
  passwordReusePrevention: 24,
  maxPasswordAge: 90,
  hardExpiry: false,
} as const;
