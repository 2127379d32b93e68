// Apex Date: a calendar date without time or time zone, stored as days since 1970-01-01 (proleptic Gregorian).
//
// Apex Developer Guide, "Primitive Data Types": "Date: A value that indicates a particular day. Unlike Datetime values,
// Date values contain no information about time." Methods: Apex Reference, "Date Class".

import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import {
  addMonthsClamped,
  civilFromDays,
  dayOfYear,
  daysFromCivil,
  daysInMonth,
  floorDiv,
  isLeapYear,
  lenientDays,
  MS_PER_DAY,
  pad,
  wallFields,
} from './Calendar';
import { firstDayOfWeekCalendar, formatJavaPattern, parseJavaPattern } from './JavaDateFormat';
import { localeDateFormats, type UserContext } from './Locale';
import { toLocalMs } from './TimeZones';

/** An Apex Date value. Immutable. */
export class ApexDate {
  /** days since 1970-01-01 */
  readonly days: number;

  constructor(days: number) {
    this.days = days;
  }

  /**
   * Date.newInstance(year, month, day): "Constructs a Date from Integer representations of the year, month (1=Jan), and
   * day." Out-of-range months and days roll over (undocumented, observed in an org: newInstance(2016, 27, 7) is
   * 2018-03-07, and newInstance(year, month, 0) is the last day of the previous month; salesforce.stackexchange.com
   * "Date.newInstance bug"), as Java's lenient GregorianCalendar does; see Calendar.lenientDays.
   */
  static newInstance(year: number, month: number, day: number): ApexDate {
    return new ApexDate(lenientDays(year, month, day));
  }

  /** Date.today(): "Returns the current date in the current user's time zone." `nowMs` is the injected clock. */
  static today(nowMs: number, ctx: UserContext): ApexDate {
    return new ApexDate(floorDiv(toLocalMs(ctx.timeZone, nowMs), MS_PER_DAY));
  }

  /**
   * Date.valueOf(stringDate): "Returns a Date that contains the value of the specified String. The specified string
   * should use the standard date format “yyyy-MM-dd HH:mm:ss” in the local time zone." A date alone ('2026-12-01') is
   * accepted (the doc's example builds 'yyyy-MM-dd' + optional time); the time part is ignored. Anything else throws
   * `System.TypeException: Invalid date: <s>`. Out-of-range months/days (2026-02-30) are not documented: loud.
   */
  static valueOf(s: string): ApexDate {
    const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}))?$/.exec(s);
    if (m === null) {
      if (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[T ]/.test(s)) {
        throw new EmulatorUnsupportedError(`Date.valueOf of '${s}' (not the documented yyyy-MM-dd HH:mm:ss)`);
      }
      throw new ApexPlatformError('System.TypeException', `Invalid date: ${s}`);
    }
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
      throw new EmulatorUnsupportedError(`Date.valueOf of an out-of-range date ('${s}')`);
    }
    return new ApexDate(daysFromCivil(y, mo, d));
  }

  /**
   * Date.parse(stringDate): "Constructs a Date from a String. The format of the String depends on the local date
   * format." (en_US: M/d/yyyy, e.g. '12/27/2009'). A string that does not match throws
   * `System.TypeException: Invalid date: <s>`.
   */
  static parse(s: string, ctx: UserContext): ApexDate {
    const f = parseJavaPattern(s, localeDateFormats(ctx.locale).date, ctx.locale);
    if (f === null || f.year === undefined || f.month === undefined || f.day === undefined) {
      throw new ApexPlatformError('System.TypeException', `Invalid date: ${s}`);
    }
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month)) {
      throw new EmulatorUnsupportedError(`Date.parse of an out-of-range date ('${s}')`);
    }
    return new ApexDate(daysFromCivil(f.year, f.month, f.day));
  }

  /** Date.isLeapYear(year) */
  static isLeapYear(year: number): boolean {
    return isLeapYear(year);
  }

  /** Date.daysInMonth(year, month) */
  static daysInMonth(year: number, month: number): number {
    return daysInMonth(year, month);
  }

  /** addDays(additionalDays): "Adds the specified number of additional days to a Date." */
  addDays(n: number): ApexDate {
    return new ApexDate(this.days + n);
  }

  /**
   * addMonths(additionalMonths): "Adds the specified number of additional months to a Date". The day is clamped to
   * the end of a shorter month (Jan 31 + 1 month = Feb 28, or 29 in a leap year), as java.util.Calendar.add(MONTH).
   */
  addMonths(n: number): ApexDate {
    return new ApexDate(addMonthsClamped(this.days, n));
  }

  /** addYears(additionalYears): Feb 29 + 1 year = Feb 28 (Calendar.add(YEAR) clamps). */
  addYears(n: number): ApexDate {
    return new ApexDate(addMonthsClamped(this.days, n * 12));
  }

  /** day(): "Returns the day-of-month component of a Date." */
  day(): number {
    return civilFromDays(this.days).day;
  }

  /** month(): "Returns the month component of a Date (1=Jan)." */
  month(): number {
    return civilFromDays(this.days).month;
  }

  /** year(): "Returns the year component of a Date" */
  year(): number {
    return civilFromDays(this.days).year;
  }

  /** dayOfYear(): "Returns the day-of-year component of a Date." (Feb 5 → 36) */
  dayOfYear(): number {
    return dayOfYear(this.days);
  }

  /**
   * daysBetween(secondDate): "Returns the number of days between the Date that called the method and the specified
   * date. If the Date that calls the method occurs after the secondDate, the return value is negative."
   */
  daysBetween(other: ApexDate): number {
    return other.days - this.days;
  }

  /**
   * monthsBetween(secondDate): "Returns the number of months between the Date that called the method and the
   * specified date, ignoring the difference in days." Example: 2006-12-02 → 2012-12-08 is 72.
   */
  monthsBetween(other: ApexDate): number {
    const a = civilFromDays(this.days);
    const b = civilFromDays(other.days);
    return (b.year - a.year) * 12 + (b.month - a.month);
  }

  /** isSameDay(dateToCompare) */
  isSameDay(other: ApexDate): boolean {
    return this.days === other.days;
  }

  /** toStartOfMonth(): "Returns the first of the month for the Date that called the method." */
  toStartOfMonth(): ApexDate {
    const { year, month } = civilFromDays(this.days);
    return new ApexDate(daysFromCivil(year, month, 1));
  }

  /**
   * toStartOfWeek(): "Returns the start of the week for the Date that called the method, depending on the context
   * user's locale. For example, the start of a week is Sunday in the United States locale, and Monday in European
   * locales." (CLDR first day of week for the user's locale)
   */
  toStartOfWeek(ctx: UserContext): ApexDate {
    const first = firstDayOfWeekCalendar(ctx.locale);
    const dow = ((((this.days + 4) % 7) + 7) % 7) + 1;
    return new ApexDate(this.days - ((dow - first + 7) % 7));
  }

  /** format(): "Returns the Date as a string using the locale of the context user" (en_US: 12/1/2026). */
  format(ctx: UserContext): string {
    return formatJavaPattern(localeDateFormats(ctx.locale).date, {
      wall: wallFields(this.days * MS_PER_DAY),
      utcMs: this.days * MS_PER_DAY,
      zone: 'GMT',
      offsetMs: 0,
      locale: ctx.locale,
    });
  }

  /** String.valueOf(Date): 'yyyy-MM-dd'. */
  toString(): string {
    const { year, month, day } = civilFromDays(this.days);
    return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  }

  /**
   * The string a Date becomes in concatenation (`'' + d`) and System.debug: 'yyyy-MM-dd 00:00:00' (a Date prints as
   * the midnight Datetime it widens to; e.g. a record's Date field debugs as invoiceDate__c=2015-02-13 00:00:00).
   */
  toConcatString(): string {
    return `${this.toString()} 00:00:00`;
  }

  /** JSON.serialize(Date): "2026-12-01". */
  toJson(): string {
    return this.toString();
  }

  equals(o: ApexDate): boolean {
    return this.days === o.days;
  }

  compareTo(o: ApexDate): number {
    return this.days < o.days ? -1 : this.days > o.days ? 1 : 0;
  }
}
