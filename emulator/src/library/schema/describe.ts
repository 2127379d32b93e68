// Schema describe (Apex Reference: "Schema Class", "SObjectType Class", "SObjectField Class",
// "DescribeSObjectResult Class", "DescribeFieldResult Class", "PicklistEntry Class", "ChildRelationship Class",
// "RecordTypeInfo Class", "DisplayType Enum", "SoapType Enum"). isAccessible/isCreateable/isUpdateable/
// isDeletable answer for the running user (object and field permissions), the rest from the org schema.
// getGlobalDescribe() and fields.getMap() return maps whose keys are lower case and whose lookups ignore case.
import { plainText } from '../../runtime/stringify';
import { ApexPlatformError, EmulatorUnsupportedError } from '../../errors';
import { isAdministrator } from '../../data/access';
import type { ClassInfo } from '../../runtime/classes';
import type { Program } from '../../runtime/program';
import { SObjectValue } from '../../runtime/sobject';
import type { Txn } from '../../runtime/transaction';
import { STRING_TYPE, type ApexType } from '../../runtime/types';
import { ApexList, ApexMap, ApexObject, type Value } from '../../runtime/values';
import { storePut } from '../../runtime/equality';
import type {
  ChildRelationship,
  FieldDescribe,
  FieldSetDescribe,
  PicklistEntry,
  RecordTypeDescribe,
  SObjectDescribe,
} from '../../schema/types';
import { attributeKnown } from '../../schema/fieldFactory';
import { ApexId } from '../../values/Id';
import { defaultValues } from '../../data/dml/engine';
import { defineBuiltin, enumConstant } from '../define';
import {
  fieldStateOf,
  setTokenClasses,
  sobjectFieldToken,
  sobjectTypeToken,
  typeStateOf,
  type SObjectFieldState,
} from './tokens';
import { setSObjectTokenFactory } from '../../runtime/typeMembers';
import { sobjectMemberToken } from './tokens';

const DISPLAY_TYPES = [
  'ADDRESS',
  'ANYTYPE',
  'BASE64',
  'BOOLEAN',
  'COMBOBOX',
  'COMPLEXVALUE',
  'CURRENCY',
  'DATACATEGORYGROUPREFERENCE',
  'DATE',
  'DATETIME',
  'DOUBLE',
  'EMAIL',
  'ENCRYPTEDSTRING',
  'ID',
  'INTEGER',
  'JSON',
  'LOCATION',
  'LONG',
  'MULTIPICKLIST',
  'PERCENT',
  'PHONE',
  'PICKLIST',
  'REFERENCE',
  'SOBJECT',
  'STRING',
  'TEXTAREA',
  'TIME',
  'URL',
];
const SOAP_TYPES = [
  'ADDRESS',
  'ANYTYPE',
  'BASE64BINARY',
  'BOOLEAN',
  'DATE',
  'DATETIME',
  'DOUBLE',
  'ID',
  'INTEGER',
  'JSON',
  'LOCATION',
  'LONG',
  'STRING',
  'TIME',
];

const classes = new Map<string, ClassInfo>();
const cls = (k: string): ClassInfo => classes.get(k) as ClassInfo;

interface ObjectDescribeState {
  describe: SObjectDescribe;
  toString(): string;
}
interface FieldsState {
  describe: SObjectDescribe;
}

function objectDescribe(txn: Txn, describe: SObjectDescribe): ApexObject {
  return txn.org.caches(
    `describe:${describe.name.toLowerCase()}`,
    () =>
      new ApexObject(cls('describesobjectresult'), {
        describe,
        toString: () => `Schema.DescribeSObjectResult[${describe.name}]`,
      } satisfies ObjectDescribeState),
  );
}

function fieldDescribe(_txn: Txn, state: SObjectFieldState): ApexObject {
  return new ApexObject(cls('describefieldresult'), state);
}

function objState(v: Value): ObjectDescribeState {
  return (v as ApexObject).native as ObjectDescribeState;
}

function fieldState(v: Value): SObjectFieldState {
  return (v as ApexObject).native as SObjectFieldState;
}

/** A Map<String, T> whose lookups ignore case, keyed by lower-case names. */
export function caseInsensitiveMap(txn: Txn, valueType: ApexType, entries: [string, Value][]): ApexMap {
  const m = new ApexMap(STRING_TYPE, valueType);
  m.caseInsensitiveKeys = true;
  for (const [k, v] of entries) storePut(txn, m.store, k.toLowerCase(), v);
  return m;
}

// ---------------------------------------------------------------- per-user permissions

function objectPermission(txn: Txn, d: SObjectDescribe, what: 'read' | 'create' | 'edit' | 'delete'): boolean {
  const security = txn.org.security;
  if (security?.objectPermission) return security.objectPermission(txn.userId, d.name, what);
  if (isAdministrator(txn)) {
    if (what === 'read') return d.queryable;
    if (what === 'create') return d.createable;
    if (what === 'edit') return d.updateable;
    return d.deletable;
  }
  throw new EmulatorUnsupportedError(
    `describe permissions for a user without Modify All Data (security model not loaded)`,
  );
}

function fieldPermission(txn: Txn, o: SObjectDescribe, f: FieldDescribe, what: 'read' | 'edit' | 'create'): boolean {
  const security = txn.org.security;
  if (security?.fieldPermission) return security.fieldPermission(txn.userId, o.name, f.name, what);
  if (isAdministrator(txn)) {
    if (what === 'read') return true;
    if (what === 'create') return f.createable;
    return f.updateable;
  }
  throw new EmulatorUnsupportedError(
    `describe field permissions for a user without Modify All Data (security model not loaded)`,
  );
}

// ---------------------------------------------------------------- values

function picklistEntry(e: PicklistEntry): ApexObject {
  return new ApexObject(cls('picklistentry'), e);
}

// One ChildRelationship object per relationship of a describe: describe results are immutable, and Apex that passes
// in orgs keys maps by them — fflib's QueryFactory finds `Map<Schema.ChildRelationship, …>.containsKey` true for the
// relationship read again from `getDescribe().getChildRelationships()`.
const childRelationships = new WeakMap<ChildRelationship, ApexObject>();

function childRelationship(r: ChildRelationship): ApexObject {
  let o = childRelationships.get(r);
  if (!o) {
    o = new ApexObject(cls('childrelationship'), r);
    childRelationships.set(r, o);
  }
  return o;
}

function recordTypeInfo(describe: SObjectDescribe, r: RecordTypeDescribe): ApexObject {
  return new ApexObject(cls('recordtypeinfo'), { describe, info: r });
}

/** DescribeFieldResult.getLabel(): fails loudly for a standard field whose org label the emulator does not know. */
function knownLabel(object: string, f: FieldDescribe): string {
  if (f.labelUnknown)
    throw new EmulatorUnsupportedError(
      `the label of standard field ${object}.${f.name} (not in the Field Reference tables of schema/standard/fieldLabels.ts)`,
    );
  return f.label;
}

/**
 * Fails loudly when the attribute a describe method answers from is not known: a jar-only field (only its name and
 * type are known) or a partially documented one (schema/standard/fieldProperties.ts: Properties documented, size not)
 * whose `knownAttributes` do not include it. Never a placeholder.
 */
function partialGuard(object: string, f: FieldDescribe, what: string, attribute: keyof FieldDescribe): void {
  if (attributeKnown(f, attribute)) return;
  throw new EmulatorUnsupportedError(
    f.knownAttributes === undefined
      ? `DescribeFieldResult.${what} of ${object}.${f.name} (only its name and type are known)`
      : `DescribeFieldResult.${what} of ${object}.${f.name} (its ${attribute} is not documented)`,
  );
}

function fieldMethods(): Record<string, (txn: Txn, self: Value, args: Value[]) => Value> {
  const f = (v: Value): FieldDescribe => fieldState(v).field;
  const o = (v: Value): SObjectDescribe => fieldState(v).object;
  const known =
    <K extends keyof FieldDescribe>(method: string, attribute: K) =>
    (_t: Txn, s: Value): Value => {
      partialGuard(o(s).name, f(s), `${method}()`, attribute);
      return f(s)[attribute] as Value;
    };
  return {
    getName: (_t, s) => f(s).name,
    getLocalName: (_t, s) => f(s).name,
    getLabel: (_t, s) => knownLabel(o(s).name, f(s)),
    getType: (t, s) => enumConstant(t.program, 'Schema.DisplayType', f(s).type),
    getSoapType: (t, s) => enumConstant(t.program, 'Schema.SoapType', f(s).soapType),
    getLength: known('getLength', 'length'),
    getByteLength: known('getByteLength', 'byteLength'),
    getPrecision: known('getPrecision', 'precision'),
    getScale: known('getScale', 'scale'),
    getDigits: known('getDigits', 'digits'),
    isNillable: known('isNillable', 'nillable'),
    isCustom: (_t, s) => f(s).custom,
    isCalculated: known('isCalculated', 'calculated'),
    isAutoNumber: known('isAutoNumber', 'autoNumber'),
    isExternalId: known('isExternalId', 'externalId'),
    isUnique: known('isUnique', 'unique'),
    isCaseSensitive: known('isCaseSensitive', 'caseSensitive'),
    isIdLookup: known('isIdLookup', 'idLookup'),
    isNameField: known('isNameField', 'nameField'),
    isRestrictedPicklist: known('isRestrictedPicklist', 'restrictedPicklist'),
    isDependentPicklist: known('isDependentPicklist', 'dependentPicklist'),
    isHtmlFormatted: known('isHtmlFormatted', 'htmlFormatted'),
    isSortable: known('isSortable', 'sortable'),
    isFilterable: known('isFilterable', 'filterable'),
    isGroupable: known('isGroupable', 'groupable'),
    isAggregatable: known('isAggregatable', 'aggregatable'),
    isDefaultedOnCreate: known('isDefaultedOnCreate', 'defaultedOnCreate'),
    isCascadeDelete: known('isCascadeDelete', 'cascadeDelete'),
    isRestrictedDelete: known('isRestrictedDelete', 'restrictedDelete'),
    isWriteRequiresMasterRead: known('isWriteRequiresMasterRead', 'writeRequiresMasterRead'),
    isPermissionable: known('isPermissionable', 'permissionable'),
    isNamePointing: known('isNamePointing', 'namePointing'),
    isEncrypted: known('isEncrypted', 'encrypted'),
    isDeprecatedAndHidden: () => false,
    isAccessible: (t, s) => fieldPermission(t, o(s), f(s), 'read'),
    isCreateable: (t, s) => fieldPermission(t, o(s), f(s), 'create'),
    isUpdateable: (t, s) => fieldPermission(t, o(s), f(s), 'edit'),
    getPicklistValues: (_t, s) => {
      partialGuard(o(s).name, f(s), 'getPicklistValues()', 'picklistValues');
      return new ApexList({ kind: 'class', cls: cls('picklistentry') }, f(s).picklistValues.map(picklistEntry));
    },
    getReferenceTo: (t, s) =>
      new ApexList(
        { kind: 'class', cls: cls('sobjecttype') },
        f(s)
          .referenceTo.filter((name) => t.org.schema.has(name))
          .map((name) => sobjectTypeToken(t, name)),
      ),
    getRelationshipName: (_t, s) => f(s).relationshipName ?? null,
    getRelationshipOrder: (_t, s) => f(s).relationshipOrder ?? null,
    getDefaultValue: (_t, s) => (f(s).defaultValue === undefined ? null : (f(s).defaultValue ?? null)),
    getDefaultValueFormula: (_t, s) => f(s).defaultValueFormula ?? null,
    getCalculatedFormula: (_t, s) => f(s).calculatedFormula ?? null,
    getInlineHelpText: (_t, s) => f(s).inlineHelpText ?? null,
    getCompoundFieldName: (_t, s) => f(s).compoundFieldName ?? null,
    getController: (t, s) => {
      const c = f(s).controllerName;
      const field = c ? o(s).fields.get(c) : undefined;
      return field ? sobjectFieldToken(t, o(s), field) : null;
    },
    getSObjectField: (t, s) => sobjectFieldToken(t, o(s), f(s)),
    getSObjectType: (t, s) => sobjectTypeToken(t, o(s).name),
  };
}

function objectMethods(): Record<string, (txn: Txn, self: Value, args: Value[]) => Value> {
  const d = (v: Value): SObjectDescribe => objState(v).describe;
  return {
    getName: (_t, s) => d(s).name,
    getLocalName: (_t, s) => d(s).name,
    getLabel: (_t, s) => d(s).label,
    getLabelPlural: (_t, s) => d(s).labelPlural,
    getKeyPrefix: (_t, s) => d(s).keyPrefix ?? null,
    isCustom: (_t, s) => d(s).custom,
    isCustomSetting: (_t, s) => d(s).customSetting,
    isQueryable: (_t, s) => d(s).queryable,
    isSearchable: (_t, s) => d(s).searchable,
    isUndeletable: (_t, s) => d(s).undeletable,
    isMergeable: (_t, s) => d(s).mergeable,
    isFeedEnabled: (_t, s) => d(s).feedEnabled,
    isDeprecatedAndHidden: () => false,
    isAccessible: (t, s) => objectPermission(t, d(s), 'read'),
    isCreateable: (t, s) => objectPermission(t, d(s), 'create'),
    isUpdateable: (t, s) => objectPermission(t, d(s), 'edit'),
    isDeletable: (t, s) => objectPermission(t, d(s), 'delete'),
    getSObjectType: (t, s) => sobjectTypeToken(t, d(s).name),
    getChildRelationships: (_t, s) =>
      new ApexList({ kind: 'class', cls: cls('childrelationship') }, d(s).childRelationships.map(childRelationship)),
    getRecordTypeInfos: (_t, s) =>
      new ApexList(
        { kind: 'class', cls: cls('recordtypeinfo') },
        d(s).recordTypes.map((r) => recordTypeInfo(d(s), r)),
      ),
    getRecordTypeInfosByDeveloperName: (t, s) => recordTypeMap(t, d(s), (r) => r.developerName),
    getRecordTypeInfosByName: (t, s) => recordTypeMap(t, d(s), (r) => r.name),
    getRecordTypeInfosById: () => {
      throw new EmulatorUnsupportedError('getRecordTypeInfosById (record type ids)');
    },
    getAssociateEntityType: () => null,
    getAssociateParentEntity: () => null,
    getHasSubtypes: () => false,
    isInterface: () => false,
  };
}

function recordTypeMap(txn: Txn, d: SObjectDescribe, key: (r: RecordTypeDescribe) => string): ApexMap {
  const m = new ApexMap(STRING_TYPE, { kind: 'class', cls: cls('recordtypeinfo') });
  for (const r of d.recordTypes) storePut(txn, m.store, key(r), recordTypeInfo(d, r));
  return m;
}

/** `describe.fields.Name`, `describe.fields.getMap()`: the fields of one object. */
function fieldsObject(describe: SObjectDescribe): ApexObject {
  return new ApexObject(cls('sobjectfieldsholder'), { describe } satisfies FieldsState);
}

function fieldsMap(txn: Txn, describe: SObjectDescribe): ApexMap {
  return caseInsensitiveMap(
    txn,
    { kind: 'class', cls: cls('sobjectfield') },
    describe.fields.list().map((f) => [f.name, sobjectFieldToken(txn, describe, f)]),
  );
}

export function globalDescribe(txn: Txn): ApexMap {
  return caseInsensitiveMap(
    txn,
    { kind: 'class', cls: cls('sobjecttype') },
    txn.org.schema.globalDescribe().map((name) => [name, lazyToken(txn, name)]),
  );
}

/** Global describe builds thousands of tokens: each is created when first read (the map holds placeholders). */
function lazyToken(txn: Txn, name: string): Value {
  return sobjectTypeToken(txn, name);
}

// ---------------------------------------------------------------- field sets

interface FieldSetState {
  describe: SObjectDescribe;
  fieldSet: FieldSetDescribe;
}

interface FieldSetMemberState {
  object: SObjectDescribe;
  path: string;
  required: boolean;
}

/**
 * The field a field-set path names, following relationships (`Owner.Name`: Owner is the relationship of OwnerId).
 * Apex Reference, "FieldSetMember Class": getFieldPath() is ready for dynamic SOQL, so the path is SOQL's.
 */
function fieldAtPath(
  txn: Txn,
  object: SObjectDescribe,
  path: string,
): { object: SObjectDescribe; field: FieldDescribe } {
  const parts = path.split('.');
  let current = object;
  for (let i = 0; i < parts.length - 1; i += 1) {
    const rel = current.fields.byRelationshipName(parts[i] ?? '');
    const target = rel?.referenceTo.length === 1 ? rel.referenceTo[0] : undefined;
    if (!rel || !target) {
      throw new EmulatorUnsupportedError(`field set path ${path} on ${object.name} (relationship ${parts[i] ?? ''})`);
    }
    current = txn.org.describe(target);
  }
  const last = parts[parts.length - 1] ?? '';
  const field = current.fields.get(last);
  if (!field) throw new EmulatorUnsupportedError(`field set path ${path} on ${object.name} (no field ${last})`);
  return { object: current, field };
}

function fieldSetObject(describe: SObjectDescribe, fieldSet: FieldSetDescribe): ApexObject {
  return new ApexObject(cls('fieldset'), { describe, fieldSet } satisfies FieldSetState);
}

/** Apex Reference, "FieldSet Class" and "FieldSetMember Class"; `describe.fieldSets.getMap()` / `.Name`. */
function registerFieldSets(program: Program): void {
  const fs = (v: Value): FieldSetState => (v as ApexObject).native as FieldSetState;
  const member = (v: Value): FieldSetMemberState => (v as ApexObject).native as FieldSetMemberState;
  classes.set(
    'fieldset',
    defineBuiltin(program, {
      name: 'FieldSet',
      namespace: 'Schema',
      methods: {
        getName: (_t, s) => fs(s).fieldSet.name,
        getLabel: (_t, s) => fs(s).fieldSet.label,
        getDescription: (_t, s) => fs(s).fieldSet.description,
        getNameSpace: () => {
          throw new EmulatorUnsupportedError(
            'FieldSet.getNameSpace (the docs do not say what an unpackaged field set returns)',
          );
        },
        getSObjectType: (t, s) => sobjectTypeToken(t, fs(s).describe.name),
        getFields: (_t, s) => {
          const { describe, fieldSet } = fs(s);
          return new ApexList(
            { kind: 'class', cls: cls('fieldsetmember') },
            fieldSet.fields.map(
              (f) =>
                new ApexObject(cls('fieldsetmember'), {
                  object: describe,
                  path: f.path,
                  required: f.required,
                } satisfies FieldSetMemberState),
            ),
          );
        },
      },
    }),
  );
  classes.set(
    'fieldsetmember',
    defineBuiltin(program, {
      name: 'FieldSetMember',
      namespace: 'Schema',
      methods: {
        getFieldPath: (_t, s) => member(s).path,
        getRequired: (_t, s) => member(s).required,
        getLabel: (t, s) => {
          const at = fieldAtPath(t, member(s).object, member(s).path);
          return knownLabel(member(s).path, at.field);
        },
        getType: (t, s) =>
          enumConstant(t.program, 'Schema.DisplayType', fieldAtPath(t, member(s).object, member(s).path).field.type),
        // Required by the field's definition: not nillable and not defaulted on create (the describe's
        // isNillable() false; Boolean fields are never nillable but always have a value, so they are not required).
        getDBRequired: (t, s) => {
          const { field } = fieldAtPath(t, member(s).object, member(s).path);
          for (const a of ['nillable', 'createable', 'defaultedOnCreate'] as const)
            partialGuard(member(s).object.name, field, 'getDBRequired()', a);
          return !field.nillable && field.type !== 'BOOLEAN' && field.createable && !field.defaultedOnCreate;
        },
        getSObjectField: (t, s) => {
          const at = fieldAtPath(t, member(s).object, member(s).path);
          return sobjectFieldToken(t, at.object, at.field);
        },
      },
    }),
  );
  classes.set(
    'fieldsetsholder',
    defineBuiltin(program, {
      name: 'SObjectTypeFieldSets',
      namespace: 'Schema',
      methods: {
        getMap: (t: Txn, s: Value) => {
          const describe = ((s as ApexObject).native as { describe: SObjectDescribe }).describe;
          return caseInsensitiveMap(
            t,
            { kind: 'class', cls: cls('fieldset') },
            describe.fieldSets.map((f) => [f.name, fieldSetObject(describe, f)]),
          );
        },
      },
      memberFallback: (_t, s, name) => {
        const describe = (s.native as { describe: SObjectDescribe }).describe;
        const found = describe.fieldSets.find((f) => f.name.toLowerCase() === name.toLowerCase());
        if (!found)
          throw new ApexPlatformError('System.SObjectException', `Invalid field set ${name} for ${describe.name}`);
        return fieldSetObject(describe, found);
      },
    }),
  );
}

export function registerDescribe(program: Program): void {
  defineBuiltin(program, { name: 'DisplayType', namespace: 'Schema', kind: 'enum', enumValues: DISPLAY_TYPES });
  defineBuiltin(program, { name: 'SoapType', namespace: 'Schema', kind: 'enum', enumValues: SOAP_TYPES });
  defineBuiltin(program, {
    name: 'SObjectDescribeOptions',
    namespace: 'Schema',
    kind: 'enum',
    enumValues: ['DEFAULT', 'DEFERRED', 'FULL'],
  });
  const typeCls = defineBuiltin(program, {
    name: 'SObjectType',
    namespace: 'Schema',
    methods: {
      getDescribe: (t: Txn, s: Value) => objectDescribe(t, typeStateOf(s).describe),
      newSObject: (t, s, a) => {
        const describe = typeStateOf(s).describe;
        const rec = new SObjectValue(describe);
        const id = a[0] ?? null;
        if (a.length === 1 && id !== null)
          rec.values.set('id', id instanceof ApexId ? id : ApexId.valueOf(plainText(id)));
        if (a.length === 2) {
          if (id !== null) throw new EmulatorUnsupportedError('SObjectType.newSObject with a record type id');
          if (a[1] === true) for (const [k, v] of defaultValues(t, describe)) rec.values.set(k, v);
        }
        return rec;
      },
      toString: (_t: Txn, s: Value) => typeStateOf(s).describe.name,
      equals: (_t, s, a) => s === a[0],
      hashCode: (_t, s) => (s as ApexObject).identity,
    },
    properties: {
      fields: {
        get: (_t, s) =>
          new ApexObject(cls('sobjecttypefieldtokens'), { describe: typeStateOf(s).describe } satisfies FieldsState),
      },
    },
    staticFallback: (t, name) => {
      if (!t.org.schema.has(name)) return undefined;
      return objectDescribe(t, t.org.describe(name));
    },
  });
  const fieldCls = defineBuiltin(program, {
    name: 'SObjectField',
    namespace: 'Schema',
    // `Schema.Obj__Share.RowCause.Reason__c` is the reason's API name (Apex Developer Guide, "Creating Apex
    // Managed Sharing": the sharing reason is referenced as Schema.CustomObject__Share.rowCause.Reason__c).
    memberFallback: (_t, s, name) => {
      const { field, object } = fieldStateOf(s);
      const value = field.picklistValues.find((p) => p.value.toLowerCase() === name.toLowerCase());
      if (!value)
        throw new ApexPlatformError(
          'System.SObjectException',
          `Invalid value ${name} for ${object.name}.${field.name}`,
        );
      return value.value;
    },
    methods: {
      getDescribe: (t: Txn, s: Value) => fieldDescribe(t, fieldStateOf(s)),
      toString: (_t: Txn, s: Value) => fieldStateOf(s).field.name,
      equals: (_t, s, a) => s === a[0],
      hashCode: (_t, s) => (s as ApexObject).identity,
    },
  });
  setTokenClasses(typeCls, fieldCls);
  classes.set('sobjecttype', typeCls);
  classes.set('sobjectfield', fieldCls);
  classes.set(
    'describesobjectresult',
    defineBuiltin(program, {
      name: 'DescribeSObjectResult',
      namespace: 'Schema',
      methods: objectMethods(),
      properties: {
        fields: { get: (_t, s) => fieldsObject(objState(s).describe) },
        fieldSets: { get: (_t, s) => new ApexObject(cls('fieldsetsholder'), { describe: objState(s).describe }) },
      },
    }),
  );
  classes.set(
    'sobjectfieldsholder',
    defineBuiltin(program, {
      name: 'SObjectTypeFields',
      namespace: 'Schema',
      methods: { getMap: (t: Txn, s: Value) => fieldsMap(t, ((s as ApexObject).native as FieldsState).describe) },
      memberFallback: (t, s, name) => {
        const describe = (s.native as FieldsState).describe;
        const field = describe.fields.get(name);
        if (!field)
          throw new ApexPlatformError('System.SObjectException', `Invalid field ${name} for ${describe.name}`);
        return fieldDescribe(t, { object: describe, field, toString: () => field.name });
      },
    }),
  );
  // `Account.SObjectType.fields.Name` is the field's token (Schema.SObjectField), unlike
  // `Schema.SObjectType.Account.fields.Name`, a DescribeFieldResult (fflib_SObjectDescribeTest, which passes in
  // orgs, compares the two to a Schema.SObjectField). apex-ls knows no getMap() on it, so none is offered.
  classes.set(
    'sobjecttypefieldtokens',
    defineBuiltin(program, {
      name: 'SObjectTypeFieldTokens',
      namespace: 'Schema',
      memberFallback: (t, s, name) => {
        const describe = (s.native as FieldsState).describe;
        const field = describe.fields.get(name);
        if (!field)
          throw new ApexPlatformError('System.SObjectException', `Invalid field ${name} for ${describe.name}`);
        return sobjectFieldToken(t, describe, field);
      },
    }),
  );
  registerFieldSets(program);
  classes.set(
    'describefieldresult',
    defineBuiltin(program, { name: 'DescribeFieldResult', namespace: 'Schema', methods: fieldMethods() }),
  );
  classes.set(
    'picklistentry',
    defineBuiltin(program, {
      name: 'PicklistEntry',
      namespace: 'Schema',
      methods: {
        getValue: (_t, s) => ((s as ApexObject).native as PicklistEntry).value,
        getLabel: (_t, s) => ((s as ApexObject).native as PicklistEntry).label,
        isActive: (_t, s) => ((s as ApexObject).native as PicklistEntry).active,
        isDefaultValue: (_t, s) => ((s as ApexObject).native as PicklistEntry).defaultValue,
      },
    }),
  );
  classes.set(
    'childrelationship',
    defineBuiltin(program, {
      name: 'ChildRelationship',
      namespace: 'Schema',
      methods: {
        getChildSObject: (t, s) => sobjectTypeToken(t, ((s as ApexObject).native as ChildRelationship).childSObject),
        getField: (t, s) => {
          const r = (s as ApexObject).native as ChildRelationship;
          if (!r.field)
            throw new EmulatorUnsupportedError(`ChildRelationship.getField of ${r.childSObject} (not known)`);
          const child = t.org.describe(r.childSObject);
          const field = child.fields.get(r.field);
          return field ? sobjectFieldToken(t, child, field) : null;
        },
        getRelationshipName: (_t, s) => ((s as ApexObject).native as ChildRelationship).relationshipName ?? null,
        isCascadeDelete: (_t, s) => ((s as ApexObject).native as ChildRelationship).cascadeDelete,
        isRestrictedDelete: (_t, s) => ((s as ApexObject).native as ChildRelationship).restrictedDelete,
        isDeprecatedAndHidden: () => false,
      },
    }),
  );
  classes.set(
    'recordtypeinfo',
    defineBuiltin(program, {
      name: 'RecordTypeInfo',
      namespace: 'Schema',
      methods: {
        getDeveloperName: (_t, s) => ((s as ApexObject).native as { info: RecordTypeDescribe }).info.developerName,
        getName: (_t, s) => ((s as ApexObject).native as { info: RecordTypeDescribe }).info.name,
        isActive: (_t, s) => ((s as ApexObject).native as { info: RecordTypeDescribe }).info.active,
        isMaster: (_t, s) => ((s as ApexObject).native as { info: RecordTypeDescribe }).info.master,
        isDefaultRecordTypeMapping: (_t, s) => ((s as ApexObject).native as { info: RecordTypeDescribe }).info.master,
        isAvailable: () => true,
        getRecordTypeId: () => {
          throw new EmulatorUnsupportedError('RecordTypeInfo.getRecordTypeId (record type ids)');
        },
      },
    }),
  );
  defineBuiltin(program, {
    name: 'Schema',
    namespace: 'System',
    statics: {
      getGlobalDescribe: (t) => globalDescribe(t),
      describeSObjects: (t, _s, a) => {
        const names = a[0];
        if (!(names instanceof ApexList))
          throw new ApexPlatformError('System.NullPointerException', 'Argument cannot be null.');
        return new ApexList(
          { kind: 'class', cls: cls('describesobjectresult') },
          names.items.map((n) => {
            const name = plainText(n);
            if (!t.org.schema.has(name)) {
              throw new ApexPlatformError(
                'System.InvalidParameterValueException',
                `In describeSObjects(), the 1 sObject type ${name} is invalid.`,
              );
            }
            return objectDescribe(t, t.org.describe(name));
          }),
        );
      },
      describeTabs: () => {
        throw new EmulatorUnsupportedError('Schema.describeTabs');
      },
      describeDataCategoryGroups: () => {
        throw new EmulatorUnsupportedError('Schema.describeDataCategoryGroups');
      },
    },
  });
  setSObjectTokenFactory((txn, sobject, member) => sobjectMemberToken(txn, sobject, member));
}
