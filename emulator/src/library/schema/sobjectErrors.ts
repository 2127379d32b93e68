// SObject.getErrors(): the errors added to a record, as Database.Error objects.
import type { RecordError } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import type { ApexList } from '../../runtime/values';
import { errorList } from '../database/results';

export function saveResultErrors(txn: Txn, errors: RecordError[]): ApexList {
  return errorList(
    txn,
    errors.map((e) => ({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: e.message, fields: e.fields })),
  );
}
