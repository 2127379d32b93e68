// Database.setSavepoint / rollback / releaseSavepoint (Apex Developer Guide, "Transaction Control": a rollback
// restores the database to the savepoint; static variables are not reverted; ids of records inserted after the
// savepoint are not reused; savepoints set after it are no longer valid; each call counts as a DML statement).
import { ApexPlatformError } from '../../errors';
import type { Database } from '../../data/Database';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject, type Value } from '../../runtime/values';
import { defineBuiltin } from '../define';
import { discardEmailsAfter, emailMark } from '../messaging/email';

interface SavepointState {
  snapshot: Database;
  /** The e-mails sent before the savepoint (messaging/email.ts): a rollback drops the later ones. */
  emails: number;
  index: number;
  released: boolean;
}

let savepointClass: ClassInfo | undefined;

function savepoints(txn: Txn): ApexObject[] {
  return txn.state('savepoints', () => [] as ApexObject[]);
}

export function newSavepoint(txn: Txn): ApexObject {
  txn.limits.count('dmlStatements');
  const list = savepoints(txn);
  const sp = new ApexObject(savepointClass as ClassInfo, {
    snapshot: txn.org.db.snapshot(),
    emails: emailMark(txn),
    index: list.length,
    released: false,
  } satisfies SavepointState);
  list.push(sp);
  return sp;
}

export function savepointOf(_txn: Txn, v: Value): { rollback(txn: Txn): void; release(txn: Txn): void } {
  if (!(v instanceof ApexObject) || v.cls !== savepointClass) {
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  }
  const st = v.native as SavepointState;
  return {
    rollback(txn) {
      const list = savepoints(txn);
      if (st.released || !list.includes(v)) {
        throw new ApexPlatformError('System.TypeException', 'Savepoint does not exist in this context.');
      }
      txn.limits.count('dmlStatements');
      txn.org.db.restore(st.snapshot);
      discardEmailsAfter(txn, st.emails);
      list.splice(st.index + 1);
    },
    release(txn) {
      const list = savepoints(txn);
      st.released = true;
      const i = list.indexOf(v);
      if (i >= 0) list.splice(i);
    },
  };
}

export function registerSavepoint(program: Program): void {
  savepointClass = defineBuiltin(program, { name: 'Savepoint', namespace: 'System' });
}
