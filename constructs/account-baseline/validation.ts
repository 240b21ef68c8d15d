import { PropSchema, PropValidator } from '../core';
import { AccessAnalyzerType, AccountBaselineProps } from './props';

const inRange = (n: number | undefined, lo: number, hi: number) => n === undefined || (Number.isInteger(n) && n >= lo && n <= hi);

/** JavaScript shapes of every prop of an `AccountBaseline` (`checkPropTypes`, first statement of the constructor). */
export const ACCOUNT_BASELINE_PROP_TYPES: PropSchema<AccountBaselineProps> = {
  managePasswordPolicy: 'boolean',
  passwordPolicy: { type: 'object', fields: { minimumPasswordLength: 'number', passwordReusePrevention: 'number', maxPasswordAge: 'number', hardExpiry: 'boolean' } },
  ebsEncryptionByDefault: 'boolean',
  s3AccountPublicAccessBlock: 'boolean',
  accessAnalyzer: 'boolean',
  accessAnalyzerType: 'string',
  alarmEmails: 'string[]',
};

/** Checks every prop of an `AccountBaseline` and throws once listing every problem. */
export function validateAccountBaselineProps(props: AccountBaselineProps): void {
  const v = new PropValidator('AccountBaseline');
  const p = props.passwordPolicy ?? {};
  v.check(inRange(p.minimumPasswordLength, 14, 128), 'passwordPolicy.minimumPasswordLength', 'must be a whole number between 14 and 128 (the IAM_PASSWORD_POLICY runtime control demands 14)', p.minimumPasswordLength);
  v.check(inRange(p.passwordReusePrevention, 1, 24), 'passwordPolicy.passwordReusePrevention', 'must be a whole number between 1 and 24', p.passwordReusePrevention);
  v.check(inRange(p.maxPasswordAge, 1, 1095), 'passwordPolicy.maxPasswordAge', 'must be a whole number of days between 1 and 1095', p.maxPasswordAge);
  if (props.managePasswordPolicy === false && props.passwordPolicy !== undefined) {
    v.fail('passwordPolicy', 'must not be set when managePasswordPolicy is false', props.passwordPolicy);
  }
  if (props.accessAnalyzerType !== undefined) {
    v.check(Object.values(AccessAnalyzerType).includes(props.accessAnalyzerType), 'accessAnalyzerType', `must be one of ${Object.values(AccessAnalyzerType).join(', ')} (AccessAnalyzerType)`, props.accessAnalyzerType);
  }
  for (const e of props.alarmEmails ?? []) v.check(/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e), 'alarmEmails', 'must list e-mail addresses', e);
  v.throwIfAny();
}
