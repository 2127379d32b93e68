// ORDER BY, LIMIT, OFFSET (SR "ORDER BY", "LIMIT", "OFFSET").
import { ApexPlatformError } from '../../../errors';
import { TestOrg, idOf } from './harness';

function seed(): TestOrg {
  const org = new TestOrg();
  const a = org.insert('Account', { Name: 'b-account' });
  const b = org.insert('Account', { Name: 'A-account' });
  org.insert('Widget__c', { Name: 'n3', Text__c: 'b', Status__c: 'Alpha', Account__c: idOf(a) });
  org.insert('Widget__c', { Name: 'n1', Text__c: 'A', Status__c: 'Zeta', Account__c: idOf(b) });
  org.insert('Widget__c', { Name: 'n4', Text__c: null, Status__c: 'Mid' });
  org.insert('Widget__c', { Name: 'n2', Text__c: 'c' });
  return org;
}

describe('ORDER BY', () => {
  const org = seed();
  const texts = (order: string): unknown[] => org.col(`SELECT Text__c FROM Widget__c ORDER BY ${order}`, 'Text__c');
  it('ascending by default, nulls first; case-insensitive', () => {
    expect(texts('Text__c')).toEqual([null, 'A', 'b', 'c']);
  });
  it('DESC puts nulls last; NULLS FIRST / LAST override', () => {
    expect(texts('Text__c DESC')).toEqual(['c', 'b', 'A', null]);
    expect(texts('Text__c ASC NULLS LAST')).toEqual(['A', 'b', 'c', null]);
    expect(texts('Text__c DESC NULLS FIRST')).toEqual([null, 'c', 'b', 'A']);
  });
  it('several keys; ties keep insertion order', () => {
    org.insert('Widget__c', { Name: 'n0', Text__c: 'a' });
    expect(org.col("SELECT Name FROM Widget__c WHERE Text__c = 'a' ORDER BY Text__c, Name DESC", 'Name')).toEqual([
      'n1',
      'n0',
    ]);
    expect(org.col("SELECT Name FROM Widget__c WHERE Text__c = 'a' ORDER BY Text__c", 'Name')).toEqual(['n1', 'n0']);
  });
  it('on an unselected field and on a parent path (rows with an empty reference still come back)', () => {
    const o = seed();
    expect(o.col('SELECT Name FROM Widget__c ORDER BY Account__r.Name NULLS LAST, Name', 'Name')).toEqual([
      'n1',
      'n3',
      'n2',
      'n4',
    ]);
  });
  it('picklists sort in the order of their values, not alphabetically', () => {
    const o = seed();
    expect(o.col('SELECT Status__c FROM Widget__c ORDER BY Status__c NULLS LAST', 'Status__c')).toEqual([
      'Zeta',
      'Alpha',
      'Mid',
      null,
    ]);
  });
  it('refuses a field that cannot be sorted', () => {
    const o = seed();
    expect(() => o.rows('SELECT Id FROM Widget__c ORDER BY Tags__c')).toThrow(
      "field 'Tags__c' can not be sorted in a query call",
    );
  });
  it('without ORDER BY, rows come in insertion order', () => {
    const o = seed();
    expect(o.col('SELECT Name FROM Widget__c', 'Name')).toEqual(['n3', 'n1', 'n4', 'n2']);
  });
});

describe('LIMIT and OFFSET', () => {
  const org = seed();
  it('OFFSET skips rows before LIMIT counts', () => {
    expect(org.col('SELECT Name FROM Widget__c ORDER BY Name LIMIT 2 OFFSET 1', 'Name')).toEqual(['n2', 'n3']);
  });
  it('accept binds', () => {
    expect(
      org.col('SELECT Name FROM Widget__c ORDER BY Name LIMIT :take OFFSET :skip', 'Name', { take: 1, skip: 3 }),
    ).toEqual(['n4']);
    expect(org.col('SELECT Name FROM Widget__c ORDER BY Name LIMIT :take', 'Name', { take: 0 })).toEqual([]);
  });
  it('OFFSET above 2,000 is refused', () => {
    expect(() => org.rows('SELECT Name FROM Widget__c LIMIT 10 OFFSET 2001')).toThrow(
      'Maximum SOQL offset allowed is 2000',
    );
    expect(org.rows('SELECT Name FROM Widget__c OFFSET 2000')).toEqual([]);
  });
  it('a negative bound LIMIT is refused', () => {
    expect(() => org.rows('SELECT Name FROM Widget__c LIMIT :n', { n: -1 })).toThrow(ApexPlatformError);
  });
});
