// Reading and writing sObject fields from Apex (`rec.Name`, `rec.put('Name', v)`): the value is converted to the
// field's Apex type as an assignment would (an Integer into a Currency field becomes a Decimal, a String into a
// lookup becomes a checked Id); values of the wrong type and read-only fields are refused with the
// System.SObjectException texts an org gives (Apex Reference, "SObject Class": put; Apex Developer Guide,
// "Working with sObjects").
import { ApexPlatformError } from '../errors';
import type { FieldDescribe } from '../schema/types';
import { ApexBlob } from '../values/Blob';
import { ApexDate } from '../values/Date';
import { ApexDatetime } from '../values/Datetime';
import { ApexDecimal } from '../values/Decimal';
import { ApexDouble } from '../values/Double';
import { ApexId } from '../values/Id';
import { ApexTime } from '../values/Time';
import { runtimeTypeOf } from './conversion';
import { SObjectValue } from './sobject';
import type { Txn } from './transaction';
import { typeName } from './types';
import type { Value } from './values';

/** System fields Apex code can never set (Object Reference, "System Fields"). */
const AUDIT_FIELDS = new Set([
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp',
  'isdeleted',
  'lastvieweddate',
  'lastreferenceddate',
]);

export function readSObjectMember(_txn: Txn, rec: SObjectValue, name: string): Value {
  return rec.read(rec.member(name));
}

export function isWriteableInApex(field: FieldDescribe): boolean {
  if (field.calculated || field.autoNumber) return false;
  return !AUDIT_FIELDS.has(field.name.toLowerCase());
}

export function writeSObjectMember(_txn: Txn, rec: SObjectValue, name: string, value: Value): void {
  const member = rec.member(name);
  if (member.kind === 'field') {
    const field = member.field;
    if (field.unsupported) {
      throw new ApexPlatformError(
        'System.SObjectException',
        `${rec.describe.name}.${field.name}: ${field.unsupported}`,
      );
    }
    if (!isWriteableInApex(field)) {
      throw new ApexPlatformError(
        'System.SObjectException',
        `Field is not writeable: ${rec.describe.name}.${field.name}`,
      );
    }
    rec.store(member, convertFieldValue(field, value));
    return;
  }
  if (member.kind === 'parent') {
    if (value !== null && !(value instanceof SObjectValue)) {
      throw new ApexPlatformError(
        'System.SObjectException',
        `Illegal assignment from ${typeName(runtimeTypeOf(value))} to ${member.field.referenceTo[0] ?? 'SObject'}`,
      );
    }
    rec.store(member, value);
    return;
  }
  throw new ApexPlatformError('System.SObjectException', `Field is not writeable: ${rec.describe.name}.${member.name}`);
}

/** Converts a value to what the field holds, or throws "Illegal assignment from X to Y". */
export function convertFieldValue(field: FieldDescribe, value: Value): Value {
  if (value === null) return null;
  const illegal = (): never => {
    throw new ApexPlatformError(
      'System.SObjectException',
      `Illegal assignment from ${typeName(runtimeTypeOf(value))} to ${field.apexType}`,
    );
  };
  switch (field.apexType) {
    case 'Id':
      if (value instanceof ApexId) return value;
      if (typeof value === 'string') return ApexId.valueOf(value);
      return illegal();
    case 'String':
      if (typeof value === 'string') return value;
      if (value instanceof ApexId) return value.value;
      return illegal();
    case 'Boolean':
      return typeof value === 'boolean' ? value : illegal();
    case 'Integer':
      return typeof value === 'number' ? value : illegal();
    case 'Long':
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number') return BigInt(value);
      return illegal();
    case 'Decimal':
      if (value instanceof ApexDecimal) return value;
      if (typeof value === 'number') return ApexDecimal.fromInteger(value);
      if (typeof value === 'bigint') return ApexDecimal.fromLong(value);
      if (value instanceof ApexDouble) return ApexDecimal.fromDouble(value.value);
      return illegal();
    case 'Double':
      if (value instanceof ApexDouble) return value;
      if (typeof value === 'number') return new ApexDouble(value);
      if (value instanceof ApexDecimal) return new ApexDouble(value.doubleValue());
      return illegal();
    case 'Date':
      return value instanceof ApexDate ? value : illegal();
    case 'Datetime':
      return value instanceof ApexDatetime ? value : illegal();
    case 'Time':
      return value instanceof ApexTime ? value : illegal();
    case 'Blob':
      return value instanceof ApexBlob ? value : illegal();
    default:
      return value;
  }
}
