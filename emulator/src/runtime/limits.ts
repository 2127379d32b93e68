// Governor limits, enforced as an org enforces them (Apex Developer Guide, "Execution Governors and Limits":
// per-transaction certified limits, synchronous and asynchronous). Exceeding one throws System.LimitException,
// which Apex code cannot catch. CPU time and heap are measured and reported, not enforced.
import { ApexPlatformError } from '../errors';

export type LimitName =
  | 'queries'
  | 'queryRows'
  | 'dmlStatements'
  | 'dmlRows'
  | 'queueableJobs'
  | 'futureCalls'
  | 'callouts'
  | 'emailInvocations'
  | 'publishImmediateDml'
  | 'soslQueries'
  | 'aggregateQueries'
  | 'queryLocatorRows'
  | 'mobilePushApexCalls'
  | 'scheduledJobs';

/** Synchronous and asynchronous maxima (same page, table "Per-Transaction Apex Limits"). */
const SYNC: Record<LimitName, number> = {
  queries: 100,
  queryRows: 50000,
  dmlStatements: 150,
  dmlRows: 10000,
  queueableJobs: 50,
  futureCalls: 50,
  callouts: 100,
  emailInvocations: 10,
  publishImmediateDml: 150,
  soslQueries: 20,
  aggregateQueries: 300,
  queryLocatorRows: 10000,
  mobilePushApexCalls: 10,
  scheduledJobs: 100,
};
const ASYNC: Record<LimitName, number> = { ...SYNC, queries: 200, queueableJobs: 1 };

/** The texts an org throws when a limit is passed. */
const MESSAGES: Partial<Record<LimitName, string>> = {
  queries: 'Too many SOQL queries',
  queryRows: 'Too many query rows',
  dmlStatements: 'Too many DML statements',
  dmlRows: 'Too many DML rows',
  queueableJobs: 'Too many queueable jobs added to the queue',
  futureCalls: 'Too many future calls',
  callouts: 'Too many callouts',
  soslQueries: 'Too many SOSL queries',
  aggregateQueries: 'Too many aggregate queries',
  queryLocatorRows: 'Too many query locator rows',
  emailInvocations: 'Too many Email Invocations',
  publishImmediateDml: 'Too many immediate DML statements',
};

export const MAX_STACK_DEPTH = 1000;

export class Limits {
  readonly used: Record<LimitName, number>;
  readonly max: Record<LimitName, number>;
  cpuStartedAt: number;
  cpuUsedBefore = 0;

  constructor(async: boolean) {
    this.used = Object.fromEntries(Object.keys(SYNC).map((k) => [k, 0])) as Record<LimitName, number>;
    this.max = { ...(async ? ASYNC : SYNC) };
    this.cpuStartedAt = performance.now();
  }

  /** Counts `n` more of a limit, throwing System.LimitException when the maximum is passed. */
  count(name: LimitName, n = 1): void {
    const next = this.used[name] + n;
    if (next > this.max[name]) {
      throw new ApexPlatformError('System.LimitException', `${MESSAGES[name] ?? name}: ${next}`);
    }
    this.used[name] = next;
  }

  /** CPU time used so far in milliseconds (wall clock of the interpreter: a measure, not an org figure). */
  cpuTime(): number {
    return Math.round(this.cpuUsedBefore + (performance.now() - this.cpuStartedAt));
  }
}
