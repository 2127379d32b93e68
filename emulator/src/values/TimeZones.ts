// Time-zone arithmetic for Datetime's local-time methods, on Node's ICU time-zone data (IANA tzdb, the same data
// Java's java.util.TimeZone uses).
//
// Local → UTC follows java.time's resolution rules (ZonedDateTime.ofLocal): in a gap (spring-forward) the local time
// moves later by the gap's length (2:30 AM on the day Los Angeles springs forward is 3:30 AM PDT); in an overlap
// (fall-back) the earlier instant (the offset in force before the transition) is used. The Apex docs do not describe
// DST resolution; this is Java's documented behaviour.

import { EmulatorUnsupportedError } from '../errors';

const HOUR_MS = 3600000;

interface ZoneFormatter {
  readonly fmt: Intl.DateTimeFormat;
}

const formatters = new Map<string, ZoneFormatter>();

function zoneFormatter(zone: string): ZoneFormatter {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = {
      fmt: new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
    };
    formatters.set(zone, f);
  }
  return f;
}

/** Fixed-offset zones ("GMT", "GMT-08:00") resolved without Intl. */
const FIXED_OFFSET = /^GMT(?:([+-])([0-9]{1,2})(?::?([0-9]{2}))?)?$/;

function fixedOffsetMs(zone: string): number | null {
  if (zone === 'UTC' || zone === 'GMT') return 0;
  const m = FIXED_OFFSET.exec(zone);
  if (m === null) return null;
  const [, sign, h = '0', mi = '0'] = m;
  return (sign === '-' ? -1 : 1) * (Number(h) * HOUR_MS + Number(mi) * 60000);
}

interface YearOffsets {
  /** offset in force from the start of the covered range */
  readonly initial: number;
  /** transitions in the covered range, ascending: from `at` (UTC ms) on, `offset` applies */
  readonly at: number[];
  readonly offset: number[];
}

const WEEK_MS = 7 * 86400000;
const yearTables = new Map<string, Map<number, YearOffsets>>();

/**
 * The offsets of `zone` over one UTC calendar year (with a week's margin either side), found by sampling weekly and
 * bisecting each change to the millisecond; computed once per zone and year so that offset lookups need no Intl
 * call. (Two transitions less than a week apart that cancel out would be missed; none exist in current tzdb data.)
 */
function yearOffsets(zone: string, year: number): YearOffsets {
  let byYear = yearTables.get(zone);
  if (byYear === undefined) {
    byYear = new Map();
    yearTables.set(zone, byYear);
  }
  let t = byYear.get(year);
  if (t !== undefined) return t;
  const from = Date.UTC(year, 0, 1) - WEEK_MS;
  const to = Date.UTC(year + 1, 0, 1) + WEEK_MS;
  const at: number[] = [];
  const offset: number[] = [];
  const initial = computeOffsetMs(zone, from);
  let prevT = from;
  let prevO = initial;
  for (let x = from + WEEK_MS; ; x = Math.min(x + WEEK_MS, to)) {
    const o = computeOffsetMs(zone, x);
    if (o !== prevO) {
      // bisect (prevT, x] for the first instant with the new offset
      let lo = prevT;
      let hi = x;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (computeOffsetMs(zone, mid) === prevO) lo = mid;
        else hi = mid;
      }
      at.push(hi);
      offset.push(computeOffsetMs(zone, hi));
    }
    prevT = x;
    prevO = o;
    if (x >= to) break;
  }
  t = { initial, at, offset };
  byYear.set(year, t);
  return t;
}

/** Offset (local − UTC) in ms of `zone` at the instant `utcMs`. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== null) return fixed;
  if (!Number.isFinite(utcMs)) return computeOffsetMs(zone, utcMs);
  const t = yearOffsets(zone, new Date(utcMs).getUTCFullYear());
  let o = t.initial;
  for (let i = 0; i < t.at.length && (t.at[i] as number) <= utcMs; i++) o = t.offset[i] as number;
  return o;
}

/** The offset straight from Intl (no table); zoneOffsetMs is the fast path. */
export function computeOffsetMs(zone: string, utcMs: number): number {
  const parts = zoneFormatter(zone).fmt.formatToParts(new Date(utcMs));
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        year = Number(p.value);
        break;
      case 'month':
        month = Number(p.value);
        break;
      case 'day':
        day = Number(p.value);
        break;
      case 'hour':
        hour = Number(p.value);
        break;
      case 'minute':
        minute = Number(p.value);
        break;
      case 'second':
        second = Number(p.value);
        break;
      case 'era':
        bc = p.value === 'BC' || p.value === 'B';
        break;
      default:
        break;
    }
  }
  const y = bc ? 1 - year : year;
  const d = new Date(0);
  d.setUTCFullYear(y, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  const localWithoutMs = d.getTime();
  const utcWithoutMs = utcMs - (((utcMs % 1000) + 1000) % 1000);
  return localWithoutMs - utcWithoutMs;
}

/** The local wall-clock time (as ms since the epoch of a UTC clock) of `utcMs` in `zone`. */
export function toLocalMs(zone: string, utcMs: number): number {
  return utcMs + zoneOffsetMs(zone, utcMs);
}

/** The UTC instant of the local wall-clock time `localMs` in `zone` (java.time gap/overlap rules). */
export function fromLocalMs(zone: string, localMs: number): number {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== null) return localMs - fixed;
  // Offsets in force a little before and after this wall time bracket any transition near it.
  const before = zoneOffsetMs(zone, localMs - 14 * HOUR_MS);
  const after = zoneOffsetMs(zone, localMs + 14 * HOUR_MS);
  const candidates = before === after ? [before] : [before, after];
  const valid: number[] = [];
  for (const o of candidates) {
    const utc = localMs - o;
    if (zoneOffsetMs(zone, utc) === o) valid.push(utc);
  }
  if (valid.length === 0) {
    // A gap: apply the offset from before the transition, which moves the time later by the gap.
    return localMs - before;
  }
  return Math.min(...valid);
}

/** True when `zone` is in daylight (or other non-standard) time at `utcMs`: its offset exceeds the year's minimum. */
export function isDaylightTime(zone: string, utcMs: number): boolean {
  if (fixedOffsetMs(zone) !== null) return false;
  const y = new Date(utcMs).getUTCFullYear();
  const jan = zoneOffsetMs(zone, Date.UTC(y, 0, 1));
  const jul = zoneOffsetMs(zone, Date.UTC(y, 6, 1));
  return zoneOffsetMs(zone, utcMs) > Math.min(jan, jul);
}

/** True when Intl knows `zone` with this exact spelling (Java's TimeZone ids are case-sensitive). */
function isKnownIanaZone(zone: string): boolean {
  if (!/^[A-Za-z]+(?:[/_+-][A-Za-z0-9]+)*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  if (!/^[A-Z]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// java.util.TimeZone's three-letter legacy ids (ZoneInfoFile "oldMappings" and the deprecated short ids): the ones
// that map to a region, and the three (EST, MST, HST) that are fixed offsets.
const JAVA_SHORT_IDS: Record<string, string> = {
  ACT: 'Australia/Darwin',
  AET: 'Australia/Sydney',
  AGT: 'America/Argentina/Buenos_Aires',
  ART: 'Africa/Cairo',
  AST: 'America/Anchorage',
  BET: 'America/Sao_Paulo',
  BST: 'Asia/Dhaka',
  CAT: 'Africa/Harare',
  CNT: 'America/St_Johns',
  CST: 'America/Chicago',
  CTT: 'Asia/Shanghai',
  EAT: 'Africa/Addis_Ababa',
  ECT: 'Europe/Paris',
  IET: 'America/Indiana/Indianapolis',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  MIT: 'Pacific/Apia',
  NET: 'Asia/Yerevan',
  NST: 'Pacific/Auckland',
  PLT: 'Asia/Karachi',
  PNT: 'America/Phoenix',
  PRT: 'America/Puerto_Rico',
  PST: 'America/Los_Angeles',
  SST: 'Pacific/Guadalcanal',
  VST: 'Asia/Ho_Chi_Minh',
  EST: 'GMT-05:00',
  MST: 'GMT-07:00',
  HST: 'GMT-10:00',
};

/**
 * java.util.TimeZone.getTimeZone(id) as the Apex methods that take a time-zone string use it (Datetime.format(format,
 * timezone), TimeZone.getTimeZone): an IANA id, GMT/UTC, a custom "GMT±hh:mm" id, or a legacy three-letter id;
 * anything else is GMT — java.util.TimeZone.getTimeZone(String) javadoc: returns "the specified TimeZone, or the GMT
 * zone if the given ID cannot be understood". Apex Reference, Datetime Class, format(dateFormatString, timezone) takes
 * "a valid time zone ID … e.g. America/Los_Angeles" and hands it to that lookup.
 */
export function resolveJavaTimeZoneId(id: string): string {
  if (id === 'GMT' || id === 'UTC') return id;
  const custom = /^GMT([+-])([0-9]{1,2})(?::?([0-9]{2}))?$/.exec(id);
  if (custom !== null) {
    const [, sign = '+', h = '0', mi = '00'] = custom;
    if (Number(h) > 23 || Number(mi) > 59) return 'GMT';
    return `GMT${sign}${h.padStart(2, '0')}:${mi.padStart(2, '0')}`;
  }
  const legacy = JAVA_SHORT_IDS[id];
  if (legacy !== undefined) return legacy;
  return isKnownIanaZone(id) ? id : 'GMT';
}

/** Validates a User.TimeZoneSidKey: it must be a zone the emulator can compute with. */
export function checkUserTimeZone(zone: string): string {
  if (fixedOffsetMs(zone) !== null || isKnownIanaZone(zone)) return zone;
  throw new EmulatorUnsupportedError(`time zone ${zone}`);
}

// Java's short time-zone names ('z' in SimpleDateFormat, en locale) for zones whose CLDR short name is only a GMT
// offset: Java falls back to its own (COMPAT) names. [standard, daylight].
const JAVA_SHORT_NAMES: Record<string, readonly [string, string]> = {
  'America/Los_Angeles': ['PST', 'PDT'],
  'America/Denver': ['MST', 'MDT'],
  'America/Phoenix': ['MST', 'MDT'],
  'America/Chicago': ['CST', 'CDT'],
  'America/New_York': ['EST', 'EDT'],
  'America/Anchorage': ['AKST', 'AKDT'],
  'America/Halifax': ['AST', 'ADT'],
  'America/Puerto_Rico': ['AST', 'ADT'],
  'America/St_Johns': ['NST', 'NDT'],
  'America/Indiana/Indianapolis': ['EST', 'EDT'],
  'America/Toronto': ['EST', 'EDT'],
  'America/Vancouver': ['PST', 'PDT'],
  'America/Sao_Paulo': ['BRT', 'BRST'],
  'America/Argentina/Buenos_Aires': ['ART', 'ARST'],
  'America/Mexico_City': ['CST', 'CDT'],
  'Pacific/Honolulu': ['HST', 'HDT'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Dublin': ['GMT', 'IST'],
  'Europe/Lisbon': ['WET', 'WEST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Europe/Amsterdam': ['CET', 'CEST'],
  'Europe/Brussels': ['CET', 'CEST'],
  'Europe/Madrid': ['CET', 'CEST'],
  'Europe/Rome': ['CET', 'CEST'],
  'Europe/Zurich': ['CET', 'CEST'],
  'Europe/Stockholm': ['CET', 'CEST'],
  'Europe/Vienna': ['CET', 'CEST'],
  'Europe/Warsaw': ['CET', 'CEST'],
  'Europe/Prague': ['CET', 'CEST'],
  'Europe/Athens': ['EET', 'EEST'],
  'Europe/Helsinki': ['EET', 'EEST'],
  'Europe/Istanbul': ['TRT', 'TRT'],
  'Europe/Moscow': ['MSK', 'MSK'],
  'Africa/Cairo': ['EET', 'EEST'],
  'Africa/Johannesburg': ['SAST', 'SAST'],
  'Asia/Dubai': ['GST', 'GST'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Asia/Karachi': ['PKT', 'PKT'],
  'Asia/Dhaka': ['BDT', 'BDT'],
  'Asia/Bangkok': ['ICT', 'ICT'],
  'Asia/Ho_Chi_Minh': ['ICT', 'ICT'],
  'Asia/Jakarta': ['WIB', 'WIB'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kuala_Lumpur': ['MYT', 'MYT'],
  'Asia/Manila': ['PST', 'PDT'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Asia/Tokyo': ['JST', 'JDT'],
  'Australia/Perth': ['AWST', 'AWDT'],
  'Australia/Adelaide': ['ACST', 'ACDT'],
  'Australia/Darwin': ['ACST', 'ACDT'],
  'Australia/Brisbane': ['AEST', 'AEDT'],
  'Australia/Sydney': ['AEST', 'AEDT'],
  'Australia/Melbourne': ['AEST', 'AEDT'],
  'Pacific/Auckland': ['NZST', 'NZDT'],
  GMT: ['GMT', 'GMT'],
  UTC: ['UTC', 'UTC'],
};

/** Java's short zone name ('z', 'zz', 'zzz') for `zone` at `utcMs`, en locale. */
export function javaShortZoneName(zone: string, utcMs: number): string {
  if (zone.startsWith('GMT') && zone.length > 3) return zone; // custom ids print as themselves ("GMT-05:00")
  const names = JAVA_SHORT_NAMES[zone];
  if (names === undefined) throw new EmulatorUnsupportedError(`short name of time zone ${zone} ('z' in a format)`);
  return isDaylightTime(zone, utcMs) ? names[1] : names[0];
}

/** Java's long zone name ('zzzz') for `zone` at `utcMs` in `bcp47` (CLDR long names, as Intl gives them). */
export function javaLongZoneName(zone: string, utcMs: number, bcp47: string): string {
  if (zone === 'GMT') return 'Greenwich Mean Time';
  if (zone === 'UTC') return 'Coordinated Universal Time';
  if (zone.startsWith('GMT')) return zone;
  const parts = new Intl.DateTimeFormat(bcp47, { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date(utcMs));
  const name = parts.find((p) => p.type === 'timeZoneName')?.value;
  if (name === undefined) throw new EmulatorUnsupportedError(`long name of time zone ${zone}`);
  return name;
}
