// Cron expressions of System.schedule (Apex Developer Guide, "Apex Scheduler", "Using the System.schedule Method"):
// `Seconds Minutes Hours Day_of_month Month Day_of_week [Year]`, with `,` `-` `*` `/` and `?` (day of month or
// day of week left open), month names JAN–DEC and day names SUN–SAT (1 = Sunday). Times are the scheduling user's
// local time. `L`, `W` and `#` are not implemented and fail loudly.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { daysInMonth, dayOfWeek, daysFromCivil } from '../../values/Calendar';
import { fromLocalMs, toLocalMs } from '../../values/TimeZones';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function invalid(expr: string, why: string): never {
  throw new ApexPlatformError('System.StringException', `${why} (cron expression: ${expr})`);
}

/** The values a field allows, or undefined for `?`. */
function field(expr: string, text: string, min: number, max: number, names?: string[]): number[] | undefined {
  if (text === '?') return undefined;
  if (/[LW#]/i.test(text)) throw new EmulatorUnsupportedError(`cron '${text}' (L, W and # are not implemented)`);
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const [rangeText = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) invalid(expr, `Invalid increment '${part}'`);
    let lo: number;
    let hi: number;
    if (rangeText === '*') {
      lo = min;
      hi = max;
    } else {
      const [a = '', b] = rangeText.split('-');
      lo = value(expr, a, names);
      hi = b === undefined ? (stepText === undefined ? lo : max) : value(expr, b, names);
    }
    if (lo < min || hi > max || lo > hi) invalid(expr, `Value out of range in '${part}'`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return [...out].sort((x, y) => x - y);
}

function value(expr: string, text: string, names?: string[]): number {
  const upper = text.toUpperCase();
  const named = names?.indexOf(upper) ?? -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(text)) invalid(expr, `Invalid value '${text}'`);
  return Number(text);
}

/** The next time (epoch ms, after `afterMs`) the expression fires in `timeZone`, or null when it never does. */
export function nextFireTime(expr: string, afterMs: number, timeZone: string): number | null {
  const parts = expr.trim().split(/\s+/);
  if (parts.length < 6 || parts.length > 7) invalid(expr, 'A cron expression has 6 or 7 fields');
  const [sec, min, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string, string?];
  const seconds = field(expr, sec, 0, 59) ?? invalid(expr, "'?' is only for day of month or day of week");
  const minutes = field(expr, min, 0, 59) ?? invalid(expr, "'?' is only for day of month or day of week");
  const hours = field(expr, hour, 0, 23) ?? invalid(expr, "'?' is only for day of month or day of week");
  const daysOfMonth = field(expr, dom, 1, 31);
  const months = field(expr, month, 1, 12, MONTHS) ?? invalid(expr, "'?' is only for day of month or day of week");
  const daysOfWeek = field(expr, dow, 1, 7, DAYS);
  if ((daysOfMonth === undefined) === (daysOfWeek === undefined)) {
    invalid(expr, "Specify '?' for exactly one of day of month and day of week");
  }
  const localNow = toLocalMs(timeZone, afterMs);
  const startYear = new Date(localNow).getUTCFullYear();
  const years = year ? (field(expr, year, 1970, 2099) ?? []) : Array.from({ length: 100 }, (_, i) => startYear + i);
  for (const y of years) {
    if (y < startYear) continue;
    for (const m of months) {
      for (let d = 1; d <= daysInMonth(y, m); d += 1) {
        const days = daysFromCivil(y, m, d);
        if (daysOfMonth && !daysOfMonth.includes(d)) continue;
        if (daysOfWeek && !daysOfWeek.includes(dayOfWeek(days))) continue;
        for (const h of hours) {
          for (const mi of minutes) {
            for (const s of seconds) {
              const local = days * 86400000 + h * 3600000 + mi * 60000 + s * 1000;
              if (local <= localNow) continue;
              return fromLocalMs(timeZone, local);
            }
          }
        }
      }
    }
  }
  return null;
}
