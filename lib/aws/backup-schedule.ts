/**
 * AWS Backup schedule expressions, read one way for the constructs (validating a schedule prop) and the rules
 * (reading `ScheduleExpression` of a backup plan rule), so that both accept and reject the same schedules.
 *
 * What AWS Backup accepts (AWS Backup API `BackupRule.ScheduleExpression`: "A cron expression in UTC specifying when
 * AWS Backup initiates a backup job"; aws-cdk-lib's `BackupPlanRule` refuses anything but `cron`):
 * - `cron(minutes hours day-of-month month day-of-week year)`, the six fields of EventBridge cron expressions:
 *   minutes 0-59 and hours 0-23 (`, - * /`), day-of-month 1-31 (`, - * ? / L W`), month 1-12 or JAN-DEC (`, - * /`),
 *   day-of-week 1-7 or SUN-SAT (`, - * ? L #`), year 1970-2199 (`, - * /`). One of day-of-month and day-of-week
 *   must be `?`: the two cannot both be given.
 * - not `rate(...)`: it is read (so the message can say why it is refused), never accepted.
 * - no two runs less than 60 minutes apart ("The interval between backup jobs shouldn't be less than 60 minutes").
 * - `ScheduleExpressionTimezone` (optional) shifts the runs into a time zone; with daylight saving time a gap can be
 *   an hour longer than in UTC, which the reading counts.
 * A schedule whose year field ends before 2199 stops running: it cannot bound a recovery point objective, and is
 * refused as a backup schedule.
 */

/** AWS Backup's schedule when a rule gives none: daily at 05:00 UTC. */
export const AWS_BACKUP_DEFAULT_SCHEDULE = 'cron(0 5 ? * * *)';

/** AWS Backup's shortest interval between two backup jobs of a rule, in minutes. */
export const AWS_BACKUP_MIN_INTERVAL_MINUTES = 60;

/** A backup schedule that AWS Backup accepts, with the gaps between its runs. */
export interface BackupSchedule {
  readonly expression: string;
  /** The longest time between two consecutive runs, in minutes (it bounds the recovery point objective). */
  readonly longestGapMinutes: number;
  /** The shortest time between two consecutive runs, in minutes. */
  readonly shortestGapMinutes: number;
}

/** What reading a schedule expression gives: the schedule, or why AWS Backup would not run it as a recurring backup. */
export type BackupScheduleReading =
  | { readonly ok: true; readonly schedule: BackupSchedule }
  | { readonly ok: false; readonly expression: string; readonly problem: string };

/** Options of {@link readBackupSchedule}. */
export interface BackupScheduleOptions {
  /**
   * The rule's `ScheduleExpressionTimezone` (an IANA name).
   * @default 'Etc/UTC'
   */
  readonly timezone?: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const UTC_ZONES = new Set(['UTC', 'ETC/UTC', 'GMT', 'ETC/GMT', 'Z', 'ETC/UCT', 'UCT', 'ETC/ZULU', 'ZULU', 'ETC/UNIVERSAL', 'UNIVERSAL']);
/** Readings by expression and time zone: a pure function of its input, read once per process. */
const READINGS = new Map<string, BackupScheduleReading>();

/**
 * Reads an AWS Backup schedule expression. Never throws: a malformed expression gives `ok: false` and the reason.
 * The gaps are found by walking every day from 2024 (or the first year of the year field) for 105 years, at most to 2199
 * (the last year a cron expression can name): every leap-year and weekday pattern, and a century year, are seen. A
 * schedule that repeats every week (days named by weekday alone, or every day, in every month and year) is read from
 * its week instead, with the same answer (≈ 12 ms less in the first validation of a process).
 */
export function readBackupSchedule(expression: string, options: BackupScheduleOptions = {}): BackupScheduleReading {
  const key = `${options.timezone ?? ''}\u0000${expression}`;
  let reading = READINGS.get(key);
  if (!reading) READINGS.set(key, reading = read(expression, options));
  return reading;
}

/**
 * {@link readBackupSchedule} without its shortcut for weekly schedules and without the cache: every schedule read by
 * walking the calendar. What the shortcut is held to in tests; nothing else needs it.
 */
export function readBackupScheduleByWalk(expression: string, options: BackupScheduleOptions = {}): BackupScheduleReading {
  return read(expression, options, true);
}

function read(expression: string, options: BackupScheduleOptions, walkAlways = false): BackupScheduleReading {
  const fail = (problem: string): BackupScheduleReading => ({ ok: false, expression, problem });
  const text = typeof expression === 'string' ? expression.trim() : '';
  if (/^rate\(.*\)$/s.test(text)) return fail('is a rate expression: AWS Backup accepts only cron expressions, e.g. cron(0 5 ? * * *)');
  const m = /^cron\((.*)\)$/s.exec(text);
  if (!m) return fail('must be a cron expression like cron(0 5 ? * * *)');
  const fields = m[1].trim().split(/\s+/);
  if (fields.length !== 6) return fail(`must have six fields (minutes hours day-of-month month day-of-week year), found ${fields[0] === '' ? 0 : fields.length}`);
  const [minF, hourF, domF, monF, dowF, yearF] = fields;
  const minutes = numericField(minF, 'minutes', 0, 59);
  const hours = numericField(hourF, 'hours', 0, 23);
  const months = numericField(monF, 'month', 1, 12, MONTHS);
  const years = numericField(yearF, 'year', 1970, 2199);
  for (const f of [minutes, hours, months, years]) if (typeof f === 'string') return fail(f);
  if ((domF === '?') === (dowF === '?')) {
    return fail(domF === '?' ? 'must give a day-of-month or a day-of-week: both are ?' : 'cannot give both a day-of-month and a day-of-week: one of them must be ?');
  }
  const day = domF !== '?' ? dayOfMonthMatcher(domF) : dayOfWeekMatcher(dowF);
  if (typeof day === 'string') return fail(day);
  const yearSet = years as Set<number>;
  const lastYear = Math.max(...yearSet);
  if (lastYear < 2199) return fail(`stops running after ${lastYear} (year field '${yearF}'): a backup schedule must keep running`);

  const times = [...(hours as Set<number>)].flatMap((h) => [...(minutes as Set<number>)].map((mi) => h * 60 + mi)).sort((a, b) => a - b);
  let shortest = Infinity;
  for (let i = 1; i < times.length; i++) shortest = Math.min(shortest, times[i] - times[i - 1]);
  let longest = times.length > 1 ? Math.max(...times.slice(1).map((t, i) => t - times[i])) : 0;
  const fromYear = Math.max(2024, Math.min(...yearSet));
  const dayGaps = (walkAlways ? undefined : weeklyDayGaps(domF, dowF, months as Set<number>, yearSet, fromYear)) ?? calendarDayGaps(day, months as Set<number>, yearSet, fromYear);
  if (dayGaps === undefined) return fail('never runs twice (no two dates match its day, month and year fields)');
  for (const days of dayGaps) {
    const gap = days * 1440 + times[0] - times[times.length - 1];
    longest = Math.max(longest, gap);
    shortest = Math.min(shortest, gap);
  }
  if (!isUtc(options.timezone)) longest += 60;
  if (shortest < AWS_BACKUP_MIN_INTERVAL_MINUTES) {
    return fail(`runs ${shortest} minutes apart: AWS Backup needs at least ${AWS_BACKUP_MIN_INTERVAL_MINUTES} minutes between two backup jobs`);
  }
  return { ok: true, schedule: { expression, longestGapMinutes: longest, shortestGapMinutes: shortest } };
}

/**
 * The numbers of days between consecutive run days, found by walking the calendar (see {@link walkCalendar});
 * `undefined` when fewer than two days match.
 */
function calendarDayGaps(day: DayMatcher, months: ReadonlySet<number>, years: ReadonlySet<number>, fromYear: number): Set<number> | undefined {
  const gaps = new Set<number>();
  let previousDay: number | undefined;
  let runDays = 0;
  walkCalendar(fromYear, years, months, (date, d) => {
    if (!day(date)) return;
    runDays++;
    if (previousDay !== undefined) gaps.add(d - previousDay);
    previousDay = d;
  });
  return runDays < 2 ? undefined : gaps;
}

/**
 * The same gaps without the walk, for the schedules most plans use: every month of every year from `fromYear` on, and
 * the days named by weekday alone (`?` and a list, range or step of weekdays, `*` included) or every day of the month
 * (`*` and `?`). Such a schedule repeats every week, so its gaps are those between consecutive weekdays of the set,
 * around the week: exactly what walking 105 years finds. `undefined` for any other schedule (the walk reads it).
 */
function weeklyDayGaps(domF: string, dowF: string, months: ReadonlySet<number>, years: ReadonlySet<number>, fromYear: number): Set<number> | undefined {
  if (months.size !== 12) return undefined;
  for (let y = fromYear; y <= Math.min(2199, fromYear + 104); y++) if (!years.has(y)) return undefined;
  let weekdays: number[];
  if (domF === '*' && dowF === '?') weekdays = [1, 2, 3, 4, 5, 6, 7];
  else if (domF === '?' && !/[L#W]/i.test(dowF)) {
    const values = numericField(dowF, 'day-of-week', 1, 7, DAYS);
    if (typeof values === 'string') return undefined;
    weekdays = [...values].sort((a, b) => a - b);
  } else return undefined;
  const gaps = new Set<number>();
  for (let i = 0; i < weekdays.length; i++) gaps.add(i + 1 < weekdays.length ? weekdays[i + 1] - weekdays[i] : weekdays[0] + 7 - weekdays[i]);
  return gaps;
}

function isUtc(timezone: string | undefined): boolean {
  return timezone === undefined || UTC_ZONES.has(timezone.toUpperCase());
}

/** Expands a field of `, - * /` items (and names) into its values, or says what is wrong with it. */
function numericField(field: string, name: string, min: number, max: number, names: readonly string[] = []): Set<number> | string {
  const out = new Set<number>();
  const value = (s: string): number | undefined => {
    const i = names.indexOf(s.toUpperCase());
    if (i >= 0) return i + min;
    return /^\d+$/.test(s) ? Number(s) : undefined;
  };
  const bad = `the ${name} field '${field}' must list values ${min}-${max}${names.length ? ` or ${names[0]}-${names[names.length - 1]}` : ''} with , - * /`;
  for (const part of field.split(',')) {
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined || range === '') return bad;
    const step = stepText === undefined ? 1 : /^\d+$/.test(stepText) ? Number(stepText) : NaN;
    if (!Number.isInteger(step) || step < 1) return bad;
    let lo: number | undefined;
    let hi: number | undefined;
    if (range === '*') {
      lo = min;
      hi = max;
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined) return bad;
      lo = value(a);
      hi = value(b);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    if (lo === undefined || hi === undefined || lo < min || hi > max || lo > hi) return bad;
    for (let x = lo; x <= hi; x += step) out.add(x);
  }
  return out;
}

/** One day of the calendar: its date, weekday (0 Sunday ... 6 Saturday) and the length of its month. */
interface Day {
  readonly date: number;
  readonly weekday: number;
  readonly monthLength: number;
}

type DayMatcher = (day: Day) => boolean;

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * Visits every day of the listed years and months from January 1st of `fromYear` for 105 years (every weekday and
 * leap-year pattern, and a century year without February 29th) or to 2199, with its index since that date.
 */
function walkCalendar(fromYear: number, years: ReadonlySet<number>, months: ReadonlySet<number>, visit: (day: Day, d: number) => void): void {
  let d = 0;
  let weekday = new Date(Date.UTC(fromYear, 0, 1)).getUTCDay();
  const day = { date: 0, weekday: 0, monthLength: 0 };
  for (let y = fromYear; y <= Math.min(2199, fromYear + 104); y++) {
    for (let m = 1; m <= 12; m++) {
      const monthLength = m === 2 && isLeap(y) ? 29 : MONTH_LENGTHS[m - 1];
      if (!years.has(y) || !months.has(m)) {
        d += monthLength;
        weekday = (weekday + monthLength) % 7;
        continue;
      }
      day.monthLength = monthLength;
      for (let date = 1; date <= monthLength; date++, d++, weekday = (weekday + 1) % 7) {
        day.date = date;
        day.weekday = weekday;
        visit(day, d);
      }
    }
  }
}

const isWeekday = (weekday: number) => weekday >= 1 && weekday <= 5;

/** The weekday of the month nearest to day `n` (never leaving the month), as AWS's `nW`; -1 when the month has no day `n`. */
function nearestWeekday(day: Day, n: number): number {
  if (n > day.monthLength) return -1;
  const weekday = (((day.weekday + n - day.date) % 7) + 7) % 7;
  if (isWeekday(weekday)) return n;
  if (weekday === 6) return n === 1 ? 3 : n - 1;
  return n === day.monthLength ? n - 2 : n + 1;
}

/** Day-of-month: values, ranges and steps of 1-31, `L` (last day), `LW` (last weekday), `nW` (weekday nearest to n). */
function dayOfMonthMatcher(field: string): DayMatcher | string {
  const upper = field.toUpperCase();
  if (upper === 'L') return (d) => d.date === d.monthLength;
  if (upper === 'LW') return (d) => d.date === nearestWeekday(d, d.monthLength);
  const w = /^(\d{1,2})W$/.exec(upper);
  if (w) {
    const n = Number(w[1]);
    if (n < 1 || n > 31) return `the day-of-month field '${field}' must name a day 1-31 before W`;
    return (d) => d.date === nearestWeekday(d, n);
  }
  const values = numericField(field, 'day-of-month', 1, 31);
  if (typeof values === 'string') return `${values} (or L, LW, nW)`;
  return (d) => values.has(d.date);
}

/** Day-of-week (1 = SUN ... 7 = SAT): values, ranges and steps, `L` (Saturday), `dL` (last d of the month), `d#n` (n-th d of the month). */
function dayOfWeekMatcher(field: string): DayMatcher | string {
  const upper = field.toUpperCase();
  const day = (s: string) => (DAYS.indexOf(s) >= 0 ? DAYS.indexOf(s) + 1 : /^[1-7]$/.test(s) ? Number(s) : undefined);
  if (upper === 'L') return (d) => d.weekday === 6;
  const last = /^([A-Z]{3}|\d)L$/.exec(upper);
  if (last) {
    const dow = day(last[1]);
    if (dow === undefined) return `the day-of-week field '${field}' must name a day 1-7 or SUN-SAT before L`;
    return (d) => d.weekday + 1 === dow && d.date + 7 > d.monthLength;
  }
  const nth = /^([A-Z]{3}|\d)#(\d)$/.exec(upper);
  if (nth) {
    const dow = day(nth[1]);
    const n = Number(nth[2]);
    if (dow === undefined || n < 1 || n > 5) return `the day-of-week field '${field}' must be d#n with a day 1-7 or SUN-SAT and n 1-5`;
    return (d) => d.weekday + 1 === dow && Math.ceil(d.date / 7) === n;
  }
  if (upper.includes('#')) return `the day-of-week field '${field}' may hold one d#n expression only`;
  const values = numericField(field, 'day-of-week', 1, 7, DAYS);
  if (typeof values === 'string') return `${values} (or L, dL, d#n)`;
  return (d) => values.has(d.weekday + 1);
}
