// java.text.SimpleDateFormat pattern formatting (and the narrow parsing Date.parse / Datetime.parse need).
//
// Apex Reference, Datetime Class, format(dateFormatString): "Converts the date to the local time zone and returns the
// converted date as a string using the supplied Java simple date format." — the pattern letters and their rules are
// those of java.text.SimpleDateFormat's javadoc: G y Y M L w W D d F E u a H k K h m s S z Z X, text in '…', ''
// for a quote; 1-3 letters of a text field give the short form, 4+ the full form; a number is zero-padded to the
// letter count; 'yy' is the two-digit year; 'S' is the millisecond number (not a fraction).

import { EmulatorUnsupportedError } from '../errors';
import { daysFromCivil, dayOfWeek, pad, type WallFields } from './Calendar';
import { toBcp47, weekInfo } from './Locale';
import { javaLongZoneName, javaShortZoneName } from './TimeZones';

/** What a pattern is formatted from: local wall fields plus the instant and zone they were computed for. */
export interface FormatInput {
  readonly wall: WallFields;
  readonly utcMs: number;
  /** the zone id (resolved), for z / Z / X */
  readonly zone: string;
  /** offset (local − UTC) in ms */
  readonly offsetMs: number;
  /** LocaleSidKey used for names and week rules */
  readonly locale: string;
}

type Token = { kind: 'literal'; text: string } | { kind: 'field'; letter: string; count: number };

const PATTERN_LETTERS = 'GyYMLwWDdFEuaHkKhmsSzZX';
const compiled = new Map<string, Token[]>();

/** Splits a SimpleDateFormat pattern into fields and literal text (SimpleDateFormat.compile). */
export function compilePattern(pattern: string): Token[] {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  const tokens: Token[] = [];
  let literal = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === "'") {
      if (pattern.charAt(i + 1) === "'") {
        literal += "'";
        i += 2;
        continue;
      }
      // quoted text up to the closing quote; '' inside is a quote
      i++;
      let closed = false;
      while (i < pattern.length) {
        const q = pattern.charAt(i);
        if (q === "'") {
          if (pattern.charAt(i + 1) === "'") {
            literal += "'";
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        literal += q;
        i++;
      }
      if (!closed) throw new EmulatorUnsupportedError(`date format pattern with an unterminated quote ('${pattern}')`);
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      if (!PATTERN_LETTERS.includes(c)) {
        // Java throws IllegalArgumentException("Illegal pattern character 'c'"); the Apex exception type is undocumented.
        throw new EmulatorUnsupportedError(`date format pattern character '${c}' (Java: illegal pattern character)`);
      }
      let count = 1;
      while (pattern.charAt(i + count) === c) count++;
      if (c === 'X' && count > 3) {
        throw new EmulatorUnsupportedError(`date format pattern 'X' × ${count} (Java: invalid ISO 8601 format length)`);
      }
      if (literal !== '') {
        tokens.push({ kind: 'literal', text: literal });
        literal = '';
      }
      tokens.push({ kind: 'field', letter: c, count });
      i += count;
      continue;
    }
    literal += c;
    i++;
  }
  if (literal !== '') tokens.push({ kind: 'literal', text: literal });
  compiled.set(pattern, tokens);
  return tokens;
}

interface DateSymbols {
  monthsLong: string[];
  monthsShort: string[];
  weekdaysLong: string[]; // index 1 = Sunday … 7 = Saturday
  weekdaysShort: string[];
  am: string;
  pm: string;
}

const symbolsCache = new Map<string, DateSymbols>();

/** Month, weekday and AM/PM names for a locale, from CLDR via Intl (what Java's CLDR-based DateFormatSymbols gives). */
export function dateSymbols(locale: string): DateSymbols {
  let s = symbolsCache.get(locale);
  if (s !== undefined) return s;
  const tag = toBcp47(locale);
  const part = (opts: Intl.DateTimeFormatOptions, d: Date, type: Intl.DateTimeFormatPartTypes): string => {
    const v = new Intl.DateTimeFormat(tag, { ...opts, timeZone: 'UTC' }).formatToParts(d).find((p) => p.type === type);
    if (v === undefined) throw new EmulatorUnsupportedError(`date names of locale ${locale}`);
    return v.value;
  };
  const monthsLong: string[] = [];
  const monthsShort: string[] = [];
  for (let m = 0; m < 12; m++) {
    const d = new Date(Date.UTC(2001, m, 15));
    // format context: a month next to a day number (genitive forms in some languages), as SimpleDateFormat uses
    monthsLong.push(part({ day: 'numeric', month: 'long' }, d, 'month'));
    monthsShort.push(part({ day: 'numeric', month: 'short' }, d, 'month'));
  }
  const weekdaysLong = [''];
  const weekdaysShort = [''];
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.UTC(2001, 0, 7 + i)); // 2001-01-07 was a Sunday
    // format context too (de: 'So.' next to a date, 'So' standing alone); SimpleDateFormat uses the format forms
    weekdaysLong.push(part({ weekday: 'long', day: 'numeric', month: 'long' }, d, 'weekday'));
    weekdaysShort.push(part({ weekday: 'short', day: 'numeric', month: 'short' }, d, 'weekday'));
  }
  const am = part({ hour: 'numeric', hour12: true }, new Date(Date.UTC(2001, 0, 1, 9)), 'dayPeriod');
  const pm = part({ hour: 'numeric', hour12: true }, new Date(Date.UTC(2001, 0, 1, 21)), 'dayPeriod');
  s = { monthsLong, monthsShort, weekdaysLong, weekdaysShort, am, pm };
  symbolsCache.set(locale, s);
  return s;
}

/** java.util.Calendar numbering (1 = Sunday … 7 = Saturday) of the locale's first day of the week. */
export function firstDayOfWeekCalendar(locale: string): number {
  return (weekInfo(locale).firstDay % 7) + 1;
}

/** The date on or before `days` whose day of week (Calendar numbering) is `dow`. */
function dayOfWeekOnOrBefore(days: number, dow: number): number {
  return days - ((dayOfWeek(days) - dow + 7) % 7);
}

/** First day of week 1 of the period starting at `day1` (GregorianCalendar.getWeekNumber's fixedDay1st). */
function firstWeekStart(day1: number, locale: string): number {
  const { minimalDays } = weekInfo(locale);
  let start = dayOfWeekOnOrBefore(day1 + 6, firstDayOfWeekCalendar(locale));
  if (start - day1 >= minimalDays) start -= 7;
  return start;
}

/** GregorianCalendar.getWeekNumber: week number of `days` in the period starting at `day1`. */
function weekNumber(day1: number, days: number, locale: string): number {
  return Math.floor((days - firstWeekStart(day1, locale)) / 7) + 1;
}

/** WEEK_OF_YEAR and its week-based year, per java.util.GregorianCalendar. */
export function weekOfYear(days: number, year: number, locale: string): { week: number; weekYear: number } {
  const w = weekNumber(daysFromCivil(year, 1, 1), days, locale);
  if (w <= 0) return { week: weekNumber(daysFromCivil(year - 1, 1, 1), days, locale), weekYear: year - 1 };
  if (days >= firstWeekStart(daysFromCivil(year + 1, 1, 1), locale)) return { week: 1, weekYear: year + 1 };
  return { week: w, weekYear: year };
}

/** WEEK_OF_MONTH per java.util.GregorianCalendar (0 for days before the month's first week). */
export function weekOfMonth(days: number, year: number, month: number, locale: string): number {
  return weekNumber(daysFromCivil(year, month, 1), days, locale);
}

function offsetText(offsetMs: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  const totalMinutes = Math.round(offsetMs / 60000);
  if (style !== 'Z' && totalMinutes === 0) return 'Z';
  const sign = totalMinutes < 0 ? '-' : '+';
  const abs = Math.abs(totalMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'X1') return sign + hh;
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return sign + hh + mm;
}

/** Formats `input` with a SimpleDateFormat `pattern`. */
export function formatJavaPattern(pattern: string, input: FormatInput): string {
  const tokens = compilePattern(pattern);
  const { wall, locale } = input;
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'literal') {
      out += t.text;
      continue;
    }
    const n = t.count;
    switch (t.letter) {
      case 'G':
        out += wall.year > 0 ? 'AD' : 'BC';
        break;
      case 'y': {
        const yoe = wall.year > 0 ? wall.year : 1 - wall.year;
        out += n === 2 ? pad(yoe % 100, 2) : pad(yoe, n);
        break;
      }
      case 'Y': {
        const wy = weekOfYear(wall.days, wall.year, locale).weekYear;
        out += n === 2 ? pad(((wy % 100) + 100) % 100, 2) : pad(wy, n);
        break;
      }
      case 'M':
      case 'L': {
        const sym = n >= 3 ? dateSymbols(locale) : undefined;
        if (sym === undefined) out += pad(wall.month, n);
        else out += (n >= 4 ? sym.monthsLong : sym.monthsShort)[wall.month - 1] ?? '';
        break;
      }
      case 'w':
        out += pad(weekOfYear(wall.days, wall.year, locale).week, n);
        break;
      case 'W':
        out += pad(weekOfMonth(wall.days, wall.year, wall.month, locale), n);
        break;
      case 'D':
        out += pad(wall.days - daysFromCivil(wall.year, 1, 1) + 1, n);
        break;
      case 'd':
        out += pad(wall.day, n);
        break;
      case 'F':
        out += pad(Math.floor((wall.day - 1) / 7) + 1, n);
        break;
      case 'E': {
        const sym = dateSymbols(locale);
        out += (n >= 4 ? sym.weekdaysLong : sym.weekdaysShort)[dayOfWeek(wall.days)] ?? '';
        break;
      }
      case 'u': {
        const dow = dayOfWeek(wall.days); // 1 = Sunday
        out += pad(dow === 1 ? 7 : dow - 1, n);
        break;
      }
      case 'a': {
        const sym = dateSymbols(locale);
        out += wall.hour < 12 ? sym.am : sym.pm;
        break;
      }
      case 'H':
        out += pad(wall.hour, n);
        break;
      case 'k':
        out += pad(wall.hour === 0 ? 24 : wall.hour, n);
        break;
      case 'K':
        out += pad(wall.hour % 12, n);
        break;
      case 'h':
        out += pad(wall.hour % 12 === 0 ? 12 : wall.hour % 12, n);
        break;
      case 'm':
        out += pad(wall.minute, n);
        break;
      case 's':
        out += pad(wall.second, n);
        break;
      case 'S':
        out += pad(wall.millisecond, n);
        break;
      case 'z':
        out +=
          n >= 4
            ? javaLongZoneName(input.zone, input.utcMs, toBcp47(locale))
            : javaShortZoneName(input.zone, input.utcMs);
        break;
      case 'Z':
        out += offsetText(input.offsetMs, 'Z');
        break;
      case 'X':
        out += offsetText(input.offsetMs, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
      default:
        throw new EmulatorUnsupportedError(`date format pattern letter '${t.letter}'`);
    }
  }
  return out;
}

/** Fields read by parseJavaPattern. Absent fields are undefined. */
export interface ParsedFields {
  year?: number;
  month?: number;
  day?: number;
  hour?: number;
  /** 0 = AM, 1 = PM when an 'a' field was parsed */
  ampm?: number;
  hour12?: number;
  minute?: number;
  second?: number;
}

/**
 * Parses `text` against a numeric SimpleDateFormat pattern (letters y M d H h m s a and literals), the subset the
 * locale date/time formats use. Returns null when the text does not match. Numbers take as many digits as are
 * present unless the next token is another number (then `count` digits), as SimpleDateFormat does.
 */
export function parseJavaPattern(text: string, pattern: string, locale: string): ParsedFields | null {
  const tokens = compilePattern(pattern);
  const fields: ParsedFields = {};
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'literal') {
      if (!text.startsWith(t.text, pos)) return null;
      pos += t.text.length;
      continue;
    }
    if (t.letter === 'a') {
      const sym = dateSymbols(locale);
      const rest = text.slice(pos).toUpperCase();
      if (rest.startsWith(sym.am.toUpperCase())) {
        fields.ampm = 0;
        pos += sym.am.length;
      } else if (rest.startsWith(sym.pm.toUpperCase())) {
        fields.ampm = 1;
        pos += sym.pm.length;
      } else return null;
      continue;
    }
    const next = tokens[i + 1];
    const abutting = next !== undefined && next.kind === 'field' && next.letter !== 'a';
    let end = pos;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) {
      end++;
      if (abutting && end - pos === t.count) break;
    }
    if (end === pos) return null;
    const value = Number(text.slice(pos, end));
    pos = end;
    switch (t.letter) {
      case 'y':
        fields.year = value;
        break;
      case 'M':
        fields.month = value;
        break;
      case 'd':
        fields.day = value;
        break;
      case 'H':
        fields.hour = value;
        break;
      case 'h':
        fields.hour12 = value;
        break;
      case 'm':
        fields.minute = value;
        break;
      case 's':
        fields.second = value;
        break;
      default:
        throw new EmulatorUnsupportedError(`parsing the date format pattern letter '${t.letter}'`);
    }
  }
  if (pos !== text.length) {
    // SimpleDateFormat.parse(String) ignores trailing text; whether Apex's parse does is undocumented.
    throw new EmulatorUnsupportedError(`parsing '${text}' with trailing text after the ${pattern} format`);
  }
  return fields;
}
