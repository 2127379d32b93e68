// System.Exception and the built-in exceptions (Apex Reference, "Exception Class and Built-In Exceptions"): the
// common methods getMessage, getCause, getTypeName, getLineNumber, getStackTraceString, setMessage, initCause;
// DmlException's row methods; AuraHandledException, whose getMessage() is 'Script-thrown exception' unless
// setMessage is called while the client still receives the constructor's message.
import { ApexPlatformError } from '../../errors';
import { exceptionState, SCRIPT_THROWN_MESSAGE, type DmlErrorInfo } from '../../runtime/exceptions';
import type { Program } from '../../runtime/program';
import { ApexList, ApexMap, ApexObject, ApexSet, type Value } from '../../runtime/values';
import { storePut } from '../../runtime/equality';
import { setOf, STRING_TYPE } from '../../runtime/types';
import { defineBuiltin, enumConstant, integerArg } from '../define';

function self(v: Value): ApexObject {
  return v as ApexObject;
}

/** Built-in exceptions of the System namespace. */
const SYSTEM_EXCEPTIONS = [
  'AsyncException',
  'BigObjectException',
  'CalloutException',
  'DmlException',
  'EmailException',
  'ExternalObjectException',
  'FinalException',
  'FlowException',
  'HandledException',
  'IllegalArgumentException',
  'InvalidHeaderException',
  'InvalidParameterValueException',
  'JSONException',
  'LicenseException',
  'LimitException',
  'ListException',
  'MathException',
  'NoAccessException',
  'NoDataFoundException',
  'NoSuchElementException',
  'NullPointerException',
  'QueryException',
  'RequiredFeatureMissingException',
  'SearchException',
  'SecurityException',
  'SerializationException',
  'SObjectException',
  'StringException',
  'TypeException',
  'UnexpectedException',
  'VisualforceException',
  'XmlException',
  'AssertException',
  'DuplicateMessageException',
  'InvalidReadOnlyUserDmlException',
  'QueueableException',
  'CanvasException',
  'EventBusException',
];

function dmlErrors(v: Value): DmlErrorInfo[] {
  return exceptionState(self(v)).dmlErrors ?? [];
}

function dmlError(v: Value, args: Value[]): DmlErrorInfo {
  const i = integerArg(args, 0);
  const e = dmlErrors(v)[i];
  if (!e) throw new ApexPlatformError('System.ListException', `List index out of bounds: ${i}`);
  return e;
}

export function registerExceptions(program: Program): void {
  defineBuiltin(program, {
    name: 'Exception',
    namespace: 'System',
    isVirtual: true,
    methods: {
      getMessage: (_t, s) => {
        const state = exceptionState(self(s));
        if (state.clientMessage !== undefined && state.message === state.clientMessage) return SCRIPT_THROWN_MESSAGE;
        return state.message;
      },
      setMessage: (_t, s, a) => {
        const state = exceptionState(self(s));
        state.message = (a[0] as string | null) ?? null;
        state.clientMessage = undefined;
        return null;
      },
      getCause: (_t, s) => exceptionState(self(s)).cause,
      initCause: (_t, s, a) => {
        const state = exceptionState(self(s));
        if (state.cause) throw new ApexPlatformError('System.IllegalArgumentException', "Can't overwrite cause");
        state.cause = (a[0] as ApexObject | null) ?? null;
        return s;
      },
      getTypeName: (_t, s) => {
        const cls = self(s).cls;
        return cls.isBuiltin ? `${cls.namespace ?? 'System'}.${cls.name}` : cls.apexName;
      },
      getLineNumber: (_t, s) => exceptionState(self(s)).lineNumber,
      getStackTraceString: (_t, s) => exceptionState(self(s)).stackTrace,
      getNumDml: (_t, s) => dmlErrors(s).length,
      getDmlMessage: (_t, s, a) => dmlError(s, a).message,
      getDmlStatusCode: (_t, s, a) => dmlError(s, a).statusCode,
      getDmlType: (t, s, a) => enumConstant(t.program, 'System.StatusCode', dmlError(s, a).statusCode),
      getDmlId: (_t, s, a) => dmlError(s, a).id,
      getDmlIndex: (_t, s, a) => dmlError(s, a).index,
      getDmlFieldNames: (_t, s, a) => new ApexList(STRING_TYPE, [...dmlError(s, a).fields]),
      getInaccessibleFields: (t, s) => {
        const m = new ApexMap(STRING_TYPE, setOf(STRING_TYPE));
        for (const [object, fields] of exceptionState(self(s)).inaccessibleFields ?? []) {
          const set = new ApexSet(STRING_TYPE);
          for (const f of fields) storePut(t, set.store, f, null);
          storePut(t, m.store, object, set);
        }
        return m;
      },
    },
  });
  for (const name of SYSTEM_EXCEPTIONS) {
    defineBuiltin(program, { name, namespace: 'System', superclass: 'System.Exception', isVirtual: true });
  }
  defineBuiltin(program, { name: 'AuraHandledException', namespace: 'System', superclass: 'System.Exception' });
}
