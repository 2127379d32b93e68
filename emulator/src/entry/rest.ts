// Apex REST from outside the org (Apex Developer Guide, "Exposing Apex Classes as REST Web Services",
// "Apex REST Methods"): a request to /services/apexrest/<urlMapping> runs the @HttpGet/@HttpPost/… method of the
// @RestResource class whose mapping matches, as the calling user (who needs access to the class), with
// RestContext.request and RestContext.response set. An uncaught exception answers HTTP 500 with
// [{ "errorCode": "APEX_ERROR", "message": "<Type>: <message>\n\n<stack>" }], as an org does.
import { EmulatorUnsupportedError } from '../errors';
import type { ClassInfo, MethodInfo } from '../runtime/classes';
import { ApexThrow, exceptionState } from '../runtime/exceptions';
import { invoke, normalizeError, paramTypesOf } from '../runtime/invoke';
import { storePut } from '../runtime/equality';
import type { Txn } from '../runtime/transaction';
import { ApexMap, ApexObject, type Value } from '../runtime/values';
import { ApexBlob } from '../values/Blob';
import { newRestRequest, newRestResponse, restState } from '../library/rest/restContext';
import type { Org } from '../org/Org';
import { plainText } from '../runtime/stringify';
import { runRequest } from './transaction';
import { setRequestQuiddity } from '../library/system/request';
import { fromWire, toWire, type Json } from './wireValues';
import { checkClassAccess } from './access';

export interface RestCall {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path after /services/apexrest, e.g. `/actionplane/v1/actions`; may carry a query string. */
  path: string;
  body?: string | Buffer;
  headers?: Record<string, string>;
  userId: string;
  remoteAddress?: string;
}

export interface RestAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The transaction that ran (its debug log, limits). */
  txn?: Txn;
}

const VERB_ANNOTATIONS: Record<RestCall['method'], string> = {
  GET: 'httpget',
  POST: 'httppost',
  PUT: 'httpput',
  PATCH: 'httppatch',
  DELETE: 'httpdelete',
};

/** The @RestResource classes of the project and their URL mappings (read once per org). */
function resources(org: Org): { cls: ClassInfo; pattern: RegExp; specificity: number }[] {
  return org.caches('restResources', () => {
    const out: { cls: ClassInfo; pattern: RegExp; specificity: number }[] = [];
    for (const name of org.program.classNames()) {
      const source = org.program.classSource(name);
      if (!source || !/@RestResource/i.test(source.body)) continue;
      const cls = org.program.userClass(name);
      const mapping = cls?.annotation('RestResource')?.params.urlmapping;
      if (!cls || typeof mapping !== 'string') continue;
      const escaped = mapping.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      out.push({ cls, pattern: new RegExp(`^${escaped}$`, 'i'), specificity: mapping.replace(/\*/g, '').length });
    }
    return out.sort((a, b) => b.specificity - a.specificity);
  });
}

function apexError(status: number, errorCode: string, message: string): RestAnswer {
  return {
    status,
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from(JSON.stringify([{ errorCode, message }])),
  };
}

/** The message an org puts into APEX_ERROR: the exception's type and message, then its stack trace. */
export function apexErrorMessage(e: unknown): string {
  if (e instanceof ApexThrow) {
    const ex = e.exception;
    const st = exceptionState(ex);
    const type = ex.cls.isBuiltin ? `${ex.cls.namespace ?? 'System'}.${ex.cls.name}` : ex.cls.apexName;
    return `${type}: ${st.message ?? ''}\n\n${st.stackTrace}`;
  }
  if (e instanceof Error) return e.message;
  return String(e);
}

export function callRest(org: Org, call: RestCall): RestAnswer {
  const [path = '', query = ''] = call.path.split('?', 2);
  const resource = resources(org).find((r) => r.pattern.test(path));
  if (!resource) return apexError(404, 'NOT_FOUND', 'Could not find a match for URL');
  const verb = VERB_ANNOTATIONS[call.method];
  const method = [...resource.cls.methods.values()].flat().find((m) => m.isStatic && m.annotation(verb));
  if (!method)
    return apexError(
      405,
      'METHOD_NOT_ALLOWED',
      `HTTP Method '${call.method}' not allowed. Allowed are ${allowedVerbs(resource.cls)}`,
    );
  const denied = checkClassAccess(org, call.userId, resource.cls.name, 'rest');
  if (denied) return apexError(403, 'FORBIDDEN', denied);
  const body = call.body === undefined ? undefined : Buffer.isBuffer(call.body) ? call.body : Buffer.from(call.body);
  const outcome = runRequest(org, call.userId, (txn) => {
    setRequestQuiddity(txn, 'REST');
    const request = newRestRequest();
    request.fields.requesturi = path;
    request.fields.resourcepath = `/services/apexrest${path}`;
    request.fields.httpmethod = call.method;
    request.fields.remoteaddress = call.remoteAddress ?? '127.0.0.1';
    request.fields.requestbody = body ? new ApexBlob(new Uint8Array(body)) : null;
    const params = request.fields.params as ApexMap;
    for (const [k, v] of new URLSearchParams(query)) storePut(txn, params.store, k, v);
    const headers = request.fields.headers as ApexMap;
    for (const [k, v] of Object.entries(call.headers ?? {})) storePut(txn, headers.store, k, v);
    const response = newRestResponse();
    const state = restState(txn);
    state.request = request;
    state.response = response;
    const args = restArguments(txn, method, body);
    const returned = invoke(txn, method, null, args);
    return { returned, response };
  });
  if (outcome.error !== undefined) {
    const e = normalizeError(outcome.txn, outcome.error);
    if (e instanceof EmulatorUnsupportedError) throw e;
    if (!(e instanceof ApexThrow)) throw e;
    return { ...apexError(500, 'APEX_ERROR', apexErrorMessage(e)), txn: outcome.txn };
  }
  const { returned, response } = outcome.result as { returned: Value; response: ApexObject };
  const status = typeof response.fields.statuscode === 'number' ? response.fields.statuscode : 200;
  const headers: Record<string, string> = {};
  for (const e of (response.fields.headers as ApexMap).store.entries()) headers[plainText(e.key)] = plainText(e.value);
  const responseBody = response.fields.responsebody;
  let out: Buffer;
  if (method.returnTypeRef) {
    out = Buffer.from(JSON.stringify(toWire(outcome.txn, returned, { auraEnabledOnly: false })));
    headers['Content-Type'] ??= 'application/json';
  } else out = responseBody instanceof ApexBlob ? Buffer.from(responseBody.bytes) : Buffer.alloc(0);
  return { status, headers, body: out, txn: outcome.txn };
}

function allowedVerbs(cls: ClassInfo): string {
  const verbs: string[] = [];
  for (const [verb, annotation] of Object.entries(VERB_ANNOTATIONS)) {
    if ([...cls.methods.values()].flat().some((m) => m.annotation(annotation))) verbs.push(verb);
  }
  return verbs.join(', ');
}

/** Parameters of a REST method come from the JSON body's top-level keys (Apex Developer Guide, "Apex REST Methods"). */
function restArguments(txn: Txn, method: MethodInfo, body: Buffer | undefined): Value[] {
  if (method.params.length === 0) return [];
  const json = body && body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, Json>) : {};
  const types = paramTypesOf(txn, method);
  return method.params.map((p, i) => fromWire(txn, json[p.name], types[i] as never));
}
