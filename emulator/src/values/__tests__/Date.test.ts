import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { ApexDate } from '../Date';
import { DEFAULT_USER_CONTEXT, type UserContext } from '../Locale';

const US = DEFAULT_USER_CONTEXT;
const DE: UserContext = { locale: 'de_DE', timeZone: 'Europe/Berlin' };
const D = (y: number, m: number, d: number): ApexDate => ApexDate.newInstance(y, m, d);

describe('Date construction and fields', () => {
  it('newInstance and the component methods', () => {
    const d = D(2026, 12, 1);
    expect([d.year(), d.month(), d.day()]).toEqual([2026, 12, 1]);
    expect(D(1970, 1, 1).days).toBe(0);
    expect(D(1969, 12, 31).days).toBe(-1);
    expect(D(2000, 2, 29).toString()).toBe('2000-02-29');
  });

  it('dayOfYear (Apex Reference: Date.newInstance(1998, 10, 21).dayOfYear() == 294)', () => {
    expect(D(1998, 10, 21).dayOfYear()).toBe(294);
    expect(D(2024, 12, 31).dayOfYear()).toBe(366);
  });

  it('newInstance rolls out-of-range fields over (lenient)', () => {
    expect(D(2020, 2, 30).toString()).toBe('2020-03-01');
    expect(D(2019, 13, 1).toString()).toBe('2020-01-01');
    expect(D(2020, 3, 0).toString()).toBe('2020-02-29');
    // salesforce.stackexchange.com "Date.newInstance bug": newinstance(2016, 27, 7) debugs as 2018-03-07
    expect(D(2016, 27, 7).toString()).toBe('2018-03-07');
  });

  it('isLeapYear and daysInMonth (Apex Reference: daysInMonth(1960, 2) == 29)', () => {
    expect(ApexDate.isLeapYear(2000)).toBe(true);
    expect(ApexDate.isLeapYear(1900)).toBe(false);
    expect(ApexDate.isLeapYear(2024)).toBe(true);
    expect(ApexDate.daysInMonth(1960, 2)).toBe(29);
    expect(ApexDate.daysInMonth(2026, 4)).toBe(30);
  });

  it('today() is the date in the user time zone for the injected clock', () => {
    const now = Date.UTC(2026, 11, 2, 5, 0); // 2026-12-02 05:00Z = Dec 1, 21:00 in Los Angeles
    expect(ApexDate.today(now, US).toString()).toBe('2026-12-01');
    expect(ApexDate.today(now, { locale: 'en_US', timeZone: 'Asia/Tokyo' }).toString()).toBe('2026-12-02');
  });
});

describe('Date arithmetic', () => {
  it('addDays, addMonths with end-of-month clamp, addYears', () => {
    expect(D(2026, 12, 31).addDays(1).toString()).toBe('2027-01-01');
    expect(D(2026, 1, 31).addMonths(1).toString()).toBe('2026-02-28');
    expect(D(2024, 1, 31).addMonths(1).toString()).toBe('2024-02-29');
    expect(D(2026, 3, 31).addMonths(-1).toString()).toBe('2026-02-28');
    expect(D(2026, 1, 15).addMonths(-13).toString()).toBe('2024-12-15');
    expect(D(2024, 2, 29).addYears(1).toString()).toBe('2025-02-28');
  });

  it('daysBetween and monthsBetween (Apex Reference examples)', () => {
    // daysBetween: startDate 2008-01-01 (newInstance(2008, 1, 1)), dueDate 2008-01-30 → 29
    expect(D(2008, 1, 1).daysBetween(D(2008, 1, 30))).toBe(29);
    expect(D(2008, 1, 30).daysBetween(D(2008, 1, 1))).toBe(-29);
    // monthsBetween: 2006-12-02 → 2012-12-08 → 72
    expect(D(2006, 12, 2).monthsBetween(D(2012, 12, 8))).toBe(72);
    expect(D(2026, 1, 31).monthsBetween(D(2026, 2, 1))).toBe(1);
  });

  it('toStartOfMonth and toStartOfWeek (Sunday in en_US, Monday in de_DE)', () => {
    expect(D(2026, 12, 17).toStartOfMonth().toString()).toBe('2026-12-01');
    // 2026-12-02 is a Wednesday
    expect(D(2026, 12, 2).toStartOfWeek(US).toString()).toBe('2026-11-29');
    expect(D(2026, 11, 29).toStartOfWeek(US).toString()).toBe('2026-11-29');
    expect(D(2026, 12, 2).toStartOfWeek(DE).toString()).toBe('2026-11-30');
    expect(D(2026, 11, 29).toStartOfWeek(DE).toString()).toBe('2026-11-23');
  });
});

describe('Date strings', () => {
  it("String.valueOf → 'yyyy-MM-dd'; concatenation → 'yyyy-MM-dd 00:00:00'; JSON → 'yyyy-MM-dd'", () => {
    expect(D(2026, 12, 1).toString()).toBe('2026-12-01');
    expect(D(2026, 12, 1).toConcatString()).toBe('2026-12-01 00:00:00');
    expect(D(2026, 12, 1).toJson()).toBe('2026-12-01');
    expect(D(987, 3, 4).toString()).toBe('0987-03-04');
  });

  it('format() in en_US is M/d/yyyy; other locales fail loudly', () => {
    expect(D(2021, 10, 20).format(US)).toBe('10/20/2021');
    // Apex Reference, Date.format() example (American-English locale): newInstance(2001, 3, 21) → '3/21/2001'
    expect(D(2001, 3, 21).format(US)).toBe('3/21/2001');
    expect(D(2026, 1, 5).format(US)).toBe('1/5/2026');
    expect(() => D(2026, 1, 5).format(DE)).toThrow(EmulatorUnsupportedError);
  });

  it('valueOf accepts yyyy-MM-dd with an optional time', () => {
    expect(ApexDate.valueOf('2026-12-01').toString()).toBe('2026-12-01');
    expect(ApexDate.valueOf('2008-10-5 12:30:00').toString()).toBe('2008-10-05');
    const e = (() => {
      try {
        ApexDate.valueOf('12/1/2026');
      } catch (err) {
        return err as ApexPlatformError;
      }
      throw new Error('no error');
    })();
    expect(e.apexType).toBe('System.TypeException');
    expect(e.message).toBe('Invalid date: 12/1/2026');
    expect(() => ApexDate.valueOf('2026-02-30')).toThrow(EmulatorUnsupportedError);
  });

  it('parse reads the en_US format', () => {
    expect(ApexDate.parse('12/27/2009', US).toString()).toBe('2009-12-27');
    expect(ApexDate.parse('04/02/2020', US).toString()).toBe('2020-04-02');
    expect(() => ApexDate.parse('2009-12-27', US)).toThrow('Invalid date: 2009-12-27');
    expect(() => ApexDate.parse('1/2/2020', DE)).toThrow(EmulatorUnsupportedError);
  });
});
