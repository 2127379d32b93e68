// Run-time types of values, `instanceof`, casts and the implicit conversions Apex applies on assignment
// (Apex Developer Guide, "Rules of Conversion": Integer → Long → Double/Decimal widen implicitly; a String can be
// assigned to an Id (checked: invalid ids throw System.StringException); "Using the instanceof Keyword";
// casting: "Classes and Casting" — a bad cast throws System.TypeException).
import { ApexPlatformError } from '../errors';
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble, doubleIntValue, doubleLongValue } from '../values/Double';
import { ApexId } from '../values/Id';
import { longIntValue } from '../values/Long';
import { ApexTime } from '../values/Time';
import type { ClassInfo } from './classes';
import { SObjectValue } from './sobject';
import {
  BLOB_TYPE,
  BOOLEAN_TYPE,
  DATE_TYPE,
  DATETIME_TYPE,
  DECIMAL_TYPE,
  DOUBLE_TYPE,
  ID_TYPE,
  INTEGER_TYPE,
  isAssignable,
  listOf,
  LONG_TYPE,
  mapOf,
  NULL_TYPE,
  sameType,
  setOf,
  sobjectType,
  STRING_TYPE,
  TIME_TYPE,
  typeName,
  type ApexType,
} from './types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, TypeValue, type Value } from './values';

/** The System.Type class, registered by the library; needed to type TypeValue. */
let typeClass: ClassInfo | undefined;
export function setTypeClass(cls: ClassInfo): void {
  typeClass = cls;
}

/** The run-time type of a value (what `instanceof` and TypeException messages see). */
export function runtimeTypeOf(v: Value): ApexType {
  if (v === null) return NULL_TYPE;
  switch (typeof v) {
    case 'string':
      return STRING_TYPE;
    case 'number':
      return INTEGER_TYPE;
    case 'bigint':
      return LONG_TYPE;
    case 'boolean':
      return BOOLEAN_TYPE;
  }
  if (v instanceof ApexObject) return { kind: 'class', cls: v.cls };
  if (v instanceof SObjectValue) return sobjectType(v.describe.name);
  if (v instanceof ApexList) return listOf(v.elementType);
  if (v instanceof ApexMap) return mapOf(v.keyType, v.valueType);
  if (v instanceof ApexSet) return setOf(v.elementType);
  if (v instanceof ApexDecimal) return DECIMAL_TYPE;
  if (v instanceof ApexId) return ID_TYPE;
  if (v instanceof ApexDouble) return DOUBLE_TYPE;
  if (v instanceof ApexDate) return DATE_TYPE;
  if (v instanceof ApexDatetime) return DATETIME_TYPE;
  if (v instanceof ApexTime) return TIME_TYPE;
  if (v instanceof ApexBlob) return BLOB_TYPE;
  if (v instanceof EnumValue) return { kind: 'class', cls: v.enumClass };
  if (v instanceof TypeValue) {
    if (!typeClass) throw new Error('System.Type is not registered');
    return { kind: 'class', cls: typeClass };
  }
  throw new Error(`emulator: unknown value ${String(v)}`);
}

/** `value instanceof T`: false for null; an Id is also a String. */
export function isInstanceOf(v: Value, t: ApexType): boolean {
  if (v === null) return false;
  if (t.kind === 'object') return true;
  const rt = runtimeTypeOf(v);
  if (t.kind === 'primitive' && t.name === 'String' && v instanceof ApexId) return true;
  if (rt.kind === 'primitive' && t.kind === 'primitive') return rt.name === t.name;
  return isAssignable(t, rt);
}

/** `(T) value`: the value if it is a T (numbers convert between numeric types), else System.TypeException. */
export function castTo(v: Value, t: ApexType, numericConversion = false): Value {
  if (v === null || t.kind === 'object') return v;
  if (t.kind === 'primitive') {
    const converted = convertPrimitive(v, t.name, numericConversion);
    if (converted !== undefined && (numericConversion || isInstanceOf(v, t) || widens(v, t.name))) return converted;
  } else if (t.kind === 'sobject' && v instanceof ApexList && v.soqlResult) {
    return singleRow(v);
  } else if (isInstanceOf(v, t)) {
    return v;
  } else if ((v instanceof ApexList || v instanceof ApexMap) && sobjectListCastable(t, runtimeTypeOf(v))) {
    return v;
  }
  throw new ApexPlatformError(
    'System.TypeException',
    `Invalid conversion from runtime type ${typeName(runtimeTypeOf(v))} to ${typeName(t)}`,
  );
}

/**
 * A list created as `List<SObject>` may be cast (and assigned) to a list of a concrete sObject type, also as the
 * value type of a map (`Map<Id, List<SObject>>` to `Map<Id, List<Account>>`), while `Map<Id, SObject>` to
 * `Map<Id, Account>` fails (SFSE 297752 "Why can Map<Id, List<SObject>> be assigned to Map<Id, List<Account>>",
 * SFSE 327410; the generic-list factories of trailheadapps/apex-recipes TestFactory rely on it). Unlike the
 * class lists of "Collection Casting", the list keeps its run-time type List<SObject>.
 */
function sobjectListCastable(to: ApexType, from: ApexType): boolean {
  if (to.kind === 'list' && from.kind === 'list') {
    if (to.element.kind === 'sobject' && from.element.kind === 'sobject' && from.element.sobject === null) return true;
    return sobjectListCastable(to.element, from.element);
  }
  if (to.kind === 'map' && from.kind === 'map') {
    return (
      sameType(to.key, from.key) && (isAssignable(to.value, from.value) || sobjectListCastable(to.value, from.value))
    );
  }
  return false;
}

/** Whether a value converts implicitly to a primitive (Integer → Long → Double/Decimal, String ↔ Id). */
function widens(v: Value, name: string): boolean {
  if (typeof v === 'number') return name === 'Long' || name === 'Decimal' || name === 'Double';
  if (typeof v === 'bigint') return name === 'Decimal' || name === 'Double';
  if (v instanceof ApexDecimal) return name === 'Double';
  if (v instanceof ApexDouble) return name === 'Decimal';
  if (typeof v === 'string') return name === 'Id';
  if (v instanceof ApexId) return name === 'String';
  return false;
}

/**
 * The implicit conversion of an assignment, parameter pass or return to a declared type. Only widening numeric
 * conversions, String ↔ Id and the single-row assignment of a query result happen here; the compiler (apex-ls,
 * the org) has already refused every other mismatch, so anything else passes through unchanged.
 */
export function convertForAssign(v: Value, t: ApexType): Value {
  if (v === null) return v;
  switch (t.kind) {
    case 'object':
      return v;
    case 'primitive': {
      if (t.name === 'Integer' && typeof v === 'number') return v;
      if (t.name === 'String' && typeof v === 'string') return v;
      const converted = convertPrimitive(v, t.name, false);
      return converted === undefined ? v : converted;
    }
    case 'sobject':
      if (v instanceof ApexList && v.soqlResult) return singleRow(v);
      return v;
    default:
      return v;
  }
}

/** Assigning a query result to a single sObject (Apex Developer Guide, "SOQL Statements"). */
export function singleRow(list: ApexList): Value {
  if (list.items.length === 0) {
    throw new ApexPlatformError('System.QueryException', 'List has no rows for assignment to SObject');
  }
  if (list.items.length > 1) {
    throw new ApexPlatformError('System.QueryException', 'List has more than 1 row for assignment to SObject');
  }
  return list.items[0] ?? null;
}

/**
 * Converts a value to a primitive type, or undefined when no conversion applies. `explicit` (a cast) also narrows
 * numbers (Long/Double/Decimal → Integer, Double/Decimal → Long), as Java's numeric casts do.
 */
function convertPrimitive(v: Value, name: string, explicit: boolean): Value | undefined {
  switch (name) {
    case 'Integer':
      if (typeof v === 'number') return v;
      if (!explicit) return undefined;
      if (typeof v === 'bigint') return longIntValue(v);
      if (v instanceof ApexDecimal) return v.intValue();
      if (v instanceof ApexDouble) return doubleIntValue(v);
      return undefined;
    case 'Long':
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number') return BigInt(v);
      if (!explicit) return undefined;
      if (v instanceof ApexDecimal) return v.longValue();
      if (v instanceof ApexDouble) return doubleLongValue(v);
      return undefined;
    case 'Decimal':
      if (v instanceof ApexDecimal) return v;
      if (typeof v === 'number') return ApexDecimal.fromInteger(v);
      if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
      if (v instanceof ApexDouble) return ApexDecimal.fromDouble(v.value);
      return undefined;
    case 'Double':
      if (v instanceof ApexDouble) return v;
      if (typeof v === 'number') return new ApexDouble(v);
      if (typeof v === 'bigint') return new ApexDouble(Number(v));
      if (v instanceof ApexDecimal) return new ApexDouble(v.doubleValue());
      return undefined;
    case 'String':
      if (typeof v === 'string') return v;
      if (v instanceof ApexId) return v.value;
      return undefined;
    case 'Id':
      if (v instanceof ApexId) return v;
      if (typeof v === 'string') return ApexId.valueOf(v);
      return undefined;
    case 'Boolean':
      return typeof v === 'boolean' ? v : undefined;
    case 'Date':
      return v instanceof ApexDate ? v : undefined;
    case 'Datetime':
      return v instanceof ApexDatetime ? v : undefined;
    case 'Time':
      return v instanceof ApexTime ? v : undefined;
    case 'Blob':
      return v instanceof ApexBlob ? v : undefined;
    default:
      return undefined;
  }
}
