// System.Set (Apex Reference, "Set Class"): keys compare exactly (String elements are case-sensitive); addAll,
// retainAll, removeAll and containsAll take a List or a Set; changes while a loop iterates the set throw
// FinalException.
import { EmulatorUnsupportedError } from '../../errors';
import { checkNotIterating } from '../../runtime/collections';
import { convertForAssign } from '../../runtime/conversion';
import { apexEquals, hashKey, storeHas, storePut, storeRemove } from '../../runtime/equality';
import { nullPointer } from '../../runtime/operators';
import type { Program } from '../../runtime/program';
import { apexToString } from '../../runtime/stringify';
import type { Txn } from '../../runtime/transaction';
import { ApexList, ApexSet, type Value } from '../../runtime/values';
import { defineBuiltin } from '../define';
import { javaStringHash } from '../lang/object';
import { newIterator } from './iterator';

function set(v: Value): ApexSet {
  return v as ApexSet;
}

function elementsOf(v: Value): Value[] {
  if (v === null) throw nullPointer();
  if (v instanceof ApexList) return v.items;
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => e.key);
  throw new EmulatorUnsupportedError('a Set method argument that is not a List or Set');
}

export function setAdd(txn: Txn, s: ApexSet, v: Value): boolean {
  checkNotIterating(s);
  return storePut(txn, s.store, convertForAssign(v, s.elementType), null) === undefined;
}

export function registerSet(program: Program): void {
  defineBuiltin(program, {
    name: 'Set',
    namespace: 'System',
    methods: {
      add: (t, s, a) => setAdd(t, set(s), a[0] ?? null),
      addAll: (t, s, a) => {
        let changed = false;
        for (const v of elementsOf(a[0] ?? null)) changed = setAdd(t, set(s), v) || changed;
        return changed;
      },
      clear: (_t, s) => {
        checkNotIterating(set(s));
        set(s).store.clear();
        return null;
      },
      clone: (_t, s) => {
        const copy = new ApexSet(set(s).elementType);
        copy.store.copyFrom(set(s).store);
        return copy;
      },
      contains: (t, s, a) => storeHas(t, set(s).store, convertForAssign(a[0] ?? null, set(s).elementType)),
      containsAll: (t, s, a) =>
        elementsOf(a[0] ?? null).every((v) => storeHas(t, set(s).store, convertForAssign(v, set(s).elementType))),
      equals: (t, s, a) => apexEquals(t, s, a[0] ?? null),
      hashCode: (t, s) => javaStringHash(hashKey(t, s)),
      isEmpty: (_t, s) => set(s).store.size === 0,
      iterator: (t, s) =>
        newIterator(
          t,
          [...set(s).store.entries()].map((e) => e.key),
        ),
      remove: (t, s, a) => {
        checkNotIterating(set(s));
        return storeRemove(t, set(s).store, convertForAssign(a[0] ?? null, set(s).elementType)) !== undefined;
      },
      removeAll: (t, s, a) => {
        checkNotIterating(set(s));
        let changed = false;
        for (const v of elementsOf(a[0] ?? null)) {
          changed = storeRemove(t, set(s).store, convertForAssign(v, set(s).elementType)) !== undefined || changed;
        }
        return changed;
      },
      retainAll: (t, s, a) => {
        checkNotIterating(set(s));
        const keep = new ApexSet(set(s).elementType);
        for (const v of elementsOf(a[0] ?? null))
          storePut(t, keep.store, convertForAssign(v, set(s).elementType), null);
        let changed = false;
        for (const e of [...set(s).store.entries()]) {
          if (!storeHas(t, keep.store, e.key)) {
            storeRemove(t, set(s).store, e.key);
            changed = true;
          }
        }
        return changed;
      },
      size: (_t, s) => set(s).store.size,
      toString: (t: Txn, s: Value) => apexToString(t, s),
    },
  });
}
