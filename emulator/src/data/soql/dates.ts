// SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_FISCAL_QUARTER …) and date functions (CALENDAR_YEAR(…) …).
//
// SOQL and SOSL Reference, "Date Formats and Date Literals in WHERE"
// (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm):
// "Each date literal represents a range of time relative to the current day. The exact start and end of the range
// depend on the date literal and the locale of the user submitting the query"; each range starts at 00:00:00 of a
// day and covers whole days, weeks (first day of the week from the user's locale), months, quarters or years.
// The current day is the running user's (Date.today(): "the current date in the current user's time zone"); for a
// dateTime field the range's bounds are local midnights in the user's time zone. Ranges are half-open [start, end).
//
// LAST_N_DAYS:n and LAST_90_DAYS include today: the current page of the table says "starts with the current day and
// continues for the past n days … This range includes the current day … LAST_N_DAYS:1 includes yesterday and today"
// (and LAST_90_DAYS "includes 91 days in total"); NEXT_N_DAYS:n and NEXT_90_DAYS start on the next day. The week,
// month, quarter and year forms LAST_N_x:n / NEXT_N_x:n cover the n whole periods before / after the current one.
// Fiscal literals use the org's standard fiscal year (start month from Company Information); custom fiscal years
// are not modelled.
//
// Date functions (SOQL and SOSL Reference, "Date Functions",
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_date_functions.htm)
// read a dateTime in UTC unless the argument is wrapped in convertTimezone(), which reads it in the user's time zone
// ("convertTimezone()": "SOQL queries in a client application return dateTime field values as UTC values. You can
// use convertTimezone() in a date function to convert dateTime fields to the user’s time zone").
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import {
  civilFromDays,
  dayOfWeek,
  dayOfYear,
  daysFromCivil,
  floorDiv,
  MS_PER_DAY,
  MS_PER_HOUR,
} from '../../values/Calendar';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { firstDayOfWeekCalendar } from '../../values/JavaDateFormat';
import { fromLocalMs, toLocalMs } from '../../values/TimeZones';
import type { Value } from '../../runtime/values';

export interface DateContext {
  nowMs: number;
  timeZone: string;
  locale: string;
  /** 1 = January. */
  fiscalYearStartMonth: number;
  /** Standard fiscal years are named by their starting or ending month (Setup, Fiscal Year); undefined = unknown. */
  fiscalYearNamedByEndingMonth?: boolean;
}

/** A range of days [startDay, endDay) in the user's calendar (days since 1970-01-01). */
export interface DayRange {
  startDay: number;
  endDay: number;
}

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year' | 'fiscalQuarter' | 'fiscalYear';

/** Period offsets [from, to) relative to the current period, by literal name (n substituted at run time). */
const FIXED: Record<string, [Unit, number, number]> = {
  YESTERDAY: ['day', -1, 0],
  TODAY: ['day', 0, 1],
  TOMORROW: ['day', 1, 2],
  LAST_WEEK: ['week', -1, 0],
  THIS_WEEK: ['week', 0, 1],
  NEXT_WEEK: ['week', 1, 2],
  LAST_MONTH: ['month', -1, 0],
  THIS_MONTH: ['month', 0, 1],
  NEXT_MONTH: ['month', 1, 2],
  LAST_90_DAYS: ['day', -90, 1],
  NEXT_90_DAYS: ['day', 1, 91],
  THIS_QUARTER: ['quarter', 0, 1],
  LAST_QUARTER: ['quarter', -1, 0],
  NEXT_QUARTER: ['quarter', 1, 2],
  THIS_YEAR: ['year', 0, 1],
  LAST_YEAR: ['year', -1, 0],
  NEXT_YEAR: ['year', 1, 2],
  THIS_FISCAL_QUARTER: ['fiscalQuarter', 0, 1],
  LAST_FISCAL_QUARTER: ['fiscalQuarter', -1, 0],
  NEXT_FISCAL_QUARTER: ['fiscalQuarter', 1, 2],
  THIS_FISCAL_YEAR: ['fiscalYear', 0, 1],
  LAST_FISCAL_YEAR: ['fiscalYear', -1, 0],
  NEXT_FISCAL_YEAR: ['fiscalYear', 1, 2],
};

/** The _N_ forms: unit and how n maps to offsets. */
const WITH_N: Record<string, [Unit, 'last' | 'next' | 'ago']> = {
  LAST_N_DAYS: ['day', 'last'],
  NEXT_N_DAYS: ['day', 'next'],
  N_DAYS_AGO: ['day', 'ago'],
  LAST_N_WEEKS: ['week', 'last'],
  NEXT_N_WEEKS: ['week', 'next'],
  N_WEEKS_AGO: ['week', 'ago'],
  LAST_N_MONTHS: ['month', 'last'],
  NEXT_N_MONTHS: ['month', 'next'],
  N_MONTHS_AGO: ['month', 'ago'],
  LAST_N_QUARTERS: ['quarter', 'last'],
  NEXT_N_QUARTERS: ['quarter', 'next'],
  N_QUARTERS_AGO: ['quarter', 'ago'],
  LAST_N_YEARS: ['year', 'last'],
  NEXT_N_YEARS: ['year', 'next'],
  N_YEARS_AGO: ['year', 'ago'],
  LAST_N_FISCAL_QUARTERS: ['fiscalQuarter', 'last'],
  NEXT_N_FISCAL_QUARTERS: ['fiscalQuarter', 'next'],
  N_FISCAL_QUARTERS_AGO: ['fiscalQuarter', 'ago'],
  LAST_N_FISCAL_YEARS: ['fiscalYear', 'last'],
  NEXT_N_FISCAL_YEARS: ['fiscalYear', 'next'],
  N_FISCAL_YEARS_AGO: ['fiscalYear', 'ago'],
};

/** Whether `name` is a date literal this module knows (checked when a query is compiled). */
export function checkDateLiteral(name: string, n: number | undefined): void {
  if (FIXED[name] !== undefined) {
    if (n !== undefined) throw invalidDateLiteral(`${name}:${n}`);
    return;
  }
  if (WITH_N[name] !== undefined) {
    if (n === undefined) throw invalidDateLiteral(name);
    return;
  }
  throw invalidDateLiteral(n === undefined ? name : `${name}:${n}`);
}

function invalidDateLiteral(text: string): ApexPlatformError {
  return new ApexPlatformError('System.QueryException', `unexpected token: '${text}'`);
}

/** Today in the running user's time zone. */
export function todayDays(ctx: DateContext): number {
  return floorDiv(toLocalMs(ctx.timeZone, ctx.nowMs), MS_PER_DAY);
}

/** The day range a date literal stands for. */
export function dateLiteralRange(name: string, n: number | undefined, ctx: DateContext): DayRange {
  let unit: Unit;
  let from: number;
  let to: number;
  const fixed = FIXED[name];
  if (fixed) [unit, from, to] = fixed;
  else {
    const withN = WITH_N[name];
    if (!withN || n === undefined) throw invalidDateLiteral(name);
    const [u, form] = withN;
    unit = u;
    if (form === 'ago') [from, to] = [-n, -n + 1];
    else if (form === 'next') [from, to] = [1, n + 1];
    // LAST_N_DAYS includes today (see the header); the other LAST_N_ forms end with the previous period.
    else [from, to] = u === 'day' ? [-n, 1] : [-n, 0];
  }
  const today = todayDays(ctx);
  return { startDay: periodStart(unit, today, from, ctx), endDay: periodStart(unit, today, to, ctx) };
}

/** The first day of the period `offset` periods away from the one containing `today`. */
function periodStart(unit: Unit, today: number, offset: number, ctx: DateContext): number {
  switch (unit) {
    case 'day':
      return today + offset;
    case 'week': {
      const first = firstDayOfWeekCalendar(ctx.locale);
      const weekStart = today - ((dayOfWeek(today) - first + 7) % 7);
      return weekStart + 7 * offset;
    }
    default: {
      const { year, month } = civilFromDays(today);
      const monthIndex = year * 12 + (month - 1);
      const fiscal0 = ctx.fiscalYearStartMonth - 1;
      let startMonth: number;
      if (unit === 'month') startMonth = monthIndex + offset;
      else if (unit === 'quarter') startMonth = (floorDiv(monthIndex, 3) + offset) * 3;
      else if (unit === 'year') startMonth = (floorDiv(monthIndex, 12) + offset) * 12;
      else if (unit === 'fiscalQuarter') startMonth = (floorDiv(monthIndex - fiscal0, 3) + offset) * 3 + fiscal0;
      else startMonth = (floorDiv(monthIndex - fiscal0, 12) + offset) * 12 + fiscal0;
      return daysFromCivil(floorDiv(startMonth, 12), (((startMonth % 12) + 12) % 12) + 1, 1);
    }
  }
}

/** A day range as instants: local midnights of the user's time zone. */
export function dayRangeToMs(range: DayRange, ctx: DateContext): { startMs: number; endMs: number } {
  return {
    startMs: fromLocalMs(ctx.timeZone, range.startDay * MS_PER_DAY),
    endMs: fromLocalMs(ctx.timeZone, range.endDay * MS_PER_DAY),
  };
}

export type DateFunctionName =
  | 'CALENDAR_MONTH'
  | 'CALENDAR_QUARTER'
  | 'CALENDAR_YEAR'
  | 'DAY_IN_MONTH'
  | 'DAY_IN_WEEK'
  | 'DAY_IN_YEAR'
  | 'DAY_ONLY'
  | 'FISCAL_MONTH'
  | 'FISCAL_QUARTER'
  | 'FISCAL_YEAR'
  | 'HOUR_IN_DAY'
  | 'WEEK_IN_MONTH'
  | 'WEEK_IN_YEAR';

export const DATE_FUNCTIONS: ReadonlySet<string> = new Set<DateFunctionName>([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
]);

/**
 * A date function of a Date or Datetime value (null stays null). Numbers per "Date Functions": CALENDAR_MONTH 1–12,
 * CALENDAR_QUARTER 1–4, DAY_IN_WEEK 1 = Sunday … 7 = Saturday, WEEK_IN_MONTH "the first week is from the first
 * through the seventh day of the month", WEEK_IN_YEAR "the first week is from January 1 through January 7",
 * FISCAL_MONTH 1 = the fiscal year's first month, HOUR_IN_DAY 0–23 (Datetime only), DAY_ONLY the Date of a Datetime.
 */
export function dateFunction(
  name: DateFunctionName,
  v: Value,
  convertTimezone: boolean,
  ctx: DateContext,
): number | ApexDate | null {
  if (v === null) return null;
  let days: number;
  let hour = 0;
  if (v instanceof ApexDate) days = v.days;
  else if (v instanceof ApexDatetime) {
    const local = convertTimezone ? toLocalMs(ctx.timeZone, v.ms) : v.ms;
    days = floorDiv(local, MS_PER_DAY);
    hour = Math.floor((local - days * MS_PER_DAY) / MS_PER_HOUR);
  } else throw new Error('emulator: date function of a value that is not a Date or Datetime');
  const { year, month, day } = civilFromDays(days);
  const fiscalMonth = ((month - ctx.fiscalYearStartMonth + 12) % 12) + 1;
  switch (name) {
    case 'CALENDAR_MONTH':
      return month;
    case 'CALENDAR_QUARTER':
      return Math.floor((month - 1) / 3) + 1;
    case 'CALENDAR_YEAR':
      return year;
    case 'DAY_IN_MONTH':
      return day;
    case 'DAY_IN_WEEK':
      return dayOfWeek(days);
    case 'DAY_IN_YEAR':
      return dayOfYear(days);
    case 'DAY_ONLY':
      return new ApexDate(days);
    case 'FISCAL_MONTH':
      return fiscalMonth;
    case 'FISCAL_QUARTER':
      return Math.floor((fiscalMonth - 1) / 3) + 1;
    case 'FISCAL_YEAR': {
      if (ctx.fiscalYearStartMonth === 1) return year;
      if (ctx.fiscalYearNamedByEndingMonth === undefined) {
        throw new EmulatorUnsupportedError(
          'FISCAL_YEAR() with a fiscal year not starting in January and no fiscal-year naming (starting or ending month) configured',
        );
      }
      const startYear = month >= ctx.fiscalYearStartMonth ? year : year - 1;
      return ctx.fiscalYearNamedByEndingMonth ? startYear + 1 : startYear;
    }
    case 'HOUR_IN_DAY':
      return hour;
    case 'WEEK_IN_MONTH':
      return Math.floor((day - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((dayOfYear(days) - 1) / 7) + 1;
  }
}
