// Apex exceptions at run time. An Apex exception is an ApexObject whose class is System.Exception or a subclass;
// throwing one throws an ApexThrow through the JavaScript stack. Platform errors raised by library code
// (ApexPlatformError) become exception objects of their System type in the innermost Apex frame, so catch clauses,
// getLineNumber() and getStackTraceString() see what an org shows. Apex Developer Guide, "Exception Class and
// Built-In Exceptions".
import { ApexPlatformError } from '../errors';
import type { ClassInfo } from './classes';
import type { Frame } from './frame';
import type { Txn } from './transaction';
import { ApexObject, type Value } from './values';

/** One row error of a DmlException (getDmlMessage(i), getDmlStatusCode(i), getDmlFieldNames(i) …). */
export interface DmlErrorInfo {
  index: number;
  id: string | null;
  statusCode: string;
  message: string;
  fields: string[];
  typeName: string;
}

export interface ExceptionState {
  message: string | null;
  cause: ApexObject | null;
  stackTrace: string;
  lineNumber: number;
  dmlErrors?: DmlErrorInfo[];
  /** QueryException.getInaccessibleFields(): object → fields a user-mode query could not read. */
  inaccessibleFields?: Map<string, Set<string>>;
  /** AuraHandledException keeps the message it was built with for the client (getMessage says 'Script-thrown exception'). */
  clientMessage?: string;
}

/** The message of an exception constructed without one (runtime/invoke.ts, initBuiltinException). */
export const SCRIPT_THROWN_MESSAGE = 'Script-thrown exception';

/** A thrown Apex exception travelling up the JavaScript stack. Not an Error: no JS stack is captured (speed). */
export class ApexThrow {
  constructor(
    readonly exception: ApexObject,
    /** System.LimitException and the like cannot be caught (Apex Developer Guide, "Execution Governors and Limits"). */
    readonly uncatchable = false,
  ) {}
}

export function exceptionState(obj: ApexObject): ExceptionState {
  let state = obj.native as ExceptionState | undefined;
  if (!state) {
    state = { message: null, cause: null, stackTrace: '', lineNumber: -1 };
    obj.native = state;
  }
  return state;
}

/** The frames of the transaction as `getStackTraceString()` prints them, innermost first. */
export function stackTraceOf(stack: readonly Frame[]): string {
  const lines: string[] = [];
  for (let i = stack.length - 1; i >= 0; i -= 1) {
    const f = stack[i] as Frame;
    lines.push(`${frameLabel(f)}: line ${f.line}, column ${f.column}`);
  }
  return lines.join('\n');
}

export function frameLabel(f: Frame): string {
  const m = f.method;
  if (m.kind === 'anonymous') return 'AnonymousBlock';
  if (m.kind === 'trigger') return `Trigger.${m.cls.apexName}`;
  return `Class.${m.traceName}`;
}

/** Starts the state of a new exception object: the stack where it was created. */
export function initExceptionState(txn: Txn, obj: ApexObject): ExceptionState {
  const state = exceptionState(obj);
  const top = txn.stack[txn.stack.length - 1];
  state.stackTrace = stackTraceOf(txn.stack);
  state.lineNumber = top ? top.line : -1;
  return state;
}

/** Creates an exception of a built-in System type with a message, as the platform does. */
export function newSystemException(txn: Txn, apexType: string, message: string | null, cause?: ApexObject): ApexObject {
  const cls: ClassInfo = txn.program.builtinException(apexType);
  const obj = new ApexObject(cls);
  const state = initExceptionState(txn, obj);
  state.message = message;
  state.cause = cause ?? null;
  return obj;
}

export function throwSystem(txn: Txn, apexType: string, message: string): never {
  throw new ApexThrow(newSystemException(txn, apexType, message), apexType === 'System.LimitException');
}

/** Turns a platform error thrown by library code into a thrown Apex exception (in the current frame). */
export function toApexThrow(txn: Txn, error: ApexPlatformError): ApexThrow {
  const obj = newSystemException(txn, error.apexType, error.message);
  const extra = (error as ApexPlatformError & { dmlErrors?: DmlErrorInfo[] }).dmlErrors;
  if (extra) exceptionState(obj).dmlErrors = extra;
  // A user-mode DML refusal (security/enforcement.ts DmlAccessError) reports its status code and fields per row.
  const access = error as ApexPlatformError & { statusCode?: string; fields?: string[] };
  if (!extra && access.statusCode && Array.isArray(access.fields)) {
    exceptionState(obj).dmlErrors = [
      {
        index: 0,
        id: null,
        statusCode: access.statusCode,
        message: error.message,
        fields: access.fields,
        typeName: '',
      },
    ];
  }
  const inaccessible = (error as ApexPlatformError & { inaccessibleFields?: Map<string, Set<string>> })
    .inaccessibleFields;
  if (inaccessible) exceptionState(obj).inaccessibleFields = inaccessible;
  return new ApexThrow(obj, error.apexType === 'System.LimitException');
}

/** `getMessage()` of any exception value. */
export function messageOf(value: Value): string | null {
  if (!(value instanceof ApexObject)) return null;
  return exceptionState(value).message;
}
