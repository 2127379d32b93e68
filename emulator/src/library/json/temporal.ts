// Dates and times read from JSON strings (JSON.deserialize into Date / Datetime, JSONParser.getDateValue /
// getDatetimeValue).
//
// Datetime: the platform reads ISO 8601 leniently, the way Joda-Time's ISODateTimeFormat.dateOptionalTimeParser()
// does — what JSON.serialize writes ("2011-03-22T08:15:18.000Z", Apex Reference, "JSON Class", serialize example),
// offsets written +0000 (salesforce.stackexchange.com/questions/198260: '"CreatedDate":"2017-11-07T15:56:30.000+0000"'
// deserializes), a date alone ("2000-01-01", salesforce.stackexchange.com/questions/261970) and even a bare year
// ('96598' gives 96598-01-01 00:00:00, salesforce.stackexchange.com/questions/339236). A string without an offset is
// read in GMT — NOT DOCUMENTED (Joda parses without a zone in its default zone; the platform's is taken to be GMT,
// where it stores Datetimes). Ordinal and week dates fail loudly.
//
// Date: "yyyy-MM-dd", as JSON.serialize writes a Date ("2026-12-01"); other forms are not modelled.
import { EmulatorUnsupportedError } from '../../errors';
import {
  daysFromCivil,
  daysInMonth,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
} from '../../values/Calendar';

// yyyy[-MM[-dd]] ['T' HH[:mm[:ss[.fraction]]] [Z | ±HH[[:]mm]]]; Joda also allows a fraction after HH or mm.
const DATETIME =
  /^([+-]?\d{1,9})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?(?:[.,](\d+))?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Epoch milliseconds of an ISO 8601 string as the platform reads a JSON Datetime, or null when the string is not
 * one. Fractions finer than milliseconds are truncated (Joda keeps milliseconds).
 */
export function parseJsonDatetime(s: string): number | null {
  const m = DATETIME.exec(s);
  if (!m) {
    if (/^[+-]?\d{1,9}-(W\d|\d{3}(?:$|T))/.test(s))
      throw new EmulatorUnsupportedError(`JSON Datetime '${s}' (ordinal or week date)`);
    return null;
  }
  const [, y, mo, d, h, mi, sec, frac, offset] = m;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  if (hour > 23 || minute > 59 || second > 59) return null;
  if (frac !== undefined && (sec === undefined || mi === undefined)) {
    throw new EmulatorUnsupportedError(`JSON Datetime '${s}' with a fraction of an hour or minute`);
  }
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  let offsetMs = 0;
  if (offset !== undefined && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) return null;
    offsetMs = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * MS_PER_MINUTE +
    second * MS_PER_SECOND +
    ms -
    offsetMs
  );
}

/** Days since 1970-01-01 of a "yyyy-MM-dd" JSON Date, or null for an impossible date; other forms fail loudly. */
export function parseJsonDate(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) {
    if (parseJsonDatetime(s) !== null) throw new EmulatorUnsupportedError(`JSON Date '${s}' (not yyyy-MM-dd)`);
    return null;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}
