// Apex equality: `==` (Apex Developer Guide, "Expression Operators": Strings compare case-insensitively; an Id and
// a String compare as Ids; sObjects compare all field values; user-defined types use their equals method, else
// reference equality; collections compare element by element) and the keys of Sets and Maps ("Using Custom Types
// in Map Keys and Sets": equals and hashCode of user types; other keys are exact — String keys are case-sensitive).
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { ApexTime } from '../values/Time';
import { apexStringEquals } from '../library/text/ApexString';
import { SObjectValue } from './sobject';
import type { Txn } from './transaction';
import { sameType, typeName } from './types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, TypeValue, type KeyedStore, type Value } from './values';

/** How user-defined classes take part in equality (installed by the interpreter). */
export interface ObjectProtocol {
  /** The result of the class's own equals(Object), or undefined when it defines none. */
  equals(txn: Txn, a: ApexObject, b: Value): boolean | undefined;
  /** The result of the class's own hashCode(), or undefined when it defines none. */
  hashCode(txn: Txn, a: ApexObject): number | undefined;
}

let protocol: ObjectProtocol | undefined;
export function setObjectProtocol(p: ObjectProtocol): void {
  protocol = p;
}

/** Java's String.equalsIgnoreCase, char by char (upper-case, then lower-case comparison). */
export function equalsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  if (a === b) return true;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    const ux = x.toUpperCase();
    const uy = y.toUpperCase();
    if (ux === uy) continue;
    if (ux.toLowerCase() === uy.toLowerCase()) continue;
    return false;
  }
  return true;
}

/** Case-insensitive ordering of Strings for `<` and friends (Java's CASE_INSENSITIVE_ORDER). */
export function compareStringsCaseInsensitive(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    let x = a[i] as string;
    let y = b[i] as string;
    if (x === y) continue;
    x = x.toUpperCase();
    y = y.toUpperCase();
    if (x !== y) {
      x = x.toLowerCase();
      y = y.toLowerCase();
      if (x !== y) return x.charCodeAt(0) - y.charCodeAt(0);
    }
  }
  return a.length - b.length;
}

function numericRank(v: Value): number {
  if (typeof v === 'number') return 1;
  if (typeof v === 'bigint') return 2;
  if (v instanceof ApexDouble) return 3;
  if (v instanceof ApexDecimal) return 4;
  return 0;
}

function numericEquals(a: Value, b: Value): boolean {
  const r = Math.max(numericRank(a), numericRank(b));
  if (r <= 2) return BigInt(a as number | bigint) === BigInt(b as number | bigint);
  if (r === 3) return toNumber(a) === toNumber(b);
  return toDecimal(a).compareTo(toDecimal(b)) === 0;
}

function toNumber(v: Value): number {
  if (v instanceof ApexDouble) return v.value;
  if (v instanceof ApexDecimal) return v.doubleValue();
  return Number(v);
}

function toDecimal(v: Value): ApexDecimal {
  if (v instanceof ApexDecimal) return v;
  if (typeof v === 'number') return ApexDecimal.fromInteger(v);
  if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
  return ApexDecimal.fromDouble((v as ApexDouble).value);
}

/** Apex `==`. */
export function apexEquals(txn: Txn, a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'string') {
    // Java's equalsIgnoreCase per char, with the context user's Turkish/Azerbaijani case rules (library/text)
    if (typeof b === 'string') return apexStringEquals(a, b, txn.org.userContext(txn.userId).locale);
    if (b instanceof ApexId) return ApexId.valueOf(a).value === b.value;
    return false;
  }
  if (a instanceof ApexId) {
    if (b instanceof ApexId) return a.value === b.value;
    if (typeof b === 'string') return a.value === ApexId.valueOf(b).value;
    return false;
  }
  const ra = numericRank(a);
  if (ra > 0) return numericRank(b) > 0 && numericEquals(a, b);
  if (typeof a === 'boolean') return false;
  if (a instanceof ApexObject) {
    if (!a.cls.isBuiltin && protocol) {
      const r = protocol.equals(txn, a, b);
      if (r !== undefined) return r;
    }
    return false;
  }
  if (a instanceof SObjectValue) return b instanceof SObjectValue && sobjectEquals(txn, a, b);
  if (a instanceof ApexList) {
    if (!(b instanceof ApexList) || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i += 1)
      if (!apexEquals(txn, a.items[i] ?? null, b.items[i] ?? null)) return false;
    return true;
  }
  if (a instanceof ApexSet) {
    if (!(b instanceof ApexSet) || a.store.size !== b.store.size) return false;
    for (const e of a.store.entries()) if (!storeHas(txn, b.store, e.key)) return false;
    return true;
  }
  if (a instanceof ApexMap) {
    if (!(b instanceof ApexMap) || a.store.size !== b.store.size) return false;
    for (const e of a.store.entries()) {
      const other = storeFind(txn, b.store, e.key);
      if (!other || !apexEquals(txn, e.value, other.value)) return false;
    }
    return true;
  }
  if (a instanceof ApexDate) return b instanceof ApexDate && a.days === b.days;
  if (a instanceof ApexDatetime) return b instanceof ApexDatetime && a.ms === b.ms;
  if (a instanceof ApexTime) return b instanceof ApexTime && a.ms === b.ms;
  if (a instanceof ApexBlob) return b instanceof ApexBlob && bytesEqual(a.bytes, b.bytes);
  if (a instanceof TypeValue) return b instanceof TypeValue && sameType(a.type, b.type);
  if (a instanceof EnumValue) return false;
  return false;
}

function sobjectEquals(txn: Txn, a: SObjectValue, b: SObjectValue): boolean {
  if (a.describe !== b.describe) return false;
  const keys = new Set([...a.values.keys(), ...b.values.keys()]);
  for (const k of keys) {
    if (!apexEquals(txn, a.values.get(k) ?? null, b.values.get(k) ?? null)) return false;
  }
  return true;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** `===`: the same object for references; the same value (case-sensitive) for primitives. */
export function exactEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a instanceof ApexId && b instanceof ApexId) return a.value === b.value;
  if (a instanceof ApexDecimal && b instanceof ApexDecimal) return a.compareTo(b) === 0;
  if (a instanceof ApexDouble && b instanceof ApexDouble) return a.value === b.value;
  if (a instanceof ApexDate && b instanceof ApexDate) return a.days === b.days;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms === b.ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms === b.ms;
  return false;
}

// ---------------------------------------------------------------- Set and Map keys

/**
 * The hash key of a value. Two keys with the same hash key are the same key, except for user-defined objects with
 * their own hashCode ('H…' keys), whose bucket is searched with equals().
 */
export function hashKey(txn: Txn, v: Value): string {
  if (v === null) return 'n';
  switch (typeof v) {
    case 'string':
      return `s${v}`;
    case 'number':
      return `i${v}`;
    case 'bigint':
      return `l${v}`;
    case 'boolean':
      return v ? 'b1' : 'b0';
  }
  if (v instanceof ApexId) return `I${v.value}`;
  if (v instanceof ApexDecimal) return `d${v.stripTrailingZeros().toPlainString()}`;
  if (v instanceof ApexDouble) return `f${v.value}`;
  if (v instanceof ApexDate) return `D${v.days}`;
  if (v instanceof ApexDatetime) return `T${v.ms}`;
  if (v instanceof ApexTime) return `t${v.ms}`;
  if (v instanceof ApexBlob) return `B${Buffer.from(v.bytes).toString('base64')}`;
  if (v instanceof EnumValue) return `E${v.enumClass.lower}.${v.name}`;
  if (v instanceof TypeValue) return `Y${typeName(v.type).toLowerCase()}`;
  if (v instanceof ApexObject) {
    if (!v.cls.isBuiltin && protocol) {
      const h = protocol.hashCode(txn, v);
      if (h !== undefined) return `H${h}`;
    }
    return `O${v.identity}`;
  }
  if (v instanceof SObjectValue) {
    const parts: string[] = [];
    for (const k of [...v.values.keys()].sort()) parts.push(`${k}=${hashKey(txn, v.values.get(k) ?? null)}`);
    return `S${v.describe.name}{${parts.join(',')}}`;
  }
  if (v instanceof ApexList) return `L[${v.items.map((x) => hashKey(txn, x)).join(',')}]`;
  if (v instanceof ApexSet) {
    return `Z{${[...v.store.buckets.keys()].sort().join(',')}}`;
  }
  if (v instanceof ApexMap) {
    const parts: string[] = [];
    for (const e of v.store.entries()) parts.push(`${hashKey(txn, e.key)}=${hashKey(txn, e.value)}`);
    return `M{${parts.sort().join(',')}}`;
  }
  throw new Error(`emulator: no hash key for ${String(v)}`);
}

function sameKey(txn: Txn, hk: string, a: Value, b: Value): boolean {
  if (hk.charCodeAt(0) !== 72 /* H */) return true;
  return protocol?.equals(txn, a as ApexObject, b) ?? false;
}

export function storeFind(txn: Txn, store: KeyedStore, key: Value): { key: Value; value: Value } | undefined {
  const hk = hashKey(txn, key);
  const bucket = store.buckets.get(hk);
  if (!bucket) return undefined;
  for (const e of bucket) if (sameKey(txn, hk, e.key, key)) return e;
  return undefined;
}

export function storeHas(txn: Txn, store: KeyedStore, key: Value): boolean {
  return storeFind(txn, store, key) !== undefined;
}

/** Puts a key; returns the previous value (or undefined when the key is new). */
export function storePut(txn: Txn, store: KeyedStore, key: Value, value: Value): Value | undefined {
  const hk = hashKey(txn, key);
  const bucket = store.buckets.get(hk);
  if (!bucket) {
    store.buckets.set(hk, [{ key, value }]);
    store.size += 1;
    return undefined;
  }
  for (const e of bucket) {
    if (sameKey(txn, hk, e.key, key)) {
      const old = e.value;
      e.value = value;
      return old;
    }
  }
  bucket.push({ key, value });
  store.size += 1;
  return undefined;
}

/** Removes a key; returns the removed entry's value (or undefined when absent). */
export function storeRemove(txn: Txn, store: KeyedStore, key: Value): Value | undefined {
  const hk = hashKey(txn, key);
  const bucket = store.buckets.get(hk);
  if (!bucket) return undefined;
  for (let i = 0; i < bucket.length; i += 1) {
    const e = bucket[i] as { key: Value; value: Value };
    if (sameKey(txn, hk, e.key, key)) {
      bucket.splice(i, 1);
      if (bucket.length === 0) store.buckets.delete(hk);
      store.size -= 1;
      return e.value;
    }
  }
  return undefined;
}
