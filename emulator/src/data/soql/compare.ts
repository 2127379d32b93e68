// How SOQL compares and orders field values, by the field's kind.
//
// SOQL and SOSL Reference, "Comparison Operators"
// (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm):
// "=, !=, <, <=, >, >=, LIKE … string comparisons are case-insensitive" (= on a unique case-sensitive field is
// case-sensitive: same page, "Equals": "Expression is true when the value in the specified fieldName equals the
// specified value in the expression. String comparisons using the equals operator are case-insensitive for unique
// case-insensitive fields"). Ids compare in their 18-character form (15- and 18-character strings name the same
// record). ORDER BY (sforce_api_calls_soql_select_orderby.htm): "For English locales, SOQL uses the UTF-8 values of
// the uppercase character to create a sort order. In other words, sorting for English locales is case insensitive."
// and "Picklist sorting is defined by the picklist sort determined during setup."
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { FieldDescribe } from '../../schema/types';
import { SObjectValue } from '../../runtime/sobject';
import { ApexList, ApexSet, type Value } from '../../runtime/values';
import { ApexBlob } from '../../values/Blob';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { ApexId, canonicalId } from '../../values/Id';
import { ApexTime } from '../../values/Time';

export type Kind = 'text' | 'id' | 'number' | 'boolean' | 'date' | 'datetime' | 'time' | 'multipicklist' | 'other';

/** A normalised, comparable value: text (original case), canonical id, Decimal, boolean, day/ms numbers. */
export type Key = string | ApexDecimal | boolean | number | string[];

/** The comparison kind of a field, from its Apex type (and MULTIPICKLIST display type). */
export function kindOfField(f: FieldDescribe): Kind {
  switch (f.apexType) {
    case 'Id':
      return 'id';
    case 'String':
      return f.type === 'MULTIPICKLIST' ? 'multipicklist' : 'text';
    case 'Boolean':
      return 'boolean';
    case 'Integer':
    case 'Long':
    case 'Decimal':
    case 'Double':
      return 'number';
    case 'Date':
      return 'date';
    case 'Datetime':
      return 'datetime';
    case 'Time':
      return 'time';
    default:
      return 'other';
  }
}

/** The Apex type name of a value, for the org's bind-type messages. */
export function apexTypeNameOf(v: Value): string {
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'Integer';
  if (typeof v === 'bigint') return 'Long';
  if (typeof v === 'boolean') return 'Boolean';
  if (v instanceof ApexDecimal) return 'Decimal';
  if (v instanceof ApexDouble) return 'Double';
  if (v instanceof ApexId) return 'Id';
  if (v instanceof ApexDate) return 'Date';
  if (v instanceof ApexDatetime) return 'Datetime';
  if (v instanceof ApexTime) return 'Time';
  if (v instanceof ApexBlob) return 'Blob';
  if (v instanceof SObjectValue) return v.describe.name;
  if (v instanceof ApexList) return 'List';
  if (v instanceof ApexSet) return 'Set';
  return 'Object';
}

const KIND_COLUMN_TYPE: Record<Kind, string> = {
  text: 'String',
  id: 'Id',
  number: 'Decimal',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'Datetime',
  time: 'Time',
  multipicklist: 'String',
  other: 'Object',
};

export function badBind(v: Value, kind: Kind): ApexPlatformError {
  return new ApexPlatformError(
    'System.QueryException',
    `Invalid bind expression type of ${apexTypeNameOf(v)} for column of type ${KIND_COLUMN_TYPE[kind]}`,
  );
}

/** `invalid ID field: x` — the org's QueryException for a string that is not an Id compared with an Id field. */
export function invalidId(s: string): ApexPlatformError {
  return new ApexPlatformError('System.QueryException', `invalid ID field: ${s}`);
}

/** A stored field value as a comparison key (null stays null). Stored values are already of the field's type. */
export function keyOfStored(kind: Kind, v: Value): Key | null {
  if (v === null) return null;
  switch (kind) {
    case 'text':
      if (typeof v === 'string') return v === '' ? null : v;
      if (v instanceof ApexId) return v.value;
      break;
    case 'id':
      if (v instanceof ApexId) return v.value;
      if (typeof v === 'string') return canonicalId(v) ?? v;
      break;
    case 'number':
      return toDecimal(v);
    case 'boolean':
      if (typeof v === 'boolean') return v;
      break;
    case 'date':
      if (v instanceof ApexDate) return v.days;
      break;
    case 'datetime':
      if (v instanceof ApexDatetime) return v.ms;
      break;
    case 'time':
      if (v instanceof ApexTime) return v.ms;
      break;
    case 'multipicklist':
      if (typeof v === 'string') return v === '' ? null : splitMulti(v);
      break;
    default:
      break;
  }
  throw new Error(`emulator: stored value of type ${apexTypeNameOf(v)} in a ${kind} field`);
}

/** A bound Apex value as a key for a field of `kind` (Apex Developer Guide, "Using Apex Variables in SOQL"). */
export function keyOfBound(kind: Kind, v: Value): Key | null {
  if (v === null) return null;
  switch (kind) {
    case 'text':
      if (typeof v === 'string') return v === '' ? null : v;
      if (v instanceof ApexId) return v.value;
      break;
    case 'id':
      if (v instanceof ApexId) return v.value;
      if (typeof v === 'string') {
        if (v === '') return null;
        const c = canonicalId(v);
        if (c === null) throw invalidId(v);
        return c;
      }
      // Binding an sObject compares its Id (same page: "WHERE Id = :acc" / "Id IN :accounts").
      if (v instanceof SObjectValue) return keyOfBound('id', v.values.get('id') ?? null);
      break;
    case 'number':
      if (typeof v === 'number' || typeof v === 'bigint' || v instanceof ApexDecimal || v instanceof ApexDouble)
        return toDecimal(v);
      break;
    case 'boolean':
      if (typeof v === 'boolean') return v;
      break;
    case 'date':
      if (v instanceof ApexDate) return v.days;
      if (v instanceof ApexDatetime) throw new EmulatorUnsupportedError('SOQL: a Datetime bound to a Date field');
      break;
    case 'datetime':
      if (v instanceof ApexDatetime) return v.ms;
      if (v instanceof ApexDate) throw new EmulatorUnsupportedError('SOQL: a Date bound to a Datetime field');
      break;
    case 'time':
      if (v instanceof ApexTime) return v.ms;
      break;
    case 'multipicklist':
      if (typeof v === 'string') return v === '' ? null : splitMulti(v);
      break;
    default:
      break;
  }
  throw badBind(v, kind);
}

export function toDecimal(v: Value): ApexDecimal {
  if (v instanceof ApexDecimal) return v;
  if (typeof v === 'number') return ApexDecimal.fromInteger(v);
  if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
  if (v instanceof ApexDouble) return ApexDecimal.fromDouble(v.value);
  throw new Error(`emulator: not a number: ${apexTypeNameOf(v)}`);
}

/** The selected values of a multi-select picklist (`;`-separated), case-folded. */
export function splitMulti(s: string): string[] {
  return s
    .split(';')
    .map((x) => fold(x.trim()))
    .filter((x) => x !== '');
}

/** Case folding used for case-insensitive equality. */
export function fold(s: string): string {
  return s.toUpperCase().toLowerCase();
}

/** Equality of two non-null keys of one kind. */
export function keysEqual(kind: Kind, a: Key, b: Key, caseSensitive = false): boolean {
  switch (kind) {
    case 'text':
      return caseSensitive ? a === b : fold(a as string) === fold(b as string);
    case 'number':
      return (a as ApexDecimal).compareTo(b as ApexDecimal) === 0;
    case 'multipicklist': {
      const x = a as string[];
      const y = b as string[];
      return x.length === y.length && x.every((e) => y.includes(e)) && y.every((e) => x.includes(e));
    }
    default:
      return a === b;
  }
}

/** A hash key for IN sets (text folded, numbers by value). */
export function hashKey(kind: Kind, k: Key, caseSensitive = false): string {
  switch (kind) {
    case 'text':
      return caseSensitive ? (k as string) : fold(k as string);
    case 'number':
      return (k as ApexDecimal).stripTrailingZeros().toPlainString();
    case 'multipicklist':
      return [...(k as string[])].sort().join(';');
    default:
      return String(k);
  }
}

/** Text order: UTF-16 code units of the upper-cased strings (English locales; see the header). */
export function compareText(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Ordering of two non-null keys of one kind. */
export function compareKeys(kind: Kind, a: Key, b: Key): number {
  switch (kind) {
    case 'text':
      return compareText(a as string, b as string);
    case 'id':
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 'number':
      return (a as ApexDecimal).compareTo(b as ApexDecimal);
    case 'boolean':
      return (a ? 1 : 0) - (b ? 1 : 0);
    case 'date':
    case 'datetime':
    case 'time':
      return (a as number) - (b as number);
    default:
      throw new EmulatorUnsupportedError(`SOQL ordering of ${kind} values`);
  }
}
