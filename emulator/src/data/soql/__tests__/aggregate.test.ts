// COUNT(), aggregate functions, GROUP BY, HAVING, aliases, AggregateResult rows (SR "Aggregate Functions",
// "GROUP BY", "HAVING", "Using Aliases with GROUP BY"; ADG "Working with SOQL Aggregate Functions").
import { ApexPlatformError, EmulatorUnsupportedError } from '../../../errors';
import type { SObjectValue } from '../../../runtime/sobject';
import type { ApexList } from '../../../runtime/values';
import { ApexDecimal } from '../../../values/Decimal';
import { runCountQuery } from '../engine';
import { parseDynamicSoql } from '../lower';
import { TestOrg, dstr, idOf } from './harness';

const dec = (s: string): ApexDecimal => ApexDecimal.valueOf(s);

function seed(): TestOrg {
  const org = new TestOrg();
  const acc = org.insert('Account', { Name: 'Acme' });
  org.insert('Widget__c', { Name: 'P1', Status__c: 'Mid', Amount__c: dec('1.25'), Account__c: idOf(acc) });
  org.insert('Widget__c', { Name: 'P2', Status__c: 'Mid', Amount__c: dec('2.50'), Account__c: idOf(acc) });
  org.insert('Widget__c', { Name: 'P3', Status__c: 'Zeta', Amount__c: dec('3.00') });
  org.insert('Widget__c', { Name: 'P4' });
  return org;
}

describe('COUNT()', () => {
  const org = seed();
  it('is an Integer', () => {
    expect(org.query('SELECT COUNT() FROM Widget__c')).toBe(4);
    expect(org.query("SELECT COUNT() FROM Widget__c WHERE Status__c = 'Mid'")).toBe(2);
  });
  it('counts up to LIMIT', () => {
    expect(org.query('SELECT COUNT() FROM Widget__c LIMIT 3')).toBe(3);
  });
  it('Database.countQuery', () => {
    expect(runCountQuery(org.env(), parseDynamicSoql("SELECT COUNT() FROM Widget__c WHERE Status__c = 'Zeta'"))).toBe(
      1,
    );
    expect(() => runCountQuery(org.env(), parseDynamicSoql('SELECT Id FROM Widget__c'))).toThrow(
      EmulatorUnsupportedError,
    );
  });
});

describe('aggregate functions', () => {
  const org = seed();
  const one = (text: string): SObjectValue => {
    const rows = org.rows(text);
    expect(rows).toHaveLength(1);
    return rows[0] as SObjectValue;
  };
  it('return a List<AggregateResult>; SUM, MIN, MAX ignore nulls; COUNT(field) counts non-null values', () => {
    const list = org.query(
      'SELECT SUM(Amount__c) total, MIN(Amount__c) lo, MAX(Amount__c) hi, COUNT(Amount__c) filled, COUNT(Id) n FROM Widget__c',
    ) as ApexList;
    expect(list.elementType).toEqual({ kind: 'sobject', sobject: 'AggregateResult' });
    expect(list.soqlResult).toBe(true);
    const row = list.items[0] as SObjectValue;
    expect(row.describe.name).toBe('AggregateResult');
    expect(dstr(row.get('total'))).toBe('6.75');
    expect(dstr(row.get('lo'))).toBe('1.25');
    expect(dstr(row.get('hi'))).toBe('3.00');
    expect(row.get('filled')).toBe(3);
    expect(row.get('n')).toBe(4);
  });
  it('AVG and COUNT_DISTINCT', () => {
    const row = one('SELECT AVG(Amount__c) a, COUNT_DISTINCT(Status__c) kinds FROM Widget__c');
    expect(dstr(row.get('a'))).toBe('2.25');
    expect(row.get('kinds')).toBe(2);
  });
  it('MAX on text, and MIN / MAX on a picklist use the picklist order', () => {
    expect(one('SELECT MAX(Name) m FROM Widget__c').get('m')).toBe('P4');
    const row = one('SELECT MIN(Status__c) lo, MAX(Status__c) hi FROM Widget__c');
    expect([row.get('lo'), row.get('hi')]).toEqual(['Zeta', 'Mid']);
  });
  it('unaliased aggregates are expr0, expr1 …; an alias does not use up a number', () => {
    const row = one('SELECT MAX(Amount__c), MIN(Amount__c) lo, SUM(Amount__c) FROM Widget__c');
    expect(dstr(row.get('expr0'))).toBe('3.00');
    expect(dstr(row.get('lo'))).toBe('1.25');
    expect(dstr(row.get('expr1'))).toBe('6.75');
    expect([...(row.queried ?? [])]).toEqual(['expr0', 'lo', 'expr1']);
  });
  it('an aggregate over no rows gives one row: COUNT 0, SUM null', () => {
    const row = one("SELECT COUNT(Id) n, SUM(Amount__c) s FROM Widget__c WHERE Name = 'nobody'");
    expect(row.get('n')).toBe(0);
    expect(row.get('s')).toBeNull();
  });
  it('AggregateResult is read-only and refuses unknown names', () => {
    const row = one('SELECT COUNT(Id) n FROM Widget__c');
    expect(row.readOnly).toBe(true);
    expect(() => row.get('x')).toThrow('Invalid field x for AggregateResult');
  });
  it('SUM of a text field is refused', () => {
    expect(() => org.rows('SELECT SUM(Name) FROM Widget__c')).toThrow(ApexPlatformError);
  });
});

describe('GROUP BY and HAVING', () => {
  const org = seed();
  it('one row per group, grouped fields read by name or alias, null a group of its own', () => {
    const rows = org.rows('SELECT Status__c, COUNT(Id) n, SUM(Amount__c) FROM Widget__c GROUP BY Status__c');
    expect(rows.map((r) => [r.get('Status__c'), r.get('n'), dstr(r.get('expr0'))])).toEqual([
      ['Mid', 2, '3.75'],
      ['Zeta', 1, '3.00'],
      [null, 1, null],
    ]);
    const aliased = org.rows(
      'SELECT Status__c st, COUNT(Id) FROM Widget__c WHERE Status__c != null GROUP BY Status__c',
    );
    expect(aliased.map((r) => r.get('st'))).toEqual(['Mid', 'Zeta']);
  });
  it('HAVING filters groups', () => {
    const rows = org.rows('SELECT Status__c s, COUNT(Id) n FROM Widget__c GROUP BY Status__c HAVING COUNT(Id) > 1');
    expect(rows.map((r) => r.get('s'))).toEqual(['Mid']);
    expect(
      org
        .rows("SELECT Status__c FROM Widget__c GROUP BY Status__c HAVING Status__c = 'zeta'")
        .map((r) => r.get('Status__c')),
    ).toEqual(['Zeta']);
  });
  it('ORDER BY an aggregate or a grouped field, LIMIT on groups', () => {
    const rows = org.rows(
      'SELECT Status__c, SUM(Amount__c) s FROM Widget__c GROUP BY Status__c ORDER BY SUM(Amount__c) DESC NULLS LAST LIMIT 2',
    );
    expect(rows.map((r) => r.get('Status__c'))).toEqual(['Mid', 'Zeta']);
    expect(
      org.rows('SELECT Status__c FROM Widget__c GROUP BY Status__c ORDER BY Status__c').map((r) => r.get('Status__c')),
    ).toEqual([null, 'Zeta', 'Mid']);
  });
  it('a parent field groups under its field name', () => {
    const rows = org.rows('SELECT Account__r.Name, COUNT(Id) n FROM Widget__c GROUP BY Account__r.Name');
    expect(rows.map((r) => [r.get('Name'), r.get('n')])).toEqual([
      ['Acme', 2],
      [null, 2],
    ]);
  });
  it('a field that is neither grouped nor aggregated is refused', () => {
    expect(() => org.rows('SELECT Name, COUNT(Id) FROM Widget__c')).toThrow(
      'Field must be grouped or aggregated: Name',
    );
    expect(() => org.rows('SELECT Name, COUNT(Id) FROM Widget__c GROUP BY Status__c')).toThrow(
      'Field must be grouped or aggregated: Name',
    );
  });
  it('GROUP BY a field that cannot be grouped is refused; ROLLUP fails loudly', () => {
    expect(() => org.rows('SELECT Amount__c FROM Widget__c GROUP BY Amount__c')).toThrow(
      "field 'Amount__c' can not be grouped in a query call",
    );
    expect(() => org.rows('SELECT Status__c, COUNT(Id) FROM Widget__c GROUP BY ROLLUP(Status__c)')).toThrow(
      EmulatorUnsupportedError,
    );
  });
});
