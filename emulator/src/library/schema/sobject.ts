// The SObject class (Apex Reference, "SObject Class"): get/put by name or token, relationship accessors,
// clone, addError (on the record or one of its fields), isSet, getPopulatedFieldsAsMap; the statics of sObject types
// themselves: Custom Metadata getAll()/getInstance() ("Custom Metadata Type Methods": long text values are cut to
// 255 characters) and custom settings; and System.Id ("Id Class").
import { checkDmlOptions } from '../database/dmlOptions';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import type { Program } from '../../runtime/program';
import { SObjectValue, memberKey } from '../../runtime/sobject';
import { convertFieldValue, isWriteableInApex } from '../../runtime/sobjectAccess';
import { storePut } from '../../runtime/equality';
import type { Txn } from '../../runtime/transaction';
import { OBJECT_TYPE, sobjectType, STRING_TYPE } from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, type Value } from '../../runtime/values';
import { exceptionState } from '../../runtime/exceptions';
import { apexEquals, hashKey } from '../../runtime/equality';
import { apexToString, plainText } from '../../runtime/stringify';
import { ApexId } from '../../values/Id';
import { defineBuiltin, stringArg } from '../define';
import { javaStringHash } from '../lang/object';
import { cloneSObject } from '../collections/clone';
import { fieldStateOf, isFieldToken, sobjectTypeToken } from './tokens';
import { saveResultErrors } from './sobjectErrors';
import type { SObjectDescribe } from '../../schema/types';

function rec(v: Value): SObjectValue {
  return v as SObjectValue;
}

/** A field argument: a name or an SObjectField token. */
function fieldName(v: Value): string {
  if (typeof v === 'string') return v;
  if (isFieldToken(v)) return fieldStateOf(v).field.name;
  throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
}

function put(_txn: Txn, r: SObjectValue, name: string, value: Value): Value {
  const member = r.member(name);
  if (member.kind !== 'field') {
    throw new ApexPlatformError('System.SObjectException', `Invalid field ${name} for ${r.describe.name}`);
  }
  if (!isWriteableInApex(member.field) && member.field.name !== 'Id') {
    throw new ApexPlatformError('System.SObjectException', `Field ${member.field.name} is not editable`);
  }
  const previous = r.values.get(memberKey(member)) ?? null;
  r.store(member, convertFieldValue(member.field, value));
  return previous;
}

/** addError on a record: in a trigger it blocks the record's save (FIELD_CUSTOM_VALIDATION_EXCEPTION). */
export function addRecordError(r: SObjectValue, args: Value[], field?: string): Value {
  const [first] = args;
  let message: string;
  if (first instanceof ApexObject && first.cls.isException) message = exceptionState(first).message ?? '';
  else message = plainText(first);
  r.errors.push({ message, fields: field ? [field] : [], ...(args[1] === false ? { escape: false } : {}) });
  return null;
}

export function registerSObject(program: Program): void {
  defineBuiltin(program, {
    name: 'SObject',
    namespace: 'Schema',
    methods: {
      get: (_t, s, a) => {
        const name = fieldName(a[0] ?? null);
        if (name.includes('.')) {
          throw new ApexPlatformError('System.SObjectException', `Invalid field ${name} for ${rec(s).describe.name}`);
        }
        return rec(s).get(name);
      },
      put: (t, s, a) => put(t, rec(s), fieldName(a[0] ?? null), a[1] ?? null),
      getSObjectType: (t, s) => sobjectTypeToken(t, rec(s).describe.name),
      getSObject: (_t, s, a) => {
        const m = rec(s).member(fieldName(a[0] ?? null));
        if (m.kind !== 'parent')
          throw new ApexPlatformError(
            'System.SObjectException',
            `Invalid relationship ${plainText(a[0])} for ${rec(s).describe.name}`,
          );
        return rec(s).read(m);
      },
      getSObjects: (_t, s, a) => {
        const m = rec(s).member(fieldName(a[0] ?? null));
        if (m.kind !== 'children')
          throw new ApexPlatformError(
            'System.SObjectException',
            `Invalid relationship ${plainText(a[0])} for ${rec(s).describe.name}`,
          );
        return rec(s).read(m);
      },
      putSObject: (_t, s, a) => {
        const m = rec(s).member(fieldName(a[0] ?? null));
        if (m.kind !== 'parent')
          throw new ApexPlatformError(
            'System.SObjectException',
            `Invalid relationship ${plainText(a[0])} for ${rec(s).describe.name}`,
          );
        const previous = rec(s).values.get(memberKey(m)) ?? null;
        rec(s).store(m, a[1] ?? null);
        return previous;
      },
      clone: (_t, s, a) =>
        cloneSObject(
          rec(s),
          { preserveId: a[0] === true, preserveReadOnly: a[2] === true, preserveAutoNumber: a[3] === true },
          a[1] === true,
        ),
      addError: (_t, s, a) => {
        if (a.length === 2 && (typeof a[0] === 'string' || isFieldToken(a[0] ?? null)) && typeof a[1] === 'string') {
          const name = fieldName(a[0] ?? null);
          const m = rec(s).member(name);
          return addRecordError(rec(s), [a[1]], m.kind === 'field' ? m.field.name : name);
        }
        return addRecordError(rec(s), a);
      },
      hasErrors: (_t, s) => rec(s).errors.length > 0,
      getErrors: (t, s) => saveResultErrors(t, rec(s).errors),
      isSet: (_t, s, a) => rec(s).isSet(fieldName(a[0] ?? null)),
      getPopulatedFieldsAsMap: (t, s) => {
        const m = new ApexMap(STRING_TYPE, OBJECT_TYPE);
        for (const [k, v] of rec(s).values) {
          const member = rec(s).member(k);
          const name = member.kind === 'field' ? member.field.name : member.name;
          storePut(t, m.store, name, v);
        }
        return m;
      },
      getCloneSourceId: () => {
        throw new EmulatorUnsupportedError('SObject.getCloneSourceId');
      },
      getQuickActionName: () => null,
      recalculateFormulas: () => {
        throw new EmulatorUnsupportedError('SObject.recalculateFormulas');
      },
      // SObject.setOptions (Apex Reference, "SObject Class"): the options the emulator accepts change nothing on
      // save (dmlOptions.ts); the others fail loudly here.
      setOptions: (t, _s, a) => {
        const o = a[0] ?? null;
        if (!(o instanceof ApexObject) || o.cls.lower !== 'database.dmloptions')
          throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
        checkDmlOptions(t, o);
        return null;
      },
      equals: (t, s, a) => apexEquals(t, s, a[0] ?? null),
      hashCode: (t, s) => javaStringHash(hashKey(t, s)),
      toString: (t: Txn, s: Value) => apexToString(t, s),
    },
  });
  defineBuiltin(program, {
    name: 'Id',
    namespace: 'System',
    statics: {
      valueOf: (_t: Txn, _s: Value, a: Value[]) => {
        const v = a[0];
        if (v === null || v === undefined) return null;
        return ApexId.valueOf(stringArg(a, 0));
      },
    },
    methods: {
      getSObjectType: (t, s) => {
        const d = t.org.schema.byKeyPrefix((s as ApexId).keyPrefix);
        if (!d) {
          throw new ApexPlatformError(
            'System.SObjectException',
            `Cannot locate an sObject type for the id ${(s as ApexId).value}`,
          );
        }
        return sobjectTypeToken(t, d.name);
      },
      to15: (_t, s) => (s as ApexId).to15(),
      addError: () => {
        throw new EmulatorUnsupportedError('Id.addError (errors on a record id in a trigger)');
      },
      equals: (t, s, a) => apexEquals(t, s, a[0] ?? null),
      hashCode: (_t, s) => javaStringHash((s as ApexId).value),
      toString: (_t: Txn, s: Value) => (s as ApexId).value,
    },
  });
}

// ---------------------------------------------------------------- statics of sObject types

function customMetadataRecords(txn: Txn, name: string): SObjectValue[] {
  const describe = txn.org.describe(name);
  return txn.state(`cmdt:${describe.name.toLowerCase()}`, () => {
    const out: SObjectValue[] = [];
    for (const stored of txn.org.db.table(describe.name)) {
      const r = new SObjectValue(describe);
      for (const [k, v] of stored.fields) {
        const f = describe.fields.get(k);
        r.values.set(k, typeof v === 'string' && f?.type === 'TEXTAREA' && v.length > 255 ? v.slice(0, 255) : v);
      }
      out.push(r);
    }
    return out;
  });
}

// ---------------------------------------------------------------- custom settings

/** The live records of a custom setting (its data is data: a test sees only what it created). */
function customSettingRows(txn: Txn, describe: SObjectDescribe): SObjectValue[] {
  const out: SObjectValue[] = [];
  for (const stored of txn.org.db.table(describe.name)) {
    if (stored.isDeleted) continue;
    const r = new SObjectValue(describe);
    for (const [k, v] of stored.fields) r.values.set(k, v);
    out.push(r);
  }
  return out;
}

function idText(v: Value): string | undefined {
  if (v instanceof ApexId) return v.value;
  if (typeof v === 'string') return ApexId.valueOf(v).value;
  return undefined;
}

/**
 * Custom settings (Apex Reference, "Custom Settings Methods": "List Custom Setting Methods" and "Hierarchy Custom
 * Setting Methods"). List: getAll() maps data set names to records, getInstance(name) and getValues(name) return
 * the data set or null. Hierarchy: getOrgDefaults() is the organization's record or an empty object; getValues(id)
 * the user's or profile's own record or null; getInstance() / getInstance(userId) / getInstance(profileId) the
 * lowest record with each custom field merged from the lowest level that defines it (user, then profile, then
 * organization) — when the level has no record, a new one with a null Id and SetupOwnerId set to the user or
 * profile Id. Each call returns a fresh copy.
 */
function customSettingStatic(txn: Txn, describe: SObjectDescribe, lower: string, method: string, args: Value[]): Value {
  const rows = customSettingRows(txn, describe);
  const hierarchy = describe.customSettingType === 'Hierarchy';
  if (!hierarchy) {
    if (lower === 'getall' && args.length === 0) {
      const m = new ApexMap(STRING_TYPE, sobjectType(describe.name));
      for (const r of rows) storePut(txn, m.store, plainText(r.values.get('name')), r);
      return m;
    }
    if ((lower === 'getinstance' || lower === 'getvalues') && args.length === 1) {
      const name = args[0] ?? null;
      if (name === null) return null;
      return rows.find((r) => plainText(r.values.get('name')) === plainText(name)) ?? null;
    }
    throw new EmulatorUnsupportedError(
      `list custom setting method ${describe.name}.${method}(${args.length} arguments)`,
    );
  }
  const orgId = txn.org.seed.organizationId;
  const at = (ownerId: string | undefined): SObjectValue | undefined =>
    ownerId === undefined ? undefined : rows.find((r) => idText(r.values.get('setupownerid') ?? null) === ownerId);
  if (lower === 'getorgdefaults' && args.length === 0) return at(orgId) ?? new SObjectValue(describe);
  if (lower === 'getvalues' && args.length === 1) {
    const id = idText(args[0] ?? null);
    if (id === undefined) throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
    return at(id) ?? null;
  }
  if (lower === 'getinstance' && args.length <= 1) {
    const id = args.length === 0 ? txn.userId : idText(args[0] ?? null);
    if (id === undefined) throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
    const prefix = id.slice(0, 3);
    let levels: string[];
    if (prefix === '005') {
      const profile = txn.org.db.get(id)?.fields.get('profileid') ?? null;
      levels = [id, ...(profile instanceof ApexId ? [profile.value] : []), orgId];
    } else if (prefix === '00e') {
      levels = [id, orgId];
    } else if (id === orgId) {
      levels = [orgId];
    } else {
      throw new EmulatorUnsupportedError(
        `${describe.name}.getInstance of an Id that is not a user, profile or the organization`,
      );
    }
    const found = levels.map((l) => at(l));
    const own = found[0];
    const result = own ?? new SObjectValue(describe);
    if (!own) result.values.set('setupownerid', ApexId.valueOf(id));
    for (const f of describe.fields.list()) {
      if (!f.custom) continue;
      const key = f.name.toLowerCase();
      if ((result.values.get(key) ?? null) !== null) continue;
      for (const level of found.slice(1)) {
        const v = level?.values.get(key) ?? null;
        if (v !== null) {
          result.values.set(key, v);
          break;
        }
      }
    }
    return result;
  }
  throw new EmulatorUnsupportedError(
    `hierarchy custom setting method ${describe.name}.${method}(${args.length} arguments)`,
  );
}

/** `X__mdt.getAll()`, `X__mdt.getInstance(name)`, custom settings' getInstance/getOrgDefaults/getValues/getAll. */
export function callSObjectStatic(txn: Txn, sobject: string, method: string, args: Value[]): Value {
  const describe = txn.org.describe(sobject);
  const lower = method.toLowerCase();
  // `Account.getSObjectType()`: the sObject type token, as `Account.SObjectType` (Apex Reference, "SObject Class",
  // getSObjectType(); the static form on a type name compiles in orgs and trailheadapps/apex-recipes tests use it).
  if (lower === 'getsobjecttype' && args.length === 0) return sobjectTypeToken(txn, describe.name);
  if (describe.kind === 'customMetadata') {
    const records = customMetadataRecords(txn, describe.name);
    if (lower === 'getall') {
      const m = new ApexMap(STRING_TYPE, sobjectType(describe.name));
      for (const r of records) storePut(txn, m.store, plainText(r.values.get('developername')), r.copy());
      return m;
    }
    if (lower === 'getinstance') {
      const key = args[0] ?? null;
      if (key === null) return null;
      const found = records.find((r) => {
        if (key instanceof ApexId) return (r.values.get('id') as ApexId | undefined)?.value === key.value;
        const dn = plainText(r.values.get('developername'));
        return (
          dn.toLowerCase() === plainText(key).toLowerCase() ||
          plainText(r.values.get('qualifiedapiname')).toLowerCase() === plainText(key).toLowerCase()
        );
      });
      return found ? found.copy() : null;
    }
  }
  if (describe.kind === 'customSetting') return customSettingStatic(txn, describe, lower, method, args);
  throw new EmulatorUnsupportedError(`static method ${describe.name}.${method}()`);
}

export { ApexList };
