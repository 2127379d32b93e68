// DML from Apex: the statements (`insert recs;`, `upsert recs Ext__c;`, `insert as user recs;`) throw a
// System.DmlException when any record fails (all or none); the Database methods return results (dml/results in
// the library). Apex Developer Guide, "DML Statements vs. Database Class Methods".
import type { DmlOperation } from '../../apex/ast';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { EffectiveSharing } from '../../runtime/frame';
import { nullPointer } from '../../runtime/operators';
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import { ApexList, type Value } from '../../runtime/values';
import type { AccessMode } from '../query';
import { dmlException, performDml, type DmlOp, type RowResult } from './engine';

export interface DmlStatementOptions {
  accessLevel?: 'user' | 'system';
  externalIdField?: string[];
  mergeWith?: Value;
  sharing: EffectiveSharing;
}

/** The records a DML statement or Database method was given: one sObject or a list of them. */
export function recordsOf(value: Value): SObjectValue[] {
  if (value === null) throw nullPointer();
  if (value instanceof SObjectValue) return [value];
  if (value instanceof ApexList) {
    return value.items.map((v) => {
      if (v === null)
        throw new ApexPlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
      if (!(v instanceof SObjectValue))
        throw new EmulatorUnsupportedError('DML on a list that holds non-sObject values');
      return v;
    });
  }
  throw new EmulatorUnsupportedError('DML on a value that is not an sObject or a list of sObjects');
}

export function runDml(
  txn: Txn,
  op: DmlOp,
  records: SObjectValue[],
  allOrNone: boolean,
  accessMode: AccessMode,
  sharing: EffectiveSharing,
  externalIdField?: string,
): RowResult[] {
  const results = performDml(txn, {
    op,
    records,
    allOrNone,
    accessMode,
    sharing,
    ...(externalIdField ? { externalIdField } : {}),
  });
  if (allOrNone && results.some((r) => r.errors.length > 0)) throw dmlException(op, results, records);
  return results;
}

export function runDmlStatement(txn: Txn, op: DmlOperation, value: Value, options: DmlStatementOptions): void {
  if (op === 'merge') throw new EmulatorUnsupportedError('the merge statement');
  const records = recordsOf(value);
  const mode: AccessMode =
    options.accessLevel === 'user' ? 'USER_MODE' : options.accessLevel === 'system' ? 'SYSTEM_MODE' : 'default';
  const field = options.externalIdField ? options.externalIdField[options.externalIdField.length - 1] : undefined;
  runDml(txn, op, records, true, mode, options.sharing, field);
}
