// One request from outside the org (REST, a Lightning component, an invocable action, anonymous Apex): a
// transaction that commits when the Apex code returns and rolls back when it throws (Apex Developer Guide,
// "Apex Transactions"), after which its e-mails are sent, its platform events delivered and its queued async jobs
// run (library/async/jobs.ts, drainAfterCommit).
import { drainAfterCommit } from '../library/async/jobs';
import { restorePlatformCache, snapshotPlatformCache } from '../library/cache/platformCache';
import type { Org } from '../org/Org';
import type { Txn } from '../runtime/transaction';

export interface RequestOutcome<T> {
  result?: T;
  error?: unknown;
  txn: Txn;
}

export function runRequest<T>(org: Org, userId: string, body: (txn: Txn) => T): RequestOutcome<T> {
  const txn = org.newTxn({ userId, isTest: false });
  const before = org.db.snapshot();
  const cacheBefore = snapshotPlatformCache(org);
  let result: T;
  try {
    result = body(txn);
  } catch (error) {
    org.db.restore(before);
    // "If the Apex request fails, all cache operations in that request are rolled back" (Platform Cache Internals).
    restorePlatformCache(org, cacheBefore);
    return { error, txn };
  }
  drainAfterCommit(txn);
  return { result, txn };
}
