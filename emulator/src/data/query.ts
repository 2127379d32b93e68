// Runs a SOQL query for Apex code: the running user's context (time zone, locale, limits), the access mode of the
// call (WITH USER_MODE / SECURITY_ENFORCED in the query, AccessLevel of Database.query…) and the sharing of the
// calling frame (Apex Developer Guide, "Using the with sharing, without sharing, and inherited sharing Keywords").
import type { EffectiveSharing } from '../runtime/frame';
import type { Txn } from '../runtime/transaction';
import type { Value } from '../runtime/values';
import type { BindSource } from '../org/Org';
import { querySecurityFor } from './access';
import type { SoqlQuery } from './soql/ast';
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
  const effectiveMode: AccessMode = q.withMode === 'USER_MODE' ? 'USER_MODE' : accessMode;
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

export function runSoql(
  txn: Txn,
  q: SoqlQuery,
  binds: BindSource,
  sharing: EffectiveSharing,
  accessMode: AccessMode,
  countOnly: boolean,
): Value {
  const env = queryEnvironment(txn, binds, sharing, accessMode, q);
  return countOnly ? runCountQuery(env, q) : runQuery(env, q);
}
