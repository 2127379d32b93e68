// JSON.deserializeUntyped / deserialize / deserializeStrict, run as Apex (Apex Reference, "JSON Class"; Apex
// Developer Guide, "Roundtrip Serialization and Deserialization").
import { ApexId } from '../../../values/Id';
import { debugOf, failure, printed } from './harness';

const ID = ApexId.valueOf('001000000000001').value;

describe('JSON.deserializeUntyped', () => {
  it('maps, lists, Integer / Long / Decimal (digits and scale as written), Boolean, String, null members kept', () => {
    expect(
      debugOf(String.raw`
        Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped(
          '{"i":2000,"l":3000000000,"d":1.50,"e":1e2,"s":"x","b":false,"n":null,"a":[1,{"k":"v"}]}');
        System.debug(m.get('i') instanceof Integer);
        System.debug(m.get('l') instanceof Long);
        System.debug(m.get('d') instanceof Decimal);
        System.debug(((Decimal) m.get('d')).scale());
        System.debug(m.get('e'));
        System.debug(m.containsKey('n') && m.get('n') == null);
        List<Object> a = (List<Object>) m.get('a');
        System.debug(((Map<String, Object>) a[1]).get('k'));
        System.debug(m.keySet());
      `),
    ).toEqual(['true', 'true', 'true', '2', '1E+2', 'true', 'v', '{i, l, d, e, s, b, n, a}']);
  });

  it('a repeated name keeps the last value', () => {
    expect(printed(`System.debug(JSON.deserializeUntyped('{"a":1,"a":2}'));`)).toBe('{a=2}');
  });

  it('top-level scalars', () => {
    expect(
      debugOf(String.raw`
        System.debug(JSON.deserializeUntyped('"x"'));
        System.debug(JSON.deserializeUntyped(' 12 '));
        System.debug(JSON.deserializeUntyped('null'));
      `),
    ).toEqual(['x', '12', 'null']);
  });
});

describe('JSON.deserialize into Apex classes', () => {
  it('names match case-insensitively, unknown names are ignored, constructors and initialisers do not run', () => {
    expect(
      debugOf(String.raw`
        JsonShapes.Item i = (JsonShapes.Item) JSON.deserialize(
          '{"NAME":"w","Count":3,"colour":"RED","price":2.50,"zeta":"z","unknown":{"deep":[1]}}', JsonShapes.Item.class);
        System.debug(i.name + ' ' + i.count + ' ' + i.colour + ' ' + i.price + ' ' + i.zeta);
        System.debug(i.tags == null);
        JsonShapes.Item empty = (JsonShapes.Item) JSON.deserialize('{}', JsonShapes.Item.class);
        System.debug(empty.name == null);
      `),
    ).toEqual(['w 3 RED 2.50 z', 'true', 'true']);
  });

  it('nested classes, lists, maps, sets, Date, Datetime, Long, Double, Blob, Id and sObject members', () => {
    expect(
      debugOf(String.raw`
        JsonShapes.Holder h = (JsonShapes.Holder) JSON.deserialize(
          '{"items":[{"name":"a"}],"byKey":{"k":{"count":1}},"labels":["x","x","y"],"day":"2024-03-05",' +
          '"stamp":"2017-11-07T15:56:30.000+0000","big":3000000000,"ratio":0.5,"data":"aGk=",' +
          '"recordId":"001000000000001","account":{"attributes":{"type":"Account"},"Name":"Acme"}}',
          JsonShapes.Holder.class);
        System.debug(h.items[0].name + ' ' + h.byKey.get('k').count + ' ' + h.labels.size());
        System.debug(h.day + ' / ' + h.stamp + ' / ' + h.big + ' / ' + h.ratio);
        System.debug(h.data.toString() + ' ' + h.recordId + ' ' + h.account.Name);
      `),
    ).toEqual(['a 1 2', '2024-03-05 00:00:00 / 2017-11-07 15:56:30 / 3000000000 / 0.5', `hi ${ID} Acme`]);
  });

  it('the doc example deserializes a Decimal; typed lists; a numeric string into a number', () => {
    expect(
      debugOf(String.raw`
        Decimal n = (Decimal) JSON.deserialize('100.1', Decimal.class);
        System.debug(n);
        System.debug(JSON.deserialize('[1,2,3]', List<Integer>.class));
        System.debug(((JsonShapes.Item) JSON.deserialize('{"count":"3","name":12}', JsonShapes.Item.class)).count);
        System.debug(((JsonShapes.Item) JSON.deserialize('{"name":12.50}', JsonShapes.Item.class)).name);
      `),
    ).toEqual(['100.1', '(1, 2, 3)', '3', '12.50']);
  });

  it('Datetime strings: with Z, with an offset, without one (GMT), date only', () => {
    expect(
      debugOf(String.raw`
        System.debug(JSON.deserialize('"2011-03-22T08:15:18.000Z"', Datetime.class));
        System.debug(JSON.deserialize('"2011-03-22T01:15:18-07:00"', Datetime.class));
        System.debug(JSON.deserialize('"2011-03-22T08:15:18"', Datetime.class));
        System.debug(JSON.deserialize('"2000-01-01"', Datetime.class));
      `),
    ).toEqual(['2011-03-22 08:15:18', '2011-03-22 08:15:18', '2011-03-22 08:15:18', '2000-01-01 00:00:00']);
  });

  it('round trip of the Developer Guide invoice sample shape', () => {
    expect(
      debugOf(String.raw`
        JsonShapes.Item a = new JsonShapes.Item();
        a.count = 1;
        a.price = 1000;
        List<JsonShapes.Item> items = new List<JsonShapes.Item>{ a };
        String text = JSON.serialize(items);
        List<JsonShapes.Item> back = (List<JsonShapes.Item>) JSON.deserialize(text, List<JsonShapes.Item>.class);
        System.debug(back.size() + ' ' + back[0].count + ' ' + back[0].price + ' ' + back[0].name);
        System.debug(JSON.serialize(back) == text);
      `),
    ).toEqual(['1 1 1000 constructed', 'true']);
  });

  it.each([
    [
      'JSON.deserializeStrict(\'{"name":"w","colour2":1}\', JsonShapes.Item.class)',
      'System.JSONException: Unknown field: JsonShapes.Item.colour2',
    ],
    [
      'JSON.deserialize(\'"x"\', List<String>.class)',
      "System.JSONException: Malformed JSON: Expected '[' at the beginning of List/Set",
    ],
    [
      "JSON.deserialize('[1]', JsonShapes.Item.class)",
      "System.JSONException: Malformed JSON: Expected '{' at the beginning of object",
    ],
    [
      'JSON.deserialize(\'{"count":"three"}\', JsonShapes.Item.class)',
      'System.JSONException: Illegal value for primitive',
    ],
    [
      'JSON.deserialize(\'{"name":{}}\', JsonShapes.Item.class)',
      'System.JSONException: Cannot deserialize instance of string from START_OBJECT value { or request may be missing a required field',
    ],
    [
      'JSON.deserialize(\'{"at":"10:10:10.010Z"}\', JsonShapes.Clock.class)',
      'System.JSONException: Cannot deserialize instance of time from VALUE_STRING value 10:10:10.010Z or request may be missing a required field',
    ],
    [
      'JSON.deserialize(\'"not a date"\', Datetime.class)',
      'System.JSONException: Cannot deserialize instance of datetime from VALUE_STRING value not a date or request may be missing a required field',
    ],
    [
      'JSON.deserialize(\'{"anything":1}\', JsonShapes.Loose.class)',
      'System.JSONException: Apex Type unsupported in JSON: Object',
    ],
    [
      "JSON.deserialize('{}', Map<String, Object>.class)",
      'System.JSONException: Apex Type unsupported in JSON: Object',
    ],
    [
      "JSON.deserialize('{}', JsonShapes.Shape.class)",
      'System.TypeException: Cannot deserialize JSON as abstract type: JsonShapes.Shape',
    ],
  ])('%s throws %s', (call, message) => {
    expect(failure(`Object o = ${call};`)).toBe(message);
  });
});

describe('JSON.deserialize into sObjects', () => {
  it('attributes skipped; fields (read-only ones too), child relationships and unknown names (ignored)', () => {
    expect(
      debugOf(String.raw`
        Account a = (Account) JSON.deserialize(
          '{"attributes":{"type":"Account","url":"/x"},"Name":"Acme","CreatedDate":"2020-01-01T00:00:00.000+0000",' +
          '"NumberOfEmployees":12,"first":1,"Contacts":{"totalSize":1,"done":true,"records":[{"LastName":"Lee"}]}}',
          Account.class);
        System.debug(a.Name + ' ' + a.CreatedDate + ' ' + a.NumberOfEmployees + ' ' + a.Contacts.size() + ' ' + a.Contacts[0].LastName);
        SObject s = (SObject) JSON.deserialize('{"attributes":{"type":"Contact"},"LastName":"x"}', SObject.class);
        System.debug(s instanceof Contact);
      `),
    ).toEqual(['Acme 2020-01-01 00:00:00 12 1 Lee', 'true']);
  });

  it('deserializeStrict, and deserialize in code saved at API 34.0, refuse unknown names', () => {
    const message = "System.JSONException: No such column 'first' on sobject of type Account";
    expect(failure(`Object o = JSON.deserializeStrict('{"first":1}', Account.class);`)).toBe(message);
    expect(failure(`Object o = JsonOldApi.readAccount('{"first":1}');`)).toBe(message);
  });

  it('a serialized record reads back with its fields', () => {
    expect(
      printed(String.raw`
        Account a = new Account(Name = 'Acme', NumberOfEmployees = 3);
        Account b = (Account) JSON.deserialize(JSON.serialize(a), Account.class);
        System.debug(b);
      `),
    ).toBe('Account:{Name=Acme, NumberOfEmployees=3}');
  });
});

describe('malformed JSON: System.JSONException with Jackson messages and locations', () => {
  it.each([
    ['{"a":', 'Unexpected end-of-input within/between OBJECT entries at [line:1, column:6]'],
    [
      "{'a':1}",
      "Unexpected character (''' (code 39)): was expecting double-quote to start field name at [line:1, column:3]",
    ],
    [
      '[1,]',
      "Unexpected character (']' (code 93)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:1, column:5]",
    ],
    [
      '[1 2]',
      "Unexpected character ('2' (code 50)): was expecting comma to separate ARRAY entries at [line:1, column:5]",
    ],
    [
      '{"a" 1}',
      "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value at [line:1, column:7]",
    ],
    ['[01]', 'Invalid numeric value: Leading zeroes not allowed at [line:1, column:4]'],
    [
      '[1.]',
      "Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit at [line:1, column:5]",
    ],
    [
      '{"a":1]',
      "Unexpected close marker ']': expected '}' (for OBJECT starting at [line:1, column:1]) at [line:1, column:8]",
    ],
    ['{"a":tru}', "Unrecognized token 'tru': was expecting ('true', 'false' or 'null') at [line:1, column:9]"],
    ['["a\\x"]', "Unrecognized character escape 'x' (code 120) at [line:1, column:6]"],
    ['[1', 'Unexpected end-of-input: expected close marker for ARRAY (from [line:1, column:1]) at [line:1, column:3]'],
    ['{\n  "a": x}', "Unrecognized token 'x': was expecting ('true', 'false' or 'null') at [line:2, column:9]"],
    [
      '{"a":<b>}',
      "Unexpected character ('<' (code 60)): expected a valid value (number, String, array, object, 'true', 'false' or 'null') at [line:1, column:7]",
    ],
    ['', 'No content to map due to end-of-input'],
  ])('%j', (text, message) => {
    const apex = text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n');
    expect(failure(`Object o = JSON.deserializeUntyped('${apex}');`)).toBe(`System.JSONException: ${message}`);
  });

  it('content after the first value fails loudly (whether the platform refuses it is not documented)', () => {
    expect(failure(`Object o = JSON.deserializeUntyped('{} x');`)).toMatch(/content after the first JSON value/);
  });
});
