// What happens when a request's transaction ends, outside tests (Apex Developer Guide, "Apex Transactions",
// "Anonymous Blocks", "Outbound Email", "Platform Event Triggers", "Apex Scheduler"): a block that ends in an
// uncaught exception is rolled back with everything it queued, published or sent; a committed transaction sends its
// e-mails, delivers its platform events to their triggers and runs its async jobs, and what those jobs publish is
// delivered when they commit; a scheduled job runs when the org's clock reaches its fire time (Org.runDueJobs).
import { join } from 'node:path';
import { runAnonymous } from '../anonymous';
import { sentEmails } from '../../library/messaging/email';
import { Org } from '../../org/Org';
import { loadProject } from '../../project';
import { runTests } from '../../runner/testRunner';
import { plainText } from '../../runtime/stringify';
import { ApexDatetime } from '../../values/Datetime';

const project = loadProject(join(__dirname, 'fixtures', 'gaps'));
const START = Date.UTC(2026, 0, 15, 12, 0, 0);

function newOrg(clock: () => number = () => START): Org {
  return new Org(project, { clock });
}

function run(org: Org, source: string): void {
  const out = runAnonymous(org, source);
  if (out.error) throw new Error(`${out.error.message}\n${out.error.stackTrace ?? ''}`);
}

const names = (org: Org, object: string, field = 'name'): string[] =>
  [...org.db.table(object)].filter((r) => !r.isDeleted).map((r) => plainText(r.fields.get(field) ?? null));

describe('runAnonymous', () => {
  it('rolls back the DML of a block that ends in an uncaught exception ("Anonymous Blocks")', () => {
    const org = newOrg();
    const out = runAnonymous(
      org,
      `insert new Account(Name = 'kept?');
       GapMailer.send('rolled back');
       System.enqueueJob(new GapPublishingJob('from a rolled-back block', false));
       EventBus.publish(new Gap_Ping__e(Message__c = 'rolled back'));
       throw new GapFailureException('the block fails');`,
    );
    expect(out.error?.message).toBe('GapFailureException: the block fails');
    expect(names(org, 'Account')).toEqual([]);
    expect(org.db.count('AsyncApexJob')).toBe(0);
    expect(sentEmails(org)).toEqual([]);
    expect(org.events).toEqual([]);
  });

  it('commits the DML of a block that completes', () => {
    const org = newOrg();
    run(org, `insert new Account(Name = 'kept');`);
    expect(names(org, 'Account')).toEqual(['kept']);
  });
});

describe('platform events published in async jobs', () => {
  it('are delivered to their triggers when the Queueable, future or batch transaction commits', () => {
    const org = newOrg();
    run(
      org,
      `System.enqueueJob(new GapPublishingJob('from queueable', false));
       GapFuture.publish('from future');
       Database.executeBatch(new GapBatch());`,
    );
    expect(names(org, 'Account').sort()).toEqual(['ping from batch', 'ping from future', 'ping from queueable']);
    const creators = [...org.db.table('Account')].map((r) => plainText(r.fields.get('createdbyid') ?? null));
    expect(new Set(creators)).toEqual(new Set([org.seed.automatedProcessUserId]));
  });

  it('of a job that fails are not delivered, and a subscriber that fails is rolled back alone', () => {
    const org = newOrg();
    run(
      org,
      `System.enqueueJob(new GapPublishingJob('from a failing job', true));
       System.enqueueJob(new GapPublishingJob('fail', false));
       insert new Account(Name = 'request');`,
    );
    expect(names(org, 'Account')).toEqual(['request']);
    expect([...org.db.table('AsyncApexJob')].map((r) => r.fields.get('status'))).toEqual(['Failed', 'Completed']);
  });
});

describe('e-mail', () => {
  it('is sent when the transaction commits, not when it rolls back ("Outbound Email")', () => {
    const org = newOrg();
    run(org, `GapMailer.send('committed');`);
    expect(
      runAnonymous(org, `GapMailer.send('rolled back'); throw new GapFailureException('no');`).error,
    ).toBeDefined();
    run(org, `Savepoint sp = Database.setSavepoint(); GapMailer.send('after the savepoint'); Database.rollback(sp);`);
    run(
      org,
      `System.enqueueJob(new GapPublishingJob('mail', false)); System.enqueueJob(new GapPublishingJob('x', true));`,
    );
    expect(sentEmails(org).map((e) => e.subject)).toEqual(['committed', 'from queueable']);
  });

  it('sent by a test method is never sent: the test transaction does not commit', () => {
    const org = newOrg();
    const result = runTests(org, { only: ['GapMailerTest'] });
    expect(result.tests.map((t) => t.outcome)).toEqual(['Pass']);
    expect(sentEmails(org)).toEqual([]);
  });
});

describe('System.schedule outside a test', () => {
  it('runs the job when the org clock reaches its fire time, each time the expression fires', () => {
    let now = START; // 04:00 in America/Los_Angeles, the admin's time zone
    const org = newOrg(() => now);
    run(org, `System.schedule('gap daily', '0 0 13 * * ?', new GapSchedulable('daily'));`);
    expect(names(org, 'Contact', 'lastname')).toEqual([]);
    expect(org.runDueJobs()).toBe(0);
    now = Date.UTC(2026, 0, 15, 21, 0, 30); // 13:00:30 in Los Angeles
    expect(org.runDueJobs()).toBe(1);
    expect(names(org, 'Contact', 'lastname')).toEqual(['daily true 2026-01-15 21:00']);
    const trigger = [...org.db.table('CronTrigger')][0];
    expect(trigger?.fields.get('timestriggered')).toBe(1);
    expect((trigger?.fields.get('previousfiretime') as ApexDatetime).ms).toBe(Date.UTC(2026, 0, 15, 21, 0, 0));
    expect((trigger?.fields.get('nextfiretime') as ApexDatetime).ms).toBe(Date.UTC(2026, 0, 16, 21, 0, 0));
    expect(org.runDueJobs()).toBe(0);
    now = Date.UTC(2026, 0, 16, 22, 0, 0);
    expect(org.runDueJobs()).toBe(1);
    expect(names(org, 'Contact', 'lastname')).toHaveLength(2);
  });

  it('completes a one-time schedule and rolls back a run that fails', () => {
    let now = START;
    const org = newOrg(() => now);
    run(
      org,
      `System.schedule('gap once', '0 0 5 15 1 ? 2026', new GapSchedulable('once'));
       System.schedule('gap failing', '0 0 5 15 1 ? 2026', new GapSchedulable('fail'));`,
    );
    now = Date.UTC(2026, 0, 15, 14, 0, 0);
    expect(org.runDueJobs()).toBe(2);
    expect(names(org, 'Contact', 'lastname')).toEqual(['once true 2026-01-15 14:00']);
    for (const trigger of org.db.table('CronTrigger')) {
      expect(trigger.fields.get('state')).toBe('COMPLETE');
      expect(trigger.fields.get('nextfiretime')).toBeNull();
      expect(trigger.fields.get('timestriggered')).toBe(1);
    }
  });

  it('does not run an aborted job', () => {
    let now = START;
    const org = newOrg(() => now);
    run(org, `System.abortJob(System.schedule('gap aborted', '0 0 13 * * ?', new GapSchedulable('aborted')));`);
    now = Date.UTC(2026, 0, 16, 0, 0, 0);
    expect(org.runDueJobs()).toBe(0);
    expect(names(org, 'Contact', 'lastname')).toEqual([]);
  });
});
