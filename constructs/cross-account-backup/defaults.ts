import { Duration } from 'aws-cdk-lib';
import { TAGS } from '../../lib/conventions';

export const CROSS_ACCOUNT_BACKUP_DEFAULTS = {
  /** Daily at 05:00 UTC. */
  schedule: 'cron(0 5 * * ? *)',
  retention: Duration.days(35),
  selectionTag: { key: TAGS.BACKUP, value: 'true' },
  /** Weekly, Sundays at 06:00 UTC. */
  restoreTestingSchedule: 'cron(0 6 ? * SUN *)',
  restoreTestingResourceTypes: ['EBS', 'EC2', 'RDS', 'DynamoDB'],
  restoreTestingSelectionWindow: Duration.days(7),
} as const;

export const VAULT_LOCK_DEFAULTS = {
  minRetention: Duration.days(7),
  maxRetention: Duration.days(365),
  /** AWS's minimum cooling-off period before the lock becomes immutable. */
  changeableFor: Duration.days(3),
} as const;

/** Resource types a restore testing selection may name. */
export const RESTORE_TESTING_RESOURCE_TYPES = ['Aurora', 'DocumentDB', 'DynamoDB', 'EBS', 'EC2', 'EFS', 'FSx', 'Neptune', 'RDS', 'S3'] as const;
