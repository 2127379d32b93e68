// Date, Datetime and Time through Apex: the running user's time zone and locale reach the local-time methods, the
// org's clock reaches today() and now(), and overloads resolve by argument count and type.
import { debugOf, errorOf, newOrg, NOW_MS } from './harness';

describe('Date Class', () => {
  test('today() is the clock read in the user time zone', () => {
    // 2026-03-10T15:30:45Z is already March 11 in Tokyo, still March 10 in Los Angeles.
    expect(debugOf('System.debug(String.valueOf(Date.today()));', newOrg({ timeZone: 'Asia/Tokyo' }))).toEqual([
      '2026-03-11',
    ]);
    expect(debugOf('System.debug(String.valueOf(Date.today()));', newOrg())).toEqual(['2026-03-10']);
  });

  test('doc examples and the instance methods', () => {
    expect(
      debugOf(`
        Date d = Date.newInstance(1960, 2, 17);
        System.debug(d.year() + '/' + d.month() + '/' + d.day() + ' ' + d.dayOfYear());
        System.debug(String.valueOf(Date.newInstance(1990, 11, 21).addMonths(3)));
        System.debug(String.valueOf(d.addDays(2)) + ' ' + String.valueOf(d.addYears(1)));
        Date startDate = Date.newInstance(2008, 1, 1); Date dueDate = Date.newInstance(2008, 1, 30);
        System.debug(startDate.daysBetween(dueDate));
        System.debug(Date.newInstance(2006, 12, 2).monthsBetween(Date.newInstance(2012, 12, 8)));
        System.debug(String.valueOf(Date.newInstance(2024, 2, 29).toStartOfMonth()));
        System.debug(Date.isLeapYear(2000) + ' ' + Date.daysInMonth(1960, 2));
        System.debug(startDate.isSameDay(Date.newInstance(2008, 1, 1)));
        System.debug(Date.newInstance(2026, 12, 1).format());
        System.debug(String.valueOf(Date.parse('12/27/2009')));
        System.debug(String.valueOf(Date.valueOf('2024-03-05')));
        Object o = Date.newInstance(2024, 3, 5); System.debug(Date.valueOf(o) == Date.newInstance(2024, 3, 5));`),
    ).toEqual([
      '1960/2/17 48',
      '1991-02-21',
      '1960-02-19 1961-02-17',
      '29',
      '72',
      '2024-02-01',
      'true 29',
      'true',
      '12/1/2026',
      '2009-12-27',
      '2024-03-05',
      'true',
    ]);
  });

  test('toStartOfWeek follows the user locale (Sunday in en_US, Monday in en_GB)', () => {
    const src = 'System.debug(String.valueOf(Date.newInstance(2026, 3, 11).toStartOfWeek()));';
    expect(debugOf(src, newOrg())).toEqual(['2026-03-08']);
    expect(debugOf(src, newOrg({ locale: 'en_GB' }))).toEqual(['2026-03-09']);
  });

  test('invalid strings and undocumented conversions', () => {
    expect(errorOf("Date d = Date.valueOf('03/05/2024');")).toBe('System.TypeException: Invalid date: 03/05/2024');
    expect(errorOf('Object o = Datetime.now(); Date d = Date.valueOf(o);')).toContain('Date.valueOf of a Datetime');
  });
});

describe('Datetime Class', () => {
  test('now() is the org clock; getTime() a Long', () => {
    expect(debugOf('Object t = Datetime.now().getTime(); System.debug(t instanceof Long); System.debug(t);')).toEqual([
      'true',
      String(NOW_MS),
    ]);
  });

  test('local-time methods use the user time zone, *Gmt methods GMT', () => {
    const org = newOrg({ timeZone: 'America/New_York' });
    expect(
      debugOf(
        `
        Datetime dt = Datetime.newInstance(2024, 1, 15, 9, 30, 0);
        System.debug(dt.hour() + ' ' + dt.hourGmt() + ' ' + dt.minute() + ' ' + dt.day() + ' ' + dt.dayGmt());
        System.debug(dt.getTime());
        Datetime late = Datetime.newInstanceGmt(2024, 1, 16, 2, 0, 0);
        System.debug(String.valueOf(late.date()) + ' ' + String.valueOf(late.dateGmt()));
        System.debug(String.valueOf(late.time()) + ' ' + String.valueOf(late.timeGmt()));
        System.debug(late.format('yyyy-MM-dd HH:mm z') + ' | ' + late.formatGmt('yyyy-MM-dd HH:mm'));
        System.debug(late.format('HH:mm', 'Asia/Tokyo'));
        System.debug(late.format());
        System.debug(Datetime.newInstance(Date.newInstance(2024, 1, 15), Time.newInstance(9, 30, 0, 0)) == dt);
        System.debug(Datetime.newInstanceGmt(Date.newInstance(2024, 1, 15), Time.newInstance(14, 30, 0, 0)) == dt);
        System.debug(Datetime.valueOf('2024-01-15 09:30:00') == dt);
        System.debug(Datetime.valueOfGmt('2024-01-15 14:30:00') == dt);
        System.debug(Datetime.parse('1/15/2024, 9:30 AM') == dt);
        System.debug(dt.isSameDay(Datetime.newInstanceGmt(2024, 1, 16, 1, 0, 0)));
        System.debug(Datetime.newInstance(2024, 1, 15).hour());`,
        org,
      ),
    ).toEqual([
      '9 14 30 15 15',
      '1705329000000',
      '2024-01-15 2024-01-16',
      '21:00:00.000Z 02:00:00.000Z',
      '2024-01-15 21:00 EST | 2024-01-16 02:00',
      '11:00',
      '1/15/2024, 9:00 PM',
      'true',
      'true',
      'true',
      'true',
      'true',
      'true',
      '0',
    ]);
  });

  test('newInstance(milliseconds) accepts a Long or an Integer; the add methods', () => {
    expect(
      debugOf(`
        Datetime a = Datetime.newInstance(1704164645000L); System.debug(a.yearGmt() + '-' + a.monthGmt());
        System.debug(Datetime.newInstance(0).getTime());
        Datetime b = Datetime.newInstanceGmt(2024, 1, 31, 23, 30, 0);
        System.debug(b.addMonths(1).formatGmt('yyyy-MM-dd HH:mm') + ' ' + b.addYears(1).formatGmt('yyyy-MM-dd'));
        System.debug(b.addDays(1).formatGmt('MM-dd') + ' ' + b.addHours(1).formatGmt('MM-dd HH'));
        System.debug(b.addMinutes(31).formatGmt('HH:mm') + ' ' + b.addSeconds(-1).formatGmt('HH:mm:ss'));
        System.debug(b.millisecondGmt() + ' ' + b.secondGmt() + ' ' + b.dayOfYearGmt());`),
    ).toEqual(['2024-1', '0', '2024-02-29 23:30 2025-01-31', '02-01 02-01 00', '00:01 23:29:59', '0 0 31']);
  });

  test('an overload the class does not have fails loudly', () => {
    expect(errorOf('Datetime d = Datetime.newInstance(2024, 1, 15, 9);')).toContain(
      'Datetime.newInstance with 4 argument(s)',
    );
  });
});

describe('Time Class', () => {
  test('doc example and arithmetic that wraps around midnight', () => {
    expect(
      debugOf(`
        Time myTime = Time.newInstance(18, 30, 2, 20); System.debug(myTime);
        System.debug(myTime.hour() + ':' + myTime.minute() + ':' + myTime.second() + '.' + myTime.millisecond());
        System.debug(myTime.addHours(7)); System.debug(myTime.addMinutes(-31));
        System.debug(myTime.addSeconds(58)); System.debug(myTime.addMilliseconds(-21));`),
    ).toEqual(['18:30:02.020Z', '18:30:2.20', '01:30:02.020Z', '17:59:02.020Z', '18:31:00.020Z', '18:30:01.999Z']);
  });
});
