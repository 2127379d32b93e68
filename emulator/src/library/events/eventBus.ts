// Platform events (Apex Developer Guide, "Publishing Platform Events" / "Testing Your Platform Event in Apex"):
// EventBus.publish returns a Database.SaveResult per event; events that publish after commit reach subscribers
// once the transaction commits — in a test, at Test.stopTest() or Test.getEventBus().deliver() — and their after
// insert triggers run as the Automated Process user. Events are kept on the org so tools can show them.
import { ApexPlatformError } from '../../errors';
import { fireTriggers } from '../../data/dml/triggers';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import { ApexList, ApexObject, type Value } from '../../runtime/values';
import { ApexDatetime } from '../../values/Datetime';
import { ApexId } from '../../values/Id';
import { defineBuiltin } from '../define';
import { saveResult } from '../database/results';

export interface PublishedEvent {
  /** The event record as published (fields by lower-case name). */
  record: SObjectValue;
  publishedAt: number;
  publishedBy: string;
  delivered: boolean;
}

function pending(txn: Txn): PublishedEvent[] {
  return txn.state('pendingEvents', () => [] as PublishedEvent[]);
}

// Limits (Apex Reference, "EventBus Class", publish usage; Winter '21 release notes, "Make Apex Callouts After
// Publishing Platform Event Messages"): each publish call — not each event — counts one DML statement for events
// that publish after commit, and one against the separate limit of 150 calls for events that publish immediately.
function countPublishCall(txn: Txn, events: Value[]): void {
  const immediate = (e: Value) => e instanceof SObjectValue && e.describe.publishBehavior === 'PublishImmediately';
  if (events.some((e) => immediate(e))) txn.limits.count('publishImmediateDml');
  if (events.some((e) => !immediate(e))) txn.limits.count('dmlStatements');
}

function publish(txn: Txn, value: Value): Value {
  const events = value instanceof ApexList ? value.items : [value];
  countPublishCall(txn, events);
  const results = events.map((e) => {
    if (!(e instanceof SObjectValue) || e.describe.kind !== 'platformEvent') {
      throw new ApexPlatformError('System.TypeException', 'EventBus.publish takes platform event records');
    }
    const copy = e.copy();
    copy.values.set('replayid', String(txn.org.events.length + pending(txn).length + 1));
    copy.values.set('createddate', new ApexDatetime(txn.org.clock()));
    copy.values.set('createdbyid', ApexId.valueOf(txn.userId));
    const event: PublishedEvent = {
      record: copy,
      publishedAt: txn.org.clock(),
      publishedBy: txn.userId,
      delivered: false,
    };
    if (e.describe.publishBehavior === 'PublishImmediately') {
      txn.org.events.push(event);
      if (!txn.isTest) deliver(txn, [event]);
      else pending(txn).push(event);
    } else pending(txn).push(event);
    return saveResult(null, []);
  });
  return value instanceof ApexList
    ? new ApexList({ kind: 'class', cls: results[0]?.cls as ClassInfo }, results)
    : (results[0] ?? null);
}

/** Runs the platform event triggers for delivered events, as the Automated Process user. */
function deliver(txn: Txn, events: PublishedEvent[]): void {
  const byType = new Map<string, SObjectValue[]>();
  for (const e of events) {
    e.delivered = true;
    const list = byType.get(e.record.describe.name) ?? [];
    list.push(e.record);
    byType.set(e.record.describe.name, list);
  }
  const previous = txn.userId;
  txn.userId = txn.org.seed.automatedProcessUserId;
  try {
    for (const [type, records] of byType)
      fireTriggers(
        txn,
        type,
        'after insert',
        records.map((r) => readOnly(r)),
        null,
      );
  } finally {
    txn.userId = previous;
  }
}

function readOnly(r: SObjectValue): SObjectValue {
  const c = r.copy();
  c.readOnly = true;
  return c;
}

/**
 * The publish-after-commit events of a transaction that committed, taken from it to be delivered after it
 * (library/async/jobs.ts, drainAfterCommit); they are recorded on the org.
 */
export function takeCommittedEvents(txn: Txn): PublishedEvent[] {
  const list = pending(txn).splice(0);
  for (const e of list) if (!txn.org.events.includes(e)) txn.org.events.push(e);
  return list;
}

/** Runs the triggers of events a committed transaction published, in the subscribers' transaction `txn`. */
export function deliverPublished(txn: Txn, events: PublishedEvent[]): void {
  deliver(txn, events);
}

/** Delivers the events published so far in the transaction itself (Test.stopTest, Test.getEventBus().deliver()). */
export function deliverEvents(txn: Txn): void {
  const list = pending(txn).splice(0);
  for (const e of list) if (!txn.org.events.includes(e)) txn.org.events.push(e);
  if (list.length > 0) deliver(txn, list);
}

let brokerClass: ClassInfo | undefined;

export function testEventBus(): ApexObject {
  return new ApexObject(brokerClass as ClassInfo);
}

export function registerEventBus(program: Program): void {
  defineBuiltin(program, {
    name: 'EventBus',
    namespace: 'System',
    statics: { publish: (t, _s, a) => publish(t, a[0] ?? null) },
  });
  brokerClass = defineBuiltin(program, {
    name: 'TestBroker',
    namespace: 'System',
    methods: {
      deliver: (t) => {
        deliverEvents(t);
        return null;
      },
    },
  });
}
