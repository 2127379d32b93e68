// Date literals and date functions (SR "Date Formats and Date Literals in WHERE", "Date Functions").
// Now: 2024-05-15T18:00:00Z = Wednesday 2024-05-15 11:00 in America/Los_Angeles (PDT, UTC-7).
import { ApexPlatformError, EmulatorUnsupportedError } from '../../../errors';
import { ApexDate } from '../../../values/Date';
import { ApexDatetime } from '../../../values/Datetime';
import { ApexDecimal } from '../../../values/Decimal';
import { TestOrg, dstr } from './harness';

function datedOrg(days: Record<string, [number, number, number]>): TestOrg {
  const org = new TestOrg();
  for (const [name, [y, m, d]] of Object.entries(days))
    org.insert('Widget__c', { Name: name, Due__c: ApexDate.newInstance(y, m, d) });
  return org;
}

const names = (org: TestOrg, where: string): string[] =>
  org.col(`SELECT Name FROM Widget__c WHERE ${where} ORDER BY Name`, 'Name') as string[];

describe('date literals on a Date field', () => {
  const org = datedOrg({
    today: [2024, 5, 15],
    yesterday: [2024, 5, 14],
    tomorrow: [2024, 5, 16],
    sunday: [2024, 5, 12],
    saturday: [2024, 5, 18],
    lastSaturday: [2024, 5, 11],
    tenDaysAgo: [2024, 5, 5],
    lastMonthEnd: [2024, 4, 30],
    monthStart: [2024, 5, 1],
    quarterStart: [2024, 4, 1],
    march: [2024, 3, 31],
    newYear: [2024, 1, 1],
    lastYear: [2023, 12, 31],
    nextYear: [2025, 1, 1],
  });
  it('TODAY, YESTERDAY, TOMORROW', () => {
    expect(names(org, 'Due__c = TODAY')).toEqual(['today']);
    expect(names(org, 'Due__c = YESTERDAY')).toEqual(['yesterday']);
    expect(names(org, 'Due__c = TOMORROW')).toEqual(['tomorrow']);
  });
  it('> and < compare with the ends of the range', () => {
    expect(names(org, 'Due__c > TODAY')).toEqual(['nextYear', 'saturday', 'tomorrow']);
    expect(names(org, 'Due__c >= TODAY AND Due__c <= TODAY')).toEqual(['today']);
    expect(names(org, 'Due__c < THIS_YEAR')).toEqual(['lastYear']);
  });
  it('LAST_N_DAYS:n includes today (LAST_N_DAYS:1 is yesterday and today); NEXT_N_DAYS:n starts tomorrow', () => {
    expect(names(org, 'Due__c = LAST_N_DAYS:1')).toEqual(['today', 'yesterday']);
    expect(names(org, 'Due__c = LAST_N_DAYS:10')).toEqual([
      'lastSaturday',
      'sunday',
      'tenDaysAgo',
      'today',
      'yesterday',
    ]);
    expect(names(org, 'Due__c = NEXT_N_DAYS:3')).toEqual(['saturday', 'tomorrow']);
    expect(names(org, 'Due__c = N_DAYS_AGO:10')).toEqual(['tenDaysAgo']);
  });
  it("weeks start on the locale's first day (en_US: Sunday; en_GB: Monday)", () => {
    expect(names(org, 'Due__c = THIS_WEEK')).toEqual(['saturday', 'sunday', 'today', 'tomorrow', 'yesterday']);
    expect(names(org, 'Due__c = LAST_WEEK')).toEqual(['lastSaturday', 'tenDaysAgo']);
    org.locale = 'en_GB';
    expect(names(org, 'Due__c = THIS_WEEK')).toEqual(['saturday', 'today', 'tomorrow', 'yesterday']);
    org.locale = 'en_US';
  });
  it('months, quarters, years', () => {
    expect(names(org, 'Due__c = THIS_MONTH')).toEqual(
      ['monthStart', 'saturday', 'sunday', 'tenDaysAgo', 'today', 'tomorrow', 'yesterday', 'lastSaturday'].sort(
        (a, b) => (a.toUpperCase() < b.toUpperCase() ? -1 : 1),
      ),
    );
    expect(names(org, 'Due__c = LAST_MONTH')).toEqual(['lastMonthEnd', 'quarterStart']);
    expect(names(org, 'Due__c = LAST_QUARTER')).toEqual(['march', 'newYear']);
    expect(names(org, 'Due__c = LAST_N_MONTHS:2')).toEqual(['lastMonthEnd', 'march', 'quarterStart']);
    expect(names(org, 'Due__c = LAST_YEAR')).toEqual(['lastYear']);
    expect(names(org, 'Due__c = NEXT_YEAR')).toEqual(['nextYear']);
    expect(names(org, 'Due__c = NEXT_N_YEARS:1')).toEqual(['nextYear']);
  });
  it('fiscal literals follow the fiscal year start month', () => {
    org.fiscalYearStartMonth = 2;
    // Fiscal quarters Feb–Apr, May–Jul: the current one starts 2024-05-01.
    expect(names(org, 'Due__c = LAST_FISCAL_QUARTER')).toEqual(['lastMonthEnd', 'march', 'quarterStart']);
    expect(names(org, 'Due__c = THIS_FISCAL_YEAR').includes('newYear')).toBe(false);
    expect(names(org, 'Due__c = LAST_FISCAL_YEAR')).toEqual(['lastYear', 'newYear']);
    org.fiscalYearStartMonth = 1;
    expect(names(org, 'Due__c = THIS_FISCAL_QUARTER')).toEqual(names(org, 'Due__c = THIS_QUARTER'));
  });
  it('an unknown literal is a QueryException (the grammar refuses it)', () => {
    expect(() => names(org, 'Due__c = THIS_CENTURY')).toThrow(ApexPlatformError);
  });
});

describe("date literals on a dateTime field use the user's time zone", () => {
  it('TODAY covers the local day, not the UTC day', () => {
    const org = new TestOrg();
    org.insert('Widget__c', { Name: 'localMorning', At__c: ApexDatetime.newInstanceGmt(2024, 5, 15, 7, 30) }); // 00:30 PDT
    org.insert('Widget__c', { Name: 'utcMorning', At__c: ApexDatetime.newInstanceGmt(2024, 5, 15, 6, 30) }); // 23:30 PDT the 14th
    org.insert('Widget__c', { Name: 'lateUtc', At__c: ApexDatetime.newInstanceGmt(2024, 5, 16, 6, 59) }); // 23:59 PDT
    expect(names(org, 'At__c = TODAY')).toEqual(['lateUtc', 'localMorning']);
    expect(names(org, 'At__c = YESTERDAY')).toEqual(['utcMorning']);
    org.timeZone = 'GMT';
    expect(names(org, 'At__c = TODAY')).toEqual(['localMorning', 'utcMorning']);
  });
});

describe('date functions', () => {
  const org = new TestOrg();
  org.insert('Widget__c', {
    Name: 'a',
    Due__c: ApexDate.newInstance(2024, 2, 29),
    At__c: ApexDatetime.newInstanceGmt(2024, 1, 1, 3, 0),
    Amount__c: ApexDecimal.valueOf('1'),
  });
  org.insert('Widget__c', {
    Name: 'b',
    Due__c: ApexDate.newInstance(2023, 11, 5),
    At__c: ApexDatetime.newInstanceGmt(2023, 12, 31, 20, 0),
    Amount__c: ApexDecimal.valueOf('2'),
  });
  org.insert('Widget__c', { Name: 'c', Due__c: ApexDate.newInstance(2024, 7, 7), Amount__c: ApexDecimal.valueOf('4') });
  it('in WHERE', () => {
    expect(names(org, 'CALENDAR_YEAR(Due__c) = 2024')).toEqual(['a', 'c']);
    expect(names(org, 'CALENDAR_MONTH(Due__c) = 11')).toEqual(['b']);
    expect(names(org, 'CALENDAR_QUARTER(Due__c) = 3')).toEqual(['c']);
    expect(names(org, 'DAY_IN_MONTH(Due__c) = 29')).toEqual(['a']);
    expect(names(org, 'DAY_IN_WEEK(Due__c) = 1')).toEqual(['b', 'c']); // 2023-11-05 and 2024-07-07 are Sundays
    expect(names(org, 'DAY_IN_YEAR(Due__c) = 60')).toEqual(['a']);
    expect(names(org, 'WEEK_IN_MONTH(Due__c) = 5')).toEqual(['a']);
    expect(names(org, 'WEEK_IN_YEAR(Due__c) = 27')).toEqual(['c']);
  });
  it('read dateTimes in UTC unless convertTimezone()', () => {
    expect(names(org, 'HOUR_IN_DAY(At__c) = 3')).toEqual(['a']);
    expect(names(org, 'HOUR_IN_DAY(convertTimezone(At__c)) = 19')).toEqual(['a']); // 03:00Z = 19:00 PST
    expect(names(org, 'CALENDAR_YEAR(At__c) = 2024')).toEqual(['a']);
    expect(names(org, 'CALENDAR_YEAR(convertTimezone(At__c)) = 2023')).toEqual(['a', 'b']);
    expect(names(org, 'DAY_ONLY(At__c) = 2024-01-01')).toEqual(['a']);
  });
  it('fiscal functions', () => {
    org.fiscalYearStartMonth = 7;
    expect(names(org, 'FISCAL_MONTH(Due__c) = 1')).toEqual(['c']);
    expect(names(org, 'FISCAL_QUARTER(Due__c) = 2')).toEqual(['b']);
    expect(() => names(org, 'FISCAL_YEAR(Due__c) = 2024')).toThrow(EmulatorUnsupportedError);
    org.fiscalYearStartMonth = 1;
    expect(names(org, 'FISCAL_YEAR(Due__c) = 2023')).toEqual(['b']);
  });
  it('in GROUP BY, unaliased as exprN', () => {
    const rows = org.rows(
      'SELECT CALENDAR_YEAR(Due__c), SUM(Amount__c) total FROM Widget__c GROUP BY CALENDAR_YEAR(Due__c) ORDER BY CALENDAR_YEAR(Due__c)',
    );
    expect(rows.map((r) => [r.get('expr0'), dstr(r.get('total'))])).toEqual([
      [2023, '2'],
      [2024, '5'],
    ]);
  });
});
