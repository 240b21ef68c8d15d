import { App, Stack } from 'aws-cdk-lib';

/** Accounts used by fixtures. */
export const MANAGEMENT = '111111111111';
export const AUDIT = '222222222222';

/** A stack in a fixture app, environment-specific when an account is given. */
export function stackIn(app: App, id: string, account?: string): Stack {
  return new Stack(app, id, account ? { env: { account, region: 'eu-west-1' } } : undefined);
}
