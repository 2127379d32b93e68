// The results of Database DML methods (Apex Reference: "Database.SaveResult", "Database.UpsertResult",
// "Database.DeleteResult", "Database.UndeleteResult", "Database.Error"; the status codes of "StatusCode Enum").
import type { DmlOp, RowResult } from '../../data/dml/engine';
import type { RowError } from '../../data/dml/validation';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import type { Txn } from '../../runtime/transaction';
import { STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexObject, type Value } from '../../runtime/values';
import { ApexId } from '../../values/Id';
import { defineBuiltin, enumConstant } from '../define';

/** StatusCode values the emulator produces (and the most common others). */
export const STATUS_CODES = [
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
  'DELETE_FAILED',
  'DUPLICATE_DEVELOPER_NAME',
  'DUPLICATE_EXTERNAL_ID',
  'DUPLICATE_VALUE',
  'ENTITY_IS_DELETED',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'FIELD_INTEGRITY_EXCEPTION',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INVALID_CROSS_REFERENCE_KEY',
  'INVALID_EMAIL_ADDRESS',
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_ID_FIELD',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_TYPE',
  'MALFORMED_ID',
  'MISSING_ARGUMENT',
  'MIXED_DML_OPERATION',
  'NUMBER_OUTSIDE_VALID_RANGE',
  'REQUIRED_FIELD_MISSING',
  'STRING_TOO_LONG',
  'UNDELETE_FAILED',
  'UNKNOWN_EXCEPTION',
  'UNABLE_TO_LOCK_ROW',
  'ENTITY_FAILED_IFLASTMODIFIED_ON_UPDATE',
  'CANNOT_EXECUTE_FLOW_TRIGGER',
  'INVALID_OPERATION',
  'LIMIT_EXCEEDED',
  'STANDARD_PRICE_NOT_DEFINED',
];

const classes = new Map<string, ClassInfo>();

interface ResultState {
  id: string | null;
  errors: RowError[];
  created: boolean;
}

function state(v: Value): ResultState {
  return (v as ApexObject).native as ResultState;
}

function errorObject(txn: Txn, e: RowError): ApexObject {
  return new ApexObject(classes.get('error') as ClassInfo, e);
}

const resultMethods = {
  getId: (_t: Txn, s: Value): Value => {
    const id = state(s).id;
    return id ? ApexId.valueOf(id) : null;
  },
  isSuccess: (_t: Txn, s: Value): Value => state(s).errors.length === 0,
  getErrors: (t: Txn, s: Value): Value =>
    new ApexList(
      { kind: 'class', cls: classes.get('error') as ClassInfo },
      state(s).errors.map((e) => errorObject(t, e)),
    ),
};

export function registerResults(program: Program): void {
  defineBuiltin(program, { name: 'StatusCode', namespace: 'System', kind: 'enum', enumValues: STATUS_CODES });
  classes.set(
    'error',
    defineBuiltin(program, {
      name: 'Error',
      namespace: 'Database',
      methods: {
        getMessage: (_t, s) => ((s as ApexObject).native as RowError).message,
        getStatusCode: (t, s) =>
          enumConstant(t.program, 'System.StatusCode', ((s as ApexObject).native as RowError).statusCode),
        getFields: (_t, s) => new ApexList(STRING_TYPE, [...((s as ApexObject).native as RowError).fields]),
      },
    }),
  );
  classes.set(
    'saveresult',
    defineBuiltin(program, { name: 'SaveResult', namespace: 'Database', methods: resultMethods }),
  );
  classes.set(
    'upsertresult',
    defineBuiltin(program, {
      name: 'UpsertResult',
      namespace: 'Database',
      methods: { ...resultMethods, isCreated: (_t, s) => state(s).created },
    }),
  );
  classes.set(
    'deleteresult',
    defineBuiltin(program, { name: 'DeleteResult', namespace: 'Database', methods: resultMethods }),
  );
  classes.set(
    'undeleteresult',
    defineBuiltin(program, { name: 'UndeleteResult', namespace: 'Database', methods: resultMethods }),
  );
}

const RESULT_CLASS: Record<DmlOp, string> = {
  insert: 'saveresult',
  update: 'saveresult',
  upsert: 'upsertresult',
  delete: 'deleteresult',
  undelete: 'undeleteresult',
};

/** The list of result objects a Database DML method returns. */
export function resultsFor(op: DmlOp, results: RowResult[]): ApexList {
  const cls = classes.get(RESULT_CLASS[op]) as ClassInfo;
  return new ApexList(
    { kind: 'class', cls },
    results.map(
      (r) =>
        new ApexObject(cls, {
          id: r.errors.length === 0 || op !== 'insert' ? r.id : null,
          errors: r.errors,
          created: r.created,
        } satisfies ResultState),
    ),
  );
}

/** A List<Database.Error> of row errors. */
export function errorList(txn: Txn, errors: RowError[]): ApexList {
  return new ApexList(
    { kind: 'class', cls: classes.get('error') as ClassInfo },
    errors.map((e) => errorObject(txn, e)),
  );
}

/** A SaveResult for one published platform event. */
export function saveResult(id: string | null, errors: RowError[]): ApexObject {
  return new ApexObject(classes.get('saveresult') as ClassInfo, {
    id,
    errors,
    created: id !== null,
  } satisfies ResultState);
}
