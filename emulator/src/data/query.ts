// Runs a SOQL query for Apex code: the running user's context (time zone, locale, limits), the access mode of the
// call (WITH USER_MODE / SECURITY_ENFORCED in the query, AccessLevel of Database.query…) and the sharing of the
// calling frame (Apex Developer Guide, "Using the with sharing, without sharing, and inherited sharing Keywords").
import type { EffectiveSharing } from '../runtime/frame';
import type { Txn } from '../runtime/transaction';
import type { Value } from '../runtime/values';
import type { BindSource } from '../org/Org';
import { effectiveMode as effectiveModeOf, querySecurityFor } from './access';
import type { Condition, SoqlOperand, SoqlQuery } from './soql/ast';
import { ApexPlatformError, EmulatorUnsupportedError } from '../errors';
import { ApexList, ApexSet } from '../runtime/values';
import { ApexId } from '../values/Id';
import { plainText } from '../runtime/stringify';
import { Database } from './Database';
import { runCountQuery, runQuery, type QueryEnvironment } from './soql/engine';

export type AccessMode = 'default' | 'USER_MODE' | 'SYSTEM_MODE';

export function queryEnvironment(
  txn: Txn,
  binds: BindSource,
  sharing: EffectiveSharing,
  accessMode: AccessMode,
  q: SoqlQuery,
): QueryEnvironment {
  const org = txn.org;
  const user = org.userContext(txn.userId);
  const effectiveMode: AccessMode =
    q.withMode === 'USER_MODE' ? 'USER_MODE' : q.withMode ? accessMode : effectiveModeOf(txn, accessMode);
  return {
    db: org.db,
    schema: org.schema,
    binds,
    accessMode: effectiveMode,
    security: querySecurityFor(txn, sharing, effectiveMode),
    countLimit: (name, n) => txn.limits.count(name, n),
    nowMs: org.clock(),
    timeZone: user.timeZone,
    locale: user.locale,
    fiscalYearStartMonth: org.fiscalYearStartMonth(),
  };
}

/** The value of a simple WHERE operand: a literal, a bind or a list of them. */
function operandValues(op: SoqlOperand, binds: BindSource): Value[] {
  switch (op.kind) {
    case 'string':
      return [op.value];
    case 'bind':
      return flatten(binds.byIndex?.[op.index] ?? null);
    case 'bindName':
      return flatten(binds.byName ? binds.byName(op.name) : null);
    case 'list':
      return op.values.flatMap((v) => operandValues(v, binds));
    default:
      throw new EmulatorUnsupportedError(`a UserRecordAccess filter of kind ${op.kind}`);
  }
}

function flatten(v: Value): Value[] {
  if (v instanceof ApexList) return v.items;
  if (v instanceof ApexSet) return [...v.store.entries()].map((e) => e.key);
  return [v];
}

/**
 * UserRecordAccess (Object Reference, "UserRecordAccess"): a query must filter on UserId and RecordId (= or IN,
 * at most 200 ids); the rows are computed by the security model, then the query runs over them.
 */
function userRecordAccessQuery(txn: Txn, q: SoqlQuery, binds: BindSource, countOnly: boolean): Value {
  const security = txn.org.security;
  if (!security?.userRecordAccess) throw new EmulatorUnsupportedError('UserRecordAccess without the security model');
  const userIds: string[] = [];
  const recordIds: string[] = [];
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    if (c.kind === 'and') c.operands.forEach(walk);
    else if (c.kind === 'compare' && c.left.kind === 'field' && (c.op === '=' || c.op === 'IN')) {
      const field = c.left.path.join('.').toLowerCase();
      const ids = operandValues(c.right, binds).map((v) => plainText(v));
      if (field === 'userid') userIds.push(...ids);
      else if (field === 'recordid') recordIds.push(...ids);
    }
  };
  walk(q.where);
  if (userIds.length !== 1 || recordIds.length === 0) {
    throw new ApexPlatformError(
      'System.QueryException',
      'UserRecordAccess queries must filter on one UserId and on RecordId (= or IN)',
    );
  }
  const describe = txn.org.describe('UserRecordAccess');
  const db = new Database();
  for (const row of security.userRecordAccess(userIds[0] as string, recordIds)) {
    const fields = new Map<string, Value>([
      ['id', ApexId.valueOf(row.RecordId)],
      ['userid', ApexId.valueOf(row.UserId)],
      ['recordid', ApexId.valueOf(row.RecordId)],
      ['hasreadaccess', row.HasReadAccess],
      ['haseditaccess', row.HasEditAccess],
      ['hasdeleteaccess', row.HasDeleteAccess],
      ['hastransferaccess', row.HasTransferAccess],
      ['hasallaccess', row.HasAllAccess],
      ['maxaccesslevel', row.MaxAccessLevel],
    ]);
    db.add(describe, row.RecordId, fields);
  }
  const env = { ...queryEnvironment(txn, binds, 'without', 'SYSTEM_MODE', q), db };
  return countOnly ? runCountQuery(env, q) : runQuery(env, q);
}

export function runSoql(
  txn: Txn,
  q: SoqlQuery,
  binds: BindSource,
  sharing: EffectiveSharing,
  accessMode: AccessMode,
  countOnly: boolean,
): Value {
  if (q.from.name.toLowerCase() === 'userrecordaccess') return userRecordAccessQuery(txn, q, binds, countOnly);
  const env = queryEnvironment(txn, binds, sharing, accessMode, q);
  return countOnly ? runCountQuery(env, q) : runQuery(env, q);
}
