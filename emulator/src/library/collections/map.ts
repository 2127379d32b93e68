// System.Map (Apex Reference, "Map Class"): keys compare exactly (String keys are case-sensitive; an Id key given
// as a 15-character String finds its 18-character entry); get of a missing key returns null; putAll takes a Map or
// a list of sObjects (keyed by Id); keySet and values are copies in insertion order.
import type { Txn } from '../../runtime/transaction';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { checkNotIterating } from '../../runtime/collections';
import { convertForAssign } from '../../runtime/conversion';
import { apexEquals, hashKey, storeFind, storePut, storeRemove } from '../../runtime/equality';
import { nullPointer } from '../../runtime/operators';
import type { Program } from '../../runtime/program';
import { SObjectValue } from '../../runtime/sobject';
import { apexToString } from '../../runtime/stringify';
import { ApexList, ApexMap, ApexSet, type Value } from '../../runtime/values';
import { defineBuiltin } from '../define';
import { javaStringHash } from '../lang/object';
import { deepCloneValue } from './clone';
import { sobjectTypeToken } from '../schema/tokens';

function map(v: Value): ApexMap {
  return v as ApexMap;
}

/** The key as the map stores it: converted to the key type, lower case for case-insensitive describe maps. */
function keyOf(m: ApexMap, key: Value): Value {
  const k = convertForAssign(key, m.keyType);
  return m.caseInsensitiveKeys && typeof k === 'string' ? k.toLowerCase() : k;
}

export function registerMap(program: Program): void {
  defineBuiltin(program, {
    name: 'Map',
    namespace: 'System',
    methods: {
      clear: (_t, s) => {
        checkNotIterating(map(s));
        map(s).store.clear();
        return null;
      },
      clone: (_t, s) => {
        const m = new ApexMap(map(s).keyType, map(s).valueType);
        m.caseInsensitiveKeys = map(s).caseInsensitiveKeys;
        m.store.copyFrom(map(s).store);
        return m;
      },
      containsKey: (t, s, a) => storeFind(t, map(s).store, keyOf(map(s), a[0] ?? null)) !== undefined,
      deepClone: (t, s) => deepCloneValue(t, s, { preserveId: true, preserveReadOnly: true, preserveAutoNumber: true }),
      equals: (t, s, a) => apexEquals(t, s, a[0] ?? null),
      get: (t, s, a) => storeFind(t, map(s).store, keyOf(map(s), a[0] ?? null))?.value ?? null,
      getSObjectType: (t, s) => {
        const v = map(s).valueType;
        return v.kind === 'sobject' && v.sobject ? sobjectTypeToken(t, v.sobject) : null;
      },
      hashCode: (t, s) => javaStringHash(hashKey(t, s)),
      isEmpty: (_t, s) => map(s).store.size === 0,
      keySet: (t, s) => {
        const keys = new ApexSet(map(s).keyType);
        for (const e of map(s).store.entries()) storePut(t, keys.store, e.key, null);
        return keys;
      },
      put: (t, s, a) => {
        const m = map(s);
        const old = storePut(t, m.store, keyOf(m, a[0] ?? null), convertForAssign(a[1] ?? null, m.valueType));
        return old ?? null;
      },
      putAll: (t, s, a) => {
        const m = map(s);
        const from = a[0] ?? null;
        if (from === null) throw nullPointer();
        if (from instanceof ApexMap) {
          for (const e of from.store.entries()) storePut(t, m.store, convertForAssign(e.key, m.keyType), e.value);
          return null;
        }
        if (from instanceof ApexList) {
          from.items.forEach((rec, i) => {
            if (!(rec instanceof SObjectValue))
              throw new EmulatorUnsupportedError('Map.putAll of a list of non-sObjects');
            const id = rec.values.get('id') ?? null;
            if (id === null) throw new ApexPlatformError('System.ListException', `Row with null Id at index: ${i}`);
            storePut(t, m.store, convertForAssign(id, m.keyType), rec);
          });
          return null;
        }
        throw new EmulatorUnsupportedError('Map.putAll of this value');
      },
      remove: (t, s, a) => {
        checkNotIterating(map(s));
        return storeRemove(t, map(s).store, keyOf(map(s), a[0] ?? null)) ?? null;
      },
      size: (_t, s) => map(s).store.size,
      toString: (t: Txn, s: Value) => apexToString(t, s),
      values: (_t, s) =>
        new ApexList(
          map(s).valueType,
          [...map(s).store.entries()].map((e) => e.value),
        ),
    },
  });
}
