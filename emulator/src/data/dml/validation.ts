// The system validation a save runs after before triggers (Apex Developer Guide, "Triggers and Order of
// Execution", step "Runs most system validation steps again, such as verifying that all required fields have a
// non-null value, and runs any custom validation rules"): required fields, text lengths, restricted picklists,
// number ranges, e-mail format, references to existing records of the right type, unique values. Each problem is a
// row error with the org's status code, message and fields.
import { plainText } from '../../runtime/stringify';
import { EmulatorUnsupportedError } from '../../errors';
import type { Value } from '../../runtime/values';
import type { FieldDescribe, SObjectDescribe } from '../../schema/types';
import { requireKnown } from '../../schema';
import { ApexDecimal } from '../../values/Decimal';
import { ApexDouble } from '../../values/Double';
import { ApexId } from '../../values/Id';
import type { Database } from '../Database';
import { groupDeveloperNameViolations } from './groups';

export interface RowError {
  statusCode: string;
  message: string;
  fields: string[];
}

const TEXT_TYPES = new Set(['STRING', 'TEXTAREA', 'EMAIL', 'PHONE', 'URL', 'ENCRYPTEDSTRING', 'COMBOBOX', 'PICKLIST']);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Fields the platform fills on save: never "missing". */
const SYSTEM_FILLED = new Set([
  'id',
  'ownerid',
  'createddate',
  'createdbyid',
  'lastmodifieddate',
  'lastmodifiedbyid',
  'systemmodstamp',
  'isdeleted',
  'name',
]);

/** Whether the field must have a value on insert (Object Reference, "Field Properties": Nillable, Defaulted on create). */
function isRequired(describe: SObjectDescribe, f: FieldDescribe): boolean {
  if (f.partial || f.nillable || f.defaultedOnCreate || f.calculated || f.autoNumber) return false;
  if (f.type === 'BOOLEAN' || f.type === 'ID') return false;
  if (SYSTEM_FILLED.has(f.name.toLowerCase()) && !(f.name === 'Name' && !isPersonName(describe))) return false;
  return f.createable || f.isMasterDetail;
}

function isPersonName(describe: SObjectDescribe): boolean {
  return ['Contact', 'Lead', 'User'].includes(describe.name);
}

/** Validates one record's field values (after before triggers). `isInsert` checks required fields too. */
export function validateFields(
  describe: SObjectDescribe,
  values: Map<string, Value>,
  isInsert: boolean,
  db: Database,
  objects?: ObjectLookup,
): RowError[] {
  const errors: RowError[] = [];
  const missing: string[] = [];
  for (const f of describe.fields.list()) {
    const key = f.name.toLowerCase();
    const has = values.has(key);
    const v = values.get(key) ?? null;
    if ((isInsert || has) && v === null && isRequired(describe, f) && (isInsert || has)) {
      if (isInsert || has) missing.push(f.name);
      continue;
    }
    if (v === null || !has) continue;
    if (f.unsupported) throw new EmulatorUnsupportedError(`${describe.name}.${f.name}: ${f.unsupported}`);
    if (f.partial && (TEXT_TYPES.has(f.type) || f.type === 'MULTIPICKLIST' || f.precision === 0)) {
      if (TEXT_TYPES.has(f.type) || f.type === 'MULTIPICKLIST') requireKnown(describe.name, f, 'length');
    }
    const problem = checkValue(f, v, db, objectNamePicklist(describe, f, v, objects));
    if (problem) errors.push(problem);
  }
  if (missing.length > 0) {
    errors.unshift({
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: `Required fields are missing: [${missing.join(', ')}]`,
      fields: missing,
    });
  }
  return errors;
}

/** The objects of the org, by name (`OrgSchema.get`). */
export type ObjectLookup = (name: string) => SObjectDescribe | undefined;

/**
 * Whether a value of a picklist whose values are the org's object or field names names one: ObjectPermissions /
 * FieldPermissions `SobjectType` ("The object's API name", e.g. Merchandise__c) and FieldPermissions `Field` ("The
 * field's API name … Object.Field", e.g. Merchandise__c.Description__c) (Object Reference, "ObjectPermissions",
 * "FieldPermissions"). Undefined when this is not such a picklist or the value is not a known, exactly spelt
 * object (field): then the value is judged as before (an incomplete picklist fails loudly).
 */
function objectNamePicklist(
  describe: SObjectDescribe,
  f: FieldDescribe,
  v: Value,
  objects: ObjectLookup | undefined,
): true | undefined {
  if (!objects || typeof v !== 'string') return undefined;
  if (describe.name !== 'ObjectPermissions' && describe.name !== 'FieldPermissions') return undefined;
  if (f.name === 'SobjectType') return objects(v)?.name === v ? true : undefined;
  if (f.name !== 'Field' || describe.name !== 'FieldPermissions') return undefined;
  const dot = v.indexOf('.');
  if (dot < 0) return undefined;
  const field = objects(v.slice(0, dot) === 'Activity' ? 'Task' : v.slice(0, dot))?.fields.get(v.slice(dot + 1));
  return field?.name === v.slice(dot + 1) && field.permissionable ? true : undefined;
}

function checkValue(f: FieldDescribe, v: Value, db: Database, namesObject?: true): RowError | undefined {
  if (typeof v === 'string' && TEXT_TYPES.has(f.type) && f.length > 0 && v.length > f.length) {
    return {
      statusCode: 'STRING_TOO_LONG',
      message: `${f.label}: data value too large: ${v} (max length=${f.length})`,
      fields: [f.name],
    };
  }
  if (typeof v === 'string' && f.type === 'TEXTAREA' && f.length > 0 && v.length > f.length) {
    return {
      statusCode: 'STRING_TOO_LONG',
      message: `${f.label}: data value too large: ${v} (max length=${f.length})`,
      fields: [f.name],
    };
  }
  if (
    typeof v === 'string' &&
    f.restrictedPicklist &&
    !namesObject &&
    (f.type === 'PICKLIST' || f.type === 'MULTIPICKLIST')
  ) {
    const allowed = new Set(f.picklistValues.filter((p) => p.active).map((p) => p.value));
    const chosen = f.type === 'MULTIPICKLIST' ? v.split(';') : [v];
    const bad = chosen.find((c) => !allowed.has(c));
    if (bad !== undefined && f.picklistComplete === false) {
      // The emulator knows only part of this standard picklist: it cannot tell whether the value is valid.
      throw new EmulatorUnsupportedError(
        `the value '${bad}' of ${f.name} (only part of this standard picklist is known)`,
      );
    }
    if (bad !== undefined) {
      return {
        statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: `${f.label}: bad value for restricted picklist field: ${bad}`,
        fields: [f.name],
      };
    }
  }
  if (typeof v === 'string' && f.type === 'EMAIL' && v !== '' && !EMAIL.test(v)) {
    return {
      statusCode: 'INVALID_EMAIL_ADDRESS',
      message: `${f.label}: invalid email address: ${v}`,
      fields: [f.name],
    };
  }
  if ((f.type === 'CURRENCY' || f.type === 'DOUBLE' || f.type === 'PERCENT') && f.precision > 0) {
    const d = v instanceof ApexDecimal ? v : v instanceof ApexDouble ? ApexDecimal.fromDouble(v.value) : undefined;
    if (d) {
      const integerDigits = d.abs().setScale(0, 'DOWN').toPlainString().replace(/^0$/, '').length;
      if (integerDigits > f.precision - f.scale) {
        return {
          statusCode: 'NUMBER_OUTSIDE_VALID_RANGE',
          message: `${f.label}: value outside of valid range on numeric field: ${d.toPlainString()}`,
          fields: [f.name],
        };
      }
    }
  }
  if (f.type === 'REFERENCE' && v instanceof ApexId && !f.referenceTo.some((t) => t.toLowerCase().endsWith('__mdt'))) {
    const target = db.get(v.value);
    if (!target || target.isDeleted) {
      return { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] };
    }
    const ok = f.referenceTo.some((t) => t.toLowerCase() === target.describe.name.toLowerCase());
    if (!ok) {
      return {
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `${f.label}: id value of incorrect type: ${v.value}`,
        fields: [f.name],
      };
    }
  }
  return undefined;
}

/** The value a number field stores: rounded to its scale (HALF_UP, as the database stores it). */
export function storedNumber(f: FieldDescribe, v: Value): Value {
  if (v instanceof ApexDecimal && (f.type === 'CURRENCY' || f.type === 'DOUBLE' || f.type === 'PERCENT')) {
    if (f.scale >= 0 && v.scale > f.scale) return v.setScale(f.scale, 'HALF_UP');
  }
  return v;
}

/**
 * Unique fields (Unique or External Id + Unique) across the batch and the table: DUPLICATE_VALUE
 * ("duplicate value found: <field> duplicates value on record with id: <id>").
 */
export function uniqueViolations(
  describe: SObjectDescribe,
  rows: { id: string | null; values: Map<string, Value> }[],
  db: Database,
): Map<number, RowError> {
  const out = new Map<number, RowError>();
  for (const f of describe.fields.list()) {
    if (!f.unique) continue;
    const key = f.name.toLowerCase();
    const norm = (v: Value): string | undefined => {
      if (v === null || v === undefined) return undefined;
      const s = plainText(v);
      return f.caseSensitive ? s : s.toLowerCase();
    };
    const existing = new Map<string, string>();
    for (const r of db.table(describe.name)) {
      if (r.isDeleted) continue;
      const n = norm(r.fields.get(key) ?? null);
      if (n !== undefined) existing.set(n, r.id);
    }
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      if (out.has(i)) return;
      const n = norm(row.values.get(key) ?? null);
      if (n === undefined) return;
      const other = existing.get(n);
      if (other && other !== row.id) {
        out.set(i, {
          statusCode: 'DUPLICATE_VALUE',
          message: `duplicate value found: ${f.name} duplicates value on record with id: ${other}`,
          fields: [f.name],
        });
        return;
      }
      const earlier = seen.get(n);
      if (earlier !== undefined) {
        out.set(i, {
          statusCode: 'DUPLICATE_VALUE',
          message: `duplicate value found: ${f.name} duplicates value on record with id: ${rows[earlier]?.id ?? '<unknown>'}`,
          fields: [f.name],
        });
        return;
      }
      seen.set(n, i);
    });
  }
  groupDeveloperNameViolations(describe, rows, db, out);
  return out;
}
