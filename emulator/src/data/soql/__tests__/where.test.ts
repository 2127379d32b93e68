// WHERE: logic, comparison operators by field type, LIKE, IN with lists and binds, semi-/anti-joins,
// multi-select picklists, nulls, Ids (SR "Condition Expression Syntax", "Comparison Operators").
import { ApexPlatformError, EmulatorUnsupportedError } from '../../../errors';
import { SObjectValue } from '../../../runtime/sobject';
import { ApexList, ApexSet } from '../../../runtime/values';
import { STRING_TYPE, ID_TYPE, sobjectType } from '../../../runtime/types';
import { ApexDate } from '../../../values/Date';
import { ApexDatetime } from '../../../values/Datetime';
import { ApexDecimal } from '../../../values/Decimal';
import { ApexDouble } from '../../../values/Double';
import { ApexId } from '../../../values/Id';
import { ApexTime } from '../../../values/Time';
import { runQuery } from '../engine';
import { TestOrg, describe as describeObject, idOf, inline } from './harness';

function seed(): TestOrg {
  const org = new TestOrg();
  const acc = org.insert('Account', { Name: 'Acme' });
  const alpha = org.insert('Widget__c', {
    Name: 'Alpha',
    Text__c: 'one',
    Tags__c: 'A;B',
    Active__c: true,
    Amount__c: ApexDecimal.valueOf('1.50'),
    Code__c: 'Ab-1',
    Status__c: 'Zeta',
    Due__c: ApexDate.newInstance(2024, 1, 15),
    At__c: ApexDatetime.newInstanceGmt(2024, 1, 15, 12, 0, 0),
    Starts__c: ApexTime.newInstance(9, 30, 0, 0),
    Account__c: idOf(acc),
  });
  org.insert('Widget__c', {
    Name: 'Beta',
    Text__c: 'two',
    Tags__c: 'B;C',
    Active__c: false,
    Amount__c: ApexDecimal.valueOf('20'),
    Code__c: 'ab-1',
    Status__c: 'Alpha',
  });
  org.insert('Widget__c', { Name: 'Gamma', Tags__c: 'D', Active__c: true });
  org.insert('Part__c', { Name: 'x', Label__c: 'alpha part', Widget__c: idOf(alpha) });
  return org;
}

const names = (org: TestOrg, where: string, binds = {}): string[] =>
  org.col(`SELECT Name FROM Widget__c WHERE ${where} ORDER BY Name`, 'Name', binds) as string[];

function qErr(f: () => unknown): ApexPlatformError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApexPlatformError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('logical operators (SR "Logical Operators")', () => {
  const org = seed();
  it('AND, OR, parentheses', () => {
    expect(names(org, "Active__c = TRUE AND (Name = 'Alpha' OR Name = 'Beta')")).toEqual(['Alpha']);
    expect(names(org, "Name = 'Alpha' OR Name = 'Gamma'")).toEqual(['Alpha', 'Gamma']);
  });
  it('NOT negates', () => {
    expect(names(org, "NOT Name = 'Alpha'")).toEqual(['Beta', 'Gamma']);
    expect(names(org, "NOT (Name = 'Alpha' OR Name = 'Beta')")).toEqual(['Gamma']);
  });
});

describe('comparisons', () => {
  const org = seed();
  it('text = and != are case-insensitive; != keeps nulls', () => {
    expect(names(org, "Name = 'ALPHA'")).toEqual(['Alpha']);
    expect(names(org, "Text__c != 'ONE'")).toEqual(['Beta', 'Gamma']);
  });
  it('= on a unique case-sensitive field is case-sensitive', () => {
    expect(names(org, "Code__c = 'ab-1'")).toEqual(['Beta']);
  });
  it('text < > compare case-insensitively', () => {
    expect(names(org, "Name > 'b'")).toEqual(['Beta', 'Gamma']);
    expect(names(org, "Name <= 'BETA'")).toEqual(['Alpha', 'Beta']);
  });
  it('null: = NULL, != NULL, a bound null, and blank text equal to null', () => {
    expect(names(org, 'Text__c = NULL')).toEqual(['Gamma']);
    expect(names(org, 'Text__c != null')).toEqual(['Alpha', 'Beta']);
    expect(names(org, 'Text__c = :nothing', { nothing: null })).toEqual(['Gamma']);
    expect(names(org, "Text__c = ''")).toEqual(['Gamma']);
    expect(names(org, 'Amount__c > 0')).toEqual(['Alpha', 'Beta']);
    expect(names(org, 'NOT Amount__c > 5')).toEqual(['Alpha', 'Gamma']);
  });
  it('numbers compare by value, with literals and Integer / Long / Double / Decimal binds', () => {
    expect(names(org, 'Amount__c = 1.5')).toEqual(['Alpha']);
    expect(names(org, 'Amount__c >= 1.50 AND Amount__c < 20')).toEqual(['Alpha']);
    expect(names(org, 'Amount__c = :n', { n: 20 })).toEqual(['Beta']);
    expect(names(org, 'Amount__c = :n', { n: 20n })).toEqual(['Beta']);
    expect(names(org, 'Amount__c < :n', { n: new ApexDouble(1.6) })).toEqual(['Alpha']);
    expect(names(org, 'Amount__c > :n', { n: ApexDecimal.valueOf('-1e2') })).toEqual(['Alpha', 'Beta']);
  });
  it('booleans; null matches false on a Boolean field (SR "Use null in WHERE")', () => {
    expect(names(org, 'Active__c = false')).toEqual(['Beta']);
    expect(names(org, 'Active__c = null')).toEqual(['Beta']);
    expect(names(org, 'Active__c != null')).toEqual(['Alpha', 'Gamma']);
    expect(names(org, 'Active__c = :b', { b: null })).toEqual(['Beta']);
    expect(names(org, 'Active__c = :b', { b: true })).toEqual(['Alpha', 'Gamma']);
  });
  it('date, dateTime and time literals and binds', () => {
    expect(names(org, 'Due__c = 2024-01-15')).toEqual(['Alpha']);
    expect(names(org, 'Due__c > :d', { d: ApexDate.newInstance(2024, 1, 14) })).toEqual(['Alpha']);
    expect(names(org, 'At__c > 2024-01-15T11:59:59Z AND At__c < 2024-01-15T12:00:01Z')).toEqual(['Alpha']);
    expect(names(org, 'At__c = 2024-01-15T13:00:00+01:00')).toEqual(['Alpha']);
    expect(names(org, 'At__c = 2024-01-15T04:00:00.000-08:00')).toEqual(['Alpha']);
    expect(names(org, 'Starts__c = 09:30:00.000Z')).toEqual(['Alpha']);
    expect(names(org, 'Starts__c < :t', { t: ApexTime.newInstance(10, 0, 0, 0) })).toEqual(['Alpha']);
  });
  it("refuses a literal of the wrong type with the org's message", () => {
    expect(qErr(() => names(org, "Amount__c = '5'")).message).toBe(
      "value of filter criterion for field 'Amount__c' must be of type double and should not be enclosed in quotes",
    );
    expect(qErr(() => names(org, 'Name = 5')).message).toBe(
      "value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes",
    );
    // SR "Date Formats …": a date format filters date fields only, a dateTime format dateTime fields only.
    expect(qErr(() => names(org, 'At__c = 2024-01-15')).message).toBe(
      "value of filter criterion for field 'At__c' must be of type dateTime and should not be enclosed in quotes",
    );
    expect(qErr(() => names(org, 'Due__c = 2024-01-15T00:00:00Z')).message).toMatch(/must be of type date /);
  });
  it('refuses a bind of the wrong type', () => {
    expect(qErr(() => names(org, 'Amount__c = :s', { s: 'x' })).message).toBe(
      'Invalid bind expression type of String for column of type Decimal',
    );
  });
  it('refuses filtering on a long text area', () => {
    expect(qErr(() => names(org, "Notes__c = 'x'")).message).toBe(
      "field 'Notes__c' can not be filtered in a query call",
    );
  });
  it('filters through a parent relationship', () => {
    expect(org.col("SELECT Label__c FROM Part__c WHERE Widget__r.Name = 'alpha'", 'Label__c')).toEqual(['alpha part']);
    expect(names(org, "Account__r.Name = 'Acme'")).toEqual(['Alpha']);
    expect(names(org, 'Account__r.Name = null')).toEqual(['Beta', 'Gamma']);
  });
});

describe('LIKE (SR "Comparison Operators")', () => {
  const org = seed();
  it('% and _ wildcards, case-insensitive', () => {
    expect(names(org, "Name LIKE 'alp%'")).toEqual(['Alpha']);
    expect(names(org, "Name LIKE '%A'")).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(names(org, "Name LIKE 'B_ta'")).toEqual(['Beta']);
    expect(names(org, "Name LIKE 'B_a'")).toEqual([]);
    expect(names(org, 'Name LIKE :p', { p: 'g%' })).toEqual(['Gamma']);
  });
  it('\\% and \\_ match the literal characters', () => {
    const o = new TestOrg();
    o.insert('Widget__c', { Name: '50% off' });
    o.insert('Widget__c', { Name: '50 percent off' });
    o.insert('Widget__c', { Name: 'a_b' });
    o.insert('Widget__c', { Name: 'axb' });
    // apex-parser's lexer refuses \% inside a quoted literal, so the escaped patterns are bound here.
    expect(names(o, 'Name LIKE :p', { p: '50\\% %' })).toEqual(['50% off']);
    expect(names(o, 'Name LIKE :p', { p: 'a\\_b' })).toEqual(['a_b']);
    // Ordered by the upper-cased UTF-8 values: 'X' (0x58) sorts before '_' (0x5F).
    expect(names(o, "Name LIKE 'a_b'")).toEqual(['axb', 'a_b']);
  });
  it('regular-expression characters are literal', () => {
    const o = new TestOrg();
    o.insert('Widget__c', { Name: 'a.c (x)' });
    o.insert('Widget__c', { Name: 'abc (x)' });
    expect(names(o, "Name LIKE 'a.c (%'")).toEqual(['a.c (x)']);
  });
});

describe('IN / NOT IN (ADG "Using Apex Variables in SOQL and SOSL Queries")', () => {
  const org = seed();
  it('literal lists', () => {
    expect(names(org, "Name IN ('alpha', 'Gamma', 'Nobody')")).toEqual(['Alpha', 'Gamma']);
    expect(names(org, "Name NOT IN ('Alpha')")).toEqual(['Beta', 'Gamma']);
    expect(names(org, 'Amount__c IN (1.5, 20)')).toEqual(['Alpha', 'Beta']);
  });
  it('bound Lists and Sets; an empty list matches nothing', () => {
    const list = new ApexList(STRING_TYPE, ['Alpha', 'Gamma', 'Nobody']);
    expect(names(org, 'Name IN :l', { l: list })).toEqual(['Alpha', 'Gamma']);
    expect(names(org, 'Name IN :l', { l: new ApexList(STRING_TYPE, []) })).toEqual([]);
    expect(names(org, 'Name NOT IN :l', { l: new ApexList(STRING_TYPE, []) })).toEqual(['Alpha', 'Beta', 'Gamma']);
    const ids = org.rows("SELECT Id FROM Widget__c WHERE Name != 'Beta'").map((r) => r.get('Id'));
    const set = new ApexSet(ID_TYPE);
    for (const id of ids) set.store.buckets.set(String((id as ApexId).value), [{ key: id, value: null }]);
    set.store.size = ids.length;
    expect(names(org, 'Id NOT IN :s', { s: set })).toEqual(['Beta']);
    expect(names(org, 'Id IN :s', { s: set })).toEqual(['Alpha', 'Gamma']);
  });
  it('a bound list of sObjects compares their Ids; so does a bound sObject', () => {
    const picked = org.rows("SELECT Id FROM Widget__c WHERE Name = 'Gamma'");
    const list = new ApexList(sobjectType('Widget__c'), picked);
    expect(names(org, 'Id IN :l', { l: list })).toEqual(['Gamma']);
    expect(names(org, 'Id = :w', { w: picked[0] as SObjectValue })).toEqual(['Gamma']);
  });
  it('semi-join and anti-join sub-queries', () => {
    expect(names(org, 'Id IN (SELECT Widget__c FROM Part__c)')).toEqual(['Alpha']);
    expect(names(org, 'Id NOT IN (SELECT Widget__c FROM Part__c)')).toEqual(['Beta', 'Gamma']);
    expect(names(org, "Id IN (SELECT Widget__c FROM Part__c WHERE Label__c = 'nothing')")).toEqual([]);
    expect(org.col('SELECT Name FROM Account WHERE Id IN (SELECT Account__c FROM Widget__c)', 'Name')).toEqual([
      'Acme',
    ]);
  });
  it('refuses a semi-join on a field that is not an Id, and nested semi-joins', () => {
    expect(() => names(org, 'Name IN (SELECT Widget__c FROM Part__c)')).toThrow(ApexPlatformError);
    expect(
      qErr(() => names(org, 'Id IN (SELECT Widget__c FROM Part__c WHERE Widget__c IN (SELECT Id FROM Widget__c))'))
        .message,
    ).toBe('Nesting of semi join sub-selects is not supported');
  });
});

describe('Ids', () => {
  const org = seed();
  const alpha = org.rows("SELECT Id FROM Widget__c WHERE Name = 'Alpha'")[0]?.get('Id') as ApexId;
  it('compare with 15- or 18-character strings, and Id values', () => {
    expect(names(org, `Id = '${alpha.value}'`)).toEqual(['Alpha']);
    expect(names(org, `Id = '${alpha.to15()}'`)).toEqual(['Alpha']);
    // 15-character ids are case-sensitive; 18-character ones carry their case in the checksum.
    expect(names(org, `Id = '${alpha.to15().toUpperCase()}'`)).toEqual([]);
    expect(names(org, `Id = '${alpha.value.toUpperCase()}'`)).toEqual(['Alpha']);
    expect(names(org, 'Id = :i', { i: alpha })).toEqual(['Alpha']);
    expect(names(org, 'Id IN :l', { l: new ApexList(STRING_TYPE, [alpha.to15()]) })).toEqual(['Alpha']);
  });
  it("an invalid id string is the org's QueryException", () => {
    expect(qErr(() => names(org, "Id = 'nope'")).message).toBe('invalid ID field: nope');
  });
  it('an Id of another object matches nothing', () => {
    const acc = org.rows('SELECT Id FROM Account')[0]?.get('Id') as ApexId;
    expect(names(org, 'Id = :i', { i: acc })).toEqual([]);
  });
  it('inline binds are read by index', () => {
    const q = inline('SELECT Name FROM Widget__c WHERE Id IN :ids OR Name = :n ORDER BY Name', ['n', 'ids']);
    const r = runQuery(org.env({}, ['Beta', new ApexList(ID_TYPE, [alpha])]), q) as ApexList;
    expect(r.items.map((x) => (x as SObjectValue).get('Name'))).toEqual(['Alpha', 'Beta']);
  });
});

describe('multi-select picklists (SR "Querying Multi-Select Picklists")', () => {
  const org = seed();
  it("INCLUDES: ';' means all of the values, ',' any of them", () => {
    expect(names(org, "Tags__c INCLUDES ('A;B')")).toEqual(['Alpha']);
    expect(names(org, "Tags__c INCLUDES ('b;a')")).toEqual(['Alpha']);
    expect(names(org, "Tags__c INCLUDES ('A', 'C')")).toEqual(['Alpha', 'Beta']);
    expect(names(org, 'Tags__c INCLUDES (:t)', { t: 'D' })).toEqual(['Gamma']);
  });
  it('EXCLUDES', () => {
    expect(names(org, "Tags__c EXCLUDES ('B')")).toEqual(['Gamma']);
    expect(names(org, "Tags__c EXCLUDES ('A;B')")).toEqual(['Beta', 'Gamma']);
  });
  it('= matches the exact set of values', () => {
    expect(names(org, "Tags__c = 'B;A'")).toEqual(['Alpha']);
    expect(names(org, "Tags__c = 'A'")).toEqual([]);
  });
  it('refuses INCLUDES on a field that is not a multi-select picklist', () => {
    expect(() => names(org, "Name INCLUDES ('A')")).toThrow(ApexPlatformError);
  });
});

describe('unsupported forms fail loudly', () => {
  const org = seed();
  it('binding a Datetime to a Date field', () => {
    expect(() => names(org, 'Due__c = :d', { d: ApexDatetime.newInstanceGmt(2024, 1, 15) })).toThrow(
      EmulatorUnsupportedError,
    );
  });
  it('a bound list with =', () => {
    expect(() => names(org, 'Name = :l', { l: new ApexList(STRING_TYPE, ['a']) })).toThrow(EmulatorUnsupportedError);
  });
  void describeObject;
});
