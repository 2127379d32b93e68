import { apexTypeOf, parseOverlayField } from '../fieldFactory';
import { assignKeyPrefixes, STANDARD_KEY_PREFIXES } from '../keyPrefixes';
import { SETUP_OBJECTS } from '../setupObjects';
import { standardCatalog } from '../standard/catalog';
import { OVERLAY } from '../standard/overlay';
import { STANDARD_VALUE_SETS } from '../standard/valueSets';

const catalog = standardCatalog();

describe('the standard-object overlay agrees with the API 65 type jar', () => {
  const cases = Object.entries(OVERLAY).flatMap(([object, o]) =>
    Object.entries(o.fields).map(([field, notation]) => [object, field, notation] as const),
  );

  it.each(cases)('%s.%s is a jar field of the same Apex type', (object, field, notation) => {
    const jar = catalog.get(object);
    expect(jar).toBeDefined();
    const parsed = parseOverlayField(field, notation, STANDARD_VALUE_SETS);
    if (parsed.type === 'ADDRESS') {
      expect(jar?.parents[field]).toBe('Address');
      return;
    }
    const jarType = jar?.fields[field];
    expect(jarType).toBeDefined();
    expect(parsed.apexType).toBe(jarType);
  });

  it('gives every overlay reference field a relationship name the jar knows, or none', () => {
    for (const [object, o] of Object.entries(OVERLAY)) {
      for (const [field, notation] of Object.entries(o.fields)) {
        const parsed = parseOverlayField(field, notation, STANDARD_VALUE_SETS);
        if (parsed.relationshipName === undefined) continue;
        expect([object, field, catalog.get(object)?.parents[parsed.relationshipName] !== undefined]).toEqual([
          object,
          field,
          true,
        ]);
      }
    }
  });

  it('names child relationships the jar lists for the object', () => {
    for (const [object, o] of Object.entries(OVERLAY))
      for (const [rel, child] of Object.entries(o.children ?? {}))
        expect([object, rel, catalog.get(object)?.children[rel]]).toEqual([object, rel, child.childSObject]);
  });

  it('uses a key prefix once', () => {
    const prefixes = Object.values(OVERLAY)
      .map((o) => o.keyPrefix)
      .filter((p): p is string => p !== undefined);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const [name, o] of Object.entries(OVERLAY))
      if (STANDARD_KEY_PREFIXES[name] !== undefined)
        expect([name, o.keyPrefix]).toEqual([name, STANDARD_KEY_PREFIXES[name]]);
  });
});

describe('fieldFactory', () => {
  it('maps display types to the Apex types SObject fields hold', () => {
    expect(apexTypeOf('CURRENCY')).toBe('Decimal');
    expect(apexTypeOf('DOUBLE')).toBe('Decimal');
    expect(apexTypeOf('INTEGER')).toBe('Integer');
    expect(apexTypeOf('REFERENCE')).toBe('Id');
    expect(apexTypeOf('BASE64')).toBe('Blob');
  });

  it('parses the overlay notation and refuses unknown flags', () => {
    const f = parseOverlayField('OwnerId', 'REFERENCE(Group|User) cu dc rel=Owner', STANDARD_VALUE_SETS);
    expect(f).toMatchObject({ referenceTo: ['Group', 'User'], createable: true, updateable: true, nillable: false });
    expect(() => parseOverlayField('X', 'STRING(10) bogus', STANDARD_VALUE_SETS)).toThrow(/unknown flag/);
    expect(() => parseOverlayField('X', 'NOPE', STANDARD_VALUE_SETS)).toThrow(/unknown display type/);
  });
});

describe('key prefixes', () => {
  it('assigns base-62 prefixes in alphabetical order, skipping taken ones', () => {
    const got = assignKeyPrefixes('a', ['b__c', 'A__c', 'c__c'], new Set(['a01']));
    expect([...got]).toEqual([
      ['A__c', 'a00'],
      ['b__c', 'a02'],
      ['c__c', 'a03'],
    ]);
    const many = assignKeyPrefixes(
      'a',
      Array.from({ length: 70 }, (_, i) => `O${String(i).padStart(2, '0')}__c`),
      new Set(),
    );
    expect(many.get('O10__c')).toBe('a0A');
    expect(many.get('O61__c')).toBe('a0z');
    expect(many.get('O62__c')).toBe('a10');
  });
});

describe('setup objects', () => {
  it('lists the objects of the Apex Developer Guide page, once each', () => {
    const names = SETUP_OBJECTS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['User', 'Group', 'GroupMember', 'PermissionSetAssignment', 'SetupEntityAccess']),
    );
  });
});
