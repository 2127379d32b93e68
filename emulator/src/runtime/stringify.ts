// How values become Strings: `String.valueOf(x)` and string concatenation (`'' + x`, System.debug). They agree
// except for Dates, which concatenation prints as the midnight Datetime they widen to (values/Date.ts).
// Collections print as Apex does in debug logs: List `(a, b)`, Set `{a, b}`, Map `{k=v}`, sObject
// `Account:{Name=Acme}`, class instance `MyClass:[field=value]`.
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { ApexTime } from '../values/Time';
import { exceptionState } from './exceptions';
import { SObjectValue } from './sobject';
import type { Txn } from './transaction';
import { typeName } from './types';
import { ApexList, ApexMap, ApexObject, ApexSet, EnumValue, TypeValue, type Value } from './values';

/** A hook for user classes that override toString() (installed by the interpreter). */
let userToString: ((txn: Txn, obj: ApexObject) => string | undefined) | undefined;
export function setUserToString(fn: (txn: Txn, obj: ApexObject) => string | undefined): void {
  userToString = fn;
}

/** String.valueOf(x). */
export function apexToString(txn: Txn, v: Value): string {
  if (v instanceof ApexDate) return v.toString();
  // String.valueOf(Datetime) is in the running user's time zone; concatenation and debug print GMT (values/format.ts).
  if (v instanceof ApexDatetime) return v.toStringLocal(txn.org.userContext(txn.userId));
  return concatString(txn, v);
}

/** The text of a value in concatenation and System.debug. */
export function concatString(txn: Txn, v: Value): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v instanceof ApexId) return v.value;
  if (v instanceof ApexDecimal) return v.toString();
  if (v instanceof ApexDouble) return v.toString();
  if (v instanceof ApexDate) return v.toConcatString();
  if (v instanceof ApexDatetime) return v.toString();
  if (v instanceof ApexTime) return v.toString();
  if (v instanceof ApexBlob) return v.toString();
  if (v instanceof EnumValue) return v.name;
  if (v instanceof TypeValue) return typeName(v.type);
  if (v instanceof ApexList) return `(${v.items.map((x) => concatString(txn, x)).join(', ')})`;
  if (v instanceof ApexSet) return `{${[...v.store.entries()].map((e) => concatString(txn, e.key)).join(', ')}}`;
  if (v instanceof ApexMap) {
    return `{${[...v.store.entries()].map((e) => `${concatString(txn, e.key)}=${concatString(txn, e.value)}`).join(', ')}}`;
  }
  if (v instanceof SObjectValue) {
    const parts: string[] = [];
    for (const [k, value] of v.values) {
      const field = v.describe.fields.get(k);
      parts.push(`${field ? field.name : k}=${concatString(txn, value)}`);
    }
    return `${v.describe.name}:{${parts.join(', ')}}`;
  }
  if (v instanceof ApexObject) {
    const custom = userToString?.(txn, v);
    if (custom !== undefined) return custom;
    if (v.cls.isException) {
      const state = exceptionState(v);
      const name = v.cls.isBuiltin ? `${v.cls.namespace ?? 'System'}.${v.cls.name}` : v.cls.apexName;
      return state.message === null ? name : `${name}: ${state.message}`;
    }
    if (v.cls.isBuiltin) {
      const describe = (v.native as { toString?: () => string } | undefined)?.toString;
      if (describe && describe !== Object.prototype.toString) return describe.call(v.native);
      return `${v.cls.apexName}`;
    }
    const parts = Object.keys(v.fields).map((k) => {
      const field = v.cls.findField(k);
      const prop = v.cls.findProperty(k);
      return `${field?.name ?? prop?.name ?? k}=${concatString(txn, v.fields[k] ?? null)}`;
    });
    // An inner class prints its own simple name (`Inner:[…]`, not `Outer.Inner:[…]`): code in the wild takes
    // `String.valueOf(this).substringBefore(':')` as the class name (sfdc-trigger-framework's getHandlerName, whose
    // test asserts 'TestHandler' for the inner class TriggerHandler_Test.TestHandler and passes in orgs).
    return `${v.cls.name}:[${parts.join(', ')}]`;
  }
  throw new Error(`emulator: cannot print ${String(v)}`);
}

/** The text of a primitive value (String, Id, numbers, Boolean) for messages and keys; null is ''. */
export function plainText(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (v instanceof ApexId) return v.value;
  if (v instanceof ApexDecimal || v instanceof ApexDouble) return v.toString();
  throw new Error(`emulator: plainText of a non-primitive value (${v.constructor.name})`);
}
