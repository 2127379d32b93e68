// Engine-level rules: governor limits, access modes and security reads, sharing, ALL ROWS, FOR UPDATE, features
// that fail loudly, and compiling once per query.
import { EmulatorUnsupportedError } from '../../../errors';
import type { SObjectValue } from '../../../runtime/sobject';
import { ApexDecimal } from '../../../values/Decimal';
import { runQuery } from '../engine';
import { parseDynamicSoql } from '../lower';
import { TestOrg, idOf } from './harness';

function seed(): TestOrg {
  const org = new TestOrg();
  const acc = org.insert('Account', { Name: 'Acme' });
  const w1 = org.insert('Widget__c', { Name: 'W1', Amount__c: ApexDecimal.valueOf('1'), Account__c: idOf(acc) });
  org.insert('Widget__c', { Name: 'W2', Amount__c: ApexDecimal.valueOf('2') });
  org.insert('Widget__c', { Name: 'W3' });
  org.insert('Part__c', { Name: 'p1', Widget__c: idOf(w1) });
  org.insert('Part__c', { Name: 'p2', Widget__c: idOf(w1) });
  return org;
}

describe('governor limits (ADG "Execution Governors and Limits"; "Working with SOQL Aggregate Functions")', () => {
  it('each query counts once; returned rows, sub-query rows included, count as query rows', () => {
    const org = seed();
    org.rows('SELECT Id FROM Widget__c');
    expect(org.limits).toMatchObject({ queries: 1, queryRows: 3 });
    org.rows('SELECT Id, (SELECT Id FROM Parts__r) FROM Widget__c');
    expect(org.limits).toMatchObject({ queries: 2, queryRows: 3 + 3 + 2 });
  });
  it('COUNT() and COUNT(field) count one row (one per group); other aggregates every row they read', () => {
    const org = seed();
    org.query('SELECT COUNT() FROM Widget__c');
    expect(org.limits).toMatchObject({ queries: 1, queryRows: 1, aggregateQueries: 1 });
    org.rows('SELECT COUNT(Id) FROM Widget__c');
    expect(org.limits.queryRows).toBe(2);
    org.rows('SELECT Name, COUNT(Id) FROM Widget__c GROUP BY Name');
    expect(org.limits.queryRows).toBe(5);
    org.rows('SELECT SUM(Amount__c) FROM Widget__c');
    expect(org.limits.queryRows).toBe(8);
    expect(org.limits.aggregateQueries).toBe(4);
  });
  it('an invalid query does not count', () => {
    const org = seed();
    expect(() => org.rows('SELECT Nope__c FROM Widget__c')).toThrow();
    expect(org.limits.queries).toBe(0);
  });
});

describe('access modes and security reads (ADG "Enforce User Mode for Database Operations")', () => {
  it('passes every object and field the query reads, parent paths resolved, in USER_MODE', () => {
    const org = seed();
    org.rows(
      'SELECT Name, Account__r.Owner.LastName, (SELECT Label__c FROM Parts__r) FROM Widget__c WHERE Amount__c > 0 AND Id IN (SELECT Widget__c FROM Part__c) WITH USER_MODE ORDER BY Text__c',
    );
    const check = org.checks[0];
    expect(check?.mode).toBe('USER_MODE');
    const reads = Object.fromEntries((check?.reads ?? []).map((r) => [r.object, [...r.fields].sort()]));
    expect(reads).toEqual({
      Widget__c: ['Account__c', 'Amount__c', 'Id', 'Name', 'Text__c'],
      Account: ['OwnerId'],
      User: ['LastName'],
      Part__c: ['Label__c', 'Widget__c'],
    });
  });
  it('WITH SECURITY_ENFORCED passes only what SELECT and FROM read', () => {
    const org = seed();
    org.rows('SELECT Name FROM Widget__c WHERE Amount__c > 0 WITH SECURITY_ENFORCED');
    expect(org.checks[0]).toEqual({ mode: 'SECURITY_ENFORCED', reads: [{ object: 'Widget__c', fields: ['Name'] }] });
  });
  it('default and SYSTEM_MODE are system mode; AccessLevel.USER_MODE is user mode', () => {
    const org = seed();
    org.rows('SELECT Name FROM Widget__c');
    org.rows('SELECT Name FROM Widget__c WITH SYSTEM_MODE');
    org.accessMode = 'USER_MODE';
    org.rows('SELECT Name FROM Widget__c');
    expect(org.checks.map((c) => c.mode)).toEqual(['SYSTEM', 'SYSTEM', 'USER_MODE']);
  });
  it('a refusal from checkQuery stops the query', () => {
    const org = seed();
    const env = org.env();
    env.security.checkQuery = () => {
      throw new Error('refused');
    };
    expect(() => runQuery(env, parseDynamicSoql('SELECT Name FROM Widget__c WITH USER_MODE'))).toThrow('refused');
  });
});

describe('sharing', () => {
  it("applies with the class's sharing, and always in user mode, to rows and child rows", () => {
    const org = seed();
    const hidden = org.rows("SELECT Id FROM Widget__c WHERE Name = 'W2'")[0]?.get('Id');
    const part = org.rows("SELECT Id FROM Part__c WHERE Name = 'p2'")[0]?.get('Id');
    org.hidden.add(String((hidden as { value: string }).value));
    org.hidden.add(String((part as { value: string }).value));
    expect(org.col('SELECT Name FROM Widget__c', 'Name')).toEqual(['W1', 'W2', 'W3']);
    expect(org.col('SELECT Name FROM Widget__c WITH USER_MODE', 'Name')).toEqual(['W1', 'W3']);
    org.applySharing = true;
    const rows = org.rows('SELECT Name, (SELECT Name FROM Parts__r) FROM Widget__c');
    expect(rows.map((r) => r.get('Name'))).toEqual(['W1', 'W3']);
    expect((rows[0]?.get('Parts__r') as { items: SObjectValue[] }).items.map((p) => p.get('Name'))).toEqual(['p1']);
  });
  it("WITH SYSTEM_MODE keeps the class's sharing", () => {
    const org = seed();
    const hidden = org.rows("SELECT Id FROM Widget__c WHERE Name = 'W3'")[0]?.get('Id') as { value: string };
    org.hidden.add(hidden.value);
    org.applySharing = true;
    expect(org.col('SELECT Name FROM Widget__c WITH SYSTEM_MODE', 'Name')).toEqual(['W1', 'W2']);
    org.applySharing = false;
    expect(org.col('SELECT Name FROM Widget__c WITH SYSTEM_MODE', 'Name')).toEqual(['W1', 'W2', 'W3']);
  });
  it('a parent the user cannot see fails loudly', () => {
    const org = seed();
    const acc = org.rows('SELECT Id FROM Account')[0]?.get('Id') as { value: string };
    org.hidden.add(acc.value);
    org.applySharing = true;
    expect(() => org.rows('SELECT Account__r.Name FROM Widget__c')).toThrow(EmulatorUnsupportedError);
  });
});

describe('deleted records (ADG "Restoring Deleted Records": ALL ROWS)', () => {
  it('are left out unless ALL ROWS, which returns them with IsDeleted true', () => {
    const org = seed();
    const w1 = [...org.db.table('Widget__c')][0];
    if (!w1) throw new Error('no widget');
    w1.isDeleted = true;
    expect(org.col('SELECT Name FROM Widget__c', 'Name')).toEqual(['W2', 'W3']);
    expect(org.rows('SELECT Id FROM Widget__c WHERE Id = :i', { i: idOf(w1) })).toEqual([]);
    const all = org.rows('SELECT Name, IsDeleted FROM Widget__c WHERE Id = :i ALL ROWS', { i: idOf(w1) });
    expect(all.map((r) => [r.get('Name'), r.get('IsDeleted')])).toEqual([['W1', true]]);
    expect(org.query('SELECT COUNT() FROM Widget__c ALL ROWS')).toBe(3);
    expect(org.col('SELECT Name FROM Widget__c WHERE IsDeleted = false ALL ROWS', 'Name')).toEqual(['W2', 'W3']);
  });
});

describe('FOR UPDATE / FOR VIEW / FOR REFERENCE (SR "FOR UPDATE", "FOR VIEW", "FOR REFERENCE")', () => {
  it('FOR UPDATE returns the rows and hands them to lockRows', () => {
    const org = seed();
    expect(org.col('SELECT Name FROM Widget__c WHERE Amount__c != null FOR UPDATE', 'Name')).toEqual(['W1', 'W2']);
    expect(org.locked.map((r) => r.fields.get('name'))).toEqual(['W1', 'W2']);
  });
  it('FOR VIEW and FOR REFERENCE are accepted', () => {
    const org = seed();
    expect(org.rows('SELECT Name FROM Widget__c FOR VIEW')).toHaveLength(3);
    expect(org.rows('SELECT Name FROM Widget__c FOR REFERENCE')).toHaveLength(3);
  });
});

describe('features that fail loudly', () => {
  const org = seed();
  it.each([
    ['TYPEOF', 'SELECT TYPEOF What WHEN Account THEN Name END FROM Task'],
    ['USING SCOPE', 'SELECT Id FROM Account USING SCOPE Mine'],
    ['FIELDS()', 'SELECT FIELDS(STANDARD) FROM Account'],
    ['toLabel()', 'SELECT toLabel(Status__c) FROM Widget__c'],
    ['FORMAT()', 'SELECT FORMAT(Amount__c) FROM Widget__c'],
    ['convertCurrency()', 'SELECT convertCurrency(Amount__c) FROM Widget__c'],
    ['UPDATE TRACKING', 'SELECT Id FROM Widget__c UPDATE TRACKING'],
  ])('%s', (_what, text) => {
    expect(() => org.rows(text)).toThrow(EmulatorUnsupportedError);
  });
});

describe('compilation', () => {
  it('compiles once per query object and re-reads binds on every run', () => {
    const org = seed();
    const q = parseDynamicSoql('SELECT Name FROM Widget__c WHERE Amount__c >= :min ORDER BY Name');
    const names = (min: number): unknown[] =>
      (runQuery(org.env({ min }), q) as { items: SObjectValue[] }).items.map((r) => r.get('Name'));
    expect(names(1)).toEqual(['W1', 'W2']);
    expect(names(2)).toEqual(['W2']);
  });
  it('an Id look-up does not scan the table', () => {
    const org = seed();
    for (let i = 0; i < 20000; i += 1) org.insert('Widget__c', { Name: `bulk ${i}` });
    const target = [...org.db.table('Widget__c')][19000];
    if (!target) throw new Error('no target');
    const q = parseDynamicSoql('SELECT Name FROM Widget__c WHERE Id = :i');
    const env = org.env({ i: idOf(target) });
    const started = performance.now();
    for (let i = 0; i < 2000; i += 1) runQuery(env, q);
    const perQuery = (performance.now() - started) / 2000;
    expect((runQuery(env, q) as { items: SObjectValue[] }).items.map((r) => r.get('Name'))).toEqual(['bulk 18997']);
    expect(perQuery).toBeLessThan(0.5);
  });
});
