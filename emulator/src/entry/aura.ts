// @AuraEnabled methods called by a Lightning component (Apex Developer Guide, "Calling Apex Methods" in the LWC
// Developer Guide, "Return Errors from an Apex Method"): parameters by name converted to their declared types, the
// result as JSON with only @AuraEnabled members of custom classes, an AuraHandledException's message for the
// client. Any other uncaught exception is an Apex error.
import { EmulatorUnsupportedError } from '../errors';
import { ApexThrow, exceptionState } from '../runtime/exceptions';
import { invoke, markLightningEntry, normalizeError, paramTypesOf } from '../runtime/invoke';
import type { Txn } from '../runtime/transaction';
import type { Org } from '../org/Org';
import { checkClassAccess } from './access';
import { apexErrorMessage } from './rest';
import { runRequest } from './transaction';
import { setRequestQuiddity } from '../library/system/request';
import { fromWire, toWire, type Json } from './wireValues';

export interface AuraCall {
  className: string;
  methodName: string;
  params: Record<string, Json>;
  userId: string;
}

export type AuraAnswer =
  | { ok: true; value: Json; txn: Txn }
  | { ok: false; kind: 'handled'; message: string; txn: Txn }
  | { ok: false; kind: 'apex'; message: string; txn: Txn }
  | { ok: false; kind: 'denied'; message: string };

export function callAura(org: Org, call: AuraCall): AuraAnswer {
  const cls = org.program.userClass(call.className);
  if (!cls) throw new EmulatorUnsupportedError(`@AuraEnabled class ${call.className} (no such class)`);
  const method = cls.methods.get(call.methodName.toLowerCase())?.find((m) => m.isStatic && m.annotation('AuraEnabled'));
  if (!method) throw new EmulatorUnsupportedError(`@AuraEnabled method ${call.className}.${call.methodName} (none)`);
  const denied = checkClassAccess(org, call.userId, cls.name, 'aura');
  if (denied) return { ok: false, kind: 'denied', message: denied };
  const outcome = runRequest(org, call.userId, (txn) => {
    setRequestQuiddity(txn, 'AURA');
    const types = paramTypesOf(txn, method);
    const args = method.params.map((p, i) =>
      fromWire(txn, call.params[p.name] ?? findParam(call.params, p.name), types[i] as never),
    );
    // An @AuraEnabled method called from a Lightning component runs with sharing when its class declares none
    // (runtime/invoke.ts, sharingFor).
    markLightningEntry(txn, method);
    return toWire(txn, invoke(txn, method, null, args), { auraEnabledOnly: true });
  });
  if (outcome.error === undefined) return { ok: true, value: outcome.result as Json, txn: outcome.txn };
  const e = normalizeError(outcome.txn, outcome.error);
  if (!(e instanceof ApexThrow)) throw e;
  const isHandled = e.exception.cls.chain().some((c) => c.lower === 'aurahandledexception');
  if (isHandled) {
    const st = exceptionState(e.exception);
    return { ok: false, kind: 'handled', message: st.clientMessage ?? st.message ?? '', txn: outcome.txn };
  }
  return { ok: false, kind: 'apex', message: apexErrorMessage(e), txn: outcome.txn };
}

function findParam(params: Record<string, Json>, name: string): Json | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === lower) return v;
  return undefined;
}
