import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { ApexDate } from '../Date';
import { ApexDatetime } from '../Datetime';
import { DEFAULT_USER_CONTEXT, type UserContext } from '../Locale';
import { ApexTime } from '../Time';

const LA = DEFAULT_USER_CONTEXT;
const NY: UserContext = { locale: 'en_US', timeZone: 'America/New_York' };
const TOKYO: UserContext = { locale: 'en_US', timeZone: 'Asia/Tokyo' };
const utc = (...a: [number, number, number, number?, number?, number?, number?]): ApexDatetime =>
  new ApexDatetime(Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0));

describe('Datetime construction', () => {
  it('newInstance reads the fields in the user time zone; newInstanceGmt in GMT', () => {
    expect(ApexDatetime.newInstance(LA, 2026, 12, 1, 0, 0, 0).toJson()).toBe('2026-12-01T08:00:00.000Z');
    expect(ApexDatetime.newInstance(LA, 2026, 7, 1).toJson()).toBe('2026-07-01T07:00:00.000Z');
    expect(ApexDatetime.newInstanceGmt(2026, 12, 1, 8, 0, 0).toJson()).toBe('2026-12-01T08:00:00.000Z');
    expect(ApexDatetime.fromEpochMs(0n).toStringGmt()).toBe('1970-01-01 00:00:00');
  });

  it('newInstance(date, time) is local; fromDateTimeGmt is GMT', () => {
    const d = ApexDate.newInstance(2026, 12, 1);
    const t = ApexTime.newInstance(8, 0, 0, 0);
    expect(ApexDatetime.fromDateTime(LA, d, t).toJson()).toBe('2026-12-01T16:00:00.000Z');
    expect(ApexDatetime.fromDateTimeGmt(d, t).toJson()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('resolves DST gaps later and overlaps to the earlier instant (America/Los_Angeles)', () => {
    // 2026-03-08 02:30 does not exist in Los Angeles: it becomes 03:30 PDT (10:30Z)
    const gap = ApexDatetime.newInstance(LA, 2026, 3, 8, 2, 30, 0);
    expect(gap.toJson()).toBe('2026-03-08T10:30:00.000Z');
    expect(gap.hour(LA)).toBe(3);
    // 2026-11-01 01:30 happens twice: the first (PDT, 08:30Z) is chosen
    expect(ApexDatetime.newInstance(LA, 2026, 11, 1, 1, 30, 0).toJson()).toBe('2026-11-01T08:30:00.000Z');
    expect(ApexDatetime.newInstance(LA, 2026, 11, 1, 3, 0, 0).toJson()).toBe('2026-11-01T11:00:00.000Z');
    expect(ApexDatetime.newInstance(NY, 2026, 3, 8, 2, 30, 0).toJson()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('valueOf reads yyyy-MM-dd HH:mm:ss in the user zone, valueOfGmt in GMT', () => {
    expect(ApexDatetime.valueOf('2015-12-09 12:22:13', LA).toJson()).toBe('2015-12-09T20:22:13.000Z');
    expect(ApexDatetime.valueOfGmt('2015-12-09 12:22:13').toJson()).toBe('2015-12-09T12:22:13.000Z');
    let e: unknown;
    try {
      ApexDatetime.valueOf('2022-07-29T02:21:34.000Z', LA);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ApexPlatformError);
    expect((e as ApexPlatformError).apexType).toBe('System.TypeException');
    expect((e as ApexPlatformError).message).toBe('Invalid date/time: 2022-07-29T02:21:34.000Z');
    expect(() => ApexDatetime.valueOf('2022-07-29', LA)).toThrow(EmulatorUnsupportedError);
    expect(() => ApexDatetime.valueOf('2022-07-29 10:30', LA)).toThrow(EmulatorUnsupportedError);
    expect(() => ApexDatetime.valueOf('2022-07-29 10:30:00.5', LA)).toThrow(EmulatorUnsupportedError);
    expect(() => ApexDatetime.valueOf('yesterday', LA)).toThrow('Invalid date/time: yesterday');
  });

  it('parse reads the en_US ICU date/time format, comma included', () => {
    expect(ApexDatetime.parse('10/14/2011, 11:46 AM', LA).toJson()).toBe('2011-10-14T18:46:00.000Z');
    expect(ApexDatetime.parse('04/12/2020, 03:24 PM', LA).toStringLocal(LA)).toBe('2020-04-12 15:24:00');
    expect(ApexDatetime.parse('1/1/2020, 12:00 AM', LA).toStringLocal(LA)).toBe('2020-01-01 00:00:00');
    expect(() => ApexDatetime.parse('04/12/2020 03:24 PM', LA)).toThrow('Invalid date/time: 04/12/2020 03:24 PM');
  });
});

describe('Datetime arithmetic', () => {
  it('addDays adds 24-hour days even across DST (the org behaviour reported on salesforce.stackexchange.com)', () => {
    const CHICAGO: UserContext = { locale: 'en_US', timeZone: 'America/Chicago' };
    const my = ApexDatetime.newInstance(CHICAGO, 2018, 11, 4);
    expect(my.formatPattern('yyyy-MM-dd HH:mm:ss', CHICAGO)).toBe('2018-11-04 00:00:00');
    expect(my.formatGmt('yyyy-MM-dd HH:mm:ss', CHICAGO)).toBe('2018-11-04 05:00:00');
    const next = my.addDays(1);
    expect(next.formatPattern('yyyy-MM-dd HH:mm:ss', CHICAGO)).toBe('2018-11-04 23:00:00');
    expect(next.formatGmt('yyyy-MM-dd HH:mm:ss', CHICAGO)).toBe('2018-11-05 05:00:00');
  });

  it('addHours/addMinutes/addSeconds are elapsed time', () => {
    const before = ApexDatetime.newInstance(LA, 2026, 3, 7, 12, 0, 0); // PST
    expect(before.addHours(24).hour(LA)).toBe(13);
    expect(before.addMinutes(90).minute(LA)).toBe(30);
    expect(before.addSeconds(-1).toStringLocal(LA)).toBe('2026-03-07 11:59:59');
  });

  it('addMonths/addYears work on the GMT calendar and clamp to the end of the month', () => {
    expect(utc(2026, 1, 31, 22).addMonths(1).toJson()).toBe('2026-02-28T22:00:00.000Z');
    expect(utc(2024, 2, 29, 1).addYears(1).toJson()).toBe('2025-02-28T01:00:00.000Z');
    expect(utc(2026, 3, 31).addMonths(-1).toJson()).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('Datetime components', () => {
  const dt = utc(2026, 12, 2, 5, 6, 7, 89); // Dec 1, 21:06:07.089 in Los Angeles

  it('local components use the user zone; *Gmt components use GMT', () => {
    expect([dt.year(LA), dt.month(LA), dt.day(LA), dt.hour(LA), dt.minute(LA), dt.second(LA)]).toEqual([
      2026, 12, 1, 21, 6, 7,
    ]);
    expect(dt.millisecond(LA)).toBe(89);
    expect([dt.yearGmt(), dt.monthGmt(), dt.dayGmt(), dt.hourGmt()]).toEqual([2026, 12, 2, 5]);
    expect(dt.dayOfYear(LA)).toBe(335);
    expect(dt.dayOfYearGmt()).toBe(336);
    expect(dt.date(LA).toString()).toBe('2026-12-01');
    expect(dt.dateGmt().toString()).toBe('2026-12-02');
    expect(dt.time(LA).toString()).toBe('21:06:07.089Z');
    expect(dt.timeGmt().toString()).toBe('05:06:07.089Z');
    expect(dt.getTime()).toBe(BigInt(Date.UTC(2026, 11, 2, 5, 6, 7, 89)));
  });

  it('isSameDay compares local dates', () => {
    expect(dt.isSameDay(utc(2026, 12, 1, 14), LA)).toBe(true);
    expect(dt.isSameDay(utc(2026, 12, 1, 14), TOKYO)).toBe(false);
  });
});

describe('Datetime strings', () => {
  const dt = utc(2015, 12, 9, 20, 22, 13);

  it('String.valueOf is local, concatenation/valueOfGmt is GMT, JSON is ISO GMT', () => {
    expect(dt.toStringLocal(LA)).toBe('2015-12-09 12:22:13');
    expect(dt.toStringGmt()).toBe('2015-12-09 20:22:13');
    expect(String(dt)).toBe('2015-12-09 20:22:13');
    expect(dt.toJson()).toBe('2015-12-09T20:22:13.000Z');
  });

  it('format() and formatLong() use the en_US ICU formats', () => {
    expect(dt.format(LA)).toBe('12/9/2015, 12:22 PM');
    expect(utc(2012, 12, 28, 18).formatLong(LA)).toBe('12/28/2012, 10:00:00 AM PST');
    expect(utc(2012, 7, 28, 17).formatLong(LA)).toBe('7/28/2012, 10:00:00 AM PDT');
    expect(() => dt.format({ locale: 'fr_FR', timeZone: 'Europe/Paris' })).toThrow(EmulatorUnsupportedError);
  });

  it('format(pattern) uses Java SimpleDateFormat letters', () => {
    const t = utc(2026, 3, 8, 17, 5, 9, 7); // Sunday 2026-03-08 10:05:09.007 PDT
    expect(t.formatPattern('yyyy-MM-dd HH:mm:ss.SSS', LA)).toBe('2026-03-08 10:05:09.007');
    expect(t.formatPattern("EEEE, MMMM d, yyyy 'at' h:mm a z", LA)).toBe('Sunday, March 8, 2026 at 10:05 AM PDT');
    expect(t.formatPattern('EEE MMM dd yy', LA)).toBe('Sun Mar 08 26');
    expect(t.formatPattern('Z X XX XXX', LA)).toBe('-0700 -07 -0700 -07:00');
    expect(t.formatPattern('D w W F u k K G', LA)).toBe('67 11 2 2 7 10 10 AD');
    expect(t.formatPattern("''h'' 'o''clock'", LA)).toBe("'10' o'clock");
    expect(t.formatPattern('zzzz', LA)).toBe('Pacific Daylight Time');
    expect(t.formatGmt("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", LA)).toBe('2026-03-08T17:05:09.007Z');
    expect(t.formatPatternInZone('HH:mm z', 'Asia/Tokyo', LA)).toBe('02:05 JST');
    expect(t.formatPatternInZone('HH:mm', 'Not/AZone', LA)).toBe('17:05');
    expect(t.formatPatternInZone('HH:mm', 'GMT+05:30', LA)).toBe('22:35');
    expect(() => t.formatPattern('yyyy-MM-dd q', LA)).toThrow(EmulatorUnsupportedError);
  });

  it('format patterns: quotes, padding, 12/24-hour edges, GMT zone names', () => {
    const midnight = utc(2026, 1, 4, 0, 0, 0, 5); // Sunday
    expect(midnight.formatGmt("h 'h' K k H a", LA)).toBe('12 h 0 24 0 AM');
    expect(midnight.formatGmt('S SS SSS SSSS', LA)).toBe('5 05 005 0005');
    expect(midnight.formatGmt('yyyyy yyy y', LA)).toBe('02026 2026 2026');
    expect(midnight.formatGmt('z zzzz Z', LA)).toBe('GMT Greenwich Mean Time +0000');
    expect(midnight.formatGmt("'it''s' EEEE", LA)).toBe("it's Sunday");
    expect(midnight.formatGmt('MMMM MMM MM M', { locale: 'de_DE', timeZone: 'GMT' })).toBe('Januar Jan. 01 1');
    expect(midnight.formatGmt('EEE', { locale: 'de_DE', timeZone: 'GMT' })).toBe('So.');
    expect(() => midnight.formatGmt("'open", LA)).toThrow(EmulatorUnsupportedError);
  });

  it('week numbers follow the locale (en_US: Sunday first, 1 minimal day)', () => {
    expect(utc(2026, 1, 1, 12).formatGmt('w W', LA)).toBe('1 1');
    expect(utc(2025, 12, 28, 12).formatGmt('w YYYY', LA)).toBe('1 2026');
    expect(utc(2026, 1, 1, 12).formatGmt('w', { locale: 'de_DE', timeZone: 'GMT' })).toBe('1');
    expect(utc(2027, 1, 1, 12).formatGmt('w YYYY', { locale: 'de_DE', timeZone: 'GMT' })).toBe('53 2026');
  });
});
