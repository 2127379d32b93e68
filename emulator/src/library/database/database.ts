// System.Database (Apex Reference, "Database Class"): DML methods with allOrNone and an AccessLevel, returning
// Database.SaveResult / UpsertResult / DeleteResult / UndeleteResult; dynamic SOQL (query, queryWithBinds,
// countQuery, countQueryWithBinds, getQueryLocator …); savepoints and rollback; executeBatch.
import { plainText } from '../../runtime/stringify';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { performDml, dmlException, type DmlOp, type RowResult } from '../../data/dml/engine';
import { recordsOf } from '../../data/dml/statement';
import { runSoql, type AccessMode } from '../../data/query';
import { parseDynamicSoql } from '../../data/soql/lower';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import { listOf, STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, type Value } from '../../runtime/values';
import { ApexId } from '../../values/Id';
import { executeBatch } from '../async/jobs';
import { defineBuiltin, integerArg, noOverload, stringArg } from '../define';
import { accessModeOf } from '../system/accessLevel';
import { checkDmlOptions, registerDmlOptions } from './dmlOptions';
import { newQueryLocator } from './queryLocator';
import { registerResults, resultsFor } from './results';
import { savepointOf, newSavepoint } from './savepoint';

const classes = new Map<string, ClassInfo>();

/** The sharing of the Apex code that called a Database method (its frame). */
function callerSharing(txn: Txn): 'with' | 'without' {
  return txn.currentFrame?.sharing ?? 'without';
}

/**
 * Parses the optional tail arguments of a Database DML method: (records), (records, allOrNone),
 * (records, accessLevel), (records, allOrNone, accessLevel), (records, dmlOptions …).
 */
function dmlArgs(txn: Txn, args: Value[], from: number): { allOrNone: boolean; mode: AccessMode } {
  let allOrNone = true;
  let mode: AccessMode = 'default';
  for (let i = from; i < args.length; i += 1) {
    const a = args[i] ?? null;
    if (typeof a === 'boolean') allOrNone = a;
    else if (a instanceof ApexObject && a.cls.lower === 'accesslevel') mode = accessModeOf(a);
    else if (a instanceof ApexObject && a.cls.lower === 'database.dmloptions') {
      const opt = checkDmlOptions(txn, a).allOrNone;
      if (opt !== null) allOrNone = opt;
    } else if (a !== null) throw new EmulatorUnsupportedError(`a Database DML argument of this type (${txn.where()})`);
  }
  return { allOrNone, mode };
}

function dml(txn: Txn, op: DmlOp, args: Value[], externalIdField?: string): Value {
  const target = args[0] ?? null;
  const single = target instanceof SObjectValue || target instanceof ApexId || typeof target === 'string';
  const records = recordsForDml(txn, op, target);
  const { allOrNone, mode } = dmlArgs(txn, args, externalIdField === undefined ? 1 : 2);
  const results = performDml(txn, {
    op,
    records,
    allOrNone,
    accessMode: mode,
    sharing: callerSharing(txn),
    ...(externalIdField ? { externalIdField } : {}),
  });
  if (allOrNone && results.some((r: RowResult) => r.errors.length > 0)) throw dmlException(op, results, records);
  const wrapped = resultsFor(op, results);
  return single ? (wrapped.items[0] ?? null) : wrapped;
}

/** delete and undelete also take Ids (one or a list). */
function recordsForDml(txn: Txn, op: DmlOp, target: Value): SObjectValue[] {
  const idToRecord = (id: Value): SObjectValue => {
    const value = id instanceof ApexId ? id : ApexId.valueOf(plainText(id));
    const describe = txn.org.schema.byKeyPrefix(value.keyPrefix);
    if (!describe) throw new ApexPlatformError('System.DmlException', `Invalid id: ${value.value}`);
    const rec = new SObjectValue(describe);
    rec.values.set('id', value);
    return rec;
  };
  if ((op === 'delete' || op === 'undelete') && (target instanceof ApexId || typeof target === 'string')) {
    return [idToRecord(target)];
  }
  if (
    (op === 'delete' || op === 'undelete') &&
    target instanceof ApexList &&
    target.items.some((v) => !(v instanceof SObjectValue))
  ) {
    return target.items.map(idToRecord);
  }
  return recordsOf(target);
}

/** Runs a dynamic query string with the caller's bind variables (or a bind map). */
function dynamicQuery(txn: Txn, text: string, binds: ApexMap | undefined, mode: AccessMode, count: boolean): Value {
  const q = parseDynamicSoql(text);
  const byName = binds
    ? (name: string): Value => {
        for (const e of binds.store.entries()) if (e.key === name) return e.value;
        throw new ApexPlatformError('System.QueryException', `Key '${name}' does not exist in the bindMap`);
      }
    : (txn.dynamicBinds ??
      ((name: string): Value => {
        throw new ApexPlatformError('System.QueryException', `Variable does not exist: ${name}`);
      }));
  return runSoql(txn, q, { byName }, callerSharing(txn), mode, count);
}

function modeArg(args: Value[], i: number): AccessMode {
  const a = args[i];
  if (a === undefined || a === null) return 'default';
  if (a instanceof ApexObject && a.cls.lower === 'accesslevel') return accessModeOf(a);
  throw new EmulatorUnsupportedError('a Database query argument of this type');
}

export function registerDatabase(program: Program): void {
  registerResults(program);
  classes.set('dmloptions', registerDmlOptions(program));
  defineBuiltin(program, {
    name: 'Database',
    namespace: 'System',
    statics: {
      insert: (t, _s, a) => dml(t, 'insert', a),
      update: (t, _s, a) => dml(t, 'update', a),
      delete: (t, _s, a) => dml(t, 'delete', a),
      undelete: (t, _s, a) => dml(t, 'undelete', a),
      upsert: (t, _s, a) => {
        const second = a[1];
        if (second instanceof ApexObject && second.cls.lower === 'schema.sobjectfield') {
          const field = (second.native as { field: { name: string } }).field.name;
          return dml(t, 'upsert', a, field);
        }
        return dml(t, 'upsert', a);
      },
      merge: () => {
        throw new EmulatorUnsupportedError('Database.merge');
      },
      query: (t, _s, a) => dynamicQuery(t, stringArg(a, 0), undefined, modeArg(a, 1), false),
      queryWithBinds: (t, _s, a) => {
        const binds = a[1];
        if (!(binds instanceof ApexMap))
          throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
        return dynamicQuery(t, stringArg(a, 0), binds, modeArg(a, 2), false);
      },
      countQuery: (t, _s, a) => dynamicQuery(t, stringArg(a, 0), undefined, modeArg(a, 1), true),
      countQueryWithBinds: (t, _s, a) => {
        const binds = a[1];
        if (!(binds instanceof ApexMap))
          throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
        return dynamicQuery(t, stringArg(a, 0), binds, modeArg(a, 2), true);
      },
      getQueryLocator: (t, _s, a) => {
        const source = a[0] ?? null;
        if (source instanceof ApexList) return newQueryLocator(t, { rows: source });
        return newQueryLocator(t, { text: stringArg(a, 0), mode: modeArg(a, 1), binds: t.dynamicBinds });
      },
      getQueryLocatorWithBinds: (t, _s, a) => {
        const binds = a[1];
        if (!(binds instanceof ApexMap))
          throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
        return newQueryLocator(t, { text: stringArg(a, 0), mode: modeArg(a, 2), bindMap: binds });
      },
      setSavepoint: (t) => newSavepoint(t),
      rollback: (t, _s, a) => {
        savepointOf(t, a[0] ?? null).rollback(t);
        return null;
      },
      releaseSavepoint: (t, _s, a) => {
        savepointOf(t, a[0] ?? null).release(t);
        return null;
      },
      executeBatch: (t, _s, a) => {
        const scope = a.length > 1 ? integerArg(a, 1) : 200;
        return ApexId.valueOf(executeBatch(t, a[0] ?? null, scope));
      },
      emptyRecycleBin: (t, _s, a) => {
        for (const rec of recordsForDml(t, 'delete', a[0] ?? null)) {
          const id = rec.values.get('id');
          if (id instanceof ApexId) t.org.db.purge(id.value);
        }
        return new ApexList(listOf(STRING_TYPE));
      },
      getUpdated: () => noOverload('Database.getUpdated', []),
      getDeleted: () => noOverload('Database.getDeleted', []),
      convertLead: () => {
        throw new EmulatorUnsupportedError('Database.convertLead');
      },
    },
  });
}
