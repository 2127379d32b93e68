// JSON.serialize / serializePretty and JSONGenerator, run as Apex (Apex Reference, "JSON Class", "JSONGenerator
// Class"; Apex Developer Guide, "JSON Generator", "JSON Support").
import { ApexId } from '../../../values/Id';
import { debugOf, failure, newOrg, printed } from './harness';

const ID = ApexId.valueOf('001000000000001').value;

describe('JSON.serialize of primitives', () => {
  it('numbers: Integer, Long, Decimal with its scale, Double as Java prints it', () => {
    expect(
      printed(String.raw`
        Long l = 3000000000L;
        System.debug(JSON.serialize(new List<Object>{ 1, -7, l, 1.50, Double.valueOf('10000000000'), (Double) 0.1, 100.0 }));
      `),
    ).toBe('[1,-7,3000000000,1.50,1.0E10,0.1,100.0]');
  });

  it('strings: quote, backslash and control characters escaped as Jackson does; slash and non-ASCII as is', () => {
    expect(
      printed(String.raw`
        String s = 'a"b\\c\n\t\r/é' + String.fromCharArray(new List<Integer>{ 1, 31, 127 });
        System.debug(JSON.serialize(s));
      `),
    ).toBe(String.raw`"a\"b\\c\n\t\r/é\u0001\u001F` + '\u007f"');
  });

  it('Date, Datetime (GMT, milliseconds), Time, Blob (base64), Id, Boolean and null', () => {
    expect(
      printed(String.raw`
        System.debug(JSON.serialize(new List<Object>{
          Date.newInstance(2026, 12, 1), Datetime.newInstanceGmt(2026, 12, 1, 8, 0, 0), Time.newInstance(18, 30, 2, 20),
          Blob.valueOf('hi'), Id.valueOf('001000000000001'), true, null
        }));
      `),
    ).toBe(`["2026-12-01","2026-12-01T08:00:00.000Z","18:30:02.020Z","aGk=","${ID}",true,null]`);
  });

  it('the serialize doc example: a Datetime made in the user time zone prints in GMT', () => {
    // Apex Reference, JSON Class, serialize: Datetime.newInstance(2011-03-22, 1:15:18) gives "2011-03-22T08:15:18.000Z"
    // for a user in America/Los_Angeles, the seeded admin's zone.
    expect(printed('System.debug(UserInfo.getTimeZone().getID());')).toBe('America/Los_Angeles');
    expect(
      printed(
        'System.debug(JSON.serialize(Datetime.newInstance(Date.newInstance(2011, 3, 22), Time.newInstance(1, 15, 18, 0))));',
      ),
    ).toBe('"2011-03-22T08:15:18.000Z"');
  });

  it('null serializes as null', () => {
    expect(printed('System.debug(JSON.serialize(null));')).toBe('null');
  });
});

describe('JSON.serialize of collections', () => {
  it('lists and sets are arrays, maps objects with null values kept (suppressApexObjectNulls leaves maps alone)', () => {
    expect(
      debugOf(String.raw`
        Map<String, Object> m = new Map<String, Object>{ 'b' => 1, 'a' => null, 'c' => new Set<String>{ 'x', 'y' } };
        System.debug(JSON.serialize(m));
        System.debug(JSON.serialize(m, true));
        System.debug(JSON.serialize(new List<List<Integer>>{ new List<Integer>{ 1 }, new List<Integer>() }));
      `),
    ).toEqual(['{"b":1,"a":null,"c":["x","y"]}', '{"b":1,"a":null,"c":["x","y"]}', '[[1],[]]']);
  });

  it('non-String map keys become their String forms', () => {
    expect(
      printed(String.raw`
        Map<Object, Integer> m = new Map<Object, Integer>{ 1 => 1, 2.50 => 2, true => 3, JsonShapes.Colour.RED => 4 };
        System.debug(JSON.serialize(m));
      `),
    ).toBe('{"1":1,"2.50":2,"true":3,"RED":4}');
  });

  it('Date map keys fail loudly (their JSON names are not documented)', () => {
    expect(failure('JSON.serialize(new Map<Date, Integer>{ Date.today() => 1 });')).toMatch(/Map key ApexDate/);
  });

  it('an object that contains itself is a JSONException (JSON Support)', () => {
    expect(
      failure(String.raw`
        Map<String, Object> m = new Map<String, Object>();
        m.put('self', m);
        JSON.serialize(m);
      `),
    ).toMatch(/^System\.JSONException: /);
  });
});

describe('JSON.serialize of user class instances', () => {
  const item = String.raw`
    JsonShapes.Item i = new JsonShapes.Item();
    i.alpha = 1;
    i.count = 2;
    i.scratch = 'transient';
    i.colour = JsonShapes.Colour.GREEN;
    i.price = 1.50;
  `;

  it('fields and automatic properties, inherited ones too, in reverse alphabetical order; static and transient left out', () => {
    expect(printed(`${item} System.debug(JSON.serialize(i));`)).toBe(
      '{"zeta":null,"tags":["initialised"],"price":1.50,"name":"constructed","count":2,"colour":"GREEN","alpha":1}',
    );
  });

  it('suppressApexObjectNulls leaves out null members, at every level', () => {
    expect(
      debugOf(`${item}
        System.debug(JSON.serialize(i, true));
        JsonShapes.Holder h = new JsonShapes.Holder();
        h.items = new List<JsonShapes.Item>{ i };
        System.debug(JSON.serialize(h, true));
      `),
    ).toEqual([
      '{"tags":["initialised"],"price":1.50,"name":"constructed","count":2,"colour":"GREEN","alpha":1}',
      '{"items":[{"tags":["initialised"],"price":1.50,"name":"constructed","count":2,"colour":"GREEN","alpha":1}]}',
    ]);
  });

  it('a property with a getter body fails loudly', () => {
    expect(failure('JSON.serialize(new JsonShapes.Computed());')).toMatch(/a property with get\/set code/);
  });
});

describe('JSON.serialize of sObjects', () => {
  it('a new record: attributes with the type only, then the fields in the order set, nulls set in Apex kept', () => {
    expect(printed(`System.debug(JSON.serialize(new Account(Name = 'Acme', Description = null)));`)).toBe(
      '{"attributes":{"type":"Account"},"Name":"Acme","Description":null}',
    );
  });

  it('queried records: url with the API version of the serializing code, queried nulls left out, child lists as query results, parents nested', () => {
    const org = newOrg();
    const [accountId, contactId, viaAnonymous, viaClass, contact] = debugOf(
      String.raw`
        Account a = new Account(Name = 'Acme');
        insert a;
        Contact c = new Contact(LastName = 'Lee', AccountId = a.Id);
        insert c;
        Account q = [SELECT Name, Phone, (SELECT LastName FROM Contacts) FROM Account WHERE Id = :a.Id];
        System.debug(a.Id);
        System.debug(c.Id);
        System.debug(JSON.serialize(q));
        System.debug(JsonShapes.serialize(q));
        System.debug(JSON.serialize([SELECT LastName, Account.Name FROM Contact WHERE Id = :c.Id]));
      `,
      org,
    );
    const acc = (v: string): string =>
      `"attributes":{"type":"Account","url":"/services/data/v${v}/sobjects/Account/${accountId}"}`;
    const con = (v: string): string =>
      `"attributes":{"type":"Contact","url":"/services/data/v${v}/sobjects/Contact/${contactId}"}`;
    const children = (v: string): string =>
      `"Contacts":{"totalSize":1,"done":true,"records":[{${con(v)},"Id":"${contactId}","LastName":"Lee"}]}`;
    expect(viaAnonymous).toBe(`{${acc('65.0')},"Id":"${accountId}","Name":"Acme",${children('65.0')}}`);
    expect(viaClass).toBe(`{${acc('58.0')},"Id":"${accountId}","Name":"Acme",${children('58.0')}}`);
    expect(contact).toContain(`"Account":{${acc('65.0')},`);
    expect(contact).toContain('"Name":"Acme"}');
  });
});

describe('JSON.serializePretty (Jackson DefaultPrettyPrinter)', () => {
  it('objects indented two spaces per level with " : ", arrays inline, empty containers with a space', () => {
    expect(
      printed(String.raw`
        System.debug(JSON.serializePretty(new Map<String, Object>{
          'a' => 1,
          'b' => new List<Object>{ new Map<String, Object>{ 'x' => 1 }, 2 },
          'e' => new List<Object>(),
          'f' => new Map<String, Object>()
        }));
      `),
    ).toBe('{\n  "a" : 1,\n  "b" : [ {\n    "x" : 1\n  }, 2 ],\n  "e" : [ ],\n  "f" : { }\n}');
  });
});

describe('JSONGenerator', () => {
  it('the Apex Developer Guide "JSON Generator" sample, byte for byte', () => {
    expect(
      printed(String.raw`
        JSONGenerator gen = JSON.createGenerator(true);
        gen.writeStartObject();
        gen.writeNumberField('abc', 1.21);
        gen.writeStringField('def', 'xyz');
        gen.writeFieldName('ghi');
        gen.writeStartObject();
        gen.writeObjectField('aaa', new List<Integer>{ 1, 2, 3 });
        gen.writeEndObject();
        gen.writeFieldName('Object A');
        gen.writeObject(new Map<String, Object>{ 'str' => 'X' });
        gen.writeEndObject();
        System.debug(gen.getAsString());
      `),
    ).toBe(
      '{\n  "abc" : 1.21,\n  "def" : "xyz",\n  "ghi" : {\n    "aaa" : [ 1, 2, 3 ]\n  },\n  "Object A" : {\n    "str" : "X"\n  }\n}',
    );
  });

  it('typed writers and null arguments', () => {
    expect(
      printed(String.raw`
        JSONGenerator gen = JSON.createGenerator(false);
        gen.writeStartArray();
        gen.writeDate(Date.newInstance(2026, 12, 1));
        gen.writeDateTime(Datetime.newInstanceGmt(2026, 12, 1, 8, 0, 0));
        gen.writeTime(Time.newInstance(18, 30, 2, 20));
        gen.writeBlob(Blob.valueOf('hi'));
        gen.writeId(Id.valueOf('001000000000001'));
        gen.writeNumber(3000000000L);
        gen.writeBoolean(false);
        gen.writeString(null);
        gen.writeNull();
        gen.writeStartObject();
        gen.writeNullField('n');
        gen.writeBooleanField('b', true);
        gen.writeDateField('d', Date.newInstance(2026, 1, 2));
        gen.writeEndObject();
        gen.writeEndArray();
        System.debug(gen.getAsString());
      `),
    ).toBe(
      `["2026-12-01","2026-12-01T08:00:00.000Z","18:30:02.020Z","aGk=","${ID}",3000000000,false,null,null,{"n":null,"b":true,"d":"2026-01-02"}]`,
    );
  });

  it('getAsString closes the generator, completing open arrays and objects', () => {
    expect(
      debugOf(String.raw`
        JSONGenerator gen = JSON.createGenerator(false);
        gen.writeStartObject();
        gen.writeNumberField('a', 1);
        gen.writeFieldName('b');
        gen.writeStartArray();
        System.debug(gen.isClosed());
        System.debug(gen.getAsString());
        System.debug(gen.isClosed());
      `),
    ).toEqual(['false', '{"a":1,"b":[]}', 'true']);
  });

  it.each([
    ["gen.writeStringField('a', 'b');", 'Can not write a field name, expecting a value'],
    ["gen.writeStartArray(); gen.writeFieldName('a');", 'Can not write a field name, expecting a value'],
    ["gen.writeStartObject(); gen.writeString('x');", 'Can not write a string, expecting field name'],
    ['gen.writeStartObject(); gen.writeEndArray();', 'Current context not an ARRAY but OBJECT'],
    ['gen.writeStartArray(); gen.writeEndObject();', 'Current context not an object but ARRAY'],
  ])('out-of-place writes are JSONExceptions: %s', (code, message) => {
    expect(failure(`JSONGenerator gen = JSON.createGenerator(false); ${code}`)).toBe(
      `System.JSONException: ${message}`,
    );
  });
});
