import {
  computeOffsetMs,
  fromLocalMs,
  isDaylightTime,
  javaShortZoneName,
  resolveJavaTimeZoneId,
  toLocalMs,
  zoneOffsetMs,
} from '../TimeZones';

const H = 3600000;

describe('time-zone offsets', () => {
  it('Los Angeles: PST −8, PDT −7, switching at 2026-03-08 10:00Z and 2026-11-01 09:00Z', () => {
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2026, 0, 15))).toBe(-8 * H);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2026, 6, 15))).toBe(-7 * H);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2026, 2, 8, 10) - 1)).toBe(-8 * H);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2026, 2, 8, 10))).toBe(-7 * H);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2026, 10, 1, 9) - 1)).toBe(-7 * H);
    expect(zoneOffsetMs('America/Los_Angeles', Date.UTC(2026, 10, 1, 9))).toBe(-8 * H);
    expect(isDaylightTime('America/Los_Angeles', Date.UTC(2026, 6, 1))).toBe(true);
    expect(isDaylightTime('America/Los_Angeles', Date.UTC(2026, 0, 1))).toBe(false);
  });

  it('the per-year table agrees with Intl at many instants (incl. LMT, war time, half-hour zones)', () => {
    const zones = ['America/Los_Angeles', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Africa/Casablanca'];
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const zone of zones) {
      for (const year of [1883, 1942, 1970, 2000, 2021, 2026, 2040]) {
        for (let i = 0; i < 40; i++) {
          const ms = Date.UTC(year, 0, 1) + Math.floor(next() * 365 * 24) * H + Math.floor(next() * H);
          expect([zone, ms, zoneOffsetMs(zone, ms)]).toEqual([zone, ms, computeOffsetMs(zone, ms)]);
        }
      }
    }
  });

  it('local ↔ UTC with java.time gap/overlap rules', () => {
    const local = (y: number, mo: number, d: number, h: number, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);
    expect(fromLocalMs('America/Los_Angeles', local(2026, 3, 8, 2, 30))).toBe(Date.UTC(2026, 2, 8, 10, 30));
    expect(fromLocalMs('America/Los_Angeles', local(2026, 11, 1, 1, 30))).toBe(Date.UTC(2026, 10, 1, 8, 30));
    expect(toLocalMs('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(local(2026, 1, 1, 5, 30));
    expect(fromLocalMs('GMT-05:00', local(2026, 1, 1, 0))).toBe(Date.UTC(2026, 0, 1, 5));
  });
});

describe('java.util.TimeZone ids and names', () => {
  it.each([
    ['America/Los_Angeles', 'America/Los_Angeles'],
    ['GMT', 'GMT'],
    ['GMT+5', 'GMT+05:00'],
    ['GMT-0800', 'GMT-08:00'],
    ['PST', 'America/Los_Angeles'],
    ['EST', 'GMT-05:00'],
    ['america/los_angeles', 'GMT'],
    ['Mars/Olympus', 'GMT'],
    ['', 'GMT'],
  ])('%j → %j', (id, resolved) => {
    expect(resolveJavaTimeZoneId(id)).toBe(resolved);
  });

  it("short names as Java prints 'z'", () => {
    expect(javaShortZoneName('America/New_York', Date.UTC(2026, 6, 1))).toBe('EDT');
    expect(javaShortZoneName('Europe/Paris', Date.UTC(2026, 0, 1))).toBe('CET');
    expect(javaShortZoneName('GMT+05:00', 0)).toBe('GMT+05:00');
    expect(() => javaShortZoneName('Asia/Kathmandu', 0)).toThrow('is not supported');
  });
});
