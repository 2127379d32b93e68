// HTTP callouts in tests, answered by mocks (there is no network here). Apex Reference, "Http Class", "HttpRequest
// Class", "HttpResponse Class", "HttpCalloutMock Interface", "StaticResourceCalloutMock Class",
// "MultiStaticResourceCalloutMock Class"; Apex Developer Guide, "Testing HTTP Callouts", "Testing HTTP Callouts by
// Implementing the HttpCalloutMock Interface", "Testing HTTP Callouts Using Static Resources", "Performing DML
// Operations and Mock Callouts" and "Callout Limits and Limitations".
//
// Http.send(request) hands the request to the mock registered with Test.setMock(HttpCalloutMock.class, mock) and
// returns its response. Without a mock, a test callout fails as in an org ("Methods defined as TestMethod do not
// support Web service callouts"); outside a test there is no network, so a callout fails loudly. A callout after
// DML in the same transaction fails with "You have uncommitted work pending. Please commit or rollback before
// calling out" unless the DML came before Test.startTest(), as the guide describes. Each callout counts against
// the 100 callouts of a transaction. Not modelled: timeouts, certificates, Dom/XmlStreamReader bodies, compressed
// bodies, named credentials, and the rules for callouts from triggers and from async code without callout=true.
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { ClassInfo } from '../../runtime/classes';
import { callInstance } from '../../runtime/invoke';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexObject, TypeValue, type Value } from '../../runtime/values';
import { ApexBlob } from '../../values/Blob';
import { defineBuiltin, integerArg, stringArg } from '../define';

interface HttpMessage {
  endpoint: string | null;
  method: string | null;
  body: ApexBlob | null;
  /** Headers in insertion order; a header set again replaces the earlier value (keys kept as set). */
  headers: Map<string, { key: string; value: string }>;
  timeout: number | null;
  compressed: boolean;
  status: string | null;
  statusCode: number;
}

function newMessage(): HttpMessage {
  return {
    endpoint: null,
    method: null,
    body: null,
    headers: new Map(),
    timeout: null,
    compressed: false,
    status: null,
    statusCode: 0,
  };
}

const classes = new Map<string, ClassInfo>();

function cls(name: string): ClassInfo {
  const c = classes.get(name);
  if (!c) throw new Error(`emulator: http class ${name} not registered`);
  return c;
}

function msg(v: Value): HttpMessage {
  if (!(v instanceof ApexObject) || !(v.native && typeof v.native === 'object' && 'headers' in v.native)) {
    throw new ApexPlatformError('System.NullPointerException', 'Attempt to de-reference a null object');
  }
  return v.native as HttpMessage;
}

function optionalString(args: Value[], i: number): string | null {
  const v = args[i] ?? null;
  return v === null ? null : stringArg(args, i);
}

function bodyText(m: HttpMessage): string | null {
  return m.body === null ? null : m.body.toApexString();
}

/** The state Test.setMock keeps for this transaction. */
interface MockState {
  http: ApexObject | undefined;
}

function mockState(txn: Txn): MockState {
  return txn.state<MockState>('http:mocks', () => ({ http: undefined }));
}

const PENDING = 'http:pendingWork';

/** Called by the DML engine: work is pending until the transaction ends (or, in a test, Test.startTest()). */
export function notePendingWork(txn: Txn): void {
  txn.scratch.set(PENDING, true);
}

/** Test.startTest(): the guide lets a test insert its data before startTest and call out after it. */
export function clearPendingWork(txn: Txn): void {
  txn.scratch.delete(PENDING);
}

/** Test.setMock(interfaceType, instance): HttpCalloutMock is supported; WebServiceMock (SOAP) fails loudly. */
export function setMock(txn: Txn, args: Value[]): Value {
  const [type, instance] = args;
  if (!(type instanceof TypeValue) || type.type.kind !== 'class') {
    throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
  }
  const name = type.type.cls.lower;
  if (name === 'httpcalloutmock') {
    if (!(instance instanceof ApexObject) || !instance.cls.isSubtypeOf(type.type.cls)) {
      throw new ApexPlatformError('System.TypeException', 'The mock does not implement HttpCalloutMock');
    }
    mockState(txn).http = instance;
    return null;
  }
  throw new EmulatorUnsupportedError(`Test.setMock(${type.type.cls.apexName}) (only HttpCalloutMock is modelled)`);
}

function send(txn: Txn, request: Value): Value {
  const req = msg(request);
  if (!txn.isTest) throw new EmulatorUnsupportedError('an HTTP callout outside a test (the emulator has no network)');
  if (txn.scratch.get(PENDING) === true) {
    throw new ApexPlatformError(
      'System.CalloutException',
      'You have uncommitted work pending. Please commit or rollback before calling out',
    );
  }
  if (req.endpoint === null) throw new ApexPlatformError('System.CalloutException', 'Endpoint cannot be null');
  const mock = mockState(txn).http;
  if (!mock) {
    throw new ApexPlatformError(
      'System.CalloutException',
      'Methods defined as TestMethod do not support Web service callouts',
    );
  }
  txn.limits.count('callouts');
  const response = callInstance(txn, mock, 'respond', [request]);
  if (response !== null && !(response instanceof ApexObject && response.cls === cls('response'))) {
    throw new ApexPlatformError('System.TypeException', 'HttpCalloutMock.respond must return an HttpResponse');
  }
  return response;
}

function headerGet(m: HttpMessage, key: string): string | null {
  // HTTP header names are case-insensitive (RFC 9110, "Field Names").
  return m.headers.get(key.toLowerCase())?.value ?? null;
}

function headerSet(m: HttpMessage, key: string, value: string): void {
  m.headers.set(key.toLowerCase(), { key, value });
}

function resourceBody(txn: Txn, name: string): ApexBlob {
  const res = txn.org.project.staticResources.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (!res) {
    throw new ApexPlatformError('System.CalloutException', `Static Resource not found: ${name}`);
  }
  if (!res.body) {
    throw new EmulatorUnsupportedError(`the body of static resource ${res.name} (${res.unsupported ?? 'a folder'})`);
  }
  return new ApexBlob(new Uint8Array(res.body));
}

interface StaticMockState {
  resource: string | null;
  byEndpoint: Map<string, string>;
  status: string | null;
  statusCode: number;
  headers: Map<string, { key: string; value: string }>;
}

function staticState(v: Value): StaticMockState {
  return (v as ApexObject).native as StaticMockState;
}

function staticMockResponse(txn: Txn, state: StaticMockState, resource: string): ApexObject {
  const m = newMessage();
  m.body = resourceBody(txn, resource);
  m.status = state.status;
  m.statusCode = state.statusCode;
  for (const [k, h] of state.headers) m.headers.set(k, h);
  return new ApexObject(cls('response'), m);
}

function staticMockMethods(multi: boolean): Record<string, (txn: Txn, self: Value, args: Value[]) => Value> {
  return {
    setStaticResource: (_t, s, a) => {
      if (multi) staticState(s).byEndpoint.set(stringArg(a, 0), stringArg(a, 1));
      else staticState(s).resource = stringArg(a, 0);
      return null;
    },
    setStatus: (_t, s, a) => {
      staticState(s).status = optionalString(a, 0);
      return null;
    },
    setStatusCode: (_t, s, a) => {
      staticState(s).statusCode = integerArg(a, 0);
      return null;
    },
    setHeader: (_t, s, a) => {
      staticState(s).headers.set(stringArg(a, 0).toLowerCase(), { key: stringArg(a, 0), value: stringArg(a, 1) });
      return null;
    },
    respond: (t, s, a) => {
      const state = staticState(s);
      if (!multi) {
        if (state.resource === null) throw new ApexPlatformError('System.CalloutException', 'No static resource set');
        return staticMockResponse(t, state, state.resource);
      }
      const endpoint = msg(a[0] ?? null).endpoint ?? '';
      const resource = state.byEndpoint.get(endpoint);
      if (resource === undefined) {
        throw new EmulatorUnsupportedError(
          `MultiStaticResourceCalloutMock called for ${endpoint}, an endpoint it has no resource for`,
        );
      }
      return staticMockResponse(t, state, resource);
    },
  };
}

export function registerHttp(program: Program): void {
  defineBuiltin(program, { name: 'HttpCalloutMock', namespace: 'System', kind: 'interface' });
  defineBuiltin(program, { name: 'WebServiceMock', namespace: 'System', kind: 'interface' });
  const common = {
    getBody: (_t: Txn, s: Value) => bodyText(msg(s)),
    getBodyAsBlob: (_t: Txn, s: Value) => msg(s).body,
    setBody: (_t: Txn, s: Value, a: Value[]) => {
      const body = optionalString(a, 0);
      msg(s).body = body === null ? null : ApexBlob.valueOf(body);
      return null;
    },
    setBodyAsBlob: (_t: Txn, s: Value, a: Value[]) => {
      const b = a[0] ?? null;
      if (b !== null && !(b instanceof ApexBlob))
        throw new ApexPlatformError('System.TypeException', 'Expected a Blob');
      msg(s).body = b;
      return null;
    },
    getHeader: (_t: Txn, s: Value, a: Value[]) => headerGet(msg(s), stringArg(a, 0)),
    setHeader: (_t: Txn, s: Value, a: Value[]) => {
      headerSet(msg(s), stringArg(a, 0), stringArg(a, 1));
      return null;
    },
    getBodyDocument: () => {
      throw new EmulatorUnsupportedError('getBodyDocument (Dom.Document bodies)');
    },
    setBodyDocument: () => {
      throw new EmulatorUnsupportedError('setBodyDocument (Dom.Document bodies)');
    },
  };
  classes.set(
    'request',
    defineBuiltin(program, {
      name: 'HttpRequest',
      namespace: 'System',
      construct: (_t, _a, c) => new ApexObject(c, newMessage()),
      methods: {
        ...common,
        getEndpoint: (_t, s) => msg(s).endpoint,
        setEndpoint: (_t, s, a) => {
          msg(s).endpoint = optionalString(a, 0);
          return null;
        },
        getMethod: (_t, s) => msg(s).method,
        setMethod: (_t, s, a) => {
          msg(s).method = optionalString(a, 0);
          return null;
        },
        getCompressed: (_t, s) => msg(s).compressed,
        setCompressed: (_t, s, a) => {
          msg(s).compressed = a[0] === true;
          return null;
        },
        setTimeout: (_t, s, a) => {
          const ms = integerArg(a, 0);
          // "The timeout can be any value between 1 and 120,000 milliseconds" (HttpRequest Class, setTimeout).
          if (ms < 1 || ms > 120000) {
            throw new ApexPlatformError('System.CalloutException', 'Timeout value must be between 1 and 120000');
          }
          msg(s).timeout = ms;
          return null;
        },
        setClientCertificate: () => {
          throw new EmulatorUnsupportedError('HttpRequest.setClientCertificate');
        },
        setClientCertificateName: () => {
          throw new EmulatorUnsupportedError('HttpRequest.setClientCertificateName');
        },
        // toString(): "System.HttpRequest[Endpoint=…, Method=…]" (HttpRequest Class, toString).
        toString: (_t: Txn, s: Value) => `System.HttpRequest[Endpoint=${msg(s).endpoint}, Method=${msg(s).method}]`,
      },
    }),
  );
  classes.set(
    'response',
    defineBuiltin(program, {
      name: 'HttpResponse',
      namespace: 'System',
      construct: (_t, _a, c) => new ApexObject(c, newMessage()),
      methods: {
        ...common,
        getStatus: (_t, s) => msg(s).status,
        setStatus: (_t, s, a) => {
          msg(s).status = optionalString(a, 0);
          return null;
        },
        getStatusCode: (_t, s) => msg(s).statusCode,
        setStatusCode: (_t, s, a) => {
          msg(s).statusCode = integerArg(a, 0);
          return null;
        },
        getHeaderKeys: (_t, s) =>
          new ApexList(
            STRING_TYPE,
            [...msg(s).headers.values()].map((h) => h.key),
          ),
        getXmlStreamReader: () => {
          throw new EmulatorUnsupportedError('HttpResponse.getXmlStreamReader');
        },
        // toString(): "System.HttpResponse[Status=…, StatusCode=…]" (HttpResponse Class, toString).
        toString: (_t: Txn, s: Value) =>
          `System.HttpResponse[Status=${msg(s).status}, StatusCode=${msg(s).statusCode}]`,
      },
    }),
  );
  defineBuiltin(program, {
    name: 'Http',
    namespace: 'System',
    construct: (_t, _a, c) => new ApexObject(c, {}),
    methods: {
      send: (t, _s, a) => send(t, a[0] ?? null),
      toString: () => 'System.Http',
    },
  });
  const staticMock = (_t: Txn, _a: Value[], c: ClassInfo) =>
    new ApexObject(c, {
      resource: null,
      byEndpoint: new Map(),
      status: null,
      statusCode: 0,
      headers: new Map(),
    } satisfies StaticMockState);
  defineBuiltin(program, {
    name: 'StaticResourceCalloutMock',
    namespace: 'System',
    interfaces: ['system.httpcalloutmock'],
    construct: staticMock,
    methods: staticMockMethods(false),
  });
  defineBuiltin(program, {
    name: 'MultiStaticResourceCalloutMock',
    namespace: 'System',
    interfaces: ['system.httpcalloutmock'],
    construct: staticMock,
    methods: staticMockMethods(true),
  });
}
