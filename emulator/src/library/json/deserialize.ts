// JSON.deserialize / deserializeStrict / deserializeUntyped and JSONParser.readValueAs(Strict): JSON values as Apex
// values (Apex Reference, "JSON Class"; Apex Developer Guide, "JSON Support").
//
// Untyped (deserializeUntyped): objects become Map<String, Object>, arrays List<Object>; integers are Integer, or
// Long when they do not fit an Integer; numbers with a fraction or an exponent are Decimal with the digits as written
// (the doc example: 2000 is an Integer, 1023.45 a Decimal); strings String, true/false Boolean, null null. Integers
// beyond Long fail loudly (their Apex type is not documented).
//
// Typed (deserialize(json, Type)):
// - User classes: constructors and initialisers do NOT run (salesforce.stackexchange.com/questions/337877: "That's
//   the intended behavior. Constructors are not called when you use JSON.deserialize"; /questions/250184: "the
//   Constructor was not called"), so members absent from the JSON stay null. JSON names match fields and automatic
//   properties case-insensitively, as Apex names do. Unknown names are ignored; deserializeStrict refuses them with
//   "Unknown field: Demo.first" (salesforce.stackexchange.com, "deserializeStrict method: bug"). An interface or an
//   abstract class: "Cannot deserialize JSON as abstract type: MyAccountWrapper" (System.TypeException,
//   /questions/250184 and the critical update it cites).
// - sObjects: the attributes object is skipped; fields, parent relationships (nested records) and child
//   relationships ({"totalSize":…,"records":[…]}) are read; read-only fields can be set this way (the known way of
//   setting CreatedDate in tests, /questions/198260). Unknown names: "No such column 'first' on sobject of type
//   Account" from deserializeStrict, and from deserialize in code saved at API 34.0 or earlier ("JSON Class",
//   deserialize: "When deserializing JSON content into a custom object or an sObject using Salesforce API version
//   34.0 or earlier, this method throws a runtime exception when passed extraneous attributes").
// - Lists and Sets from arrays, Maps with String or Id keys from objects, enums from their names.
// - Object (also as a member's or a collection's type): "Apex Type unsupported in JSON: Object"
//   (salesforce.stackexchange.com/questions/363786).
// - Primitives: a JSON value of the wrong shape gives the platform's message, e.g. "Cannot deserialize instance of
//   time from VALUE_STRING value 10:10:10.010Z or request may be missing a required field" (/questions/220809 — also
//   why Time cannot be read back at all); a string that is not a number where a number is due gives "Illegal value
//   for primitive" (/questions/389795); an object or array where a List/Set or object is due gives
//   "Malformed JSON: Expected '[' at the beginning of List/Set" / "Malformed JSON: Expected '{' at the beginning of
//   object" (developer.salesforce.com forums, "System.JSONException: Malformed JSON: Expected '{' at the beginning of
//   object"). Coercions the sources do not show (a fractional number into an Integer, a number into a Boolean …) fail
//   loudly.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import { storePut } from '../../runtime/equality';
import { ensureInitialized } from '../../runtime/invoke';
import { SObjectValue, sobjectMember } from '../../runtime/sobject';
import { convertFieldValue } from '../../runtime/sobjectAccess';
import type { Txn } from '../../runtime/transaction';
import {
  OBJECT_TYPE,
  primitive,
  sobjectType,
  STRING_TYPE,
  typeName,
  type ApexType,
  type PrimitiveName,
} from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, ApexSet, type Value } from '../../runtime/values';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { base64Decode } from '../../values/Encoding';
import { ApexId } from '../../values/Id';
import { INTEGER_MAX_VALUE, INTEGER_MIN_VALUE } from '../../values/Integer';
import { LONG_MAX_VALUE, LONG_MIN_VALUE } from '../../values/Long';
import { callerApiVersion, jsonMembers } from './serialize';
import { parseJsonDate, parseJsonDatetime } from './temporal';
import { jsonException, type Token } from './tokenizer';
import type { JsonNode } from './tree';

// ---------------------------------------------------------------- untyped

export function untypedValue(txn: Txn, node: JsonNode): Value {
  switch (node.kind) {
    case 'object': {
      const map = new ApexMap(STRING_TYPE, OBJECT_TYPE);
      for (const [k, v] of node.entries) storePut(txn, map.store, k, untypedValue(txn, v));
      return map;
    }
    case 'array':
      return new ApexList(
        OBJECT_TYPE,
        node.items.map((item) => untypedValue(txn, item)),
      );
    case 'scalar':
      return untypedScalar(node.token);
  }
}

function untypedScalar(t: Token): Value {
  switch (t.kind) {
    case 'VALUE_STRING':
      return t.text;
    case 'VALUE_TRUE':
      return true;
    case 'VALUE_FALSE':
      return false;
    case 'VALUE_NULL':
      return null;
    case 'VALUE_NUMBER_FLOAT':
      return ApexDecimal.valueOf(t.text);
    case 'VALUE_NUMBER_INT': {
      const n = BigInt(t.text);
      if (n >= BigInt(INTEGER_MIN_VALUE) && n <= BigInt(INTEGER_MAX_VALUE)) return Number(n);
      if (n >= LONG_MIN_VALUE && n <= LONG_MAX_VALUE) return n;
      throw new EmulatorUnsupportedError(`JSON.deserializeUntyped of the integer ${t.text} (beyond Long)`);
    }
    default:
      throw new Error(`emulator: ${t.kind} is not a scalar token`);
  }
}

// ---------------------------------------------------------------- typed

export function typedValue(txn: Txn, node: JsonNode, type: ApexType, strict: boolean): Value {
  return new TypedReader(txn, strict).read(node, type);
}

/** "Cannot deserialize instance of <type> from <TOKEN> value <text> or request may be missing a required field". */
function cannotDeserialize(what: string, t: Token): ApexPlatformError {
  return jsonException(
    `Cannot deserialize instance of ${what} from ${t.kind} value ${t.text} or request may be missing a required field`,
  );
}

class TypedReader {
  constructor(
    private readonly txn: Txn,
    private readonly strict: boolean,
  ) {}

  read(node: JsonNode, type: ApexType): Value {
    if (node.kind === 'scalar' && node.token.kind === 'VALUE_NULL') return null;
    switch (type.kind) {
      case 'primitive':
        return this.primitive(node, type.name);
      case 'object':
        throw jsonException('Apex Type unsupported in JSON: Object');
      case 'list':
      case 'set': {
        refuseObjectElements(type);
        if (node.kind !== 'array') throw jsonException("Malformed JSON: Expected '[' at the beginning of List/Set");
        const items = node.items.map((item) => this.read(item, type.element));
        if (type.kind === 'list') return new ApexList(type.element, items);
        const set = new ApexSet(type.element);
        for (const item of items) storePut(this.txn, set.store, item, null);
        return set;
      }
      case 'map': {
        refuseObjectElements(type);
        if (node.kind !== 'object') throw jsonException("Malformed JSON: Expected '{' at the beginning of object");
        const key = type.key;
        if (key.kind !== 'primitive' || (key.name !== 'String' && key.name !== 'Id')) {
          throw new EmulatorUnsupportedError(`JSON.deserialize into a Map with ${typeName(key)} keys`);
        }
        const map = new ApexMap(type.key, type.value);
        for (const [k, v] of node.entries) {
          storePut(this.txn, map.store, key.name === 'Id' ? ApexId.valueOf(k) : k, this.read(v, type.value));
        }
        return map;
      }
      case 'sobject':
        return this.sobject(node, type.sobject);
      case 'class':
        return this.classValue(node, type.cls);
      default:
        throw new EmulatorUnsupportedError(`JSON.deserialize into ${typeName(type)}`);
    }
  }

  private primitive(node: JsonNode, name: PrimitiveName): Value {
    const t = node.token;
    const what = name.toLowerCase();
    if (node.kind !== 'scalar') throw cannotDeserialize(what, t);
    const isNumber = t.kind === 'VALUE_NUMBER_INT' || t.kind === 'VALUE_NUMBER_FLOAT';
    const isBoolean = t.kind === 'VALUE_TRUE' || t.kind === 'VALUE_FALSE';
    const isString = t.kind === 'VALUE_STRING';
    switch (name) {
      case 'String':
        if (isString || isNumber || isBoolean) return t.text;
        break;
      case 'Boolean':
        if (isBoolean) return t.kind === 'VALUE_TRUE';
        if (isString && (t.text === 'true' || t.text === 'false')) return t.text === 'true';
        if (isString || isNumber)
          throw new EmulatorUnsupportedError(`JSON.deserialize of ${t.kind} '${t.text}' into a Boolean`);
        break;
      case 'Integer':
      case 'Long':
      case 'Decimal':
      case 'Double':
        if (isNumber) return this.number(t.text, t.kind === 'VALUE_NUMBER_INT', name);
        if (isString) {
          const text = t.text;
          if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text))
            throw jsonException('Illegal value for primitive');
          return this.number(text, /^-?\d+$/.test(text), name);
        }
        if (isBoolean) throw new EmulatorUnsupportedError(`JSON.deserialize of ${t.kind} into a ${name}`);
        break;
      case 'Id':
        if (isString) return ApexId.valueOf(t.text);
        break;
      case 'Date':
        if (isString) {
          const days = parseJsonDate(t.text);
          if (days === null) throw cannotDeserialize(what, t);
          return new ApexDate(days);
        }
        if (isNumber) throw new EmulatorUnsupportedError(`JSON.deserialize of the number ${t.text} into a Date`);
        break;
      case 'Datetime':
        if (isString) {
          const ms = parseJsonDatetime(t.text);
          if (ms === null) throw cannotDeserialize(what, t);
          return new ApexDatetime(ms);
        }
        if (isNumber) throw new EmulatorUnsupportedError(`JSON.deserialize of the number ${t.text} into a Datetime`);
        break;
      case 'Time':
        if (isNumber) throw new EmulatorUnsupportedError(`JSON.deserialize of the number ${t.text} into a Time`);
        break;
      case 'Blob':
        if (isString) return base64Decode(t.text);
        break;
    }
    throw cannotDeserialize(what, t);
  }

  private number(text: string, integral: boolean, name: 'Integer' | 'Long' | 'Decimal' | 'Double'): Value {
    switch (name) {
      case 'Decimal':
        return ApexDecimal.valueOf(text);
      case 'Double':
        return new ApexDouble(Number(text));
      case 'Integer':
      case 'Long': {
        if (!integral) throw new EmulatorUnsupportedError(`JSON.deserialize of the number ${text} into a ${name}`);
        const n = BigInt(text);
        if (name === 'Long') {
          if (n < LONG_MIN_VALUE || n > LONG_MAX_VALUE) {
            throw new EmulatorUnsupportedError(`JSON.deserialize of ${text} into a Long (out of range)`);
          }
          return n;
        }
        if (n < BigInt(INTEGER_MIN_VALUE) || n > BigInt(INTEGER_MAX_VALUE)) {
          throw new EmulatorUnsupportedError(`JSON.deserialize of ${text} into an Integer (out of range)`);
        }
        return Number(n);
      }
    }
  }

  private classValue(node: JsonNode, cls: ClassInfo): Value {
    if (cls.kind === 'enum') {
      if (node.kind !== 'scalar' || node.token.kind !== 'VALUE_STRING') {
        throw new EmulatorUnsupportedError(`JSON.deserialize of ${node.token.kind} into the enum ${cls.apexName}`);
      }
      const name = node.token.text;
      const value =
        cls.enumValues.find((e) => e.name === name) ??
        cls.enumValues.find((e) => e.name.toLowerCase() === name.toLowerCase());
      if (!value)
        throw new EmulatorUnsupportedError(`JSON.deserialize of '${name}', not a constant of ${cls.apexName}`);
      return value;
    }
    if (cls.isBuiltin) throw new EmulatorUnsupportedError(`JSON.deserialize into the built-in class ${cls.apexName}`);
    if (cls.kind === 'interface' || cls.isAbstract) {
      throw new ApexPlatformError('System.TypeException', `Cannot deserialize JSON as abstract type: ${cls.apexName}`);
    }
    if (cls.isException) throw new EmulatorUnsupportedError(`JSON.deserialize into the exception ${cls.apexName}`);
    if (node.kind !== 'object') throw jsonException("Malformed JSON: Expected '{' at the beginning of object");
    ensureInitialized(this.txn, cls);
    const obj = new ApexObject(cls);
    const members = new Map(jsonMembers(cls).map((m) => [m.lower, m]));
    for (const [key, valueNode] of node.entries) {
      const lower = key.toLowerCase();
      const m = members.get(lower);
      if (!m) {
        if (isStaticOrTransient(cls, lower)) {
          throw new EmulatorUnsupportedError(
            `JSON.deserialize of '${key}' into the static or transient ${cls.apexName}.${key}`,
          );
        }
        if (this.strict) throw jsonException(`Unknown field: ${cls.apexName}.${key}`);
        continue;
      }
      if (m.custom) {
        throw new EmulatorUnsupportedError(
          `JSON.deserialize into ${cls.apexName}.${m.name}, a property with get/set code`,
        );
      }
      obj.fields[lower] = this.read(valueNode, this.memberType(cls, lower));
    }
    return obj;
  }

  private memberType(cls: ClassInfo, lower: string): ApexType {
    const program = this.txn.program;
    const f = cls.findField(lower);
    if (f) {
      if (!f.type) f.type = program.resolveType(f.typeRef, f.cls);
      return f.type;
    }
    const p = cls.findProperty(lower);
    if (!p) throw new Error(`emulator: ${cls.apexName}.${lower} vanished`);
    if (!p.type) p.type = program.resolveType(p.typeRef, p.cls);
    return p.type;
  }

  private sobject(node: JsonNode, declared: string | null): Value {
    if (node.kind !== 'object') throw jsonException("Malformed JSON: Expected '{' at the beginning of object");
    let typeNameInJson: string | undefined;
    for (const [k, v] of node.entries) {
      if (k !== 'attributes' || v.kind !== 'object') continue;
      for (const [ak, av] of v.entries) {
        if (ak === 'type' && av.kind === 'scalar' && av.token.kind === 'VALUE_STRING') typeNameInJson = av.token.text;
      }
    }
    const name = declared ?? typeNameInJson;
    if (name === undefined) {
      throw new EmulatorUnsupportedError('JSON.deserialize into SObject of JSON without attributes.type');
    }
    if (declared !== null && typeNameInJson !== undefined && typeNameInJson.toLowerCase() !== declared.toLowerCase()) {
      throw new EmulatorUnsupportedError(`JSON.deserialize of a ${typeNameInJson} record into ${declared}`);
    }
    const describe = this.txn.org.describe(name);
    const rec = new SObjectValue(describe);
    for (const [key, valueNode] of node.entries) {
      if (key === 'attributes') continue;
      const member = sobjectMember(describe, key);
      if (!member) {
        if (this.strict || apiVersionNumber(this.txn) < 35) {
          throw jsonException(`No such column '${key}' on sobject of type ${describe.name}`);
        }
        continue;
      }
      if (member.kind === 'field') {
        const field = member.field;
        if (field.unsupported)
          throw new EmulatorUnsupportedError(`${describe.name}.${field.name}: ${field.unsupported}`);
        const apexType = field.apexType;
        if (!isPrimitiveName(apexType)) {
          throw new EmulatorUnsupportedError(`JSON.deserialize of ${describe.name}.${field.name} (${apexType})`);
        }
        rec.store(member, convertFieldValue(field, this.read(valueNode, primitive(apexType))));
      } else if (member.kind === 'parent') {
        const target = member.field.referenceTo.length === 1 ? (member.field.referenceTo[0] ?? null) : null;
        rec.store(member, this.read(valueNode, sobjectType(target)));
      } else {
        rec.store(member, this.childRecords(valueNode, member.relationship.childSObject));
      }
    }
    return rec;
  }

  /** A child relationship in the query-result form {"totalSize":n,"done":true,"records":[…]}. */
  private childRecords(node: JsonNode, child: string): Value {
    if (node.kind === 'scalar' && node.token.kind === 'VALUE_NULL') return null;
    if (node.kind !== 'object') {
      throw new EmulatorUnsupportedError(`JSON.deserialize of a child relationship given as ${node.token.kind}`);
    }
    const records = node.entries.filter(([k]) => k === 'records').pop()?.[1];
    const type = sobjectType(this.txn.org.describe(child).name);
    if (!records) return new ApexList(type, []);
    const list = this.read(records, { kind: 'list', element: type });
    return list;
  }
}

/** A collection of Object (at any depth) is refused whole, even when it would be empty. */
function refuseObjectElements(type: ApexType): void {
  let t: ApexType = type;
  for (;;) {
    if (t.kind === 'object') throw jsonException('Apex Type unsupported in JSON: Object');
    if (t.kind === 'list' || t.kind === 'set') t = t.element;
    else if (t.kind === 'map') t = t.value;
    else return;
  }
}

function isPrimitiveName(t: string): t is PrimitiveName {
  return [
    'Id',
    'String',
    'Boolean',
    'Integer',
    'Long',
    'Decimal',
    'Double',
    'Date',
    'Datetime',
    'Time',
    'Blob',
  ].includes(t);
}

function isStaticOrTransient(cls: ClassInfo, lower: string): boolean {
  const f = cls.findField(lower);
  if (f) return f.isStatic || f.mods.isTransient;
  const p = cls.findProperty(lower);
  return p !== undefined && (p.isStatic || p.mods.isTransient);
}

function apiVersionNumber(txn: Txn): number {
  return Number.parseFloat(callerApiVersion(txn));
}
