// Apex REST (Apex Developer Guide, "Exposing Apex Classes as REST Web Services"; Apex Reference, "RestContext
// Class", "RestRequest Class", "RestResponse Class"): the request and response of the current REST call.
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { STRING_TYPE } from '../../runtime/types';
import { ApexMap, ApexObject, type Value } from '../../runtime/values';
import { storePut } from '../../runtime/equality';
import { defineBuiltin, stringArg } from '../define';

const FIELDS_REQUEST = [
  'requestBody',
  'requestURI',
  'resourcePath',
  'httpMethod',
  'remoteAddress',
  'params',
  'headers',
];
const FIELDS_RESPONSE = ['responseBody', 'statusCode', 'headers'];

const classes = new Map<string, ClassInfo>();

function props(
  names: string[],
): Record<string, { get: (t: Txn, s: Value) => Value; set: (t: Txn, s: Value, v: Value) => void }> {
  return Object.fromEntries(
    names.map((n) => [
      n,
      {
        get: (_t: Txn, s: Value) => (s as ApexObject).fields[n.toLowerCase()] ?? null,
        set: (_t: Txn, s: Value, v: Value) => {
          (s as ApexObject).fields[n.toLowerCase()] = v;
        },
      },
    ]),
  );
}

function stringMap(): ApexMap {
  return new ApexMap(STRING_TYPE, STRING_TYPE);
}

export function newRestRequest(): ApexObject {
  const r = new ApexObject(classes.get('request') as ClassInfo);
  r.fields.params = stringMap();
  r.fields.headers = stringMap();
  return r;
}

export function newRestResponse(): ApexObject {
  const r = new ApexObject(classes.get('response') as ClassInfo);
  r.fields.headers = stringMap();
  return r;
}

interface RestState {
  request: Value;
  response: Value;
}

export function restState(txn: Txn): RestState {
  return txn.state('restContext', () => ({ request: null, response: null }));
}

export function registerRest(program: Program): void {
  classes.set(
    'request',
    defineBuiltin(program, {
      name: 'RestRequest',
      namespace: 'System',
      construct: () => newRestRequest(),
      properties: props(FIELDS_REQUEST),
      methods: {
        addHeader: (t, s, a) => {
          storePut(t, ((s as ApexObject).fields.headers as ApexMap).store, stringArg(a, 0), a[1] ?? null);
          return null;
        },
        addParameter: (t, s, a) => {
          storePut(t, ((s as ApexObject).fields.params as ApexMap).store, stringArg(a, 0), a[1] ?? null);
          return null;
        },
      },
    }),
  );
  classes.set(
    'response',
    defineBuiltin(program, {
      name: 'RestResponse',
      namespace: 'System',
      construct: () => newRestResponse(),
      properties: props(FIELDS_RESPONSE),
      methods: {
        addHeader: (t, s, a) => {
          storePut(t, ((s as ApexObject).fields.headers as ApexMap).store, stringArg(a, 0), a[1] ?? null);
          return null;
        },
      },
    }),
  );
  defineBuiltin(program, {
    name: 'RestContext',
    namespace: 'System',
    staticProperties: {
      request: {
        get: (t) => restState(t).request,
        set: (t, _s, v) => {
          restState(t).request = v;
        },
      },
      response: {
        get: (t) => restState(t).response,
        set: (t, _s, v) => {
          restState(t).response = v;
        },
      },
    },
  });
}
