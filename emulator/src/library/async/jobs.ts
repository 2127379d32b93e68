// Asynchronous Apex (Apex Developer Guide, "Asynchronous Apex"): queueable jobs, future methods, batch jobs and
// scheduled jobs are queued with an AsyncApexJob / CronTrigger record and run after the transaction that queued
// them — in a test, synchronously at Test.stopTest() ("Using Limits, startTest, and stopTest": "all asynchronous
// calls made after the startTest method are collected by the system. When stopTest is executed, all asynchronous
// processes are run synchronously").
import { plainText } from '../../runtime/stringify';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { MethodInfo } from '../../runtime/classes';
import { ApexThrow, exceptionState } from '../../runtime/exceptions';
import { callInstance, invoke, normalizeError, setFutureHook } from '../../runtime/invoke';
import type { Txn } from '../../runtime/transaction';
import { ApexList, ApexObject, type Value } from '../../runtime/values';
import { ApexDatetime } from '../../values/Datetime';
import { ApexId } from '../../values/Id';
import { seedRecord } from '../../org/seed';
import {
  batchableContext,
  batchScopeRecords,
  finalizerContext,
  queueableContext,
  schedulableContext,
} from './contexts';
import { nextFireTime } from './cron';
import { restorePlatformCache, snapshotPlatformCache } from '../cache/platformCache';
import { deliverPublished, takeCommittedEvents, type PublishedEvent } from '../events/eventBus';
import { commitEmails } from '../messaging/email';
import type { Org } from '../../org/Org';

export type JobKind = 'Queueable' | 'Future' | 'BatchApex' | 'ScheduledApex';

export interface AsyncJob {
  kind: JobKind;
  /** AsyncApexJob (or CronTrigger for scheduled jobs) id. */
  id: string;
  /** Runs the job in the given transaction. */
  run(txn: Txn): void;
  /** Queued after Test.startTest (tests run only those at stopTest). */
  afterStartTest: boolean;
}

export interface AsyncState {
  queue: AsyncJob[];
  /** Set while stopTest drains the queue: jobs queued then do not run (no chaining in tests). */
  draining: boolean;
  /** The kind of async context the code runs in (System.isQueueable() …). */
  context: JobKind | undefined;
  /** The @future method a queued job is running right now (its own call is not queued again). */
  runningFuture?: MethodInfo | undefined;
  /** The finalizer the running Queueable attached (System.attachFinalizer). */
  finalizer?: ApexObject | undefined;
  /** Set while a finalizer runs (Request quiddity TRANSACTION_FINALIZER_QUEUEABLE). */
  inFinalizer?: boolean;
  /** Outside tests: the finalizer of the job that just ended, run once the job's transaction is over. */
  pendingFinalizer?: { finalizer: ApexObject; jobId: string; exception: ApexObject | null } | undefined;
}

export function asyncState(txn: Txn): AsyncState {
  return txn.state('async', () => ({ queue: [], draining: false, context: undefined }));
}

function asyncApexJob(txn: Txn, kind: JobKind, className: string, method: string | null): string {
  const cls = txn.org.db.get(txn.userId) ? txn.userId : txn.org.seed.adminUserId;
  return seedRecord(txn.org, 'AsyncApexJob', {
    JobType: kind === 'ScheduledApex' ? 'ScheduledApex' : kind,
    Status: 'Queued',
    MethodName: method,
    JobItemsProcessed: 0,
    TotalJobItems: 0,
    NumberOfErrors: 0,
    CreatedById: ApexId.valueOf(cls),
    ApexClassId: apexClassId(txn, className),
  });
}

/** The ApexClass record of a project class (seeded for every class). */
export function apexClassId(txn: Txn, className: string): ApexId | null {
  for (const rec of txn.org.db.table('ApexClass')) {
    if (plainText(rec.fields.get('name')).toLowerCase() === className.toLowerCase()) return ApexId.valueOf(rec.id);
  }
  return null;
}

function setJobStatus(txn: Txn, id: string, status: string, extended: string | null): void {
  const rec = txn.org.db.get(id);
  if (!rec) return;
  rec.fields.set('status', status);
  if (rec.describe.fields.has('extendedstatus')) rec.fields.set('extendedstatus', extended);
  if (rec.describe.fields.has('completeddate')) rec.fields.set('completeddate', new ApexDatetime(txn.org.clock()));
}

function enqueue(txn: Txn, job: Omit<AsyncJob, 'afterStartTest'>): void {
  const state = asyncState(txn);
  state.queue.push({ ...job, afterStartTest: txn.testState.started });
}

/** Runs a job body, recording its outcome on its AsyncApexJob; an exception fails the job, not the caller. */
function runRecorded(txn: Txn, job: AsyncJob, body: () => void): void {
  setJobStatus(txn, job.id, 'Processing', null);
  const state = asyncState(txn);
  const before = state.context;
  const outerFinalizer = state.finalizer;
  state.context = job.kind;
  state.finalizer = undefined;
  try {
    body();
    setJobStatus(txn, job.id, 'Completed', null);
    runFinalizer(txn, job, null);
  } catch (e) {
    const thrown = normalizeError(txn, e);
    if (thrown instanceof ApexThrow && !thrown.uncatchable) {
      const st = exceptionState(thrown.exception);
      setJobStatus(txn, job.id, 'Failed', `${thrown.exception.cls.apexName}: ${st.message ?? ''}`);
      runFinalizer(txn, job, thrown.exception);
      if (txn.isTest) throw thrown;
      return;
    }
    throw thrown;
  } finally {
    state.context = before;
    state.finalizer = outerFinalizer;
  }
}

/**
 * The finalizer a Queueable attached runs once the job has ended, with its result (Apex Developer Guide,
 * "Transaction Finalizers": "attach a post-action sequence to a Queueable job and take relevant actions based on
 * the job execution result"; "The Queueable job and the Finalizer run in separate Apex and Database transactions").
 * After a request the finalizer runs in a transaction of its own once the job's is over (drainAfterCommit); in a test
 * it runs in the test's transaction, as the job did.
 */
function runFinalizer(txn: Txn, job: AsyncJob, exception: ApexObject | null): void {
  const state = asyncState(txn);
  const finalizer = state.finalizer;
  if (!finalizer) return;
  state.finalizer = undefined;
  // Outside tests the job's transaction may still be rolled back (drainAfterCommit): the finalizer runs after it.
  if (!txn.isTest) {
    state.pendingFinalizer = { finalizer, jobId: job.id, exception };
    return;
  }
  executeFinalizer(txn, finalizer, job.id, exception);
}

function executeFinalizer(txn: Txn, finalizer: ApexObject, jobId: string, exception: ApexObject | null): void {
  const state = asyncState(txn);
  const before = state.context;
  state.context = 'Queueable';
  state.inFinalizer = true;
  try {
    callInstance(txn, finalizer, 'execute', [
      finalizerContext(txn, { id: jobId, result: exception ? 'UNHANDLED_EXCEPTION' : 'SUCCESS', exception }),
    ]);
  } finally {
    state.inFinalizer = false;
    state.context = before;
  }
}

/** Runs (in `txn`) the finalizer a job left for after its transaction, if any. */
function runPendingFinalizer(from: Txn, txn: Txn): void {
  const pending = asyncState(from).pendingFinalizer;
  if (!pending) return;
  asyncState(from).pendingFinalizer = undefined;
  executeFinalizer(txn, pending.finalizer, pending.jobId, pending.exception);
}

/** System.attachFinalizer(finalizer): only inside a Queueable's execute, one finalizer per job. */
export function attachFinalizer(txn: Txn, finalizer: Value): void {
  const state = asyncState(txn);
  if (!(finalizer instanceof ApexObject))
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  if (state.context !== 'Queueable' || state.inFinalizer)
    throw new EmulatorUnsupportedError(
      'System.attachFinalizer outside a Queueable job (what the org does is not documented)',
    );
  if (state.finalizer)
    throw new EmulatorUnsupportedError(
      'a second System.attachFinalizer in one Queueable job ("Only one finalizer instance can be attached"; the error is not documented)',
    );
  state.finalizer = finalizer;
}

// ---------------------------------------------------------------- queueable

export function enqueueJob(txn: Txn, queueable: Value): string {
  if (!(queueable instanceof ApexObject))
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  txn.limits.count('queueableJobs');
  const id = asyncApexJob(txn, 'Queueable', queueable.cls.topLevel.name, null);
  enqueue(txn, {
    kind: 'Queueable',
    id,
    run(t) {
      runRecorded(t, this as AsyncJob, () => {
        callInstance(t, queueable, 'execute', [queueableContext(t, id)]);
      });
    },
  });
  return id;
}

// ---------------------------------------------------------------- future

/** A call of an @future method: queued with its (primitive) arguments. */
export function callFuture(txn: Txn, method: MethodInfo, args: Value[]): void {
  const state = asyncState(txn);
  if (state.context === 'Future' || state.context === 'BatchApex') {
    throw new ApexPlatformError(
      'System.AsyncException',
      `Future method cannot be called from a future or batch method: ${method.cls.apexName}.${method.name}(${method.params.map((p) => p.typeRef.names.map((n) => n.name).join('.')).join(', ')})`,
    );
  }
  txn.limits.count('futureCalls');
  const id = asyncApexJob(txn, 'Future', method.cls.topLevel.name, method.name);
  enqueue(txn, {
    kind: 'Future',
    id,
    run(t) {
      runRecorded(t, this as AsyncJob, () => {
        const state = asyncState(t);
        state.runningFuture = method;
        try {
          invoke(t, method, null, args);
        } finally {
          state.runningFuture = undefined;
        }
      });
    },
  });
}

// ---------------------------------------------------------------- batch

export function executeBatch(txn: Txn, batch: Value, scope: number): string {
  if (!(batch instanceof ApexObject))
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  if (scope < 1 || scope > 2000) {
    throw new ApexPlatformError('System.InvalidParameterValueException', 'Batch size must be between 1 and 2000.');
  }
  const id = asyncApexJob(txn, 'BatchApex', batch.cls.topLevel.name, null);
  enqueue(txn, {
    kind: 'BatchApex',
    id,
    run(t) {
      runRecorded(t, this as AsyncJob, () => runBatch(t, batch, scope, id));
    },
  });
  return id;
}

function runBatch(txn: Txn, batch: ApexObject, scope: number, id: string): void {
  const context = batchableContext(txn, id);
  const started = callInstance(txn, batch, 'start', [context]);
  const records = batchScopeRecords(txn, started);
  const chunks: Value[][] = [];
  for (let i = 0; i < records.items.length; i += scope) chunks.push(records.items.slice(i, i + scope));
  if (txn.isTest && chunks.length > 1) {
    throw new ApexPlatformError(
      'System.UnexpectedException',
      'No more than one executeBatch can be called from within a test method.  Please make sure the iterable returned from your start method matches the batch size, resulting in one executeBatch invocation.',
    );
  }
  const job = txn.org.db.get(id);
  job?.fields.set('totaljobitems', chunks.length);
  for (const chunk of chunks) {
    callInstance(txn, batch, 'execute', [context, new ApexList(records.elementType, chunk)]);
    const processed = job?.fields.get('jobitemsprocessed');
    job?.fields.set('jobitemsprocessed', (typeof processed === 'number' ? processed : 0) + 1);
  }
  callInstance(txn, batch, 'finish', [context]);
}

// ---------------------------------------------------------------- scheduled

/** A job System.schedule registered outside a test: the Schedulable instance, its expression and owner. */
interface ScheduledEntry {
  schedulable: ApexObject;
  cron: string;
  timeZone: string;
  userId: string;
}

/** The Schedulable objects of the org's scheduled jobs, by CronTrigger id (they live as long as the org). */
function scheduledJobs(org: Org): Map<string, ScheduledEntry> {
  return org.caches('scheduledJobs', () => new Map<string, ScheduledEntry>());
}

/**
 * System.schedule(name, cron, schedulable) (Apex Reference, "System Class", schedule; Apex Developer Guide, "Apex
 * Scheduler"): a CronTrigger whose NextFireTime is the expression's next match in the scheduling user's time zone.
 * In a test the job runs at Test.stopTest ("Using the System.schedule method … the job executes at Test.stopTest");
 * otherwise it runs when the org's clock reaches its fire time — Org.runDueJobs — as often as the expression
 * fires.
 */
export function schedule(txn: Txn, name: string, cron: string, schedulable: Value): string {
  if (!(schedulable instanceof ApexObject))
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  for (const ct of txn.org.db.table('CronJobDetail')) {
    if (!ct.isDeleted && ct.fields.get('name') === name) {
      throw new ApexPlatformError(
        'System.AsyncException',
        `The Apex job named "${name}" is already scheduled for execution.`,
      );
    }
  }
  txn.limits.count('scheduledJobs');
  const timeZone = txn.org.userContext(txn.userId).timeZone;
  const detail = seedRecord(txn.org, 'CronJobDetail', { Name: name, JobType: '7' });
  const next = nextFireTime(cron, txn.org.clock(), timeZone);
  const id = seedRecord(txn.org, 'CronTrigger', {
    CronExpression: cron,
    State: 'WAITING',
    TimesTriggered: 0,
    NextFireTime: next === null ? null : new ApexDatetime(next),
    StartTime: new ApexDatetime(txn.org.clock()),
    TimeZoneSidKey: timeZone,
    CronJobDetailId: ApexId.valueOf(detail),
    OwnerId: ApexId.valueOf(txn.userId),
  });
  if (!txn.isTest) {
    // The job outlives the transaction only if it commits (a rolled-back CronTrigger has no record to find).
    scheduledJobs(txn.org).set(id, { schedulable, cron, timeZone, userId: txn.userId });
    return id;
  }
  enqueue(txn, {
    kind: 'ScheduledApex',
    id,
    run(t) {
      const trigger = t.org.db.get(id);
      if (!trigger || trigger.isDeleted) return;
      runSchedulable(t, id, schedulable);
      const n = trigger.fields.get('timestriggered');
      trigger.fields.set('timestriggered', (typeof n === 'number' ? n : 0) + 1);
    },
  });
  return id;
}

function runSchedulable(txn: Txn, id: string, schedulable: ApexObject): void {
  const state = asyncState(txn);
  const before = state.context;
  state.context = 'ScheduledApex';
  try {
    callInstance(txn, schedulable, 'execute', [schedulableContext(txn, id)]);
  } finally {
    state.context = before;
  }
}

/**
 * Runs, each in a transaction of its own as the user who scheduled it, every scheduled job whose NextFireTime is at
 * or before `now` (Org.runDueJobs), then what those transactions left for after their commit. A job that ends with an
 * unhandled exception is rolled back. The CronTrigger then records the run: TimesTriggered, PreviousFireTime ("The
 * most recent date and time the job ran"), StartTime, and NextFireTime — the expression's next match after `now`
 * (fire times the clock passed in between are not run again: the emulator's choice) or null and State COMPLETE ("The
 * trigger has fired and is not scheduled to fire again"; Object Reference, "CronTrigger"). Returns how many jobs ran.
 */
export function runDueScheduledJobs(org: Org, now: number): number {
  const due = [...org.db.table('CronTrigger')]
    .filter((ct) => !ct.isDeleted && ct.fields.get('state') === 'WAITING')
    .map((ct) => ({ ct, at: ct.fields.get('nextfiretime') }))
    .filter((d): d is { ct: (typeof d)['ct']; at: ApexDatetime } => d.at instanceof ApexDatetime && d.at.ms <= now)
    .sort((a, b) => a.at.ms - b.at.ms);
  for (const { ct, at } of due) {
    const entry = scheduledJobs(org).get(ct.id);
    if (!entry)
      throw new EmulatorUnsupportedError(
        `running scheduled job ${ct.id}, whose Schedulable object is not in this org (a saved org state keeps the CronTrigger, not the object)`,
      );
    const work: AfterCommitWork[] = [];
    const txn = org.newTxn({ userId: entry.userId, isTest: false, async: true });
    const before = org.db.snapshot();
    const cacheBefore = snapshotPlatformCache(org);
    try {
      runSchedulable(txn, ct.id, entry.schedulable);
      committed(txn, work);
    } catch (e) {
      org.db.restore(before);
      restorePlatformCache(org, cacheBefore);
      if (!(normalizeError(txn, e) instanceof ApexThrow)) throw e;
    }
    const trigger = org.db.get(ct.id);
    if (trigger) {
      const n = trigger.fields.get('timestriggered');
      const next = nextFireTime(entry.cron, Math.max(now, at.ms), entry.timeZone);
      trigger.fields.set('timestriggered', (typeof n === 'number' ? n : 0) + 1);
      trigger.fields.set('previousfiretime', at);
      trigger.fields.set('starttime', at);
      trigger.fields.set('nextfiretime', next === null ? null : new ApexDatetime(next));
      if (next === null) trigger.fields.set('state', 'COMPLETE');
    }
    runAfterCommit(org, work);
  }
  return due.length;
}

export function abortJob(txn: Txn, id: string): void {
  const rec = txn.org.db.get(id);
  if (!rec) throw new ApexPlatformError('System.StringException', `Invalid id: ${id}`);
  if (rec.describe.name === 'CronTrigger') {
    rec.isDeleted = true;
    const detail = rec.fields.get('cronjobdetailid');
    if (detail instanceof ApexId) {
      const d = txn.org.db.get(detail.value);
      if (d) d.isDeleted = true;
    }
    return;
  }
  if (rec.describe.name === 'AsyncApexJob') {
    rec.fields.set('status', 'Aborted');
    asyncState(txn).queue = asyncState(txn).queue.filter((j) => j.id !== id);
    return;
  }
  throw new EmulatorUnsupportedError(`System.abortJob of a ${rec.describe.name}`);
}

/**
 * Runs the queued jobs: at Test.stopTest those queued since startTest (jobs they queue do not run), otherwise
 * — after a request's transaction — every queued job, each in a transaction of its own.
 */
setFutureHook((txn, method, args) => {
  if (asyncState(txn).runningFuture === method) return false;
  callFuture(txn, method, args);
  return true;
});

export function runQueuedJobs(txn: Txn, onlyAfterStartTest: boolean): void {
  const state = asyncState(txn);
  const jobs = state.queue.filter((j) => !onlyAfterStartTest || j.afterStartTest);
  state.queue = state.queue.filter((j) => !jobs.includes(j));
  state.draining = true;
  try {
    for (const job of jobs) {
      job.run(txn);
      runPendingFinalizer(txn, txn);
    }
  } finally {
    state.draining = false;
  }
}

/** What a committed transaction leaves to do: deliver its platform events, run a queued job. */
type AfterCommitWork = { kind: 'events'; events: PublishedEvent[] } | { kind: 'job'; job: AsyncJob; userId: string };

/**
 * A transaction committed: its e-mails are sent ("The email is not sent until the Apex transaction is committed",
 * "Outbound Email"), its publish-after-commit events are delivered and its queued jobs run — after it, each in a
 * transaction of its own.
 */
function committed(txn: Txn, work: AfterCommitWork[]): void {
  commitEmails(txn);
  const events = takeCommittedEvents(txn);
  if (events.length > 0) work.push({ kind: 'events', events });
  for (const job of asyncState(txn).queue.splice(0)) work.push({ kind: 'job', job, userId: txn.userId });
}

/**
 * After a (non-test) transaction commits: its e-mails are sent, its platform events delivered to their triggers in
 * a transaction of the Automated Process user, and each queued job runs in a transaction of its own, as the user who
 * queued it (Apex Developer Guide, "Asynchronous Apex"; "Platform Event Triggers"). What those transactions publish,
 * queue or send follows when they commit, up to `maxJobs` pieces of work.
 */
export function drainAfterCommit(txn: Txn, maxJobs = 1000): void {
  const work: AfterCommitWork[] = [];
  committed(txn, work);
  runAfterCommit(txn.org, work, maxJobs);
}

function runAfterCommit(org: Org, work: AfterCommitWork[], maxJobs = 1000): void {
  let ran = 0;
  while (work.length > 0) {
    const next = work.shift();
    if (!next) break;
    ran += 1;
    if (ran > maxJobs)
      throw new EmulatorUnsupportedError(`more than ${maxJobs} chained async jobs and event deliveries`);
    if (next.kind === 'events') deliverAfterCommit(org, next.events, work);
    else runJobAfterCommit(org, next.job, next.userId, work);
  }
}

/**
 * Platform event triggers run after the publishing transaction commits, in a transaction of their own as the
 * Automated Process user (Apex Developer Guide, "Platform Event Triggers"); an unhandled exception rolls back only
 * that transaction.
 */
function deliverAfterCommit(org: Org, events: PublishedEvent[], work: AfterCommitWork[]): void {
  const txn = org.newTxn({ userId: org.seed.automatedProcessUserId, isTest: false, async: true });
  const before = org.db.snapshot();
  const cacheBefore = snapshotPlatformCache(org);
  try {
    deliverPublished(txn, events);
  } catch (e) {
    org.db.restore(before);
    restorePlatformCache(org, cacheBefore);
    if (!(normalizeError(txn, e) instanceof ApexThrow)) throw e;
    return;
  }
  committed(txn, work);
}

function runJobAfterCommit(org: Org, job: AsyncJob, userId: string, work: AfterCommitWork[]): void {
  const jobTxn = org.newTxn({ userId, isTest: false, async: true });
  const before = org.db.snapshot();
  const cacheBefore = snapshotPlatformCache(org);
  try {
    job.run(jobTxn);
    // A job that ended with an unhandled exception (runRecorded recorded it) is rolled back like any failed
    // transaction (Apex Developer Guide, "Apex Transactions"); its AsyncApexJob keeps the failure.
    const rec = org.db.get(job.id);
    const failed = rec !== undefined && rec.fields.get('status') === 'Failed';
    if (failed) {
      const extended = rec.fields.get('extendedstatus') ?? null;
      org.db.restore(before);
      restorePlatformCache(org, cacheBefore);
      setJobStatus(jobTxn, job.id, 'Failed', typeof extended === 'string' ? extended : null);
    } else committed(jobTxn, work);
    // The finalizer runs in a transaction of its own once the job's has ended (Transaction Finalizers).
    if (asyncState(jobTxn).pendingFinalizer) {
      const finalizerTxn = org.newTxn({ userId, isTest: false, async: true });
      const beforeFinalizer = org.db.snapshot();
      try {
        runPendingFinalizer(jobTxn, finalizerTxn);
        committed(finalizerTxn, work);
      } catch (e) {
        org.db.restore(beforeFinalizer);
        if (!(normalizeError(finalizerTxn, e) instanceof ApexThrow)) throw e;
      }
    }
  } catch (e) {
    org.db.restore(before);
    restorePlatformCache(org, cacheBefore);
    const thrown = normalizeError(jobTxn, e);
    if (!(thrown instanceof ApexThrow)) throw thrown;
    setJobStatus(jobTxn, job.id, 'Failed', exceptionState(thrown.exception).message);
  }
}
