// Database.QueryLocator (Apex Reference, "QueryLocator Class"): the records a batch job iterates, from a query
// string (Database.getQueryLocator) or an inline query; getQuery() and iterator().
import { runSoql, type AccessMode } from '../../data/query';
import { parseDynamicSoql } from '../../data/soql/lower';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexList, ApexMap, ApexObject, type Value } from '../../runtime/values';
import { ApexPlatformError } from '../../errors';
import { defineBuiltin } from '../define';
import { newIterator } from '../collections/iterator';

interface LocatorState {
  text?: string;
  mode?: AccessMode;
  binds?: ((name: string) => Value) | undefined;
  bindMap?: ApexMap;
  rows?: ApexList;
}

let locatorClass: ClassInfo | undefined;

export function newQueryLocator(_txn: Txn, state: LocatorState): ApexObject {
  return new ApexObject(locatorClass as ClassInfo, state);
}

/** The rows of a QueryLocator (the query runs when the batch starts, as in an org), or undefined for other values. */
export function queryLocatorRecords(txn: Txn, v: Value): ApexList | undefined {
  if (!(v instanceof ApexObject) || v.cls !== locatorClass) return undefined;
  const st = v.native as LocatorState;
  if (st.rows) return st.rows;
  const q = parseDynamicSoql(st.text ?? '');
  const bindMap = st.bindMap;
  const byName = bindMap
    ? (name: string): Value => {
        for (const e of bindMap.store.entries()) if (e.key === name) return e.value;
        throw new ApexPlatformError('System.QueryException', `Key '${name}' does not exist in the bindMap`);
      }
    : (st.binds ??
      ((name: string): Value => {
        throw new ApexPlatformError('System.QueryException', `Variable does not exist: ${name}`);
      }));
  return runSoql(txn, q, { byName }, 'without', st.mode ?? 'default', false) as ApexList;
}

export function registerQueryLocator(program: Program): void {
  locatorClass = defineBuiltin(program, {
    name: 'QueryLocator',
    namespace: 'Database',
    methods: {
      getQuery: (_t, s) => ((s as ApexObject).native as LocatorState).text ?? null,
      iterator: (t, s) => newIterator(t, (queryLocatorRecords(t, s) as ApexList).items),
    },
  });
}
