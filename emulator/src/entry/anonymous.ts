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
import { runQueuedJobs } from '../library/async/jobs';
import { deliverEvents } from '../library/events/eventBus';

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
  const txn = org.newTxn({ userId, isTest: false });
  setRequestQuiddity(txn, 'ANONYMOUS');
  try {
    invoke(txn, body, null, []);
    deliverEvents(txn);
    runQueuedJobs(txn, false);
    return { debug: txn.debugLog, error: undefined, statements: txn.statements };
  } catch (e) {
    return { debug: txn.debugLog, error: describeFailure(normalizeError(txn, e)) };
  }
}
