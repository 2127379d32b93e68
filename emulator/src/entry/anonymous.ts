// Anonymous Apex (Apex Developer Guide, "Anonymous Blocks"): a script of statements and declarations compiled and
// run at once, as the current user, with sharing; its System.debug output is returned.
import { setRequestQuiddity } from '../library/system/request';
import { lowerAnonymous } from '../apex/lower';
import { parseAnonymousSource } from '../apex/parse';
import { ClassInfo, MethodInfo } from '../runtime/classes';
import { invoke, normalizeError } from '../runtime/invoke';
import { emptyMods } from '../runtime/program';
import type { Org } from '../org/Org';
import { describeFailure } from '../runner/testRunner';
import { runRequest } from './transaction';

export interface AnonymousOutcome {
  debug: { level: string; line: number; message: string }[];
  /** Statements the script executed. */
  statements?: number;
  error: { message: string; stackTrace: string | null } | undefined;
}

export function runAnonymous(
  org: Org,
  source: string,
  file = 'anonymous.apex',
  userId = org.seed.adminUserId,
): AnonymousOutcome {
  const decl = lowerAnonymous(parseAnonymousSource(source, file), file);
  const cls = new ClassInfo('AnonymousBlock', 'AnonymousBlock', 'class', undefined, undefined, undefined);
  cls.file = file;
  for (const m of decl.members) org.program.declareMember(cls, m, file);
  org.program.completeHierarchy(cls);
  const body = new MethodInfo('AnonymousBlock', cls, 'anonymous', true, [], undefined, decl, emptyMods());
  // Apex Developer Guide, "Anonymous Blocks": "the changes are committed to the database only after all operations
  // in the block finish executing and don't cause any errors"; a block that ends in an uncaught exception is rolled
  // back like any failed request ("Apex Transactions"), and what it queued, published or sent is dropped.
  const outcome = runRequest(org, userId, (txn) => {
    setRequestQuiddity(txn, 'ANONYMOUS');
    invoke(txn, body, null, []);
  });
  const txn = outcome.txn;
  if (outcome.error !== undefined)
    return { debug: txn.debugLog, error: describeFailure(normalizeError(txn, outcome.error)) };
  return { debug: txn.debugLog, error: undefined, statements: txn.statements };
}
