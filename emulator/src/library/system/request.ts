// System.Request and System.Quiddity (Apex Reference, "Request Class": getCurrent(), getQuiddity(), getRequestId();
// "Quiddity Enum"). The quiddity is the context the transaction runs in: the async job running (QUEUEABLE, FUTURE,
// BATCH_APEX, SCHEDULED), else the entry point that started the request (REST, AURA, INVOCABLE_ACTION,
// ANONYMOUS), else, for a test method, RUNTEST_ASYNC — what a test run started by `sf apex run test` (which runs
// tests asynchronously unless told otherwise) reports. A context the emulator does not know fails loudly. The
// request id is a UUID ("a universally unique identifier (UUID) for the current request"), one per transaction.
import { randomUUID } from 'node:crypto';
import { EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { ApexObject, type Value } from '../../runtime/values';
import { asyncState } from '../async/jobs';
import { defineBuiltin, enumConstant } from '../define';

// The values of the Quiddity Enum page (IOT, gone from its latest list, is kept for code written against it).
const QUIDDITIES = [
  'ANONYMOUS',
  'AURA',
  'BATCH_ACS',
  'BATCH_APEX',
  'BATCH_CHUNK_PARALLEL',
  'BATCH_CHUNK_SERIAL',
  'BULK_API',
  'COMMERCE_INTEGRATION',
  'DISCOVERABLE_LOGIN',
  'EXTERNAL_SERVICE_CALLBACK',
  'FUNCTION_CALLBACK',
  'FUTURE',
  'INBOUND_EMAIL_SERVICE',
  'INVOCABLE_ACTION',
  'IOT',
  'PLATFORM_EVENT_PUBLISH_CALLBACK',
  'POST_INSTALL_SCRIPT',
  'QUEUEABLE',
  'QUICK_ACTION',
  'REMOTE_ACTION',
  'REST',
  'RUNTEST_ASYNC',
  'RUNTEST_DEPLOY',
  'RUNTEST_SYNC',
  'SCHEDULED',
  'SOAP',
  'SYNCHRONOUS',
  'TRANSACTION_FINALIZER_QUEUEABLE',
  'VF',
];

const ENTRY = 'request:quiddity';

/** An entry point says which quiddity its requests have (entry/rest.ts, aura.ts, invocable.ts, anonymous.ts). */
export function setRequestQuiddity(txn: Txn, quiddity: 'REST' | 'AURA' | 'INVOCABLE_ACTION' | 'ANONYMOUS'): void {
  txn.scratch.set(ENTRY, quiddity);
}

function quiddityOf(txn: Txn): string {
  if (asyncState(txn).inFinalizer) return 'TRANSACTION_FINALIZER_QUEUEABLE';
  switch (asyncState(txn).context) {
    case 'Queueable':
      return 'QUEUEABLE';
    case 'Future':
      return 'FUTURE';
    case 'BatchApex':
      return 'BATCH_APEX';
    case 'ScheduledApex':
      return 'SCHEDULED';
    default:
      break;
  }
  const entry = txn.scratch.get(ENTRY);
  if (typeof entry === 'string') return entry;
  if (txn.isTest) return 'RUNTEST_ASYNC';
  throw new EmulatorUnsupportedError('Request.getQuiddity() in this context (not an entry point the emulator knows)');
}

export function registerRequest(program: Program): void {
  defineBuiltin(program, { name: 'Quiddity', namespace: 'System', kind: 'enum', enumValues: QUIDDITIES });
  const cls = defineBuiltin(program, {
    name: 'Request',
    namespace: 'System',
    statics: {
      getCurrent: (t: Txn) => t.state('request:current', () => new ApexObject(cls, { id: randomUUID() })),
    },
    methods: {
      getRequestId: (_t: Txn, s: Value) => ((s as ApexObject).native as { id: string }).id,
      getQuiddity: (t: Txn) => enumConstant(t.program, 'System.Quiddity', quiddityOf(t)),
    },
  });
}
