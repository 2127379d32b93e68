// System.List (Apex Reference, "List Class"): index errors throw System.ListException "List index out of bounds:
// N"; sort() orders primitives ascending, user objects by Comparable.compareTo, sObjects by Name then Id, and
// sort(Comparator) asks the comparator; structural changes while a loop iterates the list throw FinalException.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { checkNotIterating } from '../../runtime/collections';
import { convertForAssign } from '../../runtime/conversion';
import { apexEquals, hashKey } from '../../runtime/equality';
import { callInstance } from '../../runtime/invoke';
import { nullPointer } from '../../runtime/operators';
import type { Program } from '../../runtime/program';
import { SObjectValue } from '../../runtime/sobject';
import { apexToString } from '../../runtime/stringify';
import type { Txn } from '../../runtime/transaction';
import { ApexList, ApexObject, ApexSet, type Value } from '../../runtime/values';
import { ApexDate } from '../../values/Date';
import { ApexDatetime } from '../../values/Datetime';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { ApexId } from '../../values/Id';
import { ApexTime } from '../../values/Time';
import { defineBuiltin, integerArg, noOverload } from '../define';
import { javaStringHash } from '../lang/object';
import { deepCloneValue } from './clone';
import { newIterator } from './iterator';
import { sobjectTypeToken } from '../schema/tokens';

function list(v: Value): ApexList {
  return v as ApexList;
}

function index(l: ApexList, i: number, size = l.items.length): number {
  if (i < 0 || i >= size) throw new ApexPlatformError('System.ListException', `List index out of bounds: ${i}`);
  return i;
}

function elementsOf(v: Value): Value[] {
  if (v === null) throw nullPointer();
  if (v instanceof ApexList) return v.items.slice();
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => e.key);
  throw new EmulatorUnsupportedError('List.addAll of a value that is not a List or Set');
}

/** The natural order of primitives (numbers by value, Strings by UTF-16 code units as Java's compareTo). */
export function comparePrimitive(a: Value, b: Value): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : -1) : 1;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof ApexId && b instanceof ApexId) return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const num = (v: Value): ApexDecimal | undefined => {
    if (typeof v === 'number') return ApexDecimal.fromInteger(v);
    if (typeof v === 'bigint') return ApexDecimal.fromLong(v);
    if (v instanceof ApexDecimal) return v;
    if (v instanceof ApexDouble) return ApexDecimal.fromDouble(v.value);
    return undefined;
  };
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = num(a);
  const y = num(b);
  if (x && y) return x.compareTo(y);
  if (a instanceof ApexDate && b instanceof ApexDate) return a.days - b.days;
  if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.ms - b.ms;
  if (a instanceof ApexTime && b instanceof ApexTime) return a.ms - b.ms;
  throw new EmulatorUnsupportedError('sorting values of different types');
}

/** contains / indexOf: Strings match exactly (Apex Reference, "List Class": the comparison is case-sensitive). */
function sameElement(txn: Txn, a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  return apexEquals(txn, a, b);
}

function compareForSort(txn: Txn, a: Value, b: Value): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : -1) : 1;
  if (a instanceof ApexObject && !a.cls.isBuiltin) {
    const r = callInstance(txn, a, 'compareTo', [b]);
    return typeof r === 'number' ? r : 0;
  }
  if (a instanceof SObjectValue && b instanceof SObjectValue) return compareSObjects(a, b);
  return comparePrimitive(a, b);
}

/** Apex Reference, List.sort(): "sObjects are sorted by the Name field … then … by Id" (simplified: Name, then Id). */
function compareSObjects(a: SObjectValue, b: SObjectValue): number {
  if (a.describe !== b.describe) return a.describe.label.localeCompare(b.describe.label);
  const nameField = a.describe.nameField?.toLowerCase();
  if (nameField) {
    const x = a.values.get(nameField) ?? null;
    const y = b.values.get(nameField) ?? null;
    const c = comparePrimitive(x, y);
    if (c !== 0) return c;
  }
  return comparePrimitive(a.values.get('id') ?? null, b.values.get('id') ?? null);
}

export function registerList(program: Program): void {
  defineBuiltin(program, {
    name: 'List',
    namespace: 'System',
    methods: {
      add: (_t, s, a) => {
        const l = list(s);
        checkNotIterating(l);
        if (a.length === 1) {
          l.items.push(convertForAssign(a[0] ?? null, l.elementType));
          return null;
        }
        if (a.length === 2) {
          const i = integerArg(a, 0);
          index(l, i, l.items.length + 1);
          l.items.splice(i, 0, convertForAssign(a[1] ?? null, l.elementType));
          return null;
        }
        return noOverload('List.add', a);
      },
      addAll: (_t, s, a) => {
        const l = list(s);
        checkNotIterating(l);
        for (const v of elementsOf(a[0] ?? null)) l.items.push(convertForAssign(v, l.elementType));
        return null;
      },
      clear: (_t, s) => {
        const l = list(s);
        checkNotIterating(l);
        l.items = [];
        return null;
      },
      clone: (_t, s) => {
        const l = list(s);
        return new ApexList(l.elementType, l.items.slice());
      },
      deepClone: (t, s, a) => {
        const l = list(s);
        const preserveId = a[0] === true;
        const preserveReadOnly = a[1] === true;
        const preserveAutoNumber = a[2] === true;
        return new ApexList(
          l.elementType,
          l.items.map((v) => deepCloneValue(t, v, { preserveId, preserveReadOnly, preserveAutoNumber })),
        );
      },
      contains: (t, s, a) => list(s).items.some((v) => sameElement(t, v, a[0] ?? null)),
      equals: (t, s, a) => apexEquals(t, s, a[0] ?? null),
      get: (_t, s, a) => {
        const l = list(s);
        return l.items[index(l, integerArg(a, 0))] ?? null;
      },
      getSObjectType: (t, s) => {
        const e = list(s).elementType;
        if (e.kind !== 'sobject' || !e.sobject) return null;
        return sobjectTypeToken(t, e.sobject);
      },
      hashCode: (t, s) => javaStringHash(hashKey(t, s)),
      indexOf: (t, s, a) => list(s).items.findIndex((v) => sameElement(t, v, a[0] ?? null)),
      isEmpty: (_t, s) => list(s).items.length === 0,
      iterator: (t, s) => newIterator(t, list(s).items.slice()),
      remove: (_t, s, a) => {
        const l = list(s);
        checkNotIterating(l);
        const i = index(l, integerArg(a, 0));
        const [removed] = l.items.splice(i, 1);
        return removed ?? null;
      },
      set: (_t, s, a) => {
        const l = list(s);
        const i = index(l, integerArg(a, 0));
        l.items[i] = convertForAssign(a[1] ?? null, l.elementType);
        return null;
      },
      size: (_t, s) => list(s).items.length,
      sort: (t, s, a) => {
        const l = list(s);
        checkNotIterating(l);
        const comparator = a[0];
        if (comparator !== undefined && comparator !== null) {
          l.items.sort((x, y) => {
            const r = callInstance(t, comparator, 'compare', [x, y]);
            return typeof r === 'number' ? r : 0;
          });
        } else {
          l.items.sort((x, y) => compareForSort(t, x, y));
        }
        return null;
      },
      toString: (t: Txn, s: Value) => apexToString(t, s),
    },
  });
}
