// JSONParser and JSONToken, run as Apex (Apex Reference, "JSONParser Class", "JSONToken Enum").
import { ApexId } from '../../../values/Id';
import { debugOf, failure } from './harness';

const ID = ApexId.valueOf('001000000000001').value;

describe('JSONParser', () => {
  it('walks the tokens; getCurrentName names field values, and the field a nested object or array belongs to', () => {
    expect(
      debugOf(String.raw`
        JSONParser p = JSON.createParser('{"a":{"b":[1,2.50]},"c":"x"}');
        while (p.nextToken() != null) {
          System.debug(p.getCurrentToken() + ' ' + p.getCurrentName() + ' ' + p.getText());
        }
        System.debug(p.hasCurrentToken());
      `),
    ).toEqual([
      'START_OBJECT null {',
      'FIELD_NAME a a',
      'START_OBJECT a {',
      'FIELD_NAME b b',
      'START_ARRAY b [',
      'VALUE_NUMBER_INT null 1',
      'VALUE_NUMBER_FLOAT null 2.50',
      'END_ARRAY b ]',
      'END_OBJECT a }',
      'FIELD_NAME c c',
      'VALUE_STRING c x',
      'END_OBJECT null }',
      'false',
    ]);
  });

  it('the doc examples: nextValue, getBooleanValue, getCurrentName', () => {
    expect(
      debugOf(String.raw`
        JSONParser p = JSON.createParser('{"isActive":true}');
        p.nextToken();
        p.nextValue();
        System.debug(p.getBooleanValue());
        System.debug(p.getCurrentName());
      `),
    ).toEqual(['true', 'isActive']);
  });

  it('typed value getters', () => {
    expect(
      debugOf(String.raw`
        JSONParser p = JSON.createParser('[2.50, 7, 3000000000, "2011-03-22T13:01:23", "2024-03-05", "aGk=", "001000000000001"]');
        p.nextToken();
        p.nextToken();
        System.debug(p.getDecimalValue().scale() + ' ' + p.getDoubleValue());
        p.nextToken();
        System.debug(p.getIntegerValue() + ' ' + p.getLongValue() + ' ' + p.getDecimalValue());
        p.nextToken();
        System.debug(p.getLongValue());
        p.nextToken();
        System.debug(p.getDatetimeValue());
        p.nextToken();
        System.debug(p.getDateValue());
        p.nextToken();
        System.debug(p.getBlobValue().toString());
        p.nextToken();
        System.debug(p.getIdValue());
      `),
    ).toEqual(['2 2.5', '7 7 7', '3000000000', '2011-03-22 13:01:23', '2024-03-05 00:00:00', 'hi', ID]);
  });

  it('skipChildren, readValueAs, clearCurrentToken and getLastClearedToken', () => {
    expect(
      debugOf(String.raw`
        JSONParser p = JSON.createParser('{"skip":{"x":[1,{"y":2}]},"items":[{"name":"a"},{"name":"b"}],"after":true}');
        p.nextToken();
        p.nextToken();
        p.nextToken();
        p.skipChildren();
        System.debug(p.getCurrentToken() + ' ' + p.getCurrentName());
        p.nextToken();
        p.nextToken();
        List<JsonShapes.Item> items = (List<JsonShapes.Item>) p.readValueAs(List<JsonShapes.Item>.class);
        System.debug(items.size() + ' ' + items[1].name + ' ' + p.getCurrentToken());
        System.debug(p.nextToken() + ' ' + p.getText());
        p.clearCurrentToken();
        System.debug(p.hasCurrentToken() + ' ' + p.getCurrentToken() + ' ' + p.getLastClearedToken());
        System.debug(p.nextToken() + ' ' + p.getBooleanValue());
      `),
    ).toEqual(['END_OBJECT skip', '2 b END_ARRAY', 'FIELD_NAME after', 'false null FIELD_NAME', 'VALUE_TRUE true']);
  });

  it('readValueAsStrict refuses unknown names', () => {
    expect(
      failure(String.raw`
        JSONParser p = JSON.createParser('{"name":"a","other":1}');
        p.nextToken();
        Object o = p.readValueAsStrict(JsonShapes.Item.class);
      `),
    ).toBe('System.JSONException: Unknown field: JsonShapes.Item.other');
  });

  it('wrong accessors are Jackson errors', () => {
    expect(
      failure(`JSONParser p = JSON.createParser('["x"]'); p.nextToken(); p.nextToken(); p.getIntegerValue();`),
    ).toBe('System.JSONException: Current token (VALUE_STRING) not numeric, can not use numeric value accessors');
    expect(failure(`JSONParser p = JSON.createParser('[1]'); p.nextToken(); p.nextToken(); p.getBooleanValue();`)).toBe(
      'System.JSONException: Current token (VALUE_NUMBER_INT) not of boolean type',
    );
    expect(
      failure(`JSONParser p = JSON.createParser('[3000000000]'); p.nextToken(); p.nextToken(); p.getIntegerValue();`),
    ).toBe('System.JSONException: Numeric value (3000000000) out of range of int');
  });

  it('an error in a field value is raised by the nextToken() that reaches its field name (as Jackson reads them together)', () => {
    expect(
      debugOf(String.raw`
        JSONParser p = JSON.createParser('{"a":x}');
        p.nextToken();
        try {
          p.nextToken();
        } catch (JSONException e) {
          System.debug(e.getMessage());
        }
      `),
    ).toEqual(["Unrecognized token 'x': was expecting ('true', 'false' or 'null') at [line:1, column:7]"]);
  });

  it('JSONToken is an enum with the documented constants', () => {
    expect(
      debugOf(String.raw`
        System.debug(JSONToken.values().size());
        System.debug(JSONToken.VALUE_EMBEDDED_OBJECT.name());
      `),
    ).toEqual(['13', 'VALUE_EMBEDDED_OBJECT']);
  });
});
