// Invocable actions (Apex Developer Guide, "InvocableMethod Annotation", "InvocableVariable Annotation"): Flow and
// Agentforce call the one @InvocableMethod of a class with a list of inputs — each an instance of the input class
// with its @InvocableVariable members set — and get one output per input.
import { EmulatorUnsupportedError } from '../errors';
import { invoke, normalizeError, paramTypesOf } from '../runtime/invoke';
import { ApexThrow } from '../runtime/exceptions';
import type { Txn } from '../runtime/transaction';
import type { Org } from '../org/Org';
import { checkClassAccess } from './access';
import { apexErrorMessage } from './rest';
import { runRequest } from './transaction';
import { setRequestQuiddity } from '../library/system/request';
import { fromWire, toWire, type Json } from './wireValues';

export interface InvocableCall {
  className: string;
  inputs: Json[];
  userId: string;
}

export type InvocableAnswer = { ok: true; outputs: Json; txn: Txn } | { ok: false; message: string; txn?: Txn };

export function callInvocable(org: Org, call: InvocableCall): InvocableAnswer {
  const cls = org.program.userClass(call.className);
  const method = cls && [...cls.methods.values()].flat().find((m) => m.isStatic && m.annotation('InvocableMethod'));
  if (!cls || !method) throw new EmulatorUnsupportedError(`invocable action ${call.className} (no @InvocableMethod)`);
  const denied = checkClassAccess(org, call.userId, cls.name, 'invocable');
  if (denied) return { ok: false, message: denied };
  const outcome = runRequest(org, call.userId, (txn) => {
    setRequestQuiddity(txn, 'INVOCABLE_ACTION');
    const [type] = paramTypesOf(txn, method);
    const args = method.params.length === 0 ? [] : [fromWire(txn, call.inputs, type as never)];
    return toWire(txn, invoke(txn, method, null, args), { auraEnabledOnly: false });
  });
  if (outcome.error === undefined) return { ok: true, outputs: outcome.result as Json, txn: outcome.txn };
  const e = normalizeError(outcome.txn, outcome.error);
  if (!(e instanceof ApexThrow)) throw e;
  return { ok: false, message: apexErrorMessage(e), txn: outcome.txn };
}
