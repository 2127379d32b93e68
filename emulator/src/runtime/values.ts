// Run-time values of the interpreter. Primitives follow the representation contract (values/: Integer = number,
// Long = bigint, Double = ApexDouble, Decimal = ApexDecimal, Id = ApexId, Date/Datetime/Time, Blob); this file adds
// what the interpreter owns: collections, class instances, enum constants and type tokens.
import type { ApexBlob } from '../values/Blob';
import type { ApexDate } from '../values/Date';
import type { ApexDatetime } from '../values/Datetime';
import type { ApexDecimal } from '../values/Decimal';
import type { ApexDouble } from '../values/Double';
import type { ApexId } from '../values/Id';
import type { ApexTime } from '../values/Time';
import type { ClassInfo } from './classes';
import type { SObjectValue } from './sobject';
import type { ApexType } from './types';

export type Value =
  | null
  | boolean
  | number
  | bigint
  | string
  | ApexDouble
  | ApexDecimal
  | ApexId
  | ApexDate
  | ApexDatetime
  | ApexTime
  | ApexBlob
  | ApexList
  | ApexSet
  | ApexMap
  | SObjectValue
  | ApexObject
  | EnumValue
  | TypeValue;

let nextIdentity = 1;

/** An instance of a user-defined class, or of a built-in class with native state (`native`). */
export class ApexObject {
  readonly cls: ClassInfo;
  /** Instance fields (and automatic property storage) by lower-case name. */
  readonly fields: Record<string, Value>;
  /** State of a built-in class (a Pattern, a SaveResult, an exception's stack …). */
  native: unknown;
  /** Identity for `===`-keyed maps and default hash codes. */
  readonly identity: number;

  constructor(cls: ClassInfo, native?: unknown) {
    this.cls = cls;
    this.fields = Object.create(null) as Record<string, Value>;
    this.native = native;
    this.identity = nextIdentity++;
  }
}

/** A constant of an Apex enum (user-defined or built-in, e.g. System.RoundingMode.HALF_UP). */
export class EnumValue {
  constructor(
    readonly enumClass: ClassInfo,
    readonly name: string,
    readonly ordinal: number,
  ) {}
}

/** A System.Type token (`Account.class`, `Type.forName('X')`). */
export class TypeValue {
  constructor(readonly type: ApexType) {}
}

/** List<T> and arrays (`T[]` is a List in Apex). `soqlResult` marks a query result: it converts to one row. */
export class ApexList {
  readonly elementType: ApexType;
  items: Value[];
  soqlResult = false;
  /** Loops iterating this list right now: adding or removing elements meanwhile throws FinalException. */
  locks = 0;

  constructor(elementType: ApexType, items: Value[] = []) {
    this.elementType = elementType;
    this.items = items;
  }
}

/** One entry of a Set or Map. */
export interface KeyedEntry {
  key: Value;
  value: Value;
}

/**
 * The storage under Set and Map: insertion-ordered, keyed by a hash key computed by equality.ts (exact for
 * primitives — String keys are case-sensitive — structural for SObjects and collections, user `hashCode` plus
 * `equals` for classes that define them). Buckets hold entries whose hash keys collide.
 */
export class KeyedStore {
  readonly buckets = new Map<string, KeyedEntry[]>();
  size = 0;

  clear(): void {
    this.buckets.clear();
    this.size = 0;
  }

  *entries(): IterableIterator<KeyedEntry> {
    for (const bucket of this.buckets.values()) yield* bucket;
  }

  copyFrom(other: KeyedStore): void {
    for (const [k, bucket] of other.buckets)
      this.buckets.set(
        k,
        bucket.map((e) => ({ key: e.key, value: e.value })),
      );
    this.size = other.size;
  }
}

export class ApexSet {
  readonly elementType: ApexType;
  readonly store = new KeyedStore();
  locks = 0;

  constructor(elementType: ApexType) {
    this.elementType = elementType;
  }
}

export class ApexMap {
  readonly keyType: ApexType;
  readonly valueType: ApexType;
  readonly store = new KeyedStore();
  locks = 0;
  /** Maps from describe calls (getGlobalDescribe, fields.getMap) look String keys up ignoring case. */
  caseInsensitiveKeys = false;

  constructor(keyType: ApexType, valueType: ApexType) {
    this.keyType = keyType;
    this.valueType = valueType;
  }
}
