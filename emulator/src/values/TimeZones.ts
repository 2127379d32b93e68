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

/** Offset (local − UTC) in ms of `zone` at the instant `utcMs`. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const fixed = fixedOffsetMs(zone);
  if (fixed !== null) return fixed;
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
 * anything else is GMT. Apex Reference, Datetime Class, format(dateFormatString, timezone): "If the time zone cannot
 * be found, GMT is used."
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
