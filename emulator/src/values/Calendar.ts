// Proleptic Gregorian calendar arithmetic shared by Date, Datetime and Time (integer-only, no Date objects).
// Apex Dates and Datetimes use the Gregorian calendar for all years (the docs do not mention the Julian cutover that
// java.util.GregorianCalendar applies before 1582; Salesforce dates start at 1700 in practice).

export const MS_PER_SECOND = 1000;
export const MS_PER_MINUTE = 60000;
export const MS_PER_HOUR = 3600000;
export const MS_PER_DAY = 86400000;

/** Days since 1970-01-01 of the civil date y-m-d (m 1..12, d 1..31). Howard Hinnant's days_from_civil. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** The civil date of a day count since 1970-01-01 (civil_from_days). */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** Date.isLeapYear(year): "Returns true if the specified year is a leap year." (Gregorian rule) */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Date.daysInMonth(year, month): "Returns the number of days in the month for the specified year and month." */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 0;
}

/** Day of week of a day count: 1 = Sunday … 7 = Saturday (java.util.Calendar numbering). 1970-01-01 was a Thursday. */
export function dayOfWeek(days: number): number {
  return ((((days + 4) % 7) + 7) % 7) + 1;
}

/** Day of the year, 1-based. */
export function dayOfYear(days: number): number {
  const { year } = civilFromDays(days);
  return days - daysFromCivil(year, 1, 1) + 1;
}

/**
 * Days of a possibly out-of-range y/m/d, normalised the lenient way java.util.GregorianCalendar does: months beyond
 * 1..12 roll the year, days beyond the month's length roll the month (2020-02-30 → 2020-03-01, month 13 → January of
 * the next year, day 0 → last day of the previous month).
 */
export function lenientDays(y: number, m: number, d: number): number {
  const m0 = m - 1;
  const yy = y + Math.floor(m0 / 12);
  const mm = (((m0 % 12) + 12) % 12) + 1;
  return daysFromCivil(yy, mm, 1) + (d - 1);
}

/** Floor division. */
export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** Floor modulo (result has the sign of b). */
export function floorMod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** Broken-down wall-clock fields of a "local ms" value (ms since the epoch of a clock that reads local time). */
export interface WallFields extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** days since 1970-01-01 of the local date */
  days: number;
}

export function wallFields(localMs: number): WallFields {
  const days = floorDiv(localMs, MS_PER_DAY);
  const msOfDay = localMs - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    days,
    hour: Math.floor(msOfDay / MS_PER_HOUR),
    minute: Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE),
    second: Math.floor((msOfDay % MS_PER_MINUTE) / MS_PER_SECOND),
    millisecond: msOfDay % MS_PER_SECOND,
  };
}

/** Adds months to a civil date, clamping the day to the target month's length (Jan 31 + 1 month → Feb 28/29). */
export function addMonthsClamped(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const total = year * 12 + (month - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(day, daysInMonth(ny, nm)));
}

/** Two-digit zero padding (and wider): pad(5, 2) = "05". Negative numbers keep their sign first. */
export function pad(n: number, width: number): string {
  if (n < 0) return '-' + pad(-n, width);
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}
