// Async jobs after a request commits (Apex Developer Guide, "Apex Transactions" and "Queueable Apex"): each job is
// a transaction of its own, so a job that fails with an unhandled exception leaves nothing behind but its
// AsyncApexJob status.
import { join } from 'node:path';
import { runRequest } from '../../../entry/transaction';
import { Org } from '../../../org/Org';
import { loadProject } from '../../../project';
import { instantiate } from '../../../runtime/invoke';
import { enqueueJob } from '../jobs';

function enqueueAfterRequest(className: string): { org: Org; jobId: string } {
  const project = loadProject(join(__dirname, '..', '..', '..', 'runtime', '__tests__', 'fixtures', 'minimal'));
  const org = new Org(project, { clock: () => Date.UTC(2026, 0, 15, 12, 0, 0) });
  const outcome = runRequest(org, org.seed.adminUserId, (txn) => {
    const cls = txn.program.userClass(className);
    if (!cls) throw new Error('fixture class missing');
    return enqueueJob(txn, instantiate(txn, cls, []));
  });
  if (outcome.error) throw outcome.error instanceof Error ? outcome.error : new Error('the request failed');
  return { org, jobId: outcome.result as string };
}

describe('jobs run after commit', () => {
  it('roll back a failed Queueable and record its failure', () => {
    const { org, jobId } = enqueueAfterRequest('FailingJob');
    expect(org.db.count('Account')).toBe(0);
    const job = org.db.get(jobId);
    expect(job?.fields.get('status')).toBe('Failed');
    expect(job?.fields.get('extendedstatus')).toMatch(/job failed/);
  });

  it("run a failed Queueable's finalizer in a transaction of its own (Transaction Finalizers)", () => {
    const { org } = enqueueAfterRequest('FinalizedJob');
    expect(org.db.count('Account')).toBe(0);
    const contacts = [...org.db.table('Contact')].map((c) => c.fields.get('lastname'));
    expect(contacts).toEqual(['UNHANDLED_EXCEPTION TRANSACTION_FINALIZER_QUEUEABLE']);
  });
});
