// Field lists, relationship paths, child sub-queries, result shape and the org's errors for unknown names.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../../errors';
import { SObjectValue } from '../../../runtime/sobject';
import { ApexList } from '../../../runtime/values';
import { ApexDecimal } from '../../../values/Decimal';
import { runQuery } from '../engine';
import { parseDynamicSoql } from '../lower';
import { TestOrg, idOf } from './harness';

function seed(): { org: TestOrg; acme: string; widget: string; bare: string } {
  const org = new TestOrg();
  const user = org.insert('User', { LastName: 'Owner', FirstName: 'Olive', Username: 'o@x.test' });
  const acme = org.insert('Account', { Name: 'Acme', Industry: 'Media', OwnerId: idOf(user) });
  const widget = org.insert('Widget__c', { Name: 'W1', Text__c: 'has parts', Account__c: idOf(acme) });
  const bare = org.insert('Widget__c', { Name: 'W2' });
  org.insert('Part__c', { Name: 'p2', Label__c: 'second', Widget__c: idOf(widget), Qty__c: ApexDecimal.valueOf('2') });
  org.insert('Part__c', { Name: 'p1', Label__c: 'first', Widget__c: idOf(widget), Qty__c: ApexDecimal.valueOf('1') });
  return { org, acme: acme.id, widget: widget.id, bare: bare.id };
}

function qErr(f: () => unknown): ApexPlatformError {
  try {
    f();
  } catch (e) {
    if (e instanceof ApexPlatformError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('field lists (ADG "Working with SOQL and SOSL Query Results")', () => {
  it('returns new SObjectValues of the FROM object in a soqlResult list whose element type is the object', () => {
    const { org } = seed();
    const r = org.query('SELECT Name FROM Widget__c');
    expect(r).toBeInstanceOf(ApexList);
    const list = r as ApexList;
    expect(list.soqlResult).toBe(true);
    expect(list.elementType).toEqual({ kind: 'sobject', sobject: 'Widget__c' });
    expect(list.items).toHaveLength(2);
    expect((list.items[0] as SObjectValue).describe.name).toBe('Widget__c');
  });

  it('always returns Id, marks exactly the selected fields queried, and refuses reading another field', () => {
    const { org, widget } = seed();
    const [row] = org.rows("SELECT Name FROM Widget__c WHERE Name = 'W1'");
    expect(row?.get('Id')).toEqual(idOf({ id: widget } as never));
    expect([...(row?.queried ?? [])]).toEqual(['id', 'name']);
    expect(() => row?.get('Text__c')).toThrow(
      'SObject row was retrieved via SOQL without querying the requested field: Widget__c.Text__c',
    );
  });

  it('stores selected fields without a value as null (isSet true)', () => {
    const { org } = seed();
    const [row] = org.rows("SELECT Id, Text__c FROM Widget__c WHERE Name = 'W2'");
    expect(row?.get('Text__c')).toBeNull();
    expect(row?.isSet('Text__c')).toBe(true);
  });

  it('refuses a field selected twice', () => {
    const { org } = seed();
    expect(qErr(() => org.rows('SELECT Name, name FROM Widget__c')).message).toBe('duplicate field selected: Name');
  });

  it('accepts the FROM alias and the object name as a prefix', () => {
    const { org } = seed();
    expect(org.col("SELECT w.Name FROM Widget__c w WHERE w.Name = 'W1'", 'Name')).toEqual(['W1']);
    expect(org.col("SELECT Widget__c.Name FROM Widget__c WHERE Name = 'W2'", 'Name')).toEqual(['W2']);
  });
});

describe('parent relationships (ADG "Accessing sObject Fields Through Relationships")', () => {
  it('puts the parent, with its own queried set and its Id, under the relationship name, at any depth', () => {
    const { org, acme } = seed();
    const rows = org.rows(
      "SELECT Label__c, Widget__r.Name, Widget__r.Account__r.Owner.LastName FROM Part__c WHERE Label__c = 'first'",
    );
    const part = rows[0] as SObjectValue;
    expect([...(part.queried ?? [])].sort()).toEqual(['id', 'label__c', 'widget__r']);
    const w = part.get('Widget__r') as SObjectValue;
    expect(w.get('Name')).toBe('W1');
    expect(() => w.get('Text__c')).toThrow('without querying the requested field: Widget__c.Text__c');
    const acc = w.get('Account__r') as SObjectValue;
    expect(acc.get('Id')).toEqual(idOf({ id: acme } as never));
    expect((acc.get('Owner') as SObjectValue).get('LastName')).toBe('Owner');
    expect(() => part.get('Widget__c')).toThrow('without querying the requested field: Part__c.Widget__c');
  });

  it('gives null for an empty reference and still returns the row', () => {
    const { org } = seed();
    const rows = org.rows('SELECT Name, Account__r.Name FROM Widget__c ORDER BY Name');
    expect(rows.map((r) => r.get('Name'))).toEqual(['W1', 'W2']);
    expect((rows[0]?.get('Account__r') as SObjectValue).get('Name')).toBe('Acme');
    expect(rows[1]?.get('Account__r')).toBeNull();
    expect(rows[1]?.isSet('Account__r')).toBe(true);
  });

  it("resolves a polymorphic relationship (Task.What) through the referenced record's object", () => {
    const { org, acme } = seed();
    const opp = org.insert('Opportunity', { Name: 'Big deal' });
    org.insert('Task', { Subject: 'call', WhatId: idOf({ id: acme } as never) });
    org.insert('Task', { Subject: 'mail', WhatId: idOf(opp) });
    org.insert('Task', { Subject: 'none' });
    const rows = org.rows('SELECT Subject, What.Name FROM Task ORDER BY Subject');
    const what = rows.map((r) => r.get('What') as SObjectValue | null);
    expect(what.map((w) => w?.describe.name ?? null)).toEqual(['Account', 'Opportunity', null]);
    expect(what.map((w) => w?.get('Name') ?? null)).toEqual(['Acme', 'Big deal', null]);
    expect(org.col("SELECT Subject FROM Task WHERE What.Name = 'Big deal'", 'Subject')).toEqual(['mail']);
  });

  it('resolves Owner (User or Group) on a custom object; fields the actual object lacks are left out', () => {
    const org = new TestOrg();
    // User.Name is a formula field: the DML engine stores it (or env.formulaValue computes it).
    const user = org.insert('User', { LastName: 'Lee', Alias: 'lee', Name: 'Lee' });
    const queue = org.insert('Group', { Name: 'Triage' });
    org.insert('Widget__c', { Name: 'mine', OwnerId: idOf(user) });
    org.insert('Widget__c', { Name: 'queued', OwnerId: idOf(queue) });
    const rows = org.rows('SELECT Name, Owner.Name, Owner.Alias FROM Widget__c ORDER BY Name');
    const owners = rows.map((r) => r.get('Owner') as SObjectValue);
    expect(owners.map((o) => o.describe.name)).toEqual(['User', 'Group']);
    expect(owners[0]?.get('Alias')).toBe('lee');
    expect(owners[1]?.get('Name')).toBe('Triage');
    expect(owners[1]?.isSet('Alias')).toBe(false);
    expect(org.col("SELECT Name FROM Widget__c WHERE Owner.Alias = 'lee'", 'Name')).toEqual(['mine']);
  });

  it('reads formula fields through env.formulaValue, their stored value, or fails loudly', () => {
    const org = new TestOrg();
    org.insert('Contact', { FirstName: 'Ada', LastName: 'Lovelace' });
    expect(() => org.rows('SELECT Name FROM Contact')).toThrow(EmulatorUnsupportedError);
    const env = org.env();
    env.formulaValue = (rec, field) =>
      field.name === 'Name' ? `${rec.fields.get('firstname') as string} ${rec.fields.get('lastname') as string}` : null;
    const r = runQuery(env, parseDynamicSoql('SELECT Name FROM Contact')) as ApexList;
    expect((r.items[0] as SObjectValue).get('Name')).toBe('Ada Lovelace');
  });

  it("allows only the Name object's fields through a polymorphic relationship", () => {
    const { org } = seed();
    expect(qErr(() => org.rows('SELECT What.Industry FROM Task')).message).toMatch(
      /^No such column 'Industry' on entity 'Name'/,
    );
  });

  it("fails loudly on What.Type (the referenced object's type name)", () => {
    const { org } = seed();
    expect(() => org.rows('SELECT What.Type FROM Task')).toThrow(EmulatorUnsupportedError);
  });
});

describe('child relationship sub-queries (SR "Using Relationship Queries")', () => {
  it('gives each parent a List of the child object, filtered, ordered and limited per parent', () => {
    const { org } = seed();
    const rows = org.rows(
      'SELECT Name, (SELECT Label__c FROM Parts__r WHERE Qty__c > 0 ORDER BY Label__c LIMIT 5) FROM Widget__c ORDER BY Name',
    );
    const parts = rows[0]?.get('Parts__r') as ApexList;
    expect(parts).toBeInstanceOf(ApexList);
    expect(parts.elementType).toEqual({ kind: 'sobject', sobject: 'Part__c' });
    expect(parts.items.map((p) => (p as SObjectValue).get('Label__c'))).toEqual(['first', 'second']);
    expect(
      org
        .rows("SELECT (SELECT Id FROM Parts__r ORDER BY Label__c DESC LIMIT 1) FROM Widget__c WHERE Name = 'W1'")
        .map((r) => ((r.get('Parts__r') as ApexList).items[0] as SObjectValue).get('Id')),
    ).toHaveLength(1);
  });

  it('gives an empty list, not null, to a parent without children', () => {
    const { org } = seed();
    const [row] = org.rows("SELECT Id, (SELECT Id FROM Parts__r) FROM Widget__c WHERE Name = 'W2'");
    const parts = row?.get('Parts__r');
    expect(parts).toBeInstanceOf(ApexList);
    expect((parts as ApexList).items).toEqual([]);
  });

  it('reads parent paths inside the sub-query and nests sub-queries', () => {
    const { org } = seed();
    const [acc] = org.rows(
      'SELECT Name, (SELECT Name, Account__r.Name, (SELECT Label__c FROM Parts__r ORDER BY Label__c) FROM Widgets__r) FROM Account',
    );
    const widgets = (acc?.get('Widgets__r') as ApexList).items as SObjectValue[];
    expect(widgets.map((w) => w.get('Name'))).toEqual(['W1']);
    expect((widgets[0]?.get('Account__r') as SObjectValue).get('Name')).toBe('Acme');
    expect(((widgets[0]?.get('Parts__r') as ApexList).items as SObjectValue[]).map((p) => p.get('Label__c'))).toEqual([
      'first',
      'second',
    ]);
  });

  it("refuses an unknown child relationship with the org's message", () => {
    const { org } = seed();
    expect(qErr(() => org.rows('SELECT (SELECT Id FROM Parts) FROM Widget__c')).message).toMatch(
      /^Didn't understand relationship 'Parts' in FROM part of query call\./,
    );
  });
});

describe('unknown names (dynamic SOQL errors)', () => {
  it('unknown object', () => {
    const { org } = seed();
    const e = qErr(() => org.rows('SELECT Id FROM Foo__c'));
    expect(e.apexType).toBe('System.QueryException');
    expect(e.message).toBe(
      "sObject type 'Foo__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.",
    );
  });

  it('unknown field, in SELECT and in WHERE', () => {
    const { org } = seed();
    const msg =
      "No such column 'Bar' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
    expect(qErr(() => org.rows('SELECT Bar FROM Account')).message).toBe(msg);
    expect(qErr(() => org.rows("SELECT Id FROM Account WHERE Bar = 'x'")).message).toBe(msg);
  });

  it('unknown relationship', () => {
    const { org } = seed();
    expect(qErr(() => org.rows('SELECT Acct.Name FROM Widget__c')).message).toMatch(
      /^Didn't understand relationship 'Acct' in field path\. If you are attempting to use a custom relationship, be sure to append the '__r'/,
    );
  });

  it('objects that are not queryable are not supported', () => {
    const { org } = seed();
    expect(qErr(() => org.rows('SELECT Id FROM Ping__e')).message).toMatch(/^sObject type 'Ping__e' is not supported/);
  });
});
