/**
 * Reads AWS cron expressions (`cron(minutes hours day-of-month month day-of-week year)`, as AWS Backup uses them)
 * far enough to know the longest gap between two runs, which bounds the recovery point objective.
 */

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Expands one cron field into the set of values it matches; undefined for syntax we do not read (L, W, #). */
function expand(field: string, min: number, max: number, names: string[] = [], nameBase = 1): Set<number> | undefined {
  const out = new Set<number>();
  const value = (s: string): number | undefined => {
    const i = names.indexOf(s.toUpperCase());
    if (i >= 0) return i + nameBase;
    return /^\d+$/.test(s) ? Number(s) : undefined;
  };
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let lo: number | undefined;
    let hi: number | undefined;
    if (range === '*' || range === '?') {
      lo = min;
      hi = max;
    } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = value(a);
      hi = value(b);
    } else {
      lo = value(range);
      hi = stepText === undefined ? lo : max;
    }
    if (lo === undefined || hi === undefined || lo < min || hi > max || lo > hi) return undefined;
    for (let x = lo; x <= hi; x += step) out.add(x);
  }
  return out;
}

/** The six fields of an AWS cron expression, or undefined when it is not one. */
export function parseCron(expression: string): string[] | undefined {
  const m = /^cron\((.+)\)$/.exec(expression.trim());
  if (!m) return undefined;
  const fields = m[1].trim().split(/\s+/);
  return fields.length === 6 ? fields : undefined;
}

/**
 * Longest interval, in minutes, between two consecutive runs of a cron schedule, found by walking a whole year
 * (so months of 28-31 days and weekdays are all seen). Undefined if the expression cannot be read.
 */
export function longestCronIntervalMinutes(expression: string): number | undefined {
  const fields = parseCron(expression);
  if (!fields) return undefined;
  const [minF, hourF, domF, monF, dowF] = fields;
  const minutes = expand(minF, 0, 59);
  const hours = expand(hourF, 0, 23);
  const doms = expand(domF, 1, 31);
  const months = expand(monF, 1, 12, MONTHS);
  const dows = expand(dowF, 1, 7, DAYS);
  if (!minutes || !hours || !doms || !months || !dows) return undefined;
  const domAny = domF === '*' || domF === '?';
  const dowAny = dowF === '*' || dowF === '?';
  const runs: number[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let day = 0; day < 2 * 366; day++) {
    const d = new Date(start + day * 86_400_000);
    if (!months.has(d.getUTCMonth() + 1)) continue;
    const domOk = doms.has(d.getUTCDate());
    const dowOk = dows.has(d.getUTCDay() + 1);
    const dayOk = domAny && dowAny ? true : domAny ? dowOk : dowAny ? domOk : domOk || dowOk;
    if (!dayOk) continue;
    for (const h of [...hours].sort((a, b) => a - b)) {
      for (const mi of [...minutes].sort((a, b) => a - b)) runs.push(day * 1440 + h * 60 + mi);
    }
  }
  if (runs.length < 2) return undefined;
  let longest = 0;
  for (let i = 1; i < runs.length; i++) longest = Math.max(longest, runs[i] - runs[i - 1]);
  return longest;
}
