// Creating and iterating collections (Apex Developer Guide, "Lists", "Sets", "Maps"; Apex Reference, List, Set
// and Map constructors: copies of lists and sets, a Map<Id, sObject> built from a list of records keyed by Id).
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { convertForAssign } from './conversion';
import { storePut } from './equality';
import { callInstance } from './invoke';
import { nullPointer } from './operators';
import { SObjectValue } from './sobject';
import type { Txn } from './transaction';
import type { ApexType } from './types';
import { ApexList, ApexMap, ApexObject, ApexSet, type Value } from './values';

/** `new List<T>(…)`, `new Set<T>(…)`, `new Map<K, V>(…)` with the arguments Apex accepts. */
export function newCollection(txn: Txn, type: ApexType, args: Value[]): Value {
  const [arg] = args;
  if (args.length > 1) throw new EmulatorUnsupportedError(`a collection constructor with ${args.length} arguments`);
  switch (type.kind) {
    case 'list': {
      const list = new ApexList(type.element);
      if (arg === undefined) return list;
      if (arg === null) throw nullPointer();
      for (const v of elementsOf(arg)) list.items.push(convertForAssign(v, type.element));
      return list;
    }
    case 'set': {
      const set = new ApexSet(type.element);
      if (arg === undefined) return set;
      if (arg === null) throw nullPointer();
      for (const v of elementsOf(arg)) storePut(txn, set.store, convertForAssign(v, type.element), null);
      return set;
    }
    case 'map': {
      const map = new ApexMap(type.key, type.value);
      if (arg === undefined) return map;
      if (arg === null) throw nullPointer();
      if (arg instanceof ApexMap) {
        for (const e of arg.store.entries()) storePut(txn, map.store, e.key, e.value);
        return map;
      }
      if (arg instanceof ApexList) {
        arg.items.forEach((rec, index) => {
          if (!(rec instanceof SObjectValue)) {
            throw new EmulatorUnsupportedError('new Map(List) of values that are not sObjects');
          }
          const id = rec.values.get('id') ?? null;
          if (id === null) throw new ApexPlatformError('System.ListException', `Row with null Id at index: ${index}`);
          storePut(txn, map.store, convertForAssign(id, type.key), rec);
        });
        return map;
      }
      throw new EmulatorUnsupportedError('this Map constructor argument');
    }
    default:
      throw new EmulatorUnsupportedError('constructing this collection type');
  }
}

/** The elements of a List or Set argument. */
function elementsOf(v: Value): Value[] {
  if (v instanceof ApexList) return v.items.slice();
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => e.key);
  throw new EmulatorUnsupportedError('a collection constructor argument that is not a List or Set');
}

/**
 * Runs `fn` for each element of a List, a Set or an Iterable user object (iterator(), hasNext(), next()).
 * `fn` returns false to stop, 'return' to stop because the loop body returned. Returns true when it did.
 */
export function iterate(txn: Txn, source: Value, fn: (item: Value) => boolean | 'return'): boolean {
  if (source instanceof ApexList || source instanceof ApexSet) {
    const items = source instanceof ApexList ? source.items : [...source.store.entries()].map((e) => e.key);
    source.locks += 1;
    try {
      const n = items.length;
      for (let i = 0; i < n; i += 1) {
        const r = fn(items[i] ?? null);
        if (r === 'return') return true;
        if (!r) return false;
      }
    } finally {
      source.locks -= 1;
    }
    return false;
  }
  if (source instanceof ApexObject) {
    const iterator = callInstance(txn, source, 'iterator', []);
    while (callInstance(txn, iterator, 'hasNext', []) === true) {
      const r = fn(callInstance(txn, iterator, 'next', []));
      if (r === 'return') return true;
      if (!r) return false;
    }
    return false;
  }
  throw new EmulatorUnsupportedError('iterating this value (only List, Set and Iterable are iterable)');
}

/** Refuses a structural change of a collection a loop is iterating. */
export function checkNotIterating(c: ApexList | ApexSet | ApexMap): void {
  if (c.locks > 0) {
    throw new ApexPlatformError('System.FinalException', 'Cannot modify a collection while it is being iterated.');
  }
}
