// Apex types at run time. Apex collections carry their element types (a `List<String>` is not a `List<Object>`
// for `instanceof`, and JSON.deserialize builds typed collections), so every collection value holds its ApexType.
// Apex Developer Guide, "Data Types" and "Collections".
import type { ClassInfo } from './classes';

export type PrimitiveName =
  'Integer' | 'Long' | 'Double' | 'Decimal' | 'String' | 'Boolean' | 'Id' | 'Date' | 'Datetime' | 'Time' | 'Blob';

export type ApexType =
  | { kind: 'primitive'; name: PrimitiveName }
  | { kind: 'object' }
  | { kind: 'void' }
  | { kind: 'null' }
  | { kind: 'list'; element: ApexType }
  | { kind: 'set'; element: ApexType }
  | { kind: 'map'; key: ApexType; value: ApexType }
  /** `sobject` null: the generic `SObject` type. Names are canonical API names. */
  | { kind: 'sobject'; sobject: string | null }
  /** A user-defined or built-in class, interface or enum. */
  | { kind: 'class'; cls: ClassInfo };

const primitiveCache = new Map<PrimitiveName, ApexType>();
export function primitive(name: PrimitiveName): ApexType {
  let t = primitiveCache.get(name);
  if (!t) {
    t = { kind: 'primitive', name };
    primitiveCache.set(name, t);
  }
  return t;
}

export const OBJECT_TYPE: ApexType = { kind: 'object' };
export const VOID_TYPE: ApexType = { kind: 'void' };
export const NULL_TYPE: ApexType = { kind: 'null' };
export const STRING_TYPE = primitive('String');
export const INTEGER_TYPE = primitive('Integer');
export const LONG_TYPE = primitive('Long');
export const DECIMAL_TYPE = primitive('Decimal');
export const DOUBLE_TYPE = primitive('Double');
export const BOOLEAN_TYPE = primitive('Boolean');
export const ID_TYPE = primitive('Id');
export const DATE_TYPE = primitive('Date');
export const DATETIME_TYPE = primitive('Datetime');
export const TIME_TYPE = primitive('Time');
export const BLOB_TYPE = primitive('Blob');
export const GENERIC_SOBJECT_TYPE: ApexType = { kind: 'sobject', sobject: null };

export function listOf(element: ApexType): ApexType {
  return { kind: 'list', element };
}
export function setOf(element: ApexType): ApexType {
  return { kind: 'set', element };
}
export function mapOf(key: ApexType, value: ApexType): ApexType {
  return { kind: 'map', key, value };
}
export function sobjectType(name: string | null): ApexType {
  return { kind: 'sobject', sobject: name };
}

export const PRIMITIVE_NAMES: ReadonlySet<string> = new Set([
  'integer',
  'long',
  'double',
  'decimal',
  'string',
  'boolean',
  'id',
  'date',
  'datetime',
  'time',
  'blob',
]);

/** The name Apex prints for a type (`Type.getName()`, TypeException messages): `Map<String,List<Account>>`. */
export function typeName(t: ApexType): string {
  switch (t.kind) {
    case 'primitive':
      return t.name;
    case 'object':
      return 'Object';
    case 'void':
      return 'void';
    case 'null':
      return 'null';
    case 'list':
      return `List<${typeName(t.element)}>`;
    case 'set':
      return `Set<${typeName(t.element)}>`;
    case 'map':
      return `Map<${typeName(t.key)},${typeName(t.value)}>`;
    case 'sobject':
      return t.sobject ?? 'SObject';
    case 'class':
      return t.cls.apexName;
  }
}

export function isNumeric(t: ApexType): boolean {
  return (
    t.kind === 'primitive' && (t.name === 'Integer' || t.name === 'Long' || t.name === 'Double' || t.name === 'Decimal')
  );
}

export function sameType(a: ApexType, b: ApexType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'primitive':
      return a.name === (b as typeof a).name;
    case 'list':
    case 'set':
      return sameType(a.element, (b as typeof a).element);
    case 'map':
      return sameType(a.key, (b as typeof a).key) && sameType(a.value, (b as typeof a).value);
    case 'sobject':
      return (a.sobject ?? '').toLowerCase() === ((b as typeof a).sobject ?? '').toLowerCase();
    case 'class':
      return a.cls === (b as typeof a).cls;
    default:
      return true;
  }
}

/**
 * Whether a value of static type `from` may be assigned to `to` without a cast (widening: Integer → Long → Decimal
 * and → Double, Id ↔ String, any SObject → SObject, subclass → superclass/interface, collections by element type as
 * Apex allows (a List<Account> is a List<SObject>)). Apex Developer Guide, "Rules of Conversion".
 */
export function isAssignable(to: ApexType, from: ApexType): boolean {
  if (to.kind === 'object' || from.kind === 'null') return to.kind !== 'void';
  switch (to.kind) {
    case 'primitive':
      if (from.kind !== 'primitive') return false;
      if (to.name === from.name) return true;
      switch (to.name) {
        case 'Long':
          return from.name === 'Integer';
        case 'Decimal':
        case 'Double':
          return from.name === 'Integer' || from.name === 'Long' || from.name === 'Decimal' || from.name === 'Double';
        case 'String':
          return from.name === 'Id';
        case 'Id':
          return from.name === 'String';
        default:
          return false;
      }
    case 'list':
      if (from.kind === 'list') return isCollectionElementAssignable(to.element, from.element);
      return false;
    case 'set':
      return from.kind === 'set' && isCollectionElementAssignable(to.element, from.element);
    case 'map':
      return (
        from.kind === 'map' &&
        isCollectionElementAssignable(to.key, from.key) &&
        isCollectionElementAssignable(to.value, from.value)
      );
    case 'sobject':
      if (from.kind !== 'sobject') return false;
      return to.sobject === null || (from.sobject ?? '').toLowerCase() === to.sobject.toLowerCase();
    case 'class':
      return from.kind === 'class' && from.cls.isSubtypeOf(to.cls);
    default:
      return false;
  }
}

/** Collections are covariant in Apex for SObjects and Object (`List<Object> l = new List<String>()` compiles). */
function isCollectionElementAssignable(to: ApexType, from: ApexType): boolean {
  if (sameType(to, from)) return true;
  if (to.kind === 'object') return true;
  if (to.kind === 'sobject' && to.sobject === null && from.kind === 'sobject') return true;
  if (to.kind === 'class' && from.kind === 'class') return from.cls.isSubtypeOf(to.cls);
  if (to.kind === 'primitive' && from.kind === 'primitive') {
    return (to.name === 'String' && from.name === 'Id') || (to.name === 'Id' && from.name === 'String');
  }
  return false;
}
