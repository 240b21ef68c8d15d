import { Duration } from 'aws-cdk-lib';
import { validateCrossAccountBackupProps } from '../../constructs/cross-account-backup/validation';
import { AWS_BACKUP_DEFAULT_SCHEDULE, readBackupSchedule, readBackupScheduleByWalk, TemplateAppView } from '../../lib/aws';
import { METADATA } from '../../lib/conventions';
import { RpoWithinBackupFrequency } from '../../lib/rules/reliability/RpoWithinBackupFrequency';

const HOUR = 60;
const DAY = 24 * HOUR;
const gap = (expression: string, timezone?: string) => {
  const r = readBackupSchedule(expression, { timezone });
  return r.ok ? r.schedule.longestGapMinutes : r.problem;
};

describe('aws/backup-schedule: weekly schedules are read without walking the calendar, with the same answers', () => {
  const weekdays = ['*', 'SUN', 'MON', 'sat', '1', '7', 'MON-FRI', '2-6', 'SUN,WED', '1,4,7', 'TUE/2', '*/3', '2/2', 'MON,FRI', 'SAT,SUN', '1-7', 'WED-WED'];
  const times = [['0', '5'], ['0', '*/4'], ['30', '1,13'], ['0,30', '*'], ['15', '23'], ['0', '0-23/7']];
  const years = ['*', '2024-2199', '1970-2199', '2030/1'];
  const expressions = [
    ...weekdays.flatMap((dow) => times.map(([mi, h]) => `cron(${mi} ${h} ? * ${dow} *)`)),
    ...times.map(([mi, h]) => `cron(${mi} ${h} * * ? *)`),
    ...years.flatMap((y) => [`cron(0 5 ? * MON ${y})`, `cron(0 5 * * ? ${y})`]),
    // Not weekly (months, years, days of the month, L and #): the shortcut declines them, both read by the walk.
    'cron(0 5 ? JAN-JUN MON *)', 'cron(0 5 ? * MON 2025/2)', 'cron(0 5 1 * ? *)', 'cron(0 5 ? * 6L *)', 'cron(0 5 ? * MON#1 *)', 'cron(0 5 ? * L *)',
    // Refused either way, for the same reason.
    'cron(0 5 ? * MON 2024-2100)', 'cron(0 * ? * * *)', 'cron(0 5 ? * 8 *)', 'cron(0 5 ? * MON,MON#2 *)',
  ];

  test.each(expressions)('%s', (expression) => {
    for (const timezone of [undefined, 'Europe/Paris']) {
      expect(readBackupSchedule(expression, { timezone })).toEqual(readBackupScheduleByWalk(expression, { timezone }));
    }
  });
});

describe('aws/backup-schedule: the gaps between runs', () => {
  test.each([
    ['cron(0 5 * * ? *)', DAY],
    [AWS_BACKUP_DEFAULT_SCHEDULE, DAY],
    ['cron(0 */4 * * ? *)', 4 * HOUR],
    ['cron(0 0/6 * * ? *)', 6 * HOUR],
    ['cron(15 * ? * * *)', HOUR],
    ['cron(0 1,13 * * ? *)', 12 * HOUR],
    ['cron(0 6 ? * SUN *)', 7 * DAY],
    ['cron(0 6 ? * mon-fri *)', 3 * DAY],
    ['cron(0 18 ? * 2-6 *)', 3 * DAY],
    ['cron(0 0 1 * ? *)', 31 * DAY],
    ['cron(0 5 L * ? *)', 31 * DAY],
    ['cron(0 5 LW * ? *)', 33 * DAY],
    ['cron(0 5 15W * ? *)', 32 * DAY],
    ['cron(0 5 ? * 6L *)', 35 * DAY],
    ['cron(0 5 ? * MON#1 *)', 35 * DAY],
    ['cron(0 5 1 JAN,JUL ? *)', 184 * DAY],
    ['cron(0 5 29 FEB ? *)', 8 * 365 * DAY + DAY],
    ['cron(0 5 * * ? 2024-2199)', DAY],
    ['cron(0 5 * * ? 2025/2)', 367 * DAY],
    ['cron(0 5 * * ? 2024/2)', /stops running after 2198/],
  ])('%s: at most %s minutes between two runs', (expression, minutes) => {
    // GIVEN / WHEN / THEN
    if (minutes instanceof RegExp) expect(gap(expression)).toMatch(minutes);
    else expect(gap(expression)).toBe(minutes);
  });

  test('a time zone with daylight saving can make a gap an hour longer; UTC named as a zone does not', () => {
    // GIVEN / WHEN / THEN
    expect(gap('cron(0 5 * * ? *)', 'Europe/Paris')).toBe(DAY + HOUR);
    expect(gap('cron(0 5 * * ? *)', 'Etc/UTC')).toBe(DAY);
    expect(gap('cron(0 5 * * ? *)', 'utc')).toBe(DAY);
  });

  test('the shortest gap is read too', () => {
    // GIVEN / WHEN
    const r = readBackupSchedule('cron(0 1,13 ? * MON-FRI *)');
    // THEN
    expect(r).toEqual({ ok: true, schedule: { expression: 'cron(0 1,13 ? * MON-FRI *)', longestGapMinutes: 60 * 60, shortestGapMinutes: 12 * HOUR } });
  });
});

describe('aws/backup-schedule: what AWS Backup refuses, and why', () => {
  test.each([
    ['rate(1 day)', /is a rate expression: AWS Backup accepts only cron expressions/],
    ['rate(4 hours)', /is a rate expression/],
    ['weekly', /must be a cron expression like cron\(0 5 \? \* \* \*\)/],
    ['', /must be a cron expression/],
    ['cron(0 5 * * *)', /must have six fields .*found 5/],
    ['cron()', /must have six fields .*found 0/],
    ['cron(0 5 * * ? *', /must be a cron expression/],
    ['cron(0 25 * * ? *)', /the hours field '25' must list values 0-23/],
    ['cron(60 5 * * ? *)', /the minutes field '60'/],
    ['cron(0 5 32 * ? *)', /the day-of-month field '32'/],
    ['cron(0 5 * 13 ? *)', /the month field '13' must list values 1-12 or JAN-DEC/],
    ['cron(0 5 ? * 8 *)', /the day-of-week field '8' must list values 1-7 or SUN-SAT/],
    ['cron(0 5 ? * MON#6 *)', /must be d#n with a day 1-7 or SUN-SAT and n 1-5/],
    ['cron(0 5 ? * MON#1,FRI#3 *)', /may hold one d#n expression only/],
    ['cron(0 5 * * ? 1969)', /the year field '1969' must list values 1970-2199/],
    ['cron(0 5 1 * MON *)', /cannot give both a day-of-month and a day-of-week: one of them must be \?/],
    ['cron(0 5 * * * *)', /cannot give both a day-of-month and a day-of-week/],
    ['cron(0 5 ? * ? *)', /must give a day-of-month or a day-of-week: both are \?/],
    ['cron(0 5 * * ? 2030)', /stops running after 2030 \(year field '2030'\)/],
    ['cron(0 5 * * ? 2025-2040)', /stops running after 2040/],
    ['cron(0/30 * * * ? *)', /runs 30 minutes apart: AWS Backup needs at least 60 minutes between two backup jobs/],
    ['cron(0,30 5 * * ? *)', /runs 30 minutes apart/],
    ['cron(*/10 * * * ? *)', /runs 10 minutes apart/],
    ['cron(0 5 31 FEB ? *)', /never runs twice/],
    ['cron(0 5 */0 * ? *)', /the day-of-month field/],
    ['cron(0 5-3 * * ? *)', /the hours field '5-3'/],
  ])('%s is refused: %s', (expression, problem) => {
    // GIVEN / WHEN
    const r = readBackupSchedule(expression);
    // THEN
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });
});

/**
 * The construct's validation (`CrossAccountBackup`'s `schedule` and `rpo` props) and the rule that reads backup plans
 * (`RpoWithinBackupFrequency`, item 2.10) must accept and refuse the same schedules, for the same RPO.
 */
describe('aws/backup-schedule: the construct and the rule agree', () => {
  const SCHEDULES = [
    'cron(0 5 * * ? *)', 'cron(0 5 ? * * *)', 'cron(0 */4 * * ? *)', 'cron(15 * * * ? *)', 'cron(0 1,13 * * ? *)', 'cron(0 6 ? * SUN *)',
    'cron(0 6 ? * MON-FRI *)', 'cron(0 0 1 * ? *)', 'cron(0 5 L * ? *)', 'cron(0 5 15W * ? *)', 'cron(0 5 ? * 6L *)', 'cron(0 5 ? * 2#1 *)',
    'cron(0 5 * * ? 2024-2199)', 'cron(0 5 * * ? 2030)', 'cron(0 5 1 * MON *)', 'cron(0 5 ? * ? *)', 'cron(0/30 * * * ? *)', 'cron(0,30 5 * * ? *)',
    'cron(0 25 * * ? *)', 'cron(0 5 * * *)', 'rate(1 day)', 'rate(12 hours)', 'daily', 'cron(0 5 31 FEB ? *)',
  ];
  const RPOS = [Duration.hours(1), Duration.hours(24), Duration.days(400)];

  function constructAccepts(schedule: string, rpo: Duration): boolean {
    try {
      validateCrossAccountBackupProps({ rpo, rto: Duration.hours(4), copyTo: { vaultArn: 'arn:aws:backup:eu-west-1:444444444444:backup-vault:dr' }, schedule }, '333333333333', 'eu-west-1');
      return true;
    } catch (e) {
      if (!/'(schedule|rpo)'/.test((e as Error).message)) throw e;
      return false;
    }
  }

  function ruleAccepts(schedule: string, rpo: Duration): boolean {
    const app = new TemplateAppView([{
      path: 'Workload',
      stage: '',
      template: {
        Metadata: { [METADATA.RECOVERY_OBJECTIVES]: { rpoMinutes: rpo.toMinutes(), rtoMinutes: 240 } },
        Resources: { Plan: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: [{ RuleName: 'r', TargetBackupVault: 'v', ScheduleExpression: schedule }] } } } },
      },
    }]);
    return RpoWithinBackupFrequency.check(app.stacks[0].resources.get('Plan')!, app).status === 'compliant';
  }

  test.each(SCHEDULES)('%s', (schedule) => {
    // GIVEN / WHEN / THEN: one verdict per RPO, the same on both sides
    const verdicts = RPOS.map((rpo) => ({ rpo: rpo.toHumanString(), construct: constructAccepts(schedule, rpo), rule: ruleAccepts(schedule, rpo) }));
    for (const v of verdicts) expect({ ...v, rule: v.construct }).toEqual(v);
  });

  test('the list holds schedules both accept and schedules both refuse', () => {
    // GIVEN / WHEN
    const accepted = SCHEDULES.filter((s) => constructAccepts(s, Duration.days(400)));
    // THEN
    expect(accepted.length).toBeGreaterThan(5);
    expect(SCHEDULES.length - accepted.length).toBeGreaterThan(5);
  });
});
