// The context objects async Apex receives (Apex Reference: "QueueableContext Interface" getJobId();
// "Database.BatchableContext" getJobId(), getChildJobId(); "SchedulableContext" getTriggerId()) and the records a
// batch's start() returns (a Database.QueryLocator or an Iterable).
import { EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import { iterate } from '../../runtime/collections';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { GENERIC_SOBJECT_TYPE } from '../../runtime/types';
import { ApexList, ApexObject, type Value } from '../../runtime/values';
import { ApexId } from '../../values/Id';
import { defineBuiltin, enumConstant } from '../define';
import { queryLocatorRecords } from '../database/queryLocator';

interface JobContext {
  id: string;
}

const classes = new Map<string, ClassInfo>();

function contextOf(kind: string, id: string): ApexObject {
  const cls = classes.get(kind);
  if (!cls) throw new Error(`emulator: ${kind} is not registered`);
  return new ApexObject(cls, { id } satisfies JobContext);
}

export function queueableContext(_txn: Txn, id: string): ApexObject {
  return contextOf('queueable', id);
}

export function batchableContext(_txn: Txn, id: string): ApexObject {
  return contextOf('batchable', id);
}

export function schedulableContext(_txn: Txn, id: string): ApexObject {
  return contextOf('schedulable', id);
}

/** What a finalizer's FinalizerContext reports (Apex Reference, "FinalizerContext Interface"). */
interface FinalizerState extends JobContext {
  result: 'SUCCESS' | 'UNHANDLED_EXCEPTION';
  exception: ApexObject | null;
}

export function finalizerContext(_txn: Txn, state: FinalizerState): ApexObject {
  const cls = classes.get('finalizer');
  if (!cls) throw new Error('emulator: FinalizerContext is not registered');
  return new ApexObject(cls, state);
}

const jobId = (_t: Txn, s: Value): Value => ApexId.valueOf(((s as ApexObject).native as JobContext).id);

export function registerAsyncContexts(program: Program): void {
  defineBuiltin(program, { name: 'QueueableContext', namespace: 'System', kind: 'interface' });
  // Transaction Finalizers (Apex Developer Guide, "Transaction Finalizers"; Apex Reference, "FinalizerContext
  // Interface", "ParentJobResult Enum"): getAsyncApexJobId, getException, getRequestId, getResult.
  defineBuiltin(program, { name: 'FinalizerContext', namespace: 'System', kind: 'interface' });
  defineBuiltin(program, {
    name: 'ParentJobResult',
    namespace: 'System',
    kind: 'enum',
    enumValues: ['SUCCESS', 'UNHANDLED_EXCEPTION'],
  });
  const finalizerState = (s: Value): FinalizerState => (s as ApexObject).native as FinalizerState;
  classes.set(
    'finalizer',
    defineBuiltin(program, {
      name: 'FinalizerContextImpl',
      namespace: 'System',
      interfaces: ['System.FinalizerContext'],
      methods: {
        getAsyncApexJobId: jobId,
        getException: (_t, s) => finalizerState(s).exception,
        getResult: (t, s) => enumConstant(t.program, 'System.ParentJobResult', finalizerState(s).result),
        // "The Queueable job and the Finalizer execution share the same request ID": the emulator's request id is
        // the job's id (Event Monitoring does not exist here).
        getRequestId: (_t, s) => finalizerState(s).id,
      },
    }),
  );
  defineBuiltin(program, { name: 'SchedulableContext', namespace: 'System', kind: 'interface' });
  defineBuiltin(program, { name: 'BatchableContext', namespace: 'Database', kind: 'interface' });
  classes.set(
    'queueable',
    defineBuiltin(program, {
      name: 'QueueableContextImpl',
      namespace: 'System',
      interfaces: ['System.QueueableContext'],
      methods: { getJobId: jobId },
    }),
  );
  classes.set(
    'schedulable',
    defineBuiltin(program, {
      name: 'SchedulableContextImpl',
      namespace: 'System',
      interfaces: ['System.SchedulableContext'],
      methods: { getTriggerId: jobId },
    }),
  );
  defineBuiltin(program, { name: 'Batchable', namespace: 'Database', kind: 'interface' });
  defineBuiltin(program, { name: 'Stateful', namespace: 'Database', kind: 'interface' });
  defineBuiltin(program, { name: 'AllowsCallouts', namespace: 'Database', kind: 'interface' });
  defineBuiltin(program, { name: 'RaisesPlatformEvents', namespace: 'Database', kind: 'interface' });
  classes.set(
    'batchable',
    defineBuiltin(program, {
      name: 'BatchableContextImpl',
      namespace: 'Database',
      interfaces: ['Database.BatchableContext'],
      methods: { getJobId: jobId, getChildJobId: jobId },
    }),
  );
}

/** The records a batch processes: a QueryLocator's rows, or an Iterable's elements. */
export function batchScopeRecords(txn: Txn, started: Value): ApexList {
  const locator = queryLocatorRecords(txn, started);
  if (locator) return locator;
  if (started instanceof ApexList) return started;
  if (started instanceof ApexObject) {
    const items: Value[] = [];
    iterate(txn, started, (v) => {
      items.push(v);
      return true;
    });
    return new ApexList(GENERIC_SOBJECT_TYPE, items);
  }
  throw new EmulatorUnsupportedError('a batch start() result that is neither a QueryLocator nor an Iterable');
}
