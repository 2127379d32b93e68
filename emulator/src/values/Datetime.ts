// Apex Datetime: an instant, stored as milliseconds since the epoch (UTC). Local-time methods read it in the context
// user's time zone; *Gmt methods in GMT.
//
// Apex Developer Guide, "Primitive Data Types": "Datetime: A value that indicates a particular day and time, such as
// a timestamp." Methods: Apex Reference, "Datetime Class". The local time zone is User.TimeZoneSidKey (UserContext).

import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import {
  addMonthsClamped,
  daysInMonth,
  floorDiv,
  lenientDays,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  pad,
  wallFields,
  type WallFields,
} from './Calendar';
import { ApexDate } from './Date';
import { formatJavaPattern, parseJavaPattern } from './JavaDateFormat';
import { localeDateFormats, type UserContext } from './Locale';
import { ApexTime } from './Time';
import { fromLocalMs, resolveJavaTimeZoneId, toLocalMs, zoneOffsetMs } from './TimeZones';

function wallMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return lenientDays(year, month, day) * MS_PER_DAY + hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000;
}

const VALUE_OF_FORMAT = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2}) ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})$/;

function parseValueOf(s: string): number {
  const m = VALUE_OF_FORMAT.exec(s);
  if (m === null) {
    // Near misses whose handling the docs do not give (date only, no seconds, fractional seconds) fail loudly; the
    // ISO 8601 'T' form and anything else is the org's TypeException.
    if (/^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?: [0-9]{1,2}(?::[0-9]{1,2}(?::[0-9]{1,2}[.,][0-9]+)?)?)?$/.test(s)) {
      throw new EmulatorUnsupportedError(`Datetime.valueOf of '${s}' (not the documented yyyy-MM-dd HH:mm:ss)`);
    }
    throw new ApexPlatformError('System.TypeException', `Invalid date/time: ${s}`);
  }
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) {
    throw new EmulatorUnsupportedError(`Datetime.valueOf of an out-of-range date/time ('${s}')`);
  }
  return wallMs(y, mo, d, h, mi, se);
}

/** An Apex Datetime value. Immutable. */
export class ApexDatetime {
  /** milliseconds since 1970-01-01T00:00:00Z */
  readonly ms: number;

  constructor(ms: number) {
    this.ms = ms;
  }

  /** Datetime.newInstance(milliseconds): "Constructs a Datetime and initializes it to represent the specified number
   * of milliseconds since January 1, 1970, 00:00:00 GMT." */
  static fromEpochMs(ms: number | bigint): ApexDatetime {
    return new ApexDatetime(typeof ms === 'bigint' ? Number(ms) : ms);
  }

  /**
   * Datetime.newInstance(year, month, day[, hour, minute, second]): "Constructs a Datetime from Integer
   * representations of the specified year, month (1=Jan), day[, hour, minute, and second] in the local time zone."
   * (the three-argument form is midnight). Out-of-range fields roll over (lenient Calendar); DST gaps move later.
   */
  static newInstance(
    ctx: UserContext,
    year: number,
    month: number,
    day: number,
    hour = 0,
    minute = 0,
    second = 0,
  ): ApexDatetime {
    return new ApexDatetime(fromLocalMs(ctx.timeZone, wallMs(year, month, day, hour, minute, second)));
  }

  /** Datetime.newInstanceGmt(year, month, day[, hour, minute, second]): the same fields read in GMT. */
  static newInstanceGmt(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): ApexDatetime {
    return new ApexDatetime(wallMs(year, month, day, hour, minute, second));
  }

  /** Datetime.newInstance(date, time): "Constructs a DateTime from the specified date and time in the local time zone." */
  static fromDateTime(ctx: UserContext, date: ApexDate, time: ApexTime): ApexDatetime {
    return new ApexDatetime(fromLocalMs(ctx.timeZone, date.days * MS_PER_DAY + time.ms));
  }

  /** Datetime.newInstanceGmt(date, time): the date and time read in GMT. */
  static fromDateTimeGmt(date: ApexDate, time: ApexTime): ApexDatetime {
    return new ApexDatetime(date.days * MS_PER_DAY + time.ms);
  }

  /** Datetime.now(): "Returns the current Datetime based on a GMT calendar." `nowMs` is the injected clock. */
  static now(nowMs: number): ApexDatetime {
    return new ApexDatetime(nowMs);
  }

  /**
   * Datetime.valueOf(dateTimeString): "Returns a Datetime that contains the value of the specified string. The
   * specified string should use the standard date format “yyyy-MM-dd HH:mm:ss” in the local time zone." Other
   * strings (including ISO 8601 'T' forms) throw `System.TypeException: Invalid date/time: <s>`.
   */
  static valueOf(s: string, ctx: UserContext): ApexDatetime {
    return new ApexDatetime(fromLocalMs(ctx.timeZone, parseValueOf(s)));
  }

  /** Datetime.valueOfGmt(dateTimeString): the same format read in GMT. */
  static valueOfGmt(s: string): ApexDatetime {
    return new ApexDatetime(parseValueOf(s));
  }

  /**
   * Datetime.parse(datetimeString): "Constructs a Datetime from the String datetime in the local time zone and in the
   * format of the user locale." (en_US ICU format 'M/d/yyyy, h:mm a', e.g. '10/14/2011, 11:46 AM'.) A string that does
   * not match throws `System.TypeException: Invalid date/time: <s>`.
   */
  static parse(s: string, ctx: UserContext): ApexDatetime {
    const f = parseJavaPattern(s, localeDateFormats(ctx.locale).dateTime, ctx.locale);
    if (f === null || f.year === undefined || f.month === undefined || f.day === undefined) {
      throw new ApexPlatformError('System.TypeException', `Invalid date/time: ${s}`);
    }
    let hour = f.hour ?? 0;
    if (f.hour12 !== undefined) {
      if (f.hour12 < 1 || f.hour12 > 12) throw new EmulatorUnsupportedError(`Datetime.parse of hour ${f.hour12}`);
      hour = (f.hour12 % 12) + (f.ampm === 1 ? 12 : 0);
    }
    const minute = f.minute ?? 0;
    if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > daysInMonth(f.year, f.month) || minute > 59) {
      throw new EmulatorUnsupportedError(`Datetime.parse of an out-of-range date/time ('${s}')`);
    }
    return new ApexDatetime(fromLocalMs(ctx.timeZone, wallMs(f.year, f.month, f.day, hour, minute, f.second ?? 0)));
  }

  private local(ctx: UserContext): WallFields {
    return wallFields(toLocalMs(ctx.timeZone, this.ms));
  }

  private gmt(): WallFields {
    return wallFields(this.ms);
  }

  /**
   * addDays(additionalDays): "Adds the specified number of days to a Datetime." — n × 24 hours, whatever the user's
   * time zone: in an org, a Chicago user's Datetime.newInstance(2018, 11, 4) (00:00 CDT) .addDays(1) is
   * 2018-11-04 23:00 local, 2018-11-05 05:00 GMT, across the fall-back change (salesforce.stackexchange.com
   * "Datetime addDays method works unexpected with daylight saving time offset day"). Calendar arithmetic on a GMT
   * calendar, as addMonths/addYears below.
   */
  addDays(n: number): ApexDatetime {
    return new ApexDatetime(this.ms + n * MS_PER_DAY);
  }

  /**
   * addMonths(additionalMonths) / addYears(additionalYears): on the GMT calendar (like addDays), the day clamped to
   * the end of a shorter month (java.util.Calendar.add). Undocumented; modelled on the observed addDays.
   */
  addMonths(n: number): ApexDatetime {
    const days = floorDiv(this.ms, MS_PER_DAY);
    const msOfDay = this.ms - days * MS_PER_DAY;
    return new ApexDatetime(addMonthsClamped(days, n) * MS_PER_DAY + msOfDay);
  }

  addYears(n: number): ApexDatetime {
    return this.addMonths(n * 12);
  }

  /** addHours / addMinutes / addSeconds: elapsed time (independent of the zone). */
  addHours(n: number): ApexDatetime {
    return new ApexDatetime(this.ms + n * MS_PER_HOUR);
  }

  addMinutes(n: number): ApexDatetime {
    return new ApexDatetime(this.ms + n * MS_PER_MINUTE);
  }

  addSeconds(n: number): ApexDatetime {
    return new ApexDatetime(this.ms + n * MS_PER_SECOND);
  }

  /** date(): "Returns the Date component of a Datetime in the local time zone of the context user." */
  date(ctx: UserContext): ApexDate {
    return new ApexDate(this.local(ctx).days);
  }

  /** dateGmt(): "Return the Date component of a Datetime in the GMT time zone." */
  dateGmt(): ApexDate {
    return new ApexDate(floorDiv(this.ms, MS_PER_DAY));
  }

  /** time(): the Time component in the local time zone. */
  time(ctx: UserContext): ApexTime {
    const local = toLocalMs(ctx.timeZone, this.ms);
    return new ApexTime(local - floorDiv(local, MS_PER_DAY) * MS_PER_DAY);
  }

  /** timeGmt(): the Time component in GMT. */
  timeGmt(): ApexTime {
    return new ApexTime(this.ms - floorDiv(this.ms, MS_PER_DAY) * MS_PER_DAY);
  }

  day(ctx: UserContext): number {
    return this.local(ctx).day;
  }
  dayGmt(): number {
    return this.gmt().day;
  }
  dayOfYear(ctx: UserContext): number {
    return this.date(ctx).dayOfYear();
  }
  dayOfYearGmt(): number {
    return this.dateGmt().dayOfYear();
  }
  hour(ctx: UserContext): number {
    return this.local(ctx).hour;
  }
  hourGmt(): number {
    return this.gmt().hour;
  }
  minute(ctx: UserContext): number {
    return this.local(ctx).minute;
  }
  minuteGmt(): number {
    return this.gmt().minute;
  }
  second(ctx: UserContext): number {
    return this.local(ctx).second;
  }
  secondGmt(): number {
    return this.gmt().second;
  }
  millisecond(ctx: UserContext): number {
    return this.local(ctx).millisecond;
  }
  millisecondGmt(): number {
    return this.gmt().millisecond;
  }
  month(ctx: UserContext): number {
    return this.local(ctx).month;
  }
  monthGmt(): number {
    return this.gmt().month;
  }
  year(ctx: UserContext): number {
    return this.local(ctx).year;
  }
  yearGmt(): number {
    return this.gmt().year;
  }

  /** getTime(): "Returns the number of milliseconds since January 1, 1970, 00:00:00 GMT represented by this
   * DateTime object." (a Long) */
  getTime(): bigint {
    return BigInt(this.ms);
  }

  /** isSameDay(dateToCompare): both read in the context user's time zone. */
  isSameDay(other: ApexDatetime, ctx: UserContext): boolean {
    return this.local(ctx).days === other.local(ctx).days;
  }

  private formatIn(pattern: string, zone: string, locale: string): string {
    const offsetMs = zoneOffsetMs(zone, this.ms);
    return formatJavaPattern(pattern, { wall: wallFields(this.ms + offsetMs), utcMs: this.ms, zone, offsetMs, locale });
  }

  /**
   * format(): "Converts the date to the local time zone and returns the converted date as a formatted string using
   * the locale of the context user." (en_US: '12/1/2026, 8:00 AM')
   */
  format(ctx: UserContext): string {
    return this.formatIn(localeDateFormats(ctx.locale).dateTime, ctx.timeZone, ctx.locale);
  }

  /** format(dateFormatString): the Java SimpleDateFormat pattern, in the local time zone. */
  formatPattern(pattern: string, ctx: UserContext): string {
    return this.formatIn(pattern, ctx.timeZone, ctx.locale);
  }

  /**
   * format(dateFormatString, timezone): "Converts the date to the specified time zone and returns the converted date as
   * a string using the supplied Java simple date format." An id java.util.TimeZone cannot understand formats in GMT
   * (TimeZone.getTimeZone's documented fallback; see resolveJavaTimeZoneId).
   */
  formatPatternInZone(pattern: string, timeZoneId: string, ctx: UserContext): string {
    return this.formatIn(pattern, resolveJavaTimeZoneId(timeZoneId), ctx.locale);
  }

  /** formatGmt(dateFormatString): "Returns a Datetime as a string using the supplied Java simple date format and the
   * GMT time zone." */
  formatGmt(pattern: string, ctx: UserContext): string {
    return this.formatIn(pattern, 'GMT', ctx.locale);
  }

  /**
   * formatLong(): "Converts the date to the local time zone and returns the converted date in long date format."
   * The doc's example (JDK formats): `12/28/2012 10:00:00 AM PST`; with the ICU formats orgs now use, en_US reads
   * '12/28/2012, 10:00:00 AM PST'.
   */
  formatLong(ctx: UserContext): string {
    return this.formatIn(localeDateFormats(ctx.locale).dateTimeLong, ctx.timeZone, ctx.locale);
  }

  /**
   * String.valueOf(Datetime): "yyyy-MM-dd HH:mm:ss" in the context user's time zone (albasfdc.com "Working with
   * Datetimes": String.valueOf prints the user's time zone, concatenation prints GMT; String.valueOfGmt prints GMT).
   */
  toStringLocal(ctx: UserContext): string {
    return ymdhms(this.local(ctx));
  }

  /** Concatenation (`'' + dt`) and System.debug print GMT: the same as toStringGmt(). */
  toString(): string {
    return this.toStringGmt();
  }

  /** String.valueOfGmt(Datetime), concatenation (`'' + dt`) and System.debug: "yyyy-MM-dd HH:mm:ss" in GMT. */
  toStringGmt(): string {
    return ymdhms(this.gmt());
  }

  /** JSON.serialize(Datetime): ISO 8601 in GMT with milliseconds, "2026-12-01T08:00:00.000Z". */
  toJson(): string {
    const w = this.gmt();
    return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)}T${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(
      w.second,
      2,
    )}.${pad(w.millisecond, 3)}Z`;
  }

  equals(o: ApexDatetime): boolean {
    return this.ms === o.ms;
  }

  compareTo(o: ApexDatetime): number {
    return this.ms < o.ms ? -1 : this.ms > o.ms ? 1 : 0;
  }
}

function ymdhms(w: WallFields): string {
  return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)} ${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
}
