// CrossAccountBackup under arbitrary props: a template or a clear ValidationError (see fuzz-harness.ts).
import { Duration } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { CrossAccountBackup, CrossAccountBackupProps } from '../../constructs';
import { BAD_VAULT_NAMES, VAULT_LOCK } from './arbitraries';
import { describeFuzz, FieldSpec, FUZZ_ENV, oddString, unresolvedString } from './fuzz-harness';

const PROPS = ['rpo', 'rto', 'copyTo', 'copyToRegion', 'vaultName', 'vaultLock', 'schedule', 'retention', 'selectionTag', 'restoreTesting', 'notificationTopic'];
const DR = 'arn:aws:backup:eu-west-1:444444444444:backup-vault:dr';

const SPEC: { [prop: string]: FieldSpec } = {
  rpo: { valid: fc.constantFrom(Duration.hours(24), Duration.hours(48), Duration.days(7)), invalid: fc.constantFrom(Duration.hours(1), Duration.hours(0), Duration.minutes(30)), required: true },
  rto: { valid: fc.constantFrom(Duration.hours(4), Duration.hours(12), Duration.minutes(90)), invalid: fc.constantFrom(Duration.hours(24), Duration.hours(48), Duration.hours(0)), required: true },
  copyTo: {
    valid: fc.constantFrom({ vaultArn: DR }, { vaultArn: DR, retention: Duration.days(90) }),
    invalid: fc.oneof(
      fc.constantFrom(
        `arn:aws:backup:eu-west-1:${FUZZ_ENV.account}:backup-vault:dr`,
        'arn:aws:backup:eu-west-1:444444444444:vault:dr',
        'arn:aws:backup:eu-west-1:4444:backup-vault:dr',
        'arn:aws:backup:eu-west-1:444444444444:backup-vault:d',
        'arn:aws:s3:::bucket',
      ).map((vaultArn) => ({ vaultArn })),
      oddString.map((vaultArn) => ({ vaultArn })),
      fc.constant({ vaultArn: DR, retention: Duration.days(1) }),
    ),
    unresolved: unresolvedString.map((vaultArn) => ({ vaultArn })),
    required: true,
  },
  copyToRegion: {
    valid: fc.constant({ vaultArn: `arn:aws:backup:us-east-1:${FUZZ_ENV.account}:backup-vault:dr-copy` }),
    invalid: fc.oneof(fc.constant({ vaultArn: `arn:aws:backup:eu-west-1:${FUZZ_ENV.account}:backup-vault:same-region` }), oddString.map((vaultArn) => ({ vaultArn }))),
    unresolved: unresolvedString.map((vaultArn) => ({ vaultArn })),
  },
  vaultName: { valid: fc.constantFrom('workload-backups', 'v_1'), invalid: BAD_VAULT_NAMES, unresolved: unresolvedString },
  vaultLock: VAULT_LOCK,
  schedule: {
    valid: fc.constantFrom('cron(0 5 * * ? *)', 'cron(0 */12 * * ? *)', 'cron(30 2 ? * MON-FRI *)'),
    invalid: fc.oneof(fc.constantFrom('rate(1 day)', 'cron(0 5 * * *)', 'cron(*/10 * * * ? *)', 'cron(0 5 L * MON *)', 'cron(0 5 * * ? 2026)', 'cron(0,30 5 * * ? *)', 'cron(0 25 * * ? *)', 'cron()', 'cron(0 5 * * ? *'), oddString),
    unresolved: unresolvedString,
  },
  retention: { valid: fc.integer({ min: 7, max: 90 }).map((d) => Duration.days(d)), invalid: fc.constantFrom(Duration.days(0), Duration.days(3), Duration.days(400), Duration.hours(36)) },
  selectionTag: {
    valid: fc.constantFrom({ key: 'Backup', value: 'true' }, { key: 'tier', value: '' }),
    invalid: fc.constantFrom({ key: '', value: 'true' }, { key: 'k'.repeat(129), value: 'x' }, { key: 'Backup', value: 'v'.repeat(257) }),
  },
  restoreTesting: {
    valid: fc.constantFrom({ enabled: false }, {}, { schedule: 'cron(0 6 ? * SUN *)', resourceTypes: ['EBS'] }, { planName: 'weekly_restores', selectionWindow: Duration.days(14) }),
    invalid: fc.constantFrom(
      { resourceTypes: [] },
      { resourceTypes: ['Lambda'] },
      { selectionWindow: Duration.days(0) },
      { selectionWindow: Duration.days(400) },
      { planName: '1abc' },
      { planName: 'has-hyphen' },
      { schedule: 'weekly' },
    ),
  },
};

describeFuzz(
  { construct: 'CrossAccountBackup', props: PROPS },
  SPEC,
  {
    typed: 40,
    wrongTypes: 25,
  },
  (stack, props) => {
    new CrossAccountBackup(stack, 'Backup', props as unknown as CrossAccountBackupProps);
  },
);
